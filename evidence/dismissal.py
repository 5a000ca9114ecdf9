"""Dismissing a claim as not worth checking, and restoring it: one click each, both in the history.

A dismissal is also a label the desk's check-worthiness model learns from (pipelines/desk_model.py); restoring the
claim undoes that label.
"""
from __future__ import annotations

import sqlite_utils

from claims.workflow import NOT_YET_DRAFTED, Status
from db.claims import ClaimNotFound, change_workflow, get_claim
from db.history import history_for_claim
from db.records import ClaimRecord
from evidence.review import ReviewError
from translations import _

__all__ = ["DISMISSABLE", "dismiss_claim", "restore_claim"]

# A claim with a verdict drafted or published has been judged worth checking; it is not dismissed.
DISMISSABLE = NOT_YET_DRAFTED


def dismiss_claim(db: sqlite_utils.Database, claim_id: int, *, expected_version: int,
                  reviewer: str) -> ClaimRecord:
    """Mark the claim as not worth checking; it leaves the review queue.

    Raises ReviewError when the claim already has a verdict drafted or published, or was merged;
    db.claims.VersionConflict when someone saved it since `expected_version`.

        >>> dismiss_claim(db, 7, expected_version=1, reviewer="Lan").status  # doctest: +SKIP
        'dismissed'
    """
    claim = _claim(db, claim_id)
    if Status(claim.status) not in DISMISSABLE and claim.version == expected_version:
        raise ReviewError(_("a claim that is {status} cannot be dismissed").format(
            status=Status(claim.status).label.lower()))
    return change_workflow(db, claim_id, expected_version=expected_version, reviewer=reviewer,
                           changes={"status": Status.DISMISSED.value}, action="dismissed")


def restore_claim(db: sqlite_utils.Database, claim_id: int, *, expected_version: int,
                  reviewer: str) -> ClaimRecord:
    """Undo a dismissal: the claim returns to the status it had before it was dismissed (new if unknown)."""
    claim = _claim(db, claim_id)
    if claim.status != Status.DISMISSED and claim.version == expected_version:
        raise ReviewError(_("only a dismissed claim can be restored"))
    before = Status.NEW.value
    for entry in reversed(history_for_claim(db, claim_id)):
        if entry.action == "dismissed" and isinstance(entry.before, dict):
            before = entry.before.get("status") or before
            break
    if Status(before) not in DISMISSABLE:
        before = Status.NEW.value
    return change_workflow(db, claim_id, expected_version=expected_version, reviewer=reviewer,
                           changes={"status": before}, action="restored")


def _claim(db: sqlite_utils.Database, claim_id: int) -> ClaimRecord:
    claim = get_claim(db, claim_id)
    if claim is None:
        raise ClaimNotFound.of(claim_id)
    return claim
