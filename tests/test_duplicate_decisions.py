"""Deciding on suggested pairs: a guarded link, Not the same for all, no pair within one article, verdicts carried
with their sources into the report."""
from __future__ import annotations

import pytest

from db.claims import get_claim
from db.duplicates import DifferenceNotConfirmed, decide_match, reject_all_suggestions
from db.history import history_for_claim
from db.matching import article_neighbours, suggestions_for
from evidence.review import adopt_verdict, save_review
from evidence.sources import attach_source
from factcheck.cli import main
from pipelines.matching import suggest_matches
from tests.matching_support import store_claims

DEATHS_52 = "Theo Bộ Nông nghiệp, ít nhất 52 người đã thiệt mạng vì lũ lụt ở miền Trung."
DEATHS_48 = "Theo Bộ Nông nghiệp, ít nhất 48 người đã thiệt mạng vì lũ lụt ở miền Trung."


@pytest.fixture
def differing(db):
    [old] = store_claims(db, DEATHS_52, title="Bài cũ")
    [new] = store_claims(db, DEATHS_48, title="Bài mới")
    suggest_matches(db, [new])
    [s] = suggestions_for(db, new)
    return old, new, s


def test_a_pair_with_different_figures_is_suggested_with_its_difference(differing):
    old, new, s = differing
    assert s.other_claim_id == old and s.relation == "related"
    assert s.why == "different figure: ít nhất 48 người ≠ ít nhất 52 người"
    assert [(p.mine.text, p.theirs.text, p.same) for p in s.figures] == [("ít nhất 48 người", "ít nhất 52 người",
                                                                         False)]
    assert s.article_title == "Bài cũ" and s.published


def test_the_why_is_read_in_the_reader_language_whatever_language_stored_it(db):
    from translations import use_language

    [old] = store_claims(db, DEATHS_52, title="Bài cũ")
    [new] = store_claims(db, DEATHS_48, title="Bài mới")
    suggest_matches(db, [new])  # stored while the interface is English
    use_language("vi")
    [s] = suggestions_for(db, new)
    assert s.why == "khác số liệu: ít nhất 48 người ≠ ít nhất 52 người"


def test_linking_different_figures_needs_the_difference_confirmed_and_keeps_it(db, differing):
    old, new, s = differing
    with pytest.raises(DifferenceNotConfirmed) as refused:
        decide_match(db, s.match_id, decision="confirmed", reviewer="Lan")
    assert refused.value.difference == s.why
    assert suggestions_for(db, new)[0].decision == "suggested"  # nothing was linked
    decide_match(db, s.match_id, decision="confirmed", reviewer="Lan", confirmed_difference=refused.value.difference)
    [linked] = suggestions_for(db, new)
    assert linked.decision == "confirmed" and linked.decision_note == s.why and linked.decided_by == "Lan"
    entry = [e for e in history_for_claim(db, new) if e.entity == "claim_match"][-1]
    assert entry.after == {"decision": "confirmed", "despite": s.why}


def test_not_the_same_for_all_rejects_only_the_waiting_suggestions(db):
    ids = store_claims(db, "Giá xăng RON 95 tăng 5% từ ngày 1/3 theo Bộ Công Thương.", title="A")
    store_claims(db, "Giá xăng RON 95 tăng 6% từ ngày 1/3 theo Bộ Công Thương.", title="B")
    store_claims(db, "Giá xăng RON 95 tăng 7% từ ngày 1/3 theo Bộ Công Thương.", title="C")
    suggest_matches(db, ids)
    assert len(suggestions_for(db, ids[0])) == 2
    assert reject_all_suggestions(db, ids[0], reviewer="Lan") == 2
    assert suggestions_for(db, ids[0]) == []
    assert {s.decision for s in suggestions_for(db, ids[0], include_rejected=True)} == {"rejected"}


def test_sentences_of_the_same_article_are_never_suggested_but_listed_apart_when_they_share_a_figure(db):
    ids = store_claims(db, "Ít nhất 52 người đã thiệt mạng vì lũ lụt ở miền Trung trong tuần qua.",
                       "Trong số 52 người thiệt mạng vì lũ lụt ở miền Trung có 12 trẻ em.",
                       "Lũ lụt ở miền Trung cũng làm hư hại 3.000 ngôi nhà trong tuần qua.", title="Một bài")
    suggest_matches(db, ids)
    assert all(suggestions_for(db, i) == [] for i in ids)
    assert [(i, [p.same for p in pairs]) for i, _, pairs in article_neighbours(db, ids[0])] == [(ids[1], [True,
                                                                                                           False])]


def _confirmed_duplicate(db, rationale: str, *, source: bool = False) -> tuple[int, int]:
    """(old, new): the old claim has a drafted verdict (and a source), the new one is confirmed its duplicate."""
    [old] = store_claims(db, DEATHS_52, title="Bài cũ")
    [new] = store_claims(db, "Ít nhất 52 người đã thiệt mạng vì lũ lụt ở miền Trung, theo Bộ Nông nghiệp.",
                         title="Bài mới")
    if source:
        attach_source(db, old, url="https://bo-nong-nghiep.example/bao-cao-lu", stance="supports", reviewer="Lan",
                      title="Báo cáo thiệt hại do lũ")
    save_review(db, old, expected_version=get_claim(db, old).version, reviewer="Lan", rating="True",
                rationale=rationale, status="drafted")
    suggest_matches(db, [new])
    [s] = suggestions_for(db, new)
    decide_match(db, s.match_id, decision="confirmed", reviewer="Lan")
    return old, new


def test_adopting_a_verdict_carries_its_sources_into_the_report(db, db_path, capsys):
    old, new = _confirmed_duplicate(db, "The ministry's report [1] counts 52 deaths.", source=True)
    adopted = adopt_verdict(db, new, old, expected_version=get_claim(db, new).version, reviewer="Lan")
    assert adopted.sources == 1 and adopted.claim.rating == "True"
    assert "a confirmed duplicate: same figures: Ít nhất 52 người, with its sources" in adopted.claim.rationale
    capsys.readouterr()
    assert main(["report", "--claim", str(new), "--db", str(db_path)]) == 0
    report = capsys.readouterr().out
    assert "Báo cáo thiệt hại do lũ" in report and "No sources attached" not in report
    assert "Adopted from claim" in report


def test_a_verdict_adopted_on_a_vietnamese_desk_says_so_in_vietnamese(db):
    from translations import use_language

    old, new = _confirmed_duplicate(db, "Báo cáo của Bộ ghi nhận 52 người chết.")
    use_language("vi")
    adopted = adopt_verdict(db, new, old, expected_version=get_claim(db, new).version, reviewer="Lan")
    assert adopted.claim.rationale.endswith(
        f"(Lấy từ nhận định {old}, đã xác nhận là cùng nhận định: cùng số liệu: Ít nhất 52 người, kèm các nguồn"
        " của nó.)")
