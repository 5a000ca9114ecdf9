"""Reading claims and changing them safely: every write checks the version the reviewer saw."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from claims.decoration import folded_plain
from claims.errors import NotFound, WorkbenchError
from claims.workflow import NOT_YET_DRAFTED, Status
from db.change_words import change_words
from db.connection import writing
from db.fts import diacritics_kept, match_expression, read_query
from db.history import HistoryEntry, now, record
from db.records import CLAIM_COLUMNS, ClaimRecord, DateRecord, QuantityRecord, claim_from_row
from translations import _

__all__ = ["EDITABLE_FIELDS", "WORKFLOW_FIELDS", "change_workflow",
           "VersionConflict", "ClaimNotFound", "ClaimFilter", "QueuePage", "get_claim",
           "get_claims", "claims_for_article", "claim_queue", "claim_neighbours", "update_claim",
           "count_claims", "facet_values", "OPEN_STATUSES", "next_open_claim"]

EDITABLE_FIELDS = frozenset({"text", "assignee", "verdict", "rating", "rationale", "speaker", "speaker_role",
                             "checkworthy", "canonical_id"})
# A claim's status, its publication dates and who drafted its verdict change only through the review workflow
# (evidence.review: allowed moves, the two-person rule) and dismissal (evidence.dismissal), by `change_workflow`;
# `update_claim` refuses them, so no other caller can publish around the rules.
WORKFLOW_FIELDS = frozenset({"status", "published_at", "first_published_at", "drafted_by"})


class ClaimNotFound(NotFound):
    """No claim has this id."""

    @classmethod
    def of(cls, claim_id: int) -> ClaimNotFound:
        """The error for `claim_id`, said in the reader's language: "claim 7 does not exist"."""
        return cls(_("claim {id} does not exist").format(id=claim_id))


class VersionConflict(WorkbenchError):
    """Someone saved the claim after this reviewer opened it; `their_changes` says what they changed."""

    def __init__(self, claim_id: int, expected: int, current: ClaimRecord, their_changes: list[HistoryEntry]):
        self.claim_id = claim_id
        self.expected = expected
        self.current = current
        self.their_changes = their_changes
        who = sorted({e.reviewer or "someone" for e in their_changes}) or ["someone"]
        what = "; ".join(f"{label}: {was} → {now_}" for e in their_changes
                         for label, was, now_ in change_words(e.before, e.after)) or "the claim"
        super().__init__(f"Claim {claim_id} was changed by {', '.join(who)} while you were editing it"
                         f" (version {expected} → {current.version}): {what}. Your changes were not saved;"
                         " review theirs and save again.")


def _facets(db: sqlite_utils.Database, claim_ids: list[int]) -> tuple[dict[int, list], dict[int, list]]:
    quantities: dict[int, list] = {i: [] for i in claim_ids}
    dates: dict[int, list] = {i: [] for i in claim_ids}
    if not claim_ids:
        return quantities, dates
    marks = ", ".join("?" for _ in claim_ids)
    for row in db.query(f"SELECT claim_id, text, start, \"end\", value, high, unit, qualifier FROM quantities"
                        f" WHERE claim_id IN ({marks}) ORDER BY start", claim_ids):
        quantities[row.pop("claim_id")].append(QuantityRecord(**row))
    for row in db.query(f"SELECT claim_id, text, start, \"end\", value FROM claim_dates"
                        f" WHERE claim_id IN ({marks}) ORDER BY start", claim_ids):
        dates[row.pop("claim_id")].append(DateRecord(**row))
    return quantities, dates


def _records(db: sqlite_utils.Database, rows: list[dict[str, Any]]) -> list[ClaimRecord]:
    ids = [r["id"] for r in rows]
    quantities, dates = _facets(db, ids)
    return [claim_from_row(r, tuple(quantities[r["id"]]), tuple(dates[r["id"]])) for r in rows]


def get_claim(db: sqlite_utils.Database, claim_id: int) -> ClaimRecord | None:
    rows = list(db.query(f"SELECT {CLAIM_COLUMNS} FROM claims WHERE id = ?", [claim_id]))
    return _records(db, rows)[0] if rows else None


def get_claims(db: sqlite_utils.Database, claim_ids: list[int]) -> list[ClaimRecord]:
    """Claims in the order of `claim_ids` (missing ones left out)."""
    found: dict[int, ClaimRecord] = {}
    for chunk_start in range(0, len(claim_ids), 500):
        chunk = claim_ids[chunk_start:chunk_start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = list(db.query(f"SELECT {CLAIM_COLUMNS} FROM claims WHERE id IN ({marks})", chunk))
        found.update((c.id, c) for c in _records(db, rows))
    return [found[i] for i in claim_ids if i in found]


def claims_for_article(db: sqlite_utils.Database, article_id: int, *,
                       include_merged: bool = False) -> list[ClaimRecord]:
    sql = f"SELECT {CLAIM_COLUMNS} FROM claims WHERE article_id = ?"
    if not include_merged:
        sql += f" AND status != '{Status.MERGED}'"
    return _records(db, list(db.query(sql + " ORDER BY start, id", [article_id])))


def count_claims(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM claims").fetchone()[0]


@dataclass(frozen=True)
class ClaimFilter:
    """What the queue shows. None means "any"; `search` is any text (full-text, folded, never FTS5 syntax)."""

    status: str | None = None
    rating: str | None = None
    claim_type: str | None = None
    article_id: int | None = None
    assignee: str | None = None
    has_number: bool | None = None
    checkworthy: bool | None = True
    min_score: float | None = None
    search: str | None = None
    include_merged: bool = False
    include_dismissed: bool = False  # claims dismissed as not worth checking leave the queue unless asked for
    ids: tuple[int, ...] | None = field(default=None)
    speakers: tuple[str, ...] | None = None  # the spellings of one speaker (db.speakers.speaker_record)


@dataclass(frozen=True)
class QueuePage:
    claims: list[ClaimRecord]
    total: int
    offset: int
    limit: int
    # With a search whose words carry diacritics: how many of `total` write them with the same marks (ranked first).
    with_marks: int | None = None


_SORTS = {
    "score": "c.score DESC, c.id",
    "newest": "c.id DESC",
    "oldest": "c.id",
    "updated": "c.updated_at DESC, c.id DESC",
    "article": "c.article_id, c.start",
}


def _where(flt: ClaimFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if not flt.include_merged and flt.status != Status.MERGED:
        clauses.append(f"c.status != '{Status.MERGED}'")
    if not flt.include_dismissed and flt.status != Status.DISMISSED:
        clauses.append(f"c.status != '{Status.DISMISSED}'")
    for column, value in (("c.status", flt.status), ("c.rating", flt.rating), ("c.article_id", flt.article_id),
                          ("c.assignee", flt.assignee)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if flt.checkworthy is not None:
        clauses.append("c.checkworthy = ?")
        params.append(int(flt.checkworthy))
    if flt.min_score is not None:
        clauses.append("c.score >= ?")
        params.append(flt.min_score)
    if flt.claim_type:
        clauses.append("EXISTS (SELECT 1 FROM json_each(c.types) WHERE json_each.value = ?)")
        params.append(flt.claim_type)
    if flt.has_number is not None:
        has = "EXISTS (SELECT 1 FROM quantities q WHERE q.claim_id = c.id)"
        clauses.append(has if flt.has_number else f"NOT {has}")
    if flt.ids is not None:
        clauses.append(f"c.id IN ({', '.join('?' for _ in flt.ids) or 'NULL'})")
        params.extend(flt.ids)
    if flt.speakers is not None:
        clauses.append(f"c.speaker IN ({', '.join('?' for _ in flt.speakers) or 'NULL'})")
        params.extend(flt.speakers)
    if flt.search and flt.search.strip():
        expression = match_expression(flt.search)
        if expression is None:
            clauses.append("0")
        else:
            clauses.append("c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
            params.append(expression)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def claim_queue(db: sqlite_utils.Database, flt: ClaimFilter = ClaimFilter(), *, sort: str = "score",
                limit: int = 25, offset: int = 0) -> QueuePage:
    """One page of the claim queue and the total that match; only that page is read.

    A search typed with diacritics ranks first the claims that write its words with the same marks
    (`db.fts.diacritics_kept`), then the chosen order.
    """
    where, params = _where(flt)
    order = _SORTS.get(sort, _SORTS["score"])
    marked = read_query(flt.search).marked_words if flt.search else ()
    with_marks = None
    order_params: list[Any] = []
    if marked:
        kept, kept_params = diacritics_kept(marked)
        total, with_marks = db.execute(f"SELECT count(*), coalesce(sum({kept}), 0) FROM claims c{where}",
                                       [*kept_params, *params]).fetchone()
        order, order_params = f"{kept} DESC, {order}", kept_params
    else:
        total = db.execute(f"SELECT count(*) FROM claims c{where}", params).fetchone()[0]
    columns = ", ".join(f"c.{col.strip()}" for col in CLAIM_COLUMNS.split(","))
    rows = list(db.query(f"SELECT {columns} FROM claims c{where} ORDER BY {order} LIMIT ? OFFSET ?",
                         [*params, *order_params, limit, offset]))
    return QueuePage(_records(db, rows), total, offset, limit, with_marks)


OPEN_STATUSES = NOT_YET_DRAFTED


def next_open_claim(db: sqlite_utils.Database, flt: ClaimFilter = ClaimFilter(), *, sort: str = "score",
                    skip: tuple[int, ...] | list[int] = ()) -> int | None:
    """The first open claim (new or in review) in the queue's order under `flt`, leaving out `skip` (the claims
    already visited on this walk), or None when none are left."""
    from dataclasses import replace

    where, params = _where(replace(flt, status=None))
    skip = list(skip)[-5000:]
    clauses = [f"c.status IN ({', '.join('?' for _ in OPEN_STATUSES)})"]
    params = [*params, *OPEN_STATUSES]
    if skip:
        clauses.append(f"c.id NOT IN ({', '.join('?' for _ in skip)})")
        params.extend(skip)
    where = (where + " AND " if where else " WHERE ") + " AND ".join(clauses)
    row = db.execute(f"SELECT c.id FROM claims c{where} ORDER BY {_SORTS.get(sort, _SORTS['score'])} LIMIT 1",
                     params).fetchone()
    return int(row[0]) if row else None


def facet_values(db: sqlite_utils.Database) -> dict[str, list[str]]:
    """The values the queue's filters can take, read from the data (assignees, types, ratings in use)."""
    assignees = [r[0] for r in db.execute("SELECT DISTINCT assignee FROM claims WHERE assignee IS NOT NULL"
                                          " ORDER BY assignee LIMIT 500")]
    types = [r[0] for r in db.execute("SELECT DISTINCT j.value FROM (SELECT DISTINCT types FROM claims LIMIT 5000)"
                                      " AS t, json_each(t.types) AS j ORDER BY 1")]
    return {"assignee": assignees, "type": types}


def claim_neighbours(db: sqlite_utils.Database, claim: ClaimRecord, *, around: int = 1) -> tuple[str, str]:
    """The article text just before and just after the claim: `around` sentence candidates each side."""
    before = db.execute("SELECT min(start) FROM (SELECT start FROM claims WHERE article_id = ? AND \"end\" <= ?"
                        " ORDER BY start DESC LIMIT ?)", [claim.article_id, claim.start, around]).fetchone()[0]
    after = db.execute("SELECT max(\"end\") FROM (SELECT \"end\" FROM claims WHERE article_id = ? AND start >= ?"
                       " ORDER BY start LIMIT ?)", [claim.article_id, claim.end, around]).fetchone()[0]
    text = db.execute("SELECT text FROM articles WHERE id = ?", [claim.article_id]).fetchone()[0]
    start = before if before is not None else max(0, claim.start - 300)
    end = after if after is not None else min(len(text), claim.end + 300)
    return text[start:claim.start], text[claim.end:end]


def _changes_since(db: sqlite_utils.Database, claim_id: int, version: int) -> list[HistoryEntry]:
    from db.history import history_for_claim

    return [e for e in history_for_claim(db, claim_id)
            if e.entity == "claim" and isinstance(e.after, dict) and _entry_version(e) > version]


def _entry_version(entry: HistoryEntry) -> int:
    # The version a change produced is kept in entity_id as "<claim id>@<version>".
    try:
        return int(entry.entity_id.rsplit("@", 1)[1])
    except (IndexError, ValueError):
        return 0


def update_claim(db: sqlite_utils.Database, claim_id: int, *, expected_version: int, reviewer: str,
                 changes: dict[str, Any], action: str = "updated") -> ClaimRecord:
    """Apply `changes` (of EDITABLE_FIELDS) if nobody saved the claim since `expected_version`; record each changed
    field.

    Raises VersionConflict (nothing written) when someone else saved first, ClaimNotFound if it is gone, and
    ValueError for a field outside EDITABLE_FIELDS: status and publication dates among them (see WORKFLOW_FIELDS).
    """
    workflow = set(changes) & WORKFLOW_FIELDS
    if workflow:
        raise ValueError(f"cannot edit {', '.join(sorted(workflow))} here: a claim's status and publication change"
                         " only through the review workflow")
    return _write(db, claim_id, expected_version=expected_version, reviewer=reviewer, changes=changes, action=action)


def change_workflow(db: sqlite_utils.Database, claim_id: int, *, expected_version: int, reviewer: str,
                    changes: dict[str, Any], action: str = "updated") -> ClaimRecord:
    """`update_claim` for the review workflow and dismissal only, which check its rules first: it may also change
    WORKFLOW_FIELDS (tests/test_claims_workflow_fields.py checks that no other module calls it)."""
    return _write(db, claim_id, expected_version=expected_version, reviewer=reviewer, changes=changes, action=action)


def _write(db: sqlite_utils.Database, claim_id: int, *, expected_version: int, reviewer: str,
           changes: dict[str, Any], action: str) -> ClaimRecord:
    unknown = set(changes) - EDITABLE_FIELDS - WORKFLOW_FIELDS
    if unknown:
        raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
    with writing(db):
        current = get_claim(db, claim_id)
        if current is None:
            raise ClaimNotFound.of(claim_id)
        if current.version != expected_version:
            raise VersionConflict(claim_id, expected_version, current, _changes_since(db, claim_id, expected_version))
        changed = {k: v for k, v in changes.items() if getattr(current, k) != (bool(v) if k == "checkworthy" else v)}
        if not changed:
            return current
        new_version = current.version + 1
        stamp = now()
        sets = dict(changed)
        if "text" in sets:
            sets["folded"] = folded_plain(sets["text"])
        if "checkworthy" in sets:
            sets["checkworthy"] = int(bool(sets["checkworthy"]))
        assignments = ", ".join(f"{k} = ?" for k in sets)
        cursor = db.execute(
            f"UPDATE claims SET {assignments}, version = ?, updated_at = ?, updated_by = ?"
            " WHERE id = ? AND version = ?",
            [*sets.values(), new_version, stamp, reviewer, claim_id, expected_version],
        )
        if cursor.rowcount != 1:  # cannot happen under the write lock; kept as the last line of defence
            raise VersionConflict(claim_id, expected_version, current, [])
        # One history entry per accepted write, holding every field it changed.
        record(db, claim_id=claim_id, entity="claim", entity_id=f"{claim_id}@{new_version}", action=action,
               field=",".join(sorted(changed)), before={k: getattr(current, k) for k in sorted(changed)},
               after={k: changed[k] for k in sorted(changed)}, reviewer=reviewer, at=stamp)
        return get_claim(db, claim_id)  # type: ignore[return-value]

