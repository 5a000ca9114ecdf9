"""Whether two claims state the same figures: "1,7 triệu" = "1.7 million" = "1.700.000", but never "1,8 triệu".

The comparison itself is the duplicate rule's (`claims/matching/duplicate_rule.py`); these are its short names.
"""
from __future__ import annotations

from claims.matching.duplicate_rule import compare_figures, figures_of

__all__ = ["figures", "same_figures"]


def figures(text: str) -> tuple[str, ...]:
    """The figures of a claim as written, in order.

    >>> figures("Giá tăng 90% trong năm 2020")  # doctest: +SKIP
    ('90%', 'năm 2020')
    """
    return tuple(f.text for f in figures_of(text))


def same_figures(a: str, b: str) -> bool:
    """True when both claims state the same figures ("90%" and "9%" differ; no figures agree).

    >>> same_figures("1,7 triệu người", "1,8 triệu người")
    False
    """
    return all(p.same for p in compare_figures(figures_of(a), figures_of(b)))
