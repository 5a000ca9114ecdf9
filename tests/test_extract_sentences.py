"""Claim spans: sentence boundaries for Vietnamese and English news."""
import json
import os

import pytest
from cli_support import factcheck

from claims import split_sentences
from claims.sentences import MAX_SENTENCE


def pieces(text):
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "GS. Trần Văn B làm việc tại TP.HCM từ năm 2010.",
        "TS. Lê Thị C và ThS. Phạm D nhận giải.",
        "PGS. Hoàng E công tác ở Q. 1 nhiều năm.",
        "Mr. Grant met Dr. Ames in the U.S. Senate office.",
        "St. Louis reported rain on Jan. 4 this year.",
        "Giá xăng tăng 1,7% lên 23.450 đồng mỗi lít.",
        "Lễ hội kéo dài từ 8/3 đến 30-3 năm nay.",
        "J. R. Smith said the figure was 2.5 percent.",
    ],
)
def test_abbreviations_numbers_and_dates_do_not_end_a_sentence(text):
    assert pieces(text) == [text]


def test_plain_sentences_split_on_terminators():
    assert pieces("Mưa lớn kéo dài. Nhiều nơi ngập! Vì sao? Chưa rõ.") == [
        "Mưa lớn kéo dài.", "Nhiều nơi ngập!", "Vì sao?", "Chưa rõ."]


def test_sentences_a_page_glued_together_are_two_claims():
    # Scraped pages often run paragraphs together without a space after the full stop.
    assert pieces("Khoảng cách không hề nhỏ.Tuy nhiên, Việt Nam sẽ đồng ý. Đó là Quân đội Nhân dân Việt Nam.Ấy thế mà"
                  " họ phản đối.") == ["Khoảng cách không hề nhỏ.", "Tuy nhiên, Việt Nam sẽ đồng ý.",
                                      "Đó là Quân đội Nhân dân Việt Nam.", "Ấy thế mà họ phản đối."]


@pytest.mark.parametrize(
    "text",
    [
        "Ông sống ở Tp.Hồ Chí Minh và làm việc ở TP.HCM.",
        "Trang ANTD.VN và baomoi.com đưa tin.",
        "Gs.Nguyễn Văn A và Ts.Lê B đến từ U.S.Army.",
        "Ông Mr.Smith đến muộn.",
    ],
)
def test_a_dot_inside_an_address_or_an_abbreviation_is_no_boundary(text):
    assert pieces(text) == [text]


def test_a_sentence_ending_with_a_web_address_ends_there():
    assert pieces("Nga chịu 5.000 lệnh trừng phạt, theo trang Castellum.ai. Trong khi đó, giá lương thực tăng.") == [
        "Nga chịu 5.000 lệnh trừng phạt, theo trang Castellum.ai.", "Trong khi đó, giá lương thực tăng."]
    assert pieces("The U.S. Army said so. Then he left.") == ["The U.S. Army said so.", "Then he left."]


def test_multi_sentence_quote_stays_with_its_attribution():
    text = 'Bà Lan nói về dự án. "Chúng tôi đã xong. Mọi thứ ổn. Sẽ bàn giao sớm," bà Lan nói. Sau đó bà rời đi.'
    assert pieces(text) == ["Bà Lan nói về dự án.", '"Chúng tôi đã xong. Mọi thứ ổn. Sẽ bàn giao sớm," bà Lan nói.',
                            "Sau đó bà rời đi."]


def test_quote_followed_by_dash_attribution_is_one_claim():
    text = "“Giá đã giảm. Người dân yên tâm” - đại diện sở cho biết."
    assert pieces(text) == [text]


def test_curly_quote_with_comma_attribution_is_one_claim():
    text = "“Đây là bước đầu. Còn nhiều việc”, Bộ trưởng nói."
    assert pieces(text) == [text]


def test_photo_caption_is_not_merged_into_the_next_sentence():
    text = "Cảnh sát tại hiện trường (Ảnh: TTXVN) Vụ việc đang được điều tra."
    assert pieces(text) == ["Cảnh sát tại hiện trường (Ảnh: TTXVN)", "Vụ việc đang được điều tra."]


def test_caption_ending_with_a_period_before_a_blank_line():
    text = "Hai nhà lãnh đạo bắt tay (Ảnh: Reuters).\n\nHội nghị kết thúc."
    assert pieces(text) == ["Hai nhà lãnh đạo bắt tay (Ảnh: Reuters).", "Hội nghị kết thúc."]


def test_line_breaks_end_sentences_even_without_punctuation():
    assert pieces("Tiêu đề bài báo\nĐoạn một\n\nĐoạn hai") == ["Tiêu đề bài báo", "Đoạn một", "Đoạn hai"]


def test_final_attribution_without_trailing_text():
    text = '"Chúng tôi sẽ làm tiếp. Không dừng lại," ông nói.'
    assert pieces(text) == [text]


def test_text_without_punctuation_is_cut_into_bounded_pieces():
    text = "từ " * 5000
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE for s, e in spans)
    assert all(text[s:e].strip() == text[s:e] for s, e in spans)


def test_empty_and_blank_text_give_no_spans():
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n") == []


@pytest.mark.slow  # ten megabytes extracted: the full suite's
def test_a_single_10_mb_line_is_extracted_in_bounded_claims_with_valid_offsets(tmp_path):
    line = " ".join(f"từ{i % 97} số {i}" for i in range(1_200_000))[:10_000_000]
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    assert os.path.getsize(path) > 10_000_000
    done = factcheck("extract", str(path), "--all")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-500:]
    claims = json.loads(done.stdout)["claims"]
    assert claims and max(c["end"] - c["start"] for c in claims) <= 1200
    assert all(line[c["start"]:c["end"]] == c["text"] for c in claims)
