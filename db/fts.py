"""Turning anything a person types into a safe FTS5 query: their words are data, never FTS5 syntax.

The rules a reviewer can rely on:
- whole words: "lũ" finds "lũ" and "lu", never "Lugansk" or "lực lượng"; every word must be there ("lũ lụt" finds
  claims with both words);
- a word's beginning only when asked: a word typed with `*` ("Luga*"), or a last word of 5 letters or more typed
  without diacritics ("vaccin" finds "vaccine", "flood" finds "floods"): a stem the reviewer meant. A Vietnamese
  syllable typed with its marks is a whole word already, and a short word is too often the start of another;
- figures are read as matching reads them (`claims.quantities`): "2.3 million", "2300000", "2.300.000" and
  "2,3 triệu" each find the claims that write 2,300,000 in any of these ways;
- diacritics: matching is folded ("da nang" finds "Đà Nẵng"); when the query carries marks, the claims that write
  the words with the same marks are ranked first (`diacritics_kept`), and the folded-only ones after them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.folding import fold, nfc

__all__ = ["PREFIX_MIN_LETTERS", "SearchQuery", "diacritics_kept", "match_expression", "read_query"]

PREFIX_MIN_LETTERS = 5
_WORD = re.compile(r"\w+\*?", re.UNICODE)
_SCALES = ((1e9, ("ty", "ti", "billion")), (1e6, ("trieu", "million")), (1e3, ("nghin", "ngan", "thousand")))


@dataclass(frozen=True)
class SearchQuery:
    """A query read: the FTS5 expression (None: no words at all), the words typed with their marks (for ranking),
    the words searched as beginnings, and the figures as typed."""

    expression: str | None
    marked_words: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()


def _has_marks(word: str) -> bool:
    return fold(word) != word.casefold()


def _number_phrase(value: float) -> str:
    """A number as the folded tokens of its written forms: 2300000 → "2 300 000", 1.7 → "1 7"."""
    if value == int(value):
        return " ".join(f"{int(value):,}".split(","))
    whole, _, frac = f"{value:.6f}".rstrip("0").partition(".")
    return f"{' '.join(f'{int(whole):,}'.split(','))} {frac}"


def _spellings(value: float) -> list[str]:
    """The ways a figure may be written, as phrases of folded tokens: digits grouped or not, and in millions,
    billions or thousands where it is a round number of them ("2 3 trieu", "2 3 million")."""
    out = [_number_phrase(value)]
    if value == int(value) and value >= 1000:
        out.append(str(int(value)))
    for scale, words in _SCALES:
        if value >= scale and round(value / scale, 3) == value / scale:
            out += [f"{_number_phrase(value / scale)} {w}" for w in words]
            break
    return list(dict.fromkeys(out))


def _figure_group(value: float) -> str:
    return "(" + " OR ".join(f'"{s}"' for s in _spellings(value)) + ")"


@lru_cache(maxsize=1024)
def read_query(query: str) -> SearchQuery:
    """The FTS5 expression of a query by the rules of this module, and what the results page says about it.

    >>> read_query("Đà Nẵng").expression, read_query("Luga*").expression
    ('"da" AND "nang"', '"luga"*')
    """
    from claims.quantities import find_quantities

    query = nfc(query)[:2000]
    figures = []
    taken: list[tuple[int, int]] = []
    terms: list[tuple[int, str]] = []
    if any(ch.isdigit() for ch in query):
        for q in find_quantities(query):
            if q.high is None and q.value > 0:
                figures.append(q.text)
                taken.append((q.start, q.end))
                terms.append((q.start, _figure_group(q.value)))
    words = [m for m in _WORD.finditer(query) if not any(s <= m.start() < e for s, e in taken)]
    marked: list[str] = []
    prefixes: list[str] = []
    for i, m in enumerate(words):
        typed = m.group()
        starred = typed.endswith("*")
        word = typed.rstrip("*")
        folded = fold(word)
        if not folded:
            continue
        last = i == len(words) - 1
        prefix = starred or (last and len(folded) >= PREFIX_MIN_LETTERS and not _has_marks(word)
                             and not folded.isdigit())
        if _has_marks(word):
            marked.append(word.casefold())
        if prefix:
            prefixes.append(folded)
        terms.append((m.start(), f'"{folded}"' + ("*" if prefix else "")))
    if not terms:
        return SearchQuery(None)
    expression = " AND ".join(t for _, t in sorted(terms)[:64])
    return SearchQuery(expression, tuple(marked), tuple(prefixes), tuple(figures))


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression over folded text, or None when the query has no words at all.

    Each word is double-quoted, so `"`, `*`, `NEAR(`, `AND(`, `-` and brackets in the input are never parsed
    as operators. ``match_expression('Điện "Kremlin*') == '"dien" AND "kremlin"*'``.
    """
    return read_query(query).expression


def diacritics_kept(marked_words: tuple[str, ...], column: str = "c.text") -> tuple[str, list[str]]:
    """An SQL expression (and its parameters) that is 1 when `column` writes every word of `marked_words` with the
    same marks (lower case, or capitalised as at a sentence's start), else 0; "1" when there are none.

    Plain `instr` comparisons, so the queue can count and rank tens of thousands of hits without calling Python
    once a row; the full-text match has already required each word as a whole word.
    """
    if not marked_words:
        return "1", []
    parts, params = [], []
    for word in marked_words:
        parts.append(f"(instr({column}, ?) > 0 OR instr({column}, ?) > 0)")
        params += [word, word[:1].upper() + word[1:]]
    return "(" + " AND ".join(parts) + ")", params
