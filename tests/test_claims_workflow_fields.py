"""A claim's status, publication dates and drafter change only through the review workflow and dismissal:
`update_claim` refuses them, so nothing below the workflow can publish around the two-person rule."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from db.claims import WORKFLOW_FIELDS, ClaimFilter, claim_queue, get_claim, update_claim
from evidence.dismissal import dismiss_claim
from evidence.review import save_review

PROJECT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("changes", [{"status": "published"}, {"published_at": "2026-01-01T00:00:00+00:00"},
                                     {"first_published_at": "2026-01-01T00:00:00+00:00"},
                                     {"drafted_by": "Someone else"},
                                     {"rating": "False", "status": "published"}])
def test_update_claim_refuses_status_and_publication(seeded_db, changes) -> None:
    claim = claim_queue(seeded_db, ClaimFilter(), limit=1).claims[0]
    with pytest.raises(ValueError, match="only through the review workflow"):
        update_claim(seeded_db, claim.id, expected_version=claim.version, reviewer="Lan", changes=changes)
    after = get_claim(seeded_db, claim.id)
    assert (after.version, after.status, after.published_at, after.rating) == (claim.version, claim.status, None,
                                                                                claim.rating)


def test_the_workflow_and_dismissal_still_change_status(seeded_db) -> None:
    first, second = claim_queue(seeded_db, ClaimFilter(), limit=2).claims
    drafted = save_review(seeded_db, first.id, expected_version=first.version, reviewer="Lan", rating="False",
                          rationale="The ministry counted fewer.", status="drafted")
    assert (drafted.status, drafted.drafted_by) == ("drafted", "Lan")
    assert dismiss_claim(seeded_db, second.id, expected_version=second.version, reviewer="Lan").status == "dismissed"
    edited = update_claim(seeded_db, first.id, expected_version=drafted.version, reviewer="Lan",
                          changes={"assignee": "Minh"})
    assert (edited.assignee, edited.status) == ("Minh", "drafted")


def test_only_the_workflow_modules_call_change_workflow() -> None:
    callers = set()
    for path in PROJECT.rglob("*.py"):
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(node, ast.Name) and node.id == "change_workflow" or
               isinstance(node, ast.Attribute) and node.attr == "change_workflow" for node in ast.walk(tree)):
            callers.add(path.relative_to(PROJECT).as_posix())
    assert callers == {"evidence/review.py", "evidence/dismissal.py"}
    assert WORKFLOW_FIELDS == {"status", "published_at", "first_published_at", "drafted_by"}
