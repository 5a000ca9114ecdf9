"""Handing a drafted verdict to an editor, and an editor sending it back: the two-person rule as steps of the
workflow, each one in the claim's history."""
from __future__ import annotations

import sqlite_utils

from claims.workflow import WAITING_FOR_EDITOR, Status
from db.accounts import Role, active_accounts
from db.claims import ClaimNotFound, get_claim
from db.connection import writing
from db.notes import add_note
from db.records import ClaimRecord
from db.settings import get_setting
from evidence.permissions import Action, can
from evidence.review import ReviewError, save_review
from translations import _

__all__ = ["hand_over", "send_back", "who_may_publish"]


def who_may_publish(db: sqlite_utils.Database, claim: ClaimRecord) -> list[str]:
    """The names of the active editors and admins who may publish this claim's verdict (not its drafter, unless the
    desk allows drafters to publish)."""
    self_publish = get_setting(db, "allow_self_publish")
    return [a.name for a in active_accounts(db) if a.role in (Role.EDITOR, Role.ADMIN)
            and (self_publish or a.name != claim.drafted_by)]


def hand_over(db: sqlite_utils.Database, claim_id: int, *, expected_version: int, reviewer: str) -> ClaimRecord:
    """Move a drafted verdict to the editors' queue ("Ready for an editor")."""
    claim = get_claim(db, claim_id)
    if claim is None:
        raise ClaimNotFound.of(claim_id)
    if claim.status != Status.DRAFTED and claim.version == expected_version:
        raise ReviewError(_("only a drafted verdict can be handed to an editor: draft it first"))
    return save_review(db, claim_id, expected_version=expected_version, reviewer=reviewer, status=Status.READY,
                       action="handed_over")


def send_back(db: sqlite_utils.Database, claim_id: int, *, expected_version: int, editor: str,
              note: str) -> ClaimRecord:
    """An editor returns a drafted or handed-over verdict to review, saying in a note what to change."""
    if not (note or "").strip():
        raise ReviewError(_("say in a note what should change before sending the verdict back"))
    if not can(db, editor, Action.PUBLISH):
        raise ReviewError(_("{editor} may not send a verdict back: that is an editor's step").format(editor=editor))
    claim = get_claim(db, claim_id)
    if claim is None:
        raise ClaimNotFound.of(claim_id)
    if claim.status not in WAITING_FOR_EDITOR and claim.version == expected_version:
        raise ReviewError(_("only a verdict waiting for an editor can be sent back"))
    with writing(db):  # the move and its note land together or not at all
        saved = save_review(db, claim_id, expected_version=expected_version, reviewer=editor,
                            status=Status.IN_REVIEW, action="sent_back")
        add_note(db, claim_id, author=editor, text=note)
    return saved
