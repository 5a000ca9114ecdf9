"""The review workflow: statuses and their moves, verdicts with a rating from the scale and a rationale."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlite_utils

from claims.errors import WorkbenchError
from claims.matching.duplicate_rule import explain
from claims.workflow import Status
from db.accounts import account_by_name
from db.claims import ClaimNotFound, change_workflow, get_claim, update_claim
from db.connection import writing
from db.history import now
from db.ratings import rating_scale
from db.records import ClaimRecord
from db.settings import get_setting
from db.sources import carry_sources
from evidence.permissions import Action, PermissionDenied, require
from translations import N_, _

__all__ = ["NEXT_STATUSES", "ReviewError", "UNCHANGED", "Adopted", "save_review", "adopt_verdict"]


# Reopening a published verdict sends it back to review; its later changes become Corrections in reports.
NEXT_STATUSES: dict[Status, tuple[Status, ...]] = {
    Status.NEW: (Status.IN_REVIEW, Status.DRAFTED),
    Status.IN_REVIEW: (Status.NEW, Status.DRAFTED),
    Status.DRAFTED: (Status.IN_REVIEW, Status.READY, Status.PUBLISHED),
    Status.READY: (Status.DRAFTED, Status.IN_REVIEW, Status.PUBLISHED),
    Status.PUBLISHED: (Status.IN_REVIEW,),
    Status.MERGED: (),
    Status.DISMISSED: (),  # evidence/dismissal.py dismisses and restores, one click each
}


class ReviewError(WorkbenchError, ValueError):
    """The change breaks a rule of the workflow; the message tells the reviewer which."""


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Any = _Unchanged()


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _may(db: sqlite_utils.Database, reviewer: str, action: Action, doing: str) -> None:
    try:
        require(db, reviewer, action)
    except PermissionDenied as denied:
        raise ReviewError(_("{reviewer} may not {doing}: {reason}").format(
            reviewer=reviewer, doing=_(doing), reason=str(denied).split(": ", 1)[-1])) from None


def _may_publish(db: sqlite_utils.Database, claim: ClaimRecord, reviewer: str) -> None:
    """Publishing needs an editor and, unless the desk allows it, someone other than the verdict's drafter."""
    _may(db, reviewer, Action.PUBLISH, N_("publish"))
    if (claim.drafted_by == reviewer and account_by_name(db, reviewer) is not None
            and not get_setting(db, "allow_self_publish")):
        raise ReviewError(_("{reviewer} drafted this verdict, so another editor must publish it (a desk of one can"
                            " allow drafters to publish in the desk settings)").format(reviewer=reviewer))


def save_review(db: sqlite_utils.Database, claim_id: int, *, expected_version: int, reviewer: str,
                status: Status | str | Any = UNCHANGED, assignee: str | None | Any = UNCHANGED,
                rating: str | None | Any = UNCHANGED, verdict: str | None | Any = UNCHANGED,
                rationale: str | None | Any = UNCHANGED, text: str | Any = UNCHANGED,
                action: str = "updated") -> ClaimRecord:
    """Save what a reviewer changed on a claim, checking the workflow's rules and the version they saw.

    Raises ReviewError for a broken rule and db.claims.VersionConflict when someone saved first.

    >>> save_review(db, 7, expected_version=3, reviewer="Lan", rating="False",
    ...             rationale="The ministry's figure is 1,2 triệu.", status="drafted")  # doctest: +SKIP
    """
    claim = get_claim(db, claim_id)
    if claim is None:
        raise ClaimNotFound.of(claim_id)
    if claim.version != expected_version:
        # A stale save is a version conflict (saying who changed what), never a workflow error about a state the
        # reviewer never saw; update_claim raises it, writing nothing, since versions only grow.
        return update_claim(db, claim_id, expected_version=expected_version, reviewer=reviewer, changes={})
    changes: dict[str, Any] = {}
    for key, value in (("assignee", assignee), ("rating", rating), ("verdict", verdict),
                       ("rationale", rationale), ("text", text)):
        if value is not UNCHANGED:
            changes[key] = _clean(value)
    if "text" in changes and not changes["text"]:
        raise ReviewError(_("a claim's wording cannot be empty"))
    final = {k: changes.get(k, getattr(claim, k)) for k in ("rating", "rationale")}
    if final["rating"] is not None:
        labels = [r.label for r in rating_scale(db)]
        if "rating" in changes and final["rating"] not in labels:
            raise ReviewError(_("{rating!r} is not on the rating scale ({labels})").format(
                rating=final["rating"], labels=", ".join(labels)))
        if not final["rationale"]:
            raise ReviewError(_("a verdict needs a rationale: say why the claim earns this rating"))
    if status is not UNCHANGED and Status(status) != Status(claim.status):
        target = Status(status)
        if target not in NEXT_STATUSES[Status(claim.status)]:
            raise ReviewError(_("a claim that is {status} cannot move to {target}").format(
                status=Status(claim.status).label.lower(), target=target.label.lower()))
        if target in (Status.DRAFTED, Status.READY, Status.PUBLISHED) and not (final["rating"] and final["rationale"]):
            raise ReviewError(_("{status} needs a rating and a rationale first").format(status=target.label.lower()))
        changes["status"] = target.value
        if target is Status.DRAFTED or (target is Status.READY and not claim.drafted_by):
            changes["drafted_by"] = reviewer
        if target is Status.PUBLISHED:
            _may_publish(db, claim, reviewer)
            stamp = now()
            changes["published_at"] = stamp
            if claim.first_published_at is None:
                changes["first_published_at"] = stamp
    elif claim.status == Status.PUBLISHED and {"rating", "verdict", "rationale"} & {
            k for k, v in changes.items() if getattr(claim, k) != v}:
        # Editing a published verdict in place is a correction: it stays published and the history shows it.
        _may(db, reviewer, Action.PUBLISH, N_("correct a published verdict"))
        changes["published_at"] = now()
    return change_workflow(db, claim_id, expected_version=expected_version, reviewer=reviewer, changes=changes,
                           action=action)


@dataclass(frozen=True)
class Adopted:
    """What adopting a duplicate's verdict did: the claim as saved and how many sources came with the verdict."""

    claim: ClaimRecord
    sources: int


def adopt_verdict(db: sqlite_utils.Database, claim_id: int, from_claim_id: int, *, expected_version: int,
                  reviewer: str) -> Adopted:
    """Give a duplicate the verdict of its canonical claim, when a reviewer accepts the offer (never automatic).

    The rationale cites the other claim's sources, so its sources are carried too (linked, with their kept
    copies): a report never shows an adopted rationale beside "No sources attached". Verdict and sources are
    saved together or not at all.
    """
    source = get_claim(db, from_claim_id)
    if source is None or not source.rating:
        raise ReviewError(_("claim {id} has no verdict to adopt").format(id=from_claim_id))
    claim = get_claim(db, claim_id)
    if claim is None:
        raise ClaimNotFound.of(claim_id)
    status: Any = UNCHANGED if claim.status in (Status.DRAFTED, Status.PUBLISHED) else Status.DRAFTED
    why = explain(claim.text, source.text).why
    # Said in the adopting reviewer's language, as the rationale it joins was written in the desk's.
    note = (_("(Adopted from claim {id}, a confirmed duplicate: {why}, with its sources.)") if why
            else _("(Adopted from claim {id}, a confirmed duplicate, with its sources.)"))
    rationale = f"{source.rationale}\n\n{note.format(id=from_claim_id, why=why)}"
    with writing(db):
        saved = save_review(db, claim_id, expected_version=expected_version, reviewer=reviewer,
                            rating=source.rating, verdict=source.verdict, rationale=rationale, status=status)
        carried = carry_sources(db, claim_id, from_claim_id, reviewer=reviewer)
    return Adopted(saved, len(carried))
