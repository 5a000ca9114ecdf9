"""Changing many claims at once from the queue: assign, dismiss, or mark their suggested duplicates as not the same.
Each claim is changed as one reviewer would change it (its own version check, its own history entry); a claim that
cannot be changed is reported, never skipped in silence."""
from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from claims.workflow import MatchDecision, Status
from db.claims import ClaimNotFound, VersionConflict, get_claims
from evidence.dismissal import DISMISSABLE, dismiss_claim
from evidence.review import ReviewError, save_review
from translations import _

__all__ = ["BulkOutcome", "assign_claims", "dismiss_claims", "mark_not_the_same"]


@dataclass
class BulkOutcome:
    changed: list[int] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (claim id, why)


def assign_claims(db: sqlite_utils.Database, claim_ids: list[int], assignee: str | None, *,
                  reviewer: str) -> BulkOutcome:
    outcome = BulkOutcome()
    for claim in get_claims(db, list(claim_ids)):
        try:
            saved = save_review(db, claim.id, expected_version=claim.version, reviewer=reviewer, assignee=assignee)
        except (ReviewError, VersionConflict, ClaimNotFound) as error:
            outcome.refused.append((claim.id, str(error)))
        else:
            if saved.version != claim.version:
                outcome.changed.append(claim.id)
    return outcome


def dismiss_claims(db: sqlite_utils.Database, claim_ids: list[int], *, reviewer: str) -> BulkOutcome:
    outcome = BulkOutcome()
    for claim in get_claims(db, list(claim_ids)):
        if Status(claim.status) not in DISMISSABLE:
            outcome.refused.append((claim.id, _("a claim that is {status} is kept").format(
                status=Status(claim.status).label.lower())))
            continue
        try:
            dismiss_claim(db, claim.id, expected_version=claim.version, reviewer=reviewer)
        except (ReviewError, VersionConflict, ClaimNotFound) as error:
            outcome.refused.append((claim.id, str(error)))
        else:
            outcome.changed.append(claim.id)
    return outcome


def mark_not_the_same(db: sqlite_utils.Database, claim_ids: list[int], *, reviewer: str) -> BulkOutcome:
    """Reject every undecided duplicate suggestion of these claims (they will not be suggested again)."""
    from db.duplicates import decide_match
    from db.matching import suggestions_for

    outcome = BulkOutcome()
    for claim_id in claim_ids:
        undecided = [s for s in suggestions_for(db, claim_id) if s.decision == MatchDecision.SUGGESTED]
        for suggestion in undecided:
            decide_match(db, suggestion.match_id, decision=MatchDecision.REJECTED, reviewer=reviewer)
        if undecided:
            outcome.changed.append(claim_id)
    return outcome
