"""A duplicate needs close text AND the same figures AND the same polarity; otherwise close text is related."""
from __future__ import annotations

import pytest

from claims.matching import compare, match_text, negation_count, same_figures
from claims.matching.duplicate_rule import Relation, explain


@pytest.mark.parametrize("a, b", [
    ("Việt Nam có 1,7 triệu người nhiễm bệnh", "Việt Nam có 1.700.000 người nhiễm bệnh"),
    ("Vietnam reported 1.7 million infections last year", "Vietnam reported 1,700,000 infections last year"),
    ("VIỆT NAM CÓ 1,7 TRIỆU NGƯỜI NHIỄM BỆNH!", "Việt Nam có 1.700.000 người nhiễm bệnh."),
])
def test_same_claim_with_figures_written_differently_is_duplicate(a, b):
    assert compare(a, b)[1] == "duplicate"


def test_one_point_seven_million_is_one_value_in_every_notation():
    assert same_figures("1,7 triệu người", "1.700.000 người")
    assert same_figures("1.7 million people", "1,700,000 people")
    assert "1700000" in match_text("1,7 triệu").split()
    assert "1700000" in match_text("1.7 million").split()


@pytest.mark.parametrize("a, b", [
    ("Việt Nam có 1,7 triệu người nhiễm bệnh", "Việt Nam có 1,8 triệu người nhiễm bệnh"),
    ("90% cử tri ủng hộ kế hoạch", "9% cử tri ủng hộ kế hoạch"),
    ("90% of voters support the plan", "9% of voters support the plan"),
    ("The company hired 1.7 million workers in 2020", "The company hired 1.8 million workers in 2020"),
    ("Dân số tăng trong năm 2019", "Dân số tăng trong năm 2020"),
])
def test_close_text_with_different_figures_is_related_never_duplicate(a, b):
    close, relation = compare(a, b)
    assert close >= 80  # the text alone would call them the same
    assert relation == "related"


@pytest.mark.parametrize("a, b", [
    ("Giá xăng tăng mạnh trong tháng ba", "Giá xăng không tăng mạnh trong tháng ba"),
    ("Bộ trưởng đã ký quyết định", "Bộ trưởng chưa ký quyết định"),
    ("Chính phủ tăng thuế thu nhập", "Chính phủ chẳng tăng thuế thu nhập"),
    ("Ông ấy nói sự thật", "Ông ấy chả nói sự thật"),
    ("Ông ấy biết chuyện này", "Ông ấy không hề biết chuyện này"),
    ("Bà ấy ủng hộ dự luật", "Bà ấy đâu có ủng hộ dự luật"),
    ("The minister signed the bill", "The minister did not sign the bill"),
    ("The minister signed the bill", "The minister never signed the bill"),
    ("The senator supports the new tax", "The senator doesn't support the new tax"),
    ("The senator supports the new tax", "The senator denied he supports the new tax"),
    ("There are vaccines for the new virus", "There are no vaccines for the new virus"),
    ("The bridge is safe for trucks", "The bridge is not safe for trucks"),
])
def test_close_text_with_opposite_polarity_is_related_never_duplicate(a, b):
    assert compare(a, b)[1] == "related"


def test_negation_words_inside_other_words_do_not_count():
    assert negation_count("Chùa Một Cột ở Hà Nội") == 0  # chùa folds to chua, but is not "chưa"
    assert negation_count("Cha tôi là bác sĩ") == 0  # cha (father) is not "chả"
    assert negation_count("Nothingness and notable knots") == 0
    # "không" as the air or the void, and "không chỉ" (not only), deny nothing
    assert negation_count("Không quân Nga bắn hạ 2 máy bay không người lái gần hệ thống phòng không S-300") == 0
    assert negation_count("Cuộc không kích không chỉ nhắm vào hàng không dân dụng") == 0
    # the same syllables starting another word still deny
    assert negation_count("Quân đội không quân sự hóa khu vực và không kích hoạt hệ thống") == 2
    # a bound on a figure ("không dưới 5 lần", no fewer than five) denies nothing; "không quá nghiêm trọng" does
    assert negation_count("Nhà máy bị pháo kích không dưới 5 lần, không quá hai ngày một lần") == 0
    assert negation_count("Thiệt hại không quá nghiêm trọng") == 1
    assert negation_count("shelled no fewer than 5 times, not more than 10% of it") == 0
    assert negation_count("there are no vaccines") == 1


def test_a_drone_is_no_denial_so_a_reworded_drone_claim_is_a_duplicate():
    assert explain("Nga tuyên bố đã phá hủy 31 máy bay không người lái của Ukraine ngày 5/5.",
                   "Ngày 5/5, Nga nói đã tiêu diệt 31 UAV của Ukraine.").relation is Relation.DUPLICATE


def test_two_negations_count_once_each_and_a_phrase_counts_once():
    assert negation_count("Ông ấy không hề nói vậy") == 1
    assert negation_count("He did not say it and never will") == 2


@pytest.mark.parametrize("a, b", [
    ("Tổng thống Mỹ thăm Hà Nội vào tuần tới", "Tuần tới tổng thống Mỹ sẽ thăm Hà Nội"),
    ("The president will visit Hanoi next week", "Next week the president will visit Hanoi"),
])
def test_reworded_claim_with_same_facts_is_duplicate(a, b):
    assert compare(a, b)[1] == "duplicate"


def test_unrelated_claims_are_far_apart():
    close, relation = compare("Giá vàng tăng kỷ lục", "Đội tuyển bóng đá thắng trận chung kết")
    assert close < 50 and relation == "related"


@pytest.mark.parametrize("a, b", [
    ("1,7 trieu nguoi", "1,7 triệu người"),
    ("Viet Nam co 1,7 trieu nguoi nhiem benh", "Việt Nam có 1,7 triệu người nhiễm bệnh"),
    ("Du an ton 2,5 ty dong", "Dự án tốn 2,5 tỷ đồng"),
    ("Du an ton 2,5 ti dong", "Dự án tốn 2.500.000.000 đồng"),
])
def test_figures_typed_without_diacritics_are_the_same_claim(a, b):
    assert compare(a, b)[1] == "duplicate"


@pytest.mark.parametrize("a, b", [
    ("1,8 trieu", "1,7 triệu"),
    ("Viet Nam co 1,8 trieu nguoi nhiem benh", "Việt Nam có 1,7 triệu người nhiễm bệnh"),
    ("Du an ton 2,5 ty dong", "Dự án tốn 2,5 triệu đồng"),
])
def test_other_figures_typed_without_diacritics_are_related_never_duplicate(a, b):
    assert compare(a, b)[1] == "related"
