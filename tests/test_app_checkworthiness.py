"""In the app: dismissing and restoring a claim in one click each (in the history, out of the queue), and the Desk
page's check-worthiness model: which one scores, retrain now, back to the built-in rules."""
from __future__ import annotations

import pytest
from app_support import make_app, open_page, texts
from desk_support import decide_as_the_rules_do

from db.claims import ClaimFilter, claim_queue, get_claim
from db.history import history_for_claim
from evidence.dismissal import dismiss_claim
from evidence.review import save_review
from pipelines.desk_model import active_model
from pipelines.ingest import ingest_text

DESK = "app_pages/desk.py"


@pytest.fixture
def claim_id(seeded_db, db_path, monkeypatch) -> int:
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    return claim_queue(seeded_db, ClaimFilter(), limit=1).claims[0].id


def test_one_click_dismisses_a_claim_and_one_click_restores_it_both_in_the_history(seeded_db, claim_id):
    at = open_page(make_app(), "claim", id=claim_id)
    at.button(key="claim_dismiss").click().run()
    assert not at.exception
    claim = get_claim(seeded_db, claim_id)
    assert claim.status == "dismissed" and claim.updated_by == "Lan"
    assert "Dismissed: not worth checking." in texts(at)
    assert claim_id not in [c.id for c in claim_queue(seeded_db, limit=500).claims]
    assert not [k for k in ("claim_dismiss",) if any(b.key == k for b in at.button)]
    at.button(key="claim_restore").click().run()
    assert not at.exception
    assert get_claim(seeded_db, claim_id).status == "new"
    assert claim_id in [c.id for c in claim_queue(seeded_db, limit=500).claims]
    entries = [(e.action, e.reviewer, e.before, e.after) for e in history_for_claim(seeded_db, claim_id)]
    assert entries[-2:] == [("dismissed", "Lan", {"status": "new"}, {"status": "dismissed"}),
                            ("restored", "Lan", {"status": "dismissed"}, {"status": "new"})]


def test_the_queue_leaves_out_dismissed_claims_unless_asked_for(seeded_db, claim_id):
    claim = get_claim(seeded_db, claim_id)
    dismiss_claim(seeded_db, claim_id, expected_version=claim.version, reviewer="Minh")
    at = open_page(make_app(), "queue")
    assert not at.exception
    assert f"#{claim_id} ·" not in texts(at)
    at.selectbox(key="queue_status").set_value("dismissed").run()
    assert f"#{claim_id} ·" in texts(at) or claim.text[:30] in texts(at)


def test_one_click_in_the_queue_dismisses_a_claim_and_the_dismissed_view_restores_it(seeded_db, claim_id):
    at = open_page(make_app(), "queue")
    at.button(key=f"queue_dismiss_{claim_id}").click().run()
    assert not at.exception
    assert get_claim(seeded_db, claim_id).status == "dismissed"
    assert f"Claim #{claim_id} dismissed" in texts(at)
    assert not any(b.key == f"queue_dismiss_{claim_id}" for b in at.button)
    at.selectbox(key="queue_status").set_value("dismissed").run()
    at.button(key=f"queue_dismiss_{claim_id}").click().run()
    assert not at.exception
    assert get_claim(seeded_db, claim_id).status == "new"
    assert [e.action for e in history_for_claim(seeded_db, claim_id)][-2:] == ["dismissed", "restored"]


def _desk_decisions(db) -> None:
    """Twelve statistics taken into review and twelve routine announcements dismissed."""
    for i in range(12):
        ingest_text(db, f"Buổi họp báo của Sở Y tế số {i + 1} bắt đầu lúc {7 + i % 5} giờ sáng ngày {i + 1}/3 tại"
                        f" quận {i + 1}. Năm {2001 + i}, tỉnh số {i + 1} ghi nhận {3 + i} nghìn ca sốt xuất huyết,"
                        f" tăng {10 + i}% so với năm trước.", title=f"Bản tin {i}")
    for claim in claim_queue(db, ClaimFilter(checkworthy=None), limit=100).claims:
        if claim.text.startswith("Buổi họp báo"):
            dismiss_claim(db, claim.id, expected_version=claim.version, reviewer="Lan")
        else:
            save_review(db, claim.id, expected_version=claim.version, reviewer="Lan", status="in_review")


def _desk(role: str = "editor"):
    at = make_app("Lan" if role == "editor" else "Khoa", role=role)
    at.run()
    at.switch_page(DESK)
    return at.run()


def test_an_editor_retrains_from_the_desks_decisions_then_goes_back_to_the_built_in_rules(db, db_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    _desk_decisions(db)
    at = _desk()
    assert not at.exception
    assert "Claims are scored by the built-in rules." in texts(at)
    assert "Reviewers' decisions so far: 24" in texts(at)
    at.button(key="desk_cw_retrain").click().run()
    assert not at.exception
    model = active_model(db)
    assert model is not None and model.from_desk == 24 and model.trained_by == "Lan"
    shown = texts(at).replace("\\", "")  # Markdown-escaped brackets
    assert "a model trained on 24 decisions (24 from reviewers' decisions; 12 check-worthy)" in shown
    # both figures on the same held-back decisions: the model's and the rules'
    assert "on the 6 newest decisions held back from it (whole articles), the model's F1 is **1.00**" in shown
    assert "the built-in rules' F1 is **0.67**" in shown
    at.button(key="desk_cw_builtin").click().run()
    assert not at.exception
    assert active_model(db) is None
    assert "Claims are scored by the built-in rules." in texts(at)
    assert not any(b.key == "desk_cw_builtin" for b in at.button)


def test_retraining_is_offered_only_with_enough_decisions_of_both_kinds_and_says_how_many_more(db, db_path,
                                                                                                 monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    ingest_text(db, "Năm 2020, tỉnh Long An ghi nhận 5 nghìn ca sốt xuất huyết.", title="Một con số")
    claim = claim_queue(db, limit=1).claims[0]
    save_review(db, claim.id, expected_version=claim.version, reviewer="Lan", status="in_review")
    at = _desk()
    assert not at.exception
    assert not any(b.key == "desk_cw_retrain" for b in at.button)
    assert ("Retraining needs at least 10 decisions of each kind: 9 more worth checking and 10 more dismissed."
            in texts(at))
    assert active_model(db) is None


def test_a_model_that_loses_to_the_rules_is_shown_beside_them_and_the_rules_keep_scoring(db, db_path, monkeypatch):
    """Decisions that agree with the rules: the model cannot beat them on the newest articles, the page says so."""
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    decide_as_the_rules_do(db)
    at = _desk()
    at.button(key="desk_cw_retrain").click().run()
    assert not at.exception
    assert active_model(db) is None
    shown = texts(at)
    assert "the model's F1 is **1.00**" in shown and "the built-in rules' F1 is **1.00**" in shown
    assert "That model did not beat the built-in rules on those decisions" in shown
    assert "Claims are scored by the built-in rules." in shown


def test_a_reviewer_sees_the_model_but_cannot_retrain(db, db_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    at = _desk(role="reviewer")
    assert not at.exception
    assert "Claims are scored by the built-in rules." in texts(at)
    assert "Only editors and admins retrain the model." in texts(at)
    assert not any(b.key == "desk_cw_retrain" for b in at.button)
