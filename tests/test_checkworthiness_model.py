"""The learned check-worthiness scorer (claims/checkworthiness_model.py): it learns, and its stored form is plain."""
from __future__ import annotations

import io
import json

import numpy as np
import pytest

from claims import extract_claims
from claims.checkworthiness_model import ModelError, best_threshold, figures, fit, from_bytes, held_back_figures
from claims.extract import rule_assessment

_WORTHY = [f"Năm {2000 + i}, tỉnh {n} ghi nhận {i + 3} nghìn ca sốt xuất huyết, tăng {i + 10}% so với năm trước."
           for i, n in enumerate(["Đồng Nai", "Bình Dương", "Long An", "Cần Thơ", "Hà Nam", "Nghệ An", "Huế",
                                  "Phú Yên"])]
_DISMISSED = "Thời tiết hôm nay thật đẹp, mọi người đều vui vẻ ra đường đi dạo cùng gia đình và bạn bè."
_OTHERS = [f"Chúng tôi rất mong được gặp lại các bạn ở {n} vào dịp cuối tuần này." for n in
           ["Hà Nội", "Đà Nẵng", "Vũng Tàu", "Nha Trang", "Đà Lạt", "Sa Pa", "Hội An"]]


def _train(texts: list[str], labels: list[bool]):
    return fit(texts, [rule_assessment(t) for t in texts], labels, folds=3)[0]


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


def test_the_held_back_figure_does_not_pick_its_threshold_on_the_sentences_it_scores() -> None:
    """A desk whose labels carry no signal is not flattered: choosing the cut on the very scores it reads would
    report a better F1 than the sentences deserve. Scores that separate the labels still read as perfect."""
    rng = np.random.default_rng(5)
    labels = (rng.random(400) < 0.4).tolist()
    noise = rng.random(400).tolist()
    same_scores = figures(labels, [s >= best_threshold(labels, noise) for s in noise])[2]
    assert held_back_figures(labels, noise)[2] < same_scores
    separating = [0.9 if y else 0.1 for y in labels]
    assert held_back_figures(labels, separating) == (1.0, 1.0, 1.0)
