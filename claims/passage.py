"""The passage of a source that bears on a claim: its sentences that state the claim's figures, dates or names.

Pure text in, ranked sentences out. A sentence earns its place by what a reviewer would quote: the same figure
("hơn 1,7 triệu người" = "1.700.000 người", never "1,8 triệu"), the same date, the same names (folded, so
"Điện Kremlin" and "dien kremlin" agree); shared words only break ties.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from claims.dates import find_dates
from claims.folding import fold, nfc
from claims.language import detect_language
from claims.matching.normalize import STOP_WORDS
from claims.model import DateMention, Quantity
from claims.names import name_runs, split_title
from claims.quantities import find_quantities
from claims.sentences import split_sentences
from claims.speakers import find_speakers

__all__ = ["PassageSentence", "suggest_passage", "claim_names"]

FIGURE_WEIGHT = 3.0
DATE_WEIGHT = 2.0
NAME_WEIGHT = 2.0  # a name of two words or more; a single capitalised word counts half
MIN_SHARED_WORDS = 0.5  # a sentence with none of the claim's figures, dates or names needs half its words
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class PassageSentence:
    """One sentence of the source, with where it is (`page_text[start:end] == text`) and why it was suggested."""

    text: str
    start: int
    end: int
    score: float
    reasons: tuple[str, ...]


def _same_figure(a: Quantity, b: Quantity) -> bool:
    def close(x: float | None, y: float | None) -> bool:
        if x is None or y is None:
            return x is y
        return abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1.0)

    return close(a.value, b.value) and close(a.high, b.high) and (a.unit == "percent") == (b.unit == "percent")


def _same_date(a: DateMention, b: DateMention) -> bool:
    """"--03-07" (day and month only) is the same date as "2022-03-07"; a year alone matches only that year."""
    x, y = a.value, b.value
    if x == y:
        return True
    if x.startswith("--") and len(x) == 7 and len(y) == 10:
        return y.endswith(x[1:])
    if y.startswith("--") and len(y) == 7 and len(x) == 10:
        return x.endswith(y[1:])
    return False


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isdigit()


def claim_names(claim_text: str) -> list[str]:
    """The names a claim mentions, as written: its speaker and its runs of capitalised words (the first word of
    the claim only as part of a longer run, since every sentence starts with a capital; month names are dates).

    >>> claim_names("Người phát ngôn Điện Kremlin Dmitry Peskov nói Nga đã rút quân")
    ['Dmitry Peskov', 'Điện Kremlin Dmitry Peskov', 'Nga']
    """
    text = nfc(claim_text)
    names: list[str] = []
    speaker = find_speakers([text])[0]
    if speaker and any(_capitalised(w) for w in speaker.split()):
        names.append(speaker)
    in_dates = [(d.start, d.end) for d in find_dates(text)]  # "March 7" is a date, not a name
    for start, end in name_runs(text):
        if any(a < end and start < b for a, b in in_dates):
            continue
        run = text[start:end]
        _, person = split_title(run)
        # A person's whole name without the title before it ("Nguyễn Văn Hùng"), then the run as written.
        for name in ((person, run) if len(person.split()) >= 2 else (run,)):
            if fold(name) not in STOP_WORDS and name not in names:
                names.append(name)
    return names


def _words(folded: str) -> set[str]:
    """Content words (folded, no stop words, no numbers: figures are compared as figures)."""
    return {w for w in _WORD.findall(folded) if w not in STOP_WORDS and not w[0].isdigit()}


def _contains(folded_sentence: str, folded_name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(folded_name)}(?!\w)", folded_sentence) is not None


def suggest_passage(claim_text: str, page_text: str, *, limit: int = 3) -> list[PassageSentence]:
    """The sentences of `page_text` that bear on the claim, best first (at most `limit`; none when nothing does).

    >>> page = "Giá xăng giảm. Hơn 1,7 triệu người đã rời bỏ nhà cửa, LHQ cho biết. Có 1,8 triệu người khác."
    >>> suggest_passage("Ông Peskov nói hơn 1,7 triệu người đã rời nhà", page)[0].text
    'Hơn 1,7 triệu người đã rời bỏ nhà cửa, LHQ cho biết.'
    """
    claim_text, page_text = nfc(claim_text), nfc(page_text)
    if not claim_text.strip() or not page_text.strip():
        return []
    language = detect_language(claim_text)
    figures = find_quantities(claim_text, language=language)
    dates = find_dates(claim_text, language=language)
    names = sorted(((name, fold(name)) for name in claim_names(claim_text)), key=lambda n: -len(n[1]))
    claim_words = _words(fold(claim_text))
    page_language = detect_language(page_text[:5000])
    found: list[PassageSentence] = []
    for start, end in split_sentences(page_text):
        sentence = page_text[start:end]
        score, reasons = 0.0, []
        theirs_dates = find_dates(sentence, language=page_language) if figures or dates else []
        if figures and any(ch.isdigit() for ch in sentence):
            theirs = find_quantities(sentence, language=page_language,
                                     exclude=[(d.start, d.end) for d in theirs_dates])
            for q in figures:
                if any(_same_figure(q, t) for t in theirs):
                    score += FIGURE_WEIGHT
                    reasons.append(f"figure “{q.text}”")
        for d in dates:
            if any(_same_date(d, t) for t in theirs_dates):
                score += DATE_WEIGHT
                reasons.append(f"date “{d.text}”")
        folded = fold(sentence)
        words = _words(folded)
        seen_names: set[str] = set()
        for name, folded_name in names:
            if folded_name in seen_names or not _contains(folded, folded_name):
                continue
            if any(folded_name in other for other in seen_names):
                continue  # "Peskov" inside "Dmitry Peskov" already counted
            seen_names.add(folded_name)
            score += NAME_WEIGHT if " " in name else NAME_WEIGHT / 2
            reasons.append(f"name “{name}”")
        shared = len(claim_words & words) / len(claim_words) if claim_words else 0.0
        if not reasons and shared < MIN_SHARED_WORDS:
            continue
        if shared:
            reasons.append(f"{shared:.0%} of the claim's words")
        found.append(PassageSentence(sentence, start, end, round(score + shared, 3), tuple(reasons)))
    found.sort(key=lambda s: (-s.score, s.start))
    return found[:limit]
