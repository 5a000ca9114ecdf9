"""The learned check-worthiness scorer (claims/checkworthiness_model.py): it learns, it starts from the rules and
stays there where it learned nothing, it is judged on the newest decisions, and its stored form is plain."""
from __future__ import annotations

import io
import json

import numpy as np
import pytest

from claims import extract_claims
from claims.checkworthiness_holdback import held_back_part, train
from claims.checkworthiness_model import ModelError, fit, from_bytes
from claims.extract import rule_assessment

_WORTHY = [f"Năm {2000 + i}, tỉnh {n} ghi nhận {i + 3} nghìn ca sốt xuất huyết, tăng {i + 10}% so với năm trước."
           for i, n in enumerate(["Đồng Nai", "Bình Dương", "Long An", "Cần Thơ", "Hà Nam", "Nghệ An", "Huế",
                                  "Phú Yên"])]
_DISMISSED = "Thời tiết hôm nay thật đẹp, mọi người đều vui vẻ ra đường đi dạo cùng gia đình và bạn bè."
_OTHERS = [f"Chúng tôi rất mong được gặp lại các bạn ở {n} vào dịp cuối tuần này." for n in
           ["Hà Nội", "Đà Nẵng", "Vũng Tàu", "Nha Trang", "Đà Lạt", "Sa Pa", "Hội An"]]


def _train(texts: list[str], labels: list[bool]):
    return fit(texts, [rule_assessment(t) for t in texts], labels)


def test_a_sentence_the_desk_keeps_dismissing_scores_lower_after_learning() -> None:
    before = extract_claims(_DISMISSED).claims[0].score
    scorer = _train(_WORTHY + _OTHERS + [_DISMISSED] * 3, [True] * 8 + [False] * 10)
    after = extract_claims(_DISMISSED, scorer=scorer).claims[0]
    assert after.score < before and not after.checkworthy
    assert extract_claims(_WORTHY[0], scorer=scorer).claims[0].checkworthy
    # the rules still give the reasons a reviewer reads
    assert extract_claims(_WORTHY[0], scorer=scorer).claims[0].reasons == extract_claims(_WORTHY[0]).claims[0].reasons


def test_a_stored_model_reads_back_with_the_same_scores_and_no_pickle() -> None:
    scorer = _train(_WORTHY + _OTHERS, [True] * 8 + [False] * 7)
    again = from_bytes(scorer.to_bytes())
    assessments = [rule_assessment(t) for t in _OTHERS]
    assert again.score(_OTHERS, assessments) == pytest.approx(scorer.score(_OTHERS, assessments))
    assert again.threshold == scorer.threshold
    with np.load(io.BytesIO(scorer.to_bytes()), allow_pickle=False) as arrays:
        assert all(arrays[name].dtype != object for name in arrays.files)


def test_a_model_of_an_older_format_is_refused_by_name_so_it_can_be_rebuilt() -> None:
    out = io.BytesIO()
    np.savez(out, header=np.frombuffer(json.dumps({"format_version": 1}).encode(), dtype=np.uint8))
    with pytest.raises(ModelError, match="format 1"):
        from_bytes(out.getvalue())
    with pytest.raises(ModelError):
        from_bytes(b"not a model")


def test_an_article_scored_in_one_batch_gets_exactly_the_scores_of_its_sentences_one_by_one() -> None:
    scorer = _train(_WORTHY + _OTHERS, [True] * 8 + [False] * 7)
    # repeated n-grams, a sentence without a word, and enough sentences (2,100) for the wide sort keys
    texts = [_WORTHY[i % 8] + (" nữa nữa nữa" * (i % 3)) if i % 5 else _OTHERS[i % 7] for i in range(2_100)]
    texts[7] = "…"
    assessments = [rule_assessment(t) for t in texts]
    batch = scorer.score(texts, assessments)
    assert batch == [scorer.score([t], [a])[0] for t, a in zip(texts, assessments, strict=True)]
    short = scorer.score(texts[:40], assessments[:40])  # the narrow sort keys
    assert short == batch[:40]
    assert len(set(batch)) > 2  # the scores differ between sentences, so equality says something


_DEBATE = [f"We created {n} million jobs in {y}, more than any other state." for n, y in
           [(2, 2001), (3, 2004), (4, 2008), (5, 2012), (6, 2016)]] + [
    f"I want to thank the people of {p} for coming tonight." for p in ["Ohio", "Iowa", "Texas", "Maine", "Utah"]]


def test_a_language_without_labels_is_scored_exactly_as_the_rules_score_it() -> None:
    """English labels do not move Vietnamese scores: the learned part starts at the rules and has nothing to say."""
    scorer = _train(_DEBATE, [True] * 5 + [False] * 5)
    vietnamese = [*_WORTHY, *_OTHERS, _DISMISSED]
    assessments = [rule_assessment(t) for t in vietnamese]
    assert scorer.score(vietnamese, assessments) == pytest.approx([a.score for a in assessments], abs=1e-6)
    assert [s >= scorer.threshold for s in scorer.score(vietnamese, assessments)] == [a.checkworthy
                                                                                       for a in assessments]
    assert scorer.moves("en") and not scorer.moves("vi")
    english = [rule_assessment(t) for t in _DEBATE]
    assert scorer.score(_DEBATE, english) != pytest.approx([a.score for a in english], abs=1e-3)


def test_the_held_back_part_is_the_newest_articles_whole_with_both_kinds() -> None:
    groups = ["a", "a", "b", "b", "b", "c", "c", "d", "d", "d"]
    labels = [True, False, True, False, False, True, False, False, False, False]
    # the newest fifth is article d alone, but it has no check-worthy sentence: article c joins it, whole
    assert held_back_part(groups, labels) == [5, 6, 7, 8, 9]
    assert held_back_part(["x"] * 6, [True, False] * 3) == []  # one article: nothing can be held back from it


def test_a_model_that_does_worse_than_the_rules_on_the_newest_decisions_is_not_switched_on() -> None:
    """Older labels from a desk with other habits (figures dismissed, greetings kept), newer decisions that agree
    with the rules: the model learned from the old ones loses to the rules on the new ones."""
    old = _WORTHY + _OTHERS
    new = [f"Năm {1990 + i}, tỉnh {n} có {i + 2} nghìn học sinh bỏ học, giảm {i + 4}% so với năm trước."
           for i, n in enumerate(["Hà Giang", "Lai Châu", "Sơn La", "Kon Tum"])] + [
        f"Chúng tôi xin chúc các bạn ở {n} một ngày thật vui." for n in ["Hải Phòng", "Bến Tre", "Cà Mau"]]
    texts = old + new
    labels = [False] * 8 + [True] * 7 + [True] * 4 + [False] * 3
    result = train(texts, [rule_assessment(t) for t in texts], labels, groups=[*range(15), *[99] * 7])
    assert result.held_back.sentences == 7
    assert result.held_back.rules[2] == 1.0 and result.held_back.model[2] < 1.0
    assert not result.adopted
