"""Similar claims on the Claim page (confirm, reject, adopt a verdict) and the queue's fuzzy search fallback."""
from __future__ import annotations

import pytest
from app_support import make_app, open_page, texts

from db.claims import get_claim
from evidence.review import save_review
from pipelines.ingest import ingest_text

FIRST = "Người phát ngôn Điện Kremlin Dmitry Peskov cho biết hơn 1,7 triệu người đã rời bỏ nhà cửa trong tháng 3/2022."
SECOND = ("Theo Điện Kremlin, ông Dmitry Peskov cho biết hơn 1,7 triệu người đã rời bỏ nhà cửa trong tháng 3/2022."
          " Trời hôm nay đẹp.")


@pytest.fixture
def pair(db, db_path, monkeypatch):
    pytest.importorskip("db.matching")
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    checked = ingest_text(db, FIRST, title="Bài cũ").claim_ids[0]
    save_review(db, checked, expected_version=1, reviewer="Lan", rating="Mostly true",
                rationale="UNHCR counted 1.7 million.", status="drafted")
    fresh = ingest_text(db, SECOND, title="Bài mới").claim_ids[0]
    return checked, fresh


def _match_button(at, prefix):
    return next(b for b in at.button if b.key and b.key.startswith(prefix))


def test_similar_claim_shows_a_drafted_verdict_as_a_draft(db, pair):
    checked, fresh = pair
    at = open_page(make_app(), "claim", id=fresh)
    assert not at.exception
    page = texts(at).replace("\\", "")  # Markdown escapes of the stored texts
    assert "Similar claims" in page and f"claim #{checked}" in page and "Bài cũ" in page
    assert "draft verdict: **Mostly true** (not published)" in page and "already checked" not in page
    assert "**Why:** same figures: hơn 1,7 triệu người; tháng 3/2022" in page
    assert "claim_adopt_" not in " ".join(b.key or "" for b in at.button)  # a draft is not offered for adoption


def test_on_a_vietnamese_desk_a_similar_claims_verdict_and_why_read_in_vietnamese(db, pair):
    from db.settings import set_setting

    checked, fresh = pair  # paired while the interface was English
    set_setting(db, "language", "vi", changed_by="admin")
    at = open_page(make_app(), "claim", id=fresh)
    assert not at.exception
    page = texts(at).replace("\\", "")
    assert "kết luận dự thảo: **Đúng phần lớn**" in page and "Mostly true" not in page
    assert "cùng số liệu: hơn 1,7 triệu người" in page and "same figures" not in page
    assert "· tiếng Việt" in page and "Vietnamese" not in page  # the other claim's language


def _publish(db, claim_id):
    from evidence.sources import attach_source

    attach_source(db, claim_id, url="https://unhcr.example/ukraine-1-7m", stance="supports", reviewer="Lan",
                  title="UNHCR: 1.7 million")
    save_review(db, claim_id, expected_version=get_claim(db, claim_id).version, reviewer="Minh", status="published")


def test_confirming_then_adopting_the_verdict_carries_its_sources(db, pair):
    checked, fresh = pair
    _publish(db, checked)
    at = open_page(make_app(), "claim", id=fresh)
    assert "already checked: **Mostly true**" in texts(at)
    _match_button(at, "claim_match_yes_").click().run()
    assert not at.exception
    assert "as the same claim" in texts(at)
    _match_button(at, "claim_adopt_").click().run()
    assert not at.exception
    claim = get_claim(db, fresh)
    assert (claim.rating, claim.status) == ("Mostly true", "drafted")
    assert f"Adopted from claim {checked}" in claim.rationale
    assert "with its 1 source" in texts(at)
    from db.sources import sources_for_claim

    assert [x.url for x in sources_for_claim(db, fresh)] == ["https://unhcr.example/ukraine-1-7m"]


def test_rejecting_a_suggestion_hides_it(db, pair):
    checked, fresh = pair
    at = open_page(make_app(), "claim", id=fresh)
    _match_button(at, "claim_match_no_").click().run()
    assert not at.exception
    assert f"claim #{checked} · article" not in texts(at)


def test_misspelt_search_falls_back_to_near_matches(db, pair):
    checked, fresh = pair
    at = open_page(make_app(), "queue")
    at.text_input(key="queue_search").input("dmitri peskov").run()
    assert not at.exception
    assert "no claim has these words, showing near matches" in texts(at)
    listed = {int(b.key.rsplit("_", 1)[1]) for b in at.button if b.key and b.key.startswith("queue_open_")}
    assert {checked, fresh} <= listed


def test_search_by_meaning_finds_a_past_fact_check_in_other_words(db, db_path, monkeypatch):
    from db.known_claims import import_known_claims

    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    import_known_claims(db, [
        {"id": "pf-1", "text": "A new law lets children buy weapons.", "verdict": "False",
         "url": "https://checks.example/kids-weapons"},
        {"id": "pf-2", "text": "Rice exports fell by a third last year.", "verdict": "True"},
    ])
    claim_id = ingest_text(db, "The governor said kids may now legally purchase firearms in 12 states.",
                           title="Guns").claim_ids[0]
    from db.meaning import run_vector_job, start_vector_job

    run_vector_job(db, start_vector_job(db))  # what the app's background job does after an import and an ingest
    at = open_page(make_app(), "claim", id=claim_id)
    assert "children buy weapons" not in texts(at)  # no shared word: ingest did not suggest it
    at.button(key="claim_search_meaning").click().run()
    assert not at.exception
    page = texts(at).replace("\\", "")  # Markdown escapes of the stored texts
    assert "Search by meaning: 1 more similar text below." in page
    assert "A new law lets children buy weapons" in page and "already checked: **False**" in page
    assert "past fact-check · checks.example" in page
    assert "Rice exports" not in page
    at.button(key="claim_search_meaning").click().run()
    assert "Search by meaning found nothing new." in texts(at)
