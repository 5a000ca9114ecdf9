"""Text dressed in decorating marks, as fancy-text generators write it, is read as plain text and shown as written."""
from __future__ import annotations

import random

from claims import extract_claims
from claims.decoration import undecorated
from claims.extract import rule_assessment
from claims.folding import nfc


def _seagull(text: str) -> str:
    return "".join(ch + "\u033c" for ch in text)


def _underlined(text: str) -> str:
    return "".join(ch + "\u0332" for ch in text)


def test_a_decorated_sentence_gives_its_speaker_and_figures_at_the_offsets_of_the_text_as_written():
    article = "Mở đầu bình thường. " + _seagull("Hơn 1,7 triệu người đã rời bỏ nhà cửa, ông Peskov nói.") \
        + " Mưa lũ ở bảy tỉnh."
    claims = extract_claims(article).claims
    assert [c.text == article[c.start:c.end] for c in claims] == [True, True, True]
    decorated = claims[1]
    assert decorated.speaker == "Peskov"
    (figure,) = decorated.quantities
    assert (figure.value, figure.unit) == (1_700_000, "người")
    assert article[figure.start:figure.end] == figure.text and figure.text.startswith("H̼ơ̼n̼")
    assert decorated.checkworthy
    assert [(q.value, q.unit) for q in claims[2].quantities] == [(7, "tỉnh")]


def test_underlined_text_reads_like_plain_text():
    plain = "Giá xăng tăng 5% từ ngày 1/3, Bộ Công Thương cho biết."
    assert rule_assessment(_underlined(plain)) == rule_assessment(plain)


def test_plain_text_and_vietnamese_marks_are_left_alone():
    assert undecorated("Hơn 1,7 triệu người đã rời bỏ nhà cửa.") is None


def test_every_offset_indexes_the_text_as_written_whatever_the_marks():
    rng = random.Random(5)
    pieces = [*"abcđêHọ ,.\"“”1234567890%/-", "triệu", " người", "\u033c", "\u0332", "\u0336", "\u0301", "\n"]
    for _ in range(300):
        text = nfc("".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))))
        for claim in extract_claims(text).claims:
            assert text[claim.start:claim.end] == claim.text
            assert all(text[f.start:f.end] == f.text for f in (*claim.quantities, *claim.dates))
