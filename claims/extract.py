"""The extraction engine: article text in, every sentence-level claim candidate out, with its evidence."""
from __future__ import annotations

import datetime as dt

from claims.checkworthiness import assess
from claims.dates import find_dates
from claims.folding import nfc
from claims.language import detect_language
from claims.model import Claim, Extraction
from claims.quantities import find_quantities
from claims.sentences import split_sentences
from claims.speakers import SpeakerResolver

__all__ = ["extract_claims"]


def extract_claims(text: str, *, published: dt.date | None = None) -> Extraction:
    """Split `text` into claim candidates and judge each one.

    The text is NFC-normalised first and every offset (claim, quantity, date) indexes that NFC text::

        >>> e = extract_claims("Hôm 7/3, hơn 1,7 triệu người đã rời bỏ nhà cửa.")
        >>> e.claims[0].quantities[0].value, e.claims[0].dates[0].value
        (1700000.0, '--03-07')
    """
    text = nfc(text or "")
    language = detect_language(text)
    resolver = SpeakerResolver()
    claims: list[Claim] = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        dates = find_dates(sentence, published=published, language=language)
        quantities = find_quantities(sentence, start, language=language,
                                     exclude=[(d.start, d.end) for d in dates])
        dates = [type(d)(d.text, d.start + start, d.end + start, d.value) for d in dates]
        speaker = resolver.speaker_of(sentence)
        verdict = assess(sentence, language=language, quantities=quantities, dates=dates, speaker=speaker)
        claims.append(Claim(sentence, start, end, verdict.checkworthy, verdict.score, verdict.types,
                            verdict.reasons, speaker, tuple(quantities), tuple(dates)))
    return Extraction(language, tuple(claims))
