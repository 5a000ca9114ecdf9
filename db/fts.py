"""Turning anything a person types into a safe FTS5 query: their words are data, never FTS5 syntax."""
from __future__ import annotations

import re

from claims.folding import fold

__all__ = ["match_expression"]

_WORD = re.compile(r"\w+", re.UNICODE)


def match_expression(query: str, *, any_term: bool = False, prefix_last: bool = True) -> str | None:
    """An FTS5 MATCH expression over folded text, or None when the query has no words at all.

    Each word is double-quoted, so `"`, `*`, `NEAR(`, `AND(`, `-` and brackets in the input are never parsed
    as operators. ``match_expression('Điện "Kremlin*') == '"dien" AND "kremlin"*'``.
    """
    words = _WORD.findall(fold(query))
    if not words:
        return None
    terms = [f'"{w}"' for w in words[:64]]
    if prefix_last and not any_term:
        terms[-1] += "*"
    return (" OR " if any_term else " AND ").join(terms)
