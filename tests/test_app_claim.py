"""The Claim page: a verdict saved with its rationale, conflicts between reviewers, sources with safe URLs."""
from __future__ import annotations

import pytest
from app_support import html_of, make_app, open_page, texts

from db.claims import ClaimFilter, claim_queue, get_claim
from db.history import history_for_claim
from db.sources import sources_for_claim
from evidence.review import save_review

SAVE = "FormSubmitter:claim_{id}_{v}_review_form-Save review"
ATTACH = "FormSubmitter:claim_{id}_source_form-Attach source"


@pytest.fixture
def claim_id(seeded_db, db_path, monkeypatch) -> int:
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    return claim_queue(seeded_db, ClaimFilter(), limit=1).claims[0].id


def _widget(at, claim_id, version, name):
    """A review-form widget; its key carries the claim version the form was loaded from."""
    return next(w for kind in ("selectbox", "text_input", "text_area") for w in getattr(at, kind)
                if w.key == f"claim_{claim_id}_{version}_{name}")


def _fill_verdict(at, claim_id, version, *, rating="False", rationale="The ministry's figure is 1,2 triệu.",
                  status="drafted"):
    _widget(at, claim_id, version, "rating").set_value(rating)
    _widget(at, claim_id, version, "rationale").input(rationale)
    _widget(at, claim_id, version, "status").set_value(status)
    return at.button(key=SAVE.format(id=claim_id, v=version)).click().run()


def test_claim_page_shows_the_claim_in_context_with_why_it_was_flagged(seeded_db, claim_id):
    at = open_page(make_app(), "claim", id=claim_id)
    assert not at.exception
    claim = get_claim(seeded_db, claim_id)
    assert "<mark" in html_of(at) and claim.text[:40] in html_of(at)
    assert "Why it was flagged" in texts(at)
    assert f"Claim #{claim_id} · version 1" in texts(at)


def test_saving_a_verdict_with_a_rationale_drafts_it_and_shows_progress(seeded_db, claim_id):
    at = open_page(make_app(), "claim", id=claim_id)
    _fill_verdict(at, claim_id, 1)
    assert not at.exception
    claim = get_claim(seeded_db, claim_id)
    assert (claim.status, claim.rating, claim.updated_by) == ("drafted", "False", "Lan")
    assert "Saved: Verdict drafted, False. 1 of" in texts(at)
    assert "check-worthy claims reviewed" in texts(at)
    # The form now shows the saved version, ready for the next change.
    assert _widget(at, claim_id, 2, "rating").value == "False"


def test_a_rating_without_a_rationale_is_refused(seeded_db, claim_id):
    at = open_page(make_app(), "claim", id=claim_id)
    _fill_verdict(at, claim_id, 1, rationale="", status="in_review")
    assert not at.exception
    assert at.error and "rationale" in at.error[0].value
    assert get_claim(seeded_db, claim_id).rating is None


def test_second_reviewer_is_told_what_changed_and_gets_their_version(seeded_db, claim_id):
    at = open_page(make_app(reviewer="Minh"), "claim", id=claim_id)
    # Lan saves the same claim while Minh has it open.
    save_review(seeded_db, claim_id, expected_version=1, reviewer="Lan", rating="Mostly true",
                rationale="Lan's reading of the census.", status="drafted")
    _fill_verdict(at, claim_id, 1, rating="False", rationale="Minh's reading.")
    assert not at.exception
    message = at.error[0].value
    assert "changed by Lan" in message and "Mostly true" in message and "not saved" in message
    claim = get_claim(seeded_db, claim_id)
    assert (claim.rating, claim.rationale, claim.version) == ("Mostly true", "Lan's reading of the census.", 2)
    # Minh's form was reloaded with Lan's values; saving again goes through on top of them.
    assert _widget(at, claim_id, 2, "rating").value == "Mostly true"
    assert _widget(at, claim_id, 2, "rationale").value == "Lan's reading of the census."
    _fill_verdict(at, claim_id, 2, rating="Half true", rationale="Both figures are cited.", status="drafted")
    assert not at.exception and not at.error
    assert get_claim(seeded_db, claim_id).rating == "Half true"


def test_page_warns_when_the_claim_changed_since_it_was_opened(seeded_db, claim_id):
    at = open_page(make_app(reviewer="Minh"), "claim", id=claim_id)
    save_review(seeded_db, claim_id, expected_version=1, reviewer="Lan", assignee="Lan")
    at.run()
    assert "Lan changed this claim after you opened it" in texts(at)
    at.button(key="claim_reload").click().run()
    assert not at.exception
    assert _widget(at, claim_id, 2, "assignee").value == "Lan"


def _fill_source(at, claim_id, url, **fields):
    at.text_input(key="claim_source_url").input(url)
    for name, value in fields.items():
        (at.text_area if name == "excerpt" else at.text_input)(key=f"claim_source_{name}").input(value)
    return at.button(key=ATTACH.format(id=claim_id)).click().run()


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "data:text/html,<script>x</script>",
                                 "ftp://example.com/x", "example.com/no-scheme"])
def test_source_url_that_is_not_http_is_rejected(seeded_db, claim_id, url):
    at = open_page(make_app(), "claim", id=claim_id)
    _fill_source(at, claim_id, url, title="Evil")
    assert not at.exception
    assert at.error and "Source not attached" in at.error[0].value and "http" in at.error[0].value
    assert sources_for_claim(seeded_db, claim_id) == []


def test_attached_source_is_listed_and_in_the_history(seeded_db, claim_id):
    at = open_page(make_app(), "claim", id=claim_id)
    _fill_source(at, claim_id, "https://gso.gov.vn/bao-cao", title="Báo cáo [dân số](javascript:x)",
                 publisher="GSO", excerpt="Dân số năm 2021 là 98,5 triệu người.")
    assert not at.exception and not at.error
    (source,) = sources_for_claim(seeded_db, claim_id)
    assert (source.url, source.publisher, source.stance, source.accessed is not None) == (
        "https://gso.gov.vn/bao-cao", "GSO", "supports", True)
    page = texts(at)
    assert "Source attached." in page
    assert "\\[dân số\\]\\(javascript\\:x\\)" in page  # the title is shown as text, never as a link
    assert [e.action for e in history_for_claim(seeded_db, claim_id)] == ["source_added"]
    at.button(key=f"claim_remove_source_{source.link_id}").click().run()
    assert sources_for_claim(seeded_db, claim_id) == []


def test_wording_edit_keeps_the_article_words(seeded_db, claim_id):
    original = get_claim(seeded_db, claim_id).text
    at = open_page(make_app(), "claim", id=claim_id)
    at.text_area(key=f"claim_{claim_id}_1_wording").input("Nga sẵn sàng ngừng bắn")
    at.button(key=f"FormSubmitter:claim_{claim_id}_1_wording_form-Save wording").click().run()
    assert not at.exception
    claim = get_claim(seeded_db, claim_id)
    assert (claim.text, claim.original_text) == ("Nga sẵn sàng ngừng bắn", original)


def test_unknown_claim_number_shows_the_picker(seeded_db, claim_id):
    at = open_page(make_app(), "claim", id=999999)
    assert not at.exception
    assert "There is no claim #999999" in texts(at)
    at = open_page(make_app(), "claim", id="not-a-number")
    assert not at.exception


def test_next_open_claim_button_moves_on(seeded_db, claim_id):
    at = open_page(make_app(), "claim", id=claim_id)
    _fill_verdict(at, claim_id, 1)
    at.button(key="claim_next").click().run()
    assert not at.exception
    assert at.query_params["id"] != str(claim_id)
    assert get_claim(seeded_db, int(at.query_params["id"])).status == "new"


def test_a_day_without_its_year_is_shown_the_readers_way(seeded_db, db_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    dated = next(c for c in claim_queue(seeded_db, ClaimFilter(), limit=200).claims
                 if any(d.value == "--03-08" for d in get_claim(seeded_db, c.id).dates))
    at = open_page(make_app(), "claim", id=dated.id)
    shown = texts(at)
    assert "= 8 March" in shown and "--03-08" not in shown
