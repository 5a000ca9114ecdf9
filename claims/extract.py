"""The extraction engine: article text in, every sentence-level claim candidate out, with its evidence."""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from typing import TypeVar

from claims.checkworthiness import assess
from claims.dates import find_dates
from claims.folding import nfc
from claims.language import detect_language
from claims.model import Claim, DateMention, Extraction, Quantity
from claims.quantities import find_quantities
from claims.sentences import split_sentences
from claims.speakers import SpeakerResolver

__all__ = ["extract_claims"]

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


def extract_claims(text: str, *, published: dt.date | None = None) -> Extraction:
    """Split `text` into claim candidates and judge each one.

    The text is NFC-normalised first and every offset (claim, quantity, date) indexes that NFC text::

        >>> e = extract_claims("Hôm 7/3, hơn 1,7 triệu người đã rời bỏ nhà cửa.")
        >>> e.claims[0].quantities[0].value, e.claims[0].dates[0].value
        (1700000.0, '--03-07')
    """
    text = nfc(text or "")
    language = detect_language(text)
    spans = split_sentences(text)
    # Figures and dates are read once over the whole text (a regex pass per sentence costs more in calls than
    # in scanning), then handed to their sentences.
    dates = find_dates(text, published=published, language=language)
    quantities = find_quantities(text, language=language, exclude=[(d.start, d.end) for d in dates])
    dates_in = _by_sentence(dates, spans)
    quantities_in = _by_sentence(quantities, spans)
    resolver = SpeakerResolver()
    claims: list[Claim] = []
    for (start, end), its_dates, its_quantities in zip(spans, dates_in, quantities_in, strict=True):
        sentence = text[start:end]
        speaker = resolver.speaker_of(sentence)
        verdict = assess(sentence, language=language, quantities=its_quantities, dates=its_dates, speaker=speaker)
        claims.append(Claim(sentence, start, end, verdict.checkworthy, verdict.score, verdict.types,
                            verdict.reasons, speaker, tuple(its_quantities), tuple(its_dates)))
    return Extraction(language, tuple(claims))
