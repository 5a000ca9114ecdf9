"""Normalisation for matching: NFC, folded, social-media debris gone, stop words out of the index terms."""
from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from claims.matching.normalize import match_text, match_tokens, strip_social


def test_tweet_links_go_and_the_names_of_handles_hashtags_and_signature_stay():
    tweet = ("Butterflies survive the #AustralianFires pic.twitter.com/0eJtwJyS1J https://t.co/abc @someone"
             " — Centre for Wildlife (@CentreWild) January 14, 2020")
    assert strip_social(tweet) == "Butterflies survive the Australian Fires someone Centre for Wildlife"


def test_a_quoted_tweets_signature_in_the_middle_keeps_only_its_author():
    text = "So true — Ann Lee (@annlee) May 3, 2020 Senator @BobSmith will you apologise?"
    assert strip_social(text) == "So true Ann Lee Senator Bob Smith will you apologise?"


def test_an_email_address_is_not_read_as_a_handle():
    assert strip_social("Write to press@example.org today") == "Write to press@example.org today"


def test_match_text_folds_case_and_every_diacritic_including_d_stroke():
    assert match_text("Điện Kremlin ĐÁP LẠI, lần nữa!") == "dien kremlin dap lai lan nua"


def test_match_text_writes_news_words_said_alike_one_way_and_leaves_out_verbs_of_saying():
    assert match_text("Quân nhân tử vong, Bộ Quốc phòng cho biết") == "binh si thiet mang bo quoc phong"
    assert match_text("Binh sĩ thiệt mạng, Bộ Quốc phòng thông báo") == "binh si thiet mang bo quoc phong"
    assert match_text("Hà Nội, nơi nối") == "ha noi noi noi"  # one syllable that folds like others is kept


def test_decomposed_and_composed_input_give_the_same_text():
    text = "Thủ tướng phát biểu tại Đà Nẵng"
    assert match_text(unicodedata.normalize("NFD", text)) == match_text(text)


def test_index_terms_drop_stop_words_and_plural_endings():
    assert match_tokens("The wombats are herding animals") == ["wombat", "herding", "animal"]
    assert match_tokens("Các nhà khoa học và bác sĩ") == ["nha", "khoa", "hoc", "bac", "si"]


@given(st.text(max_size=200))
def test_match_text_never_fails_and_has_no_punctuation(text):
    out = match_text(text)
    assert all(ch.isalnum() or ch in " _" for ch in out)
