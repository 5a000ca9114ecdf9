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
from itertools import islice, pairwise
from pathlib import Path

from claims.folding import nfc
from claims.language import detect_language
from claims.matching.normalize import match_text

__all__ = ["english_gloss", "glossary_size", "spelled_out", "with_acronyms", "with_english_gloss"]

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


# Vietnamese abbreviations of bodies, written out before names are looked up ("Văn phòng Cao ủy Nhân quyền LHQ").
_WRITTEN_OUT = re.compile(r"(?<![\w])(LHQ|HĐBA)(?![\w])")
_OUT = {"LHQ": "Liên Hợp Quốc", "HĐBA": "Hội đồng Bảo an"}


def _one_word(key: tuple[str, ...], english: str) -> str | None:
    """The one word a term is known by: the acronym its English spells ("who" of "who world health organization")
    or its English name when that is one word and the term has three syllables or more ("xinhua" for "tân hoa
    xã"; "hà nội" stays Hà Nội)."""
    first, *rest = english.split()
    if (rest and len(key) >= 2 and first == "".join(w[0] for w in rest)) or (not rest and len(key) >= 3):
        return first
    return None


@lru_cache(maxsize=1)
def _bodies() -> tuple[dict[tuple[str, ...], str], int, re.Pattern[str]]:
    """The terms known by one word, by their syllables; the number of syllables of the longest; and a pattern of
    their first syllables, capitalised, which finds where one may start."""
    known = {key: word for key, english in _terms()[0].items() if (word := _one_word(key, english))}
    firsts = sorted({key[0][:1].upper() + key[0][1:] for key in known}, key=len, reverse=True)
    starts = re.compile(rf"(?<![\w])(?:{'|'.join(map(re.escape, firsts))})(?![\w])")
    return known, max(map(len, known), default=0), starts


@lru_cache(maxsize=1)
def _names_of() -> dict[str, tuple[str, ...]]:
    """For each word the glossary knows a name by, those names (`_bodies` read the other way)."""
    names: dict[str, list[str]] = {}
    for key, one in _bodies()[0].items():
        names.setdefault(one, []).append(" ".join(key))
    return {one: tuple(found) for one, found in names.items()}


def spelled_out(word: str) -> tuple[str, ...]:
    """The Vietnamese names the glossary knows by `word` ("UNHCR" → "cao ủy liên hợp quốc về người tị nạn", …)."""
    return _names_of().get(word.lower(), ())


def with_acronyms(text: str) -> str:
    """`text` with each Vietnamese name the glossary knows by one word (written capitalised, on half its syllables
    at least) written as that word, in capitals: "Theo Tổ chức Y tế Thế giới, …" → "Theo WHO, …", "Văn phòng Cao
    ủy Nhân quyền LHQ" → "OHCHR". A body is then the same name however an article writes it."""
    text = nfc(text)
    if "LHQ" in text or "HĐBA" in text:
        text = _WRITTEN_OUT.sub(lambda m: _OUT[m.group()], text)
    known, longest, starts = _bodies()
    pieces: list[str] = []
    at = 0
    for start in starts.finditer(text):
        if start.start() < at:
            continue
        run = list(islice(_SYLLABLE.finditer(text, start.start()), longest))
        for size in range(len(run), 1, -1):
            words = run[:size]
            if all(text[x.end():y.start()] == " " for x, y in pairwise(words)) \
                    and 2 * sum(x.group()[:1].isupper() for x in words) >= size \
                    and (word := known.get(tuple(x.group().lower() for x in words))):
                pieces += [text[at:start.start()], word.upper()]
                at = words[-1].end()
                break
    return "".join(pieces) + text[at:] if pieces else text


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
