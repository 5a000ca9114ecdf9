"""English words for the news terms of a Vietnamese claim, so that its word search reaches English fact-checks.

"Tổng thống Mỹ nói vắc-xin gây tự kỷ" shares no word with "President Trump said vaccines cause autism"; its
gloss, "president america american united states us vaccine vaccines autism", shares three. The gloss joins the
claim's own words in the word search of a match by meaning in every language (`pipelines/matching.py`); the claim's
text, figures and polarity still decide the relation. The glossary (`vi_en_news.tsv`, about 1,500 terms of
general news vocabulary: countries, institutions, titles, health, crime, elections, disasters…) was written for
this from general knowledge of both languages, without looking at any evaluation data. Terms are matched on whole
syllables, longest first, each syllable once: "hợp pháp" (legal) is never read as "pháp" (France).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from claims.folding import nfc
from claims.language import detect_language
from claims.matching.normalize import match_text

__all__ = ["english_gloss", "glossary_size", "with_english_gloss"]

_FILE = Path(__file__).with_name("vi_en_news.tsv")
_SYLLABLE = re.compile(r"[\w-]+")


@lru_cache(maxsize=1)
def _terms() -> tuple[dict[tuple[str, ...], str], int]:
    """The terms by their syllables, and the number of syllables of the longest."""
    terms: dict[tuple[str, ...], str] = {}
    for line in _FILE.read_text(encoding="utf-8").splitlines():
        vietnamese, _, english = line.partition("\t")
        key = tuple(nfc(vietnamese).lower().split())
        if key and english.strip():
            terms.setdefault(key, english.strip())
    return terms, max(map(len, terms), default=0)


def glossary_size() -> int:
    """How many Vietnamese terms the glossary knows."""
    return len(_terms()[0])


def english_gloss(text: str) -> str:
    """The English words of the glossary terms in `text` (Vietnamese), in order; "" when none is found.

    >>> english_gloss("Tổng thống Mỹ nói vắc-xin gây tự kỷ")  # doctest: +SKIP
    'president america american united states us vaccine vaccines autism'
    """
    terms, longest = _terms()
    syllables = _SYLLABLE.findall(nfc(text).lower())
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(syllables):
        for size in range(min(longest, len(syllables) - i), 0, -1):
            english = terms.get(tuple(syllables[i:i + size]))
            if english is not None:
                found.append((i, english))
                i += size
                break
        else:
            i += 1
    return " ".join(english for _, english in found)


def with_english_gloss(text: str, text_norm: str) -> str:
    """The words a search across languages looks for: `text_norm` (`match_text(text)`), followed by the English
    gloss when `text` is Vietnamese and has one."""
    if detect_language(text) != "vi" or not (gloss := english_gloss(text)):
        return text_norm
    return f"{text_norm} {match_text(gloss)}"
