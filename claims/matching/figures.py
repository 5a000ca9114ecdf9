"""Whether two claims state the same figures: "1,7 triệu" = "1.7 million" = "1.700.000", but never "1,8 triệu"."""
from __future__ import annotations

from claims.matching.normalize import match_text

__all__ = ["figures", "same_figures"]


def figures(text: str, *, normalized: bool = False) -> tuple[str, ...]:
    """The numbers of a claim in canonical form, sorted (quantities in base units, years and counts as written).

    >>> figures("Giá tăng 90% trong năm 2020")  # doctest: +SKIP
    ('2020', '90')
    """
    words = (text if normalized else match_text(text)).split()
    return tuple(sorted(w for w in words if w[0].isdigit()))


def same_figures(a: str, b: str, *, normalized: bool = False) -> bool:
    """True when both claims state exactly the same numbers ("90%" and "9%" differ; no numbers agree).

    >>> same_figures("1,7 triệu người", "1,8 triệu người")
    False
    """
    return figures(a, normalized=normalized) == figures(b, normalized=normalized)
