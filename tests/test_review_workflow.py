"""The review workflow a fact-checker follows, and what happens when two reviewers save the same claim."""
from __future__ import annotations

import pytest

from claims.model import Claim, Extraction
from claims.workflow import Status
from db.articles import store_article
from db.claims import VersionConflict, get_claim
from db.history import history_for_claim
from evidence.review import ReviewError, save_review
from evidence.sources import InvalidSource, attach_source

TEXT = "Nga hiện kiểm soát tới 90% lãnh thổ vùng Donbass."


@pytest.fixture
def claim_id(db) -> int:
    claim = Claim(text=TEXT, start=0, end=len(TEXT), checkworthy=True, score=0.8)
    return store_article(db, text=TEXT, title="t", extraction=Extraction("vi", (claim,))).claim_ids[0]


def test_a_verdict_without_a_rationale_is_refused(db, claim_id):
    with pytest.raises(ReviewError, match="rationale"):
        save_review(db, claim_id, expected_version=1, reviewer="Lan", rating="False")
    assert get_claim(db, claim_id).rating is None


def test_a_rating_off_the_scale_is_refused(db, claim_id):
    with pytest.raises(ReviewError, match="not on the rating scale"):
        save_review(db, claim_id, expected_version=1, reviewer="Lan", rating="Pants on fire", rationale="x")


def test_a_claim_moves_from_new_to_published_and_records_who_did_what(db, claim_id):
    c = save_review(db, claim_id, expected_version=1, reviewer="Lan", status=Status.IN_REVIEW, assignee="Lan")
    c = save_review(db, claim_id, expected_version=c.version, reviewer="Lan", rating="Mostly true",
                    rationale="ISW maps show about 88%.", status=Status.DRAFTED)
    c = save_review(db, claim_id, expected_version=c.version, reviewer="Minh", status=Status.PUBLISHED)
    assert c.status == "published" and c.first_published_at and c.published_at
    entries = history_for_claim(db, claim_id)
    assert [e.reviewer for e in entries] == ["Lan", "Lan", "Minh"]
    assert entries[1].after["rating"] == "Mostly true" and entries[1].before["rating"] is None


def test_publishing_straight_from_new_is_refused(db, claim_id):
    with pytest.raises(ReviewError, match="cannot move"):
        save_review(db, claim_id, expected_version=1, reviewer="Lan", status=Status.PUBLISHED)


def test_the_second_reviewer_saving_the_same_claim_is_told_what_the_first_changed(db, claim_id):
    save_review(db, claim_id, expected_version=1, reviewer="Lan", rating="False", rationale="Map shows 60%.")
    with pytest.raises(VersionConflict) as conflict:
        save_review(db, claim_id, expected_version=1, reviewer="Minh", rating="True", rationale="Looks right.")
    message = str(conflict.value)
    assert "Lan" in message and "Verdict rating: — → False" in message and "not saved" in message
    assert "'" not in message and "None" not in message  # in words, no Python reprs
    assert get_claim(db, claim_id).rating == "False"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>x</script>", "file:///etc/passwd",
                                 "ftp://example.com/x", "http://", "not a url", ""])
def test_a_source_must_have_an_http_or_https_url(db, claim_id, url):
    with pytest.raises(InvalidSource):
        attach_source(db, claim_id, url=url, stance="refutes", reviewer="Lan")
    assert db.execute("SELECT count(*) FROM sources").fetchone()[0] == 0


def test_a_source_with_an_impossible_date_is_refused(db, claim_id):
    with pytest.raises(InvalidSource, match="not a real date"):
        attach_source(db, claim_id, url="https://example.org/a", stance="context", reviewer="Lan",
                      published="2023-02-31")
