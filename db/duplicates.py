"""Reviewers' decisions on suggested matches, duplicate groups with a canonical claim, and verdicts offered."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from claims.errors import NotFound, WorkbenchError
from claims.matching.duplicate_rule import judge, side_of
from claims.matching.grouping import group_duplicates
from claims.matching.rerank import closeness
from claims.workflow import MatchDecision
from db.connection import writing
from db.history import now, record
from translations import _

__all__ = ["DuplicateGroup", "DifferenceNotConfirmed", "decide_match", "difference_of_match",
           "offer_verdict_to_duplicates",
           "duplicate_groups", "reject_all_suggestions"]


class DifferenceNotConfirmed(WorkbenchError, ValueError):
    """Linking as the same claim two claims whose figures or polarity differ needs the reviewer to confirm the
    difference by name; `difference` says it in words ("different figure: 52 người ≠ 48 người")."""

    def __init__(self, difference: str) -> None:
        super().__init__(f"these claims differ ({difference}); confirm the difference to link them as the same claim")
        self.difference = difference


@dataclass(frozen=True)
class DuplicateGroup:
    """Claims that state the same thing: `canonical_id` first in `claim_ids`; `confirmed` by a reviewer or not."""

    canonical_id: int
    claim_ids: tuple[int, ...]
    confirmed: bool
    texts: tuple[str, ...] = ()


def _group_of(db: sqlite_utils.Database, claim_id: int) -> list[dict[str, Any]]:
    root = db.execute("SELECT coalesce(canonical_id, id) FROM claims WHERE id = ?", [claim_id]).fetchone()
    if root is None:
        return []
    return list(db.query("SELECT id, canonical_id, rating, created_at FROM claims WHERE id = ? OR canonical_id = ?",
                         [root[0], root[0]]))


def _set_canonical(db: sqlite_utils.Database, members: list[dict[str, Any]], canonical: int | None,
                   reviewer: str) -> None:
    for m in members:
        target = None if m["id"] == canonical else canonical
        if m["canonical_id"] != target:
            db.execute("UPDATE claims SET canonical_id = ? WHERE id = ?", [target, m["id"]])
            record(db, entity="claim", entity_id=m["id"], claim_id=m["id"], action="group", field="canonical_id",
                   before=m["canonical_id"], after=target, reviewer=reviewer)


def _choose_canonical(members: list[dict[str, Any]]) -> int:
    """The claim with a verdict, else the earliest: its verdict is the one offered to the others."""
    return min(members, key=lambda m: (m["rating"] is None, m["created_at"], m["id"]))["id"]


def _texts_of_match(db: sqlite_utils.Database, match_id: int) -> tuple[str, str] | None:
    row = db.execute(
        "SELECT c.text, coalesce(o.text, k.text) FROM claim_matches m JOIN claims c ON c.id = m.claim_id"
        " LEFT JOIN claims o ON m.other_kind = 'claim' AND o.id = CAST(m.other_id AS INTEGER)"
        " LEFT JOIN known_claims k ON m.other_kind = 'known' AND k.id = m.other_id WHERE m.id = ?",
        [match_id]).fetchone()
    return (row[0], row[1]) if row and row[1] is not None else None


def difference_of_match(db: sqlite_utils.Database, match_id: int) -> str:
    """What keeps a suggested pair apart, in words ("different figure: 52 người ≠ 48 người", "opposite: không …"),
    or "" when their figures and polarity agree. Read from the claims as they are now, by the duplicate rule."""
    texts = _texts_of_match(db, match_id)
    if texts is None:
        return ""
    mine, theirs = side_of(texts[0]), side_of(texts[1])
    return judge(mine, theirs, closeness=closeness([mine.norm], [theirs.norm])[0][0]).difference


def decide_match(db: sqlite_utils.Database, match_id: int, *, decision: MatchDecision | str, reviewer: str,
                 confirmed_difference: str | None = None) -> str:
    """Confirm or reject a suggestion; returns the decision stored.

    A rejection is remembered: the pair is never suggested again. Confirming a claim–claim match puts both
    claims in one duplicate group with one canonical claim (claims.canonical_id); rejecting a confirmed one
    takes the claim out of the group again. Both are written to the history.

    Confirming a pair whose figures or polarity differ raises DifferenceNotConfirmed unless
    `confirmed_difference` names that difference (as `difference_of_match` words it): the reviewer has seen it.
    It is stored with the decision and written to the history with it.
    """
    if decision not in (MatchDecision.CONFIRMED, MatchDecision.REJECTED):
        raise ValueError(f"decision must be 'confirmed' or 'rejected', not {decision!r}")
    decision = MatchDecision(decision)
    note = None
    if decision is MatchDecision.CONFIRMED:
        difference = difference_of_match(db, match_id)
        if difference and confirmed_difference != difference:
            raise DifferenceNotConfirmed(difference)
        note = difference or None
    with writing(db):
        row = db.execute("SELECT claim_id, other_kind, other_id, decision FROM claim_matches WHERE id = ?",
                         [match_id]).fetchone()
        if row is None:
            raise NotFound(_("match {id} does not exist").format(id=match_id))
        claim_id, kind, other_id, before = row
        if before == decision:
            return decision
        db.execute("UPDATE claim_matches SET decision = ?, decided_by = ?, decided_at = ?, decision_note = ?"
                   " WHERE id = ?", [decision, reviewer, now(), note, match_id])
        record(db, entity="claim_match", entity_id=match_id, claim_id=claim_id, action=decision, field="decision",
               before=before, after={"decision": decision, "despite": note} if note else decision,
               reviewer=reviewer)
        if kind == "claim":
            other = int(other_id)
            if decision is MatchDecision.CONFIRMED:
                members = {m["id"]: m for m in _group_of(db, claim_id) + _group_of(db, other)}
                _set_canonical(db, list(members.values()), _choose_canonical(list(members.values())), reviewer)
            elif before == MatchDecision.CONFIRMED:
                _leave_group(db, claim_id, other, reviewer)
    return decision


def reject_all_suggestions(db: sqlite_utils.Database, claim_id: int, *, reviewer: str) -> int:
    """"Not the same" for every suggestion of a claim still waiting for a decision; returns how many.

    Confirmed and rejected pairs stay as they are; each rejection is in the history like one made by hand.
    """
    ids = [r[0] for r in db.execute(
        "SELECT id FROM claim_matches WHERE decision = ? AND (claim_id = ? OR (other_kind = 'claim'"
        " AND other_id = CAST(? AS TEXT)))", [MatchDecision.SUGGESTED, claim_id, claim_id])]
    for match_id in ids:
        decide_match(db, match_id, decision=MatchDecision.REJECTED, reviewer=reviewer)
    return len(ids)


def _leave_group(db: sqlite_utils.Database, claim_id: int, other: int, reviewer: str) -> None:
    """Undo a confirmation: the non-canonical one of the pair leaves the group."""
    group = _group_of(db, claim_id)
    ids = {m["id"] for m in group}
    if other not in ids:
        return
    canonical = next((m["id"] for m in group if m["canonical_id"] is None), None)
    leaving = other if claim_id == canonical else claim_id
    _set_canonical(db, [m for m in group if m["id"] == leaving], None, reviewer)
    rest = [m for m in group if m["id"] != leaving]
    if len(rest) == 1:
        _set_canonical(db, rest, None, reviewer)


def offer_verdict_to_duplicates(db: sqlite_utils.Database, canonical_id: int) -> list[int]:
    """Duplicates of `canonical_id` that lack its verdict: the page offers to copy it to them, never forces it."""
    row = db.execute("SELECT rating FROM claims WHERE id = ?", [canonical_id]).fetchone()
    if row is None or not row[0]:
        return []
    return [r[0] for r in db.execute(
        "SELECT id FROM claims WHERE canonical_id = ? AND (rating IS NULL OR rating != ?) ORDER BY id",
        [canonical_id, row[0]])]


def duplicate_groups(db: sqlite_utils.Database, *, suggested: bool = True) -> list[DuplicateGroup]:
    """Confirmed groups, then (with `suggested`) clusters of claims that look like duplicates of one centre.

    Suggested clusters are computed over every claim not yet in a confirmed group; a rejected pair is never
    put together. Each member is a duplicate of its cluster's centre, so near-misses cannot chain.
    """
    texts = dict(db.execute("SELECT id, text FROM claims").fetchall())
    confirmed: dict[int, list[int]] = {}
    for claim_id, canonical in db.execute("SELECT id, canonical_id FROM claims WHERE canonical_id IS NOT NULL"
                                          " ORDER BY id"):
        confirmed.setdefault(canonical, []).append(claim_id)
    groups = [DuplicateGroup(c, (c, *ms), True, tuple(texts.get(i, "") for i in (c, *ms)))
              for c, ms in sorted(confirmed.items())]
    if not suggested:
        return groups
    grouped = set(confirmed) | {i for ms in confirmed.values() for i in ms}
    rejected = {frozenset((a, int(b))) for a, b in db.execute(
        "SELECT claim_id, other_id FROM claim_matches WHERE other_kind = 'claim' AND decision = ?",
        [MatchDecision.REJECTED])}
    free = [(i, t) for i, t in texts.items() if i not in grouped]
    for centre, members in group_duplicates(free, forbidden=rejected, workers=min(2, os.cpu_count() or 1)):
        ids = (centre, *members)
        groups.append(DuplicateGroup(centre, ids, False, tuple(texts[i] for i in ids)))
    return groups


