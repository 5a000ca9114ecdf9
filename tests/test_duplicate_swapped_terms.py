"""One term put in the place of another, all else alike: another claim, unless the sentence model reads the two
texts as saying the same thing (a synonym)."""
from __future__ import annotations

import pytest

from claims.matching.duplicate_rule import Relation, explain


@pytest.mark.parametrize(("a", "b", "why"), [
    ("Lạm phát tại Nga lên 16,7%.", "Lãi suất tại Nga lên 16,7%.", "other words: Lạm phát ≠ Lãi suất"),
    ("Giá thép tăng 50% kể từ khi chiến sự nổ ra.", "Giá nhôm tăng 50% kể từ khi chiến sự nổ ra.",
     "other words: thép ≠ nhôm"),
    ("Tỷ lệ thất nghiệp là 2,3%.", "Tỷ lệ lạm phát là 2,3%.", "other words: thất nghiệp ≠ lạm phát"),
])
def test_another_thing_in_the_same_words_and_figures_is_another_claim_and_says_which(a, b, why):
    said = explain(a, b)
    assert said.relation is Relation.RELATED
    assert why in said.why and why in said.difference


@pytest.mark.parametrize(("a", "b"), [
    ("Nga đã bắn 70 quả tên lửa vào Kiev trong đêm qua.", "Nga đã phóng 70 quả tên lửa vào Kiev trong đêm qua."),
    ("Khoảng 7.000 binh sĩ Nga đã tử trận.", "Khoảng 7.000 lính Nga đã tử trận."),
    ("Giá khí đốt tại châu Âu tăng 60%.", "Khí đốt ở châu Âu tăng giá 60 phần trăm."),
    ("Lực lượng Nga đã bao vây thành phố Mariupol trong 3 tuần.",
     "Quân đội Nga đã bao vây thành phố Mariupol trong 3 tuần."),
])
def test_a_synonym_or_a_small_word_put_in_keeps_the_claim(a, b):
    assert explain(a, b).relation is Relation.DUPLICATE
