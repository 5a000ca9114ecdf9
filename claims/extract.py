"""The extraction engine: article text in, every sentence-level claim candidate out, with its evidence."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from claims.checkworthiness import Assessment, assess, is_photo_credit
from claims.dates import find_dates
from claims.decoration import Undecorated, undecorated
from claims.folding import nfc
from claims.language import detect_language
from claims.model import Claim, DateMention, Extraction, Quantity
from claims.quantities import find_quantities
from claims.sentences import in_small_letters, split_sentences
from claims.speakers import read_speakers

__all__ = ["extract_claims", "rule_assessment", "Scorer"]

_Span = TypeVar("_Span", Quantity, DateMention)


def _by_sentence(items: Sequence[_Span], spans: list[tuple[int, int]]) -> list[list[_Span]]:
    """Hand each figure or date to the sentence that holds it; one straddling two sentences belongs to neither."""
    starts = [s for s, _ in spans]
    out: list[list[_Span]] = [[] for _ in spans]
    for item in items:
        i = bisect_right(starts, item.start) - 1
        if i >= 0 and item.end <= spans[i][1]:
            out[i].append(item)
    return out


class Scorer(Protocol):
    """A learned scorer (claims/checkworthiness_model.py): a probability per sentence given the rules' verdict."""

    threshold: float

    def score(self, texts: Sequence[str], assessments: Sequence[Assessment]) -> list[float]: ...


def extract_claims(text: str, *, published: dt.date | None = None, scorer: Scorer | None = None) -> Extraction:
    """Split `text` into claim candidates and judge each one.

    With a `scorer` (the desk's model) its probability is the score and its threshold decides; the rules still
    give the reasons, and their score is one of the model's features.

    The text is NFC-normalised first and every offset (claim, quantity, date) indexes that NFC text::

        >>> e = extract_claims("Hôm 7/3, hơn 1,7 triệu người đã rời bỏ nhà cửa.")
        >>> e.claims[0].quantities[0].value, e.claims[0].dates[0].value
        (1700000.0, '--03-07')

    Text dressed in decorating marks ("H̼ọ̼ ̼đ̼ã̼") is read without them (`claims.decoration`); the claims still
    index and show the text as written.
    """
    text = nfc(text or "")
    plain = undecorated(text)
    if plain is None:
        return _extract(text, published, scorer)
    found = _extract(plain.text, published, scorer)
    return Extraction(found.language, tuple(_as_written(c, plain) for c in found.claims))


def _as_written(claim: Claim, plain: Undecorated) -> Claim:
    def moved(item: _Span) -> _Span:
        start, end = plain.span(item.start, item.end)
        return replace(item, text=plain.written[start:end], start=start, end=end)

    start, end = plain.span(claim.start, claim.end)
    return replace(claim, text=plain.written[start:end], start=start, end=end,
                   quantities=tuple(moved(q) for q in claim.quantities), dates=tuple(moved(d) for d in claim.dates))


def _dates_and_figures(text: str, spans: list[tuple[int, int]], language: str,
                       published: dt.date | None = None) -> tuple[list, list]:
    """The dates and the figures of a whole text, read once over it (a regex pass per sentence costs more in calls
    than in scanning) and handed to the sentences after; a shouted sentence is read in small letters and shown as
    written."""
    reading = in_small_letters(text, spans)
    dates = find_dates(reading, published=published, language=language)
    quantities = find_quantities(reading, language=language, exclude=[(d.start, d.end) for d in dates])
    if reading is not text:
        dates = [replace(d, text=text[d.start:d.end]) for d in dates]
        quantities = [replace(q, text=text[q.start:q.end]) for q in quantities]
    return dates, quantities


def _extract(text: str, published: dt.date | None, scorer: Scorer | None) -> Extraction:
    language = detect_language(text)
    spans = split_sentences(text)
    dates, quantities = _dates_and_figures(text, spans, language, published)
    dates_in = _by_sentence(dates, spans)
    quantities_in = _by_sentence(quantities, spans)
    attributions = read_speakers([text[start:end] for start, end in spans], language)
    judged = []
    captions = _captions(text, spans)
    for (start, end), its_dates, its_quantities, who, caption in zip(spans, dates_in, quantities_in, attributions,
                                                                     captions, strict=True):
        sentence = text[start:end]
        speaker = who.name if who else None
        verdict = assess(sentence, language=language, quantities=its_quantities, dates=its_dates, speaker=speaker,
                         caption=caption)
        judged.append((start, end, sentence, who, verdict, its_quantities, its_dates))
    learned = scorer.score([j[2] for j in judged], [j[4] for j in judged]) if scorer is not None and judged else None
    claims: list[Claim] = []
    for i, (start, end, sentence, who, verdict, its_quantities, its_dates) in enumerate(judged):
        score, checkworthy = verdict.score, verdict.checkworthy
        if learned is not None:
            score, checkworthy = round(learned[i], 3), learned[i] >= scorer.threshold
        claims.append(Claim(sentence, start, end, checkworthy, score, verdict.types,
                            verdict.reasons, who.name if who else None, tuple(its_quantities), tuple(its_dates),
                            verdict.score, who.role if who else None))
    return Extraction(language, tuple(claims))


def _captions(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """For each sentence, whether a photo's credit follows it ("… hôm 9/3." then "Ảnh: AP"): it is the caption."""
    return [k + 1 < len(spans) and is_photo_credit(text[spans[k + 1][0]:spans[k + 1][1]]) for k in range(len(spans))]


def rule_assessment(text: str) -> Assessment:
    """The rules' verdict on a labelled text: that of its most check-worthy sentence (what a label is about).

        >>> rule_assessment("Hơn 1,7 triệu người đã rời bỏ nhà cửa.").checkworthy
        True
    """
    text = nfc(text or "")
    plain = undecorated(text)
    text = plain.text if plain is not None else text
    language = detect_language(text)
    spans = split_sentences(text)
    dates, quantities = _dates_and_figures(text, spans, language)
    attributions = read_speakers([text[start:end] for start, end in spans], language)
    best: Assessment | None = None
    for (start, end), its_dates, its_quantities, who, caption in zip(
            spans, _by_sentence(dates, spans), _by_sentence(quantities, spans), attributions, _captions(text, spans),
            strict=True):
        sentence = text[start:end]
        verdict = assess(sentence, language=language, quantities=its_quantities, dates=its_dates,
                         speaker=who.name if who else None, caption=caption)
        if best is None or verdict.score > best.score:
            best = verdict
    return best or assess(text, language=language)
