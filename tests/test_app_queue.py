"""The Claim queue: filters, search that never crashes, one page at a time, and the way into a claim."""
from __future__ import annotations

import pytest
from app_support import make_app, open_page, texts

from db.claims import ClaimFilter, claim_queue
from evidence.review import save_review


@pytest.fixture
def app_db(seeded_db, db_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    return seeded_db


def _listed(at) -> list[int]:
    return [int(b.key.rsplit("_", 1)[1]) for b in at.button if b.key and b.key.startswith("queue_open_")]


def test_queue_lists_checkworthy_claims_best_score_first(app_db):
    at = open_page(make_app(), "queue")
    assert not at.exception
    expected = claim_queue(app_db, ClaimFilter(), limit=25)
    assert _listed(at) == [c.id for c in expected.claims]
    assert f"**{expected.total} claims** match" in texts(at)
    assert f"0 of {expected.total} check-worthy claims reviewed" in texts(at)


def test_status_and_verdict_filters_narrow_the_queue(app_db):
    first = claim_queue(app_db, ClaimFilter(), limit=1).claims[0]
    save_review(app_db, first.id, expected_version=1, reviewer="Lan", rating="False", rationale="Wrong figure.",
                status="drafted")
    at = open_page(make_app(), "queue")
    at.selectbox(key="queue_status").set_value("drafted").run()
    assert not at.exception
    assert _listed(at) == [first.id]
    at.selectbox(key="queue_status").set_value("Any").run()
    at.selectbox(key="queue_rating").set_value("Mostly true").run()
    assert _listed(at) == [] and "No claims match these filters." in texts(at)
    at.selectbox(key="queue_rating").set_value("False").run()
    assert _listed(at) == [first.id]
    assert "1 of" in texts(at)


def test_has_number_and_checkworthiness_filters(app_db):
    at = open_page(make_app(), "queue")
    at.selectbox(key="queue_has_number").set_value("Yes").run()
    with_numbers = _listed(at)
    assert with_numbers and all(c.quantities for c in claim_queue(app_db, ClaimFilter(ids=tuple(with_numbers)),
                                                                   limit=25).claims)
    at.selectbox(key="queue_has_number").set_value("Any")
    at.selectbox(key="queue_checkworthy").set_value("Not check-worthy").run()
    assert not at.exception
    assert _listed(at) == [c.id for c in claim_queue(app_db, ClaimFilter(checkworthy=False), limit=25).claims]


def test_search_ignores_diacritics(app_db):
    at = open_page(make_app(), "queue")
    at.text_input(key="queue_search").input("dien kremlin").run()
    assert not at.exception
    listed = claim_queue(app_db, ClaimFilter(ids=tuple(_listed(at))), limit=25).claims
    assert listed and all("Điện Kremlin" in c.text for c in listed)


@pytest.mark.parametrize("query", ['"', "NEAR(", "a OR", "*", "Điện AND (", "col:val", "^x", "-", "'; DROP TABLE",
                                   "   ", "😀"])
def test_search_with_fts5_syntax_does_not_crash(app_db, query):
    at = open_page(make_app(), "queue")
    at.text_input(key="queue_search").input(query).run()
    assert not at.exception
    assert "claims** match" in texts(at)


def test_pages_hold_at_most_25_claims_and_pagination_moves_on(app_db):
    at = open_page(make_app(), "queue")
    at.selectbox(key="queue_checkworthy").set_value("Any").run()
    total = claim_queue(app_db, ClaimFilter(checkworthy=None), limit=1).total
    assert total > 25, "the seeds should give more than one page"
    first_page = _listed(at)
    assert len(first_page) == 25
    (pagination,) = at.get("pagination")
    pagination.set_value(2).run()
    assert not at.exception
    second_page = _listed(at)
    assert len(second_page) == total - 25 and not set(first_page) & set(second_page)
    # A new filter starts again from the first page.
    at.selectbox(key="queue_sort").set_value("newest").run()
    assert len(_listed(at)) == 25


def test_review_button_opens_the_claim(app_db):
    at = open_page(make_app(), "queue")
    claim_id = _listed(at)[2]
    at.button(key=f"queue_open_{claim_id}").click().run()
    assert not at.exception
    assert "Claim" in [t.value for t in at.title]
    assert at.query_params["id"] == str(claim_id)
    assert f"Claim #{claim_id}" in texts(at)


def test_review_next_open_claim_skips_reviewed_ones(app_db):
    best = claim_queue(app_db, ClaimFilter(), limit=1).claims[0]
    save_review(app_db, best.id, expected_version=1, reviewer="Lan", rating="True", rationale="Checked.",
                status="drafted")
    at = open_page(make_app(), "queue")
    at.button(key="queue_next").click().run()
    assert not at.exception
    assert at.query_params["id"] != str(best.id)
