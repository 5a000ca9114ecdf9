"""Text dressed up, as fancy-text generators and posts that dodge filters write it (decorating marks, letters of other
scripts that look like Latin ones), is read, matched and searched as plain text and shown as written."""
from __future__ import annotations

import random
import unicodedata

from claims import extract_claims
from claims.decoration import undecorated
from claims.extract import rule_assessment
from claims.folding import nfc
from claims.matching.duplicate_rule import explain
from claims.workflow import Relation
from db.search import search_claims
from tests.matching_support import store_claims


def _seagull(text: str) -> str:
    return "".join(ch + "\u033c" for ch in text)


def _underlined(text: str) -> str:
    return "".join(ch + "\u0332" for ch in text)


# Letters a post dodging filters swaps in: Cyrillic а, е, п, Greek ο and ι, Armenian ց, a k with a hook, a đ with
# a tilde through it. Their marks stay as combining marks, as such posts write them.
_LOOKALIKES = {"a": "\u0430", "e": "\u0435", "n": "\u043f", "o": "\u03bf", "i": "\u03b9", "g": "\u0581",
               "k": "\u0199", "đ": "\u1d6d"}


def _in_disguise(text: str) -> str:
    return nfc("".join(_LOOKALIKES.get(ch, ch) for ch in unicodedata.normalize("NFD", text)))


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
    pieces = [*"abcđêHọ ,.\"“”1234567890%/-", "triệu", " người", "\u033c", "\u0332", "\u0336", "\u0301", "\n",
              *_LOOKALIKES.values(), "\u0302", "\u0307", "𝗨", "１"]
    for _ in range(300):
        text = nfc("".join(rng.choice(pieces) for _ in range(rng.randint(0, 60))))
        for claim in extract_claims(text).claims:
            assert text[claim.start:claim.end] == claim.text
            assert all(text[f.start:f.end] == f.text for f in (*claim.quantities, *claim.dates))


def test_letters_in_disguise_read_as_the_letters_they_show():
    plain = "Hơn 1,7 triệu người đã rời bỏ nhà cửa, ông Peskov nói."
    article = "Mở đầu bình thường. " + _in_disguise(plain)
    assert "Pеsƙοv" in article and "triệu" not in article  # the disguise is there
    claims = extract_claims(article).claims
    assert [c.text == article[c.start:c.end] for c in claims] == [True, True]
    disguised = claims[1]
    assert disguised.speaker == "Peskov"
    (figure,) = disguised.quantities
    assert (figure.value, figure.unit) == (1_700_000, "người")
    assert article[figure.start:figure.end] == figure.text
    assert disguised.checkworthy
    assert rule_assessment(_in_disguise(plain)) == rule_assessment(plain)


def test_a_capital_letter_with_a_hook_reads_as_the_letter_it_shows():
    (claim,) = extract_claims("Bộ Quốc phòng Ɲga cho biết 267 lính thủy đánh bộ Ƙiev đã ra hàng.").claims
    assert claim.speaker == "Bộ Quốc phòng Nga"


def test_words_of_other_scripts_are_left_as_written():
    assert undecorated("Tổng thống Путин nói giá xăng tăng 5%.") is None
    assert undecorated("Hệ số α bằng 0,5 và β bằng 0,2.") is None
    assert undecorated("Ông Τσίπρας phát biểu tại Athens.") is None


def test_a_claim_in_disguise_is_the_same_claim_and_its_disguised_not_still_denies():
    plain = "Cả tiểu đoàn thủy quân lục chiến Ukraine đã ra đầu hàng Nga tại Mariupol."
    assert explain(plain, _in_disguise(plain)).relation is Relation.DUPLICATE
    denied = _in_disguise("Cả tiểu đoàn thủy quân lục chiến Ukraine đã không ra đầu hàng Nga tại Mariupol.")
    judged = explain(plain, denied)
    assert judged.relation is not Relation.DUPLICATE and "không" in judged.why


def test_search_finds_a_claim_written_in_disguise(db):
    store_claims(db, _in_disguise("Cả tiểu đoàn thủy quân lục chiến Ukraine đã ra đầu hàng Nga tại Mariupol."),
                 "Giá xăng tăng 5% trong tháng ba.")
    [hit] = search_claims(db, "Ukraine đầu hàng")
    assert "Uƙr" in hit["text"] and "Ukraine" not in hit["text"]
