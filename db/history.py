"""The append-only record of every change: who, when, what, before and after (triggers forbid edits)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

__all__ = ["VERDICT_FIELDS", "HistoryEntry", "now", "record", "history_for_claim", "verdict_changes"]


def now() -> str:
    """UTC timestamp as stored everywhere: ISO 8601 with microseconds, so it sorts as text."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    claim_id: int | None
    entity: str
    entity_id: str
    action: str
    field: str | None
    before: Any
    after: Any
    reviewer: str | None
    at: str


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _load(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def record(db: sqlite_utils.Database, *, entity: str, entity_id: str | int, action: str,
           reviewer: str | None, claim_id: int | None = None, field: str | None = None,
           before: Any = None, after: Any = None, at: str | None = None) -> int:
    """Append one entry; call it inside the same write transaction as the change it describes."""
    cursor = db.execute(
        "INSERT INTO history (claim_id, entity, entity_id, action, field, before, after, reviewer, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [claim_id, entity, str(entity_id), action, field, _dump(before), _dump(after), reviewer, at or now()],
    )
    return int(cursor.lastrowid)


def _entries(rows: list[tuple]) -> list[HistoryEntry]:
    return [HistoryEntry(r[0], r[1], r[2], r[3], r[4], r[5], _load(r[6]), _load(r[7]), r[8], r[9]) for r in rows]


_COLUMNS = "id, claim_id, entity, entity_id, action, field, before, after, reviewer, at"


def history_for_claim(db: sqlite_utils.Database, claim_id: int) -> list[HistoryEntry]:
    """Every change to a claim and its evidence, oldest first."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM history WHERE claim_id = ? ORDER BY id", [claim_id]).fetchall()
    return _entries(rows)


VERDICT_FIELDS = ("rating", "verdict", "rationale")


def verdict_changes(db: sqlite_utils.Database, claim_ids: list[int] | None = None) -> list[HistoryEntry]:
    """Writes that changed a rating, verdict or rationale, oldest first (the raw material of a Corrections section).

    An entry's `before`/`after` are dicts of every field that write changed.
    """
    sql = (f"SELECT {_COLUMNS} FROM history WHERE entity = 'claim' AND ("
           + " OR ".join(f"instr(field, '{f}')" for f in VERDICT_FIELDS) + ")")
    params: list[Any] = []
    if claim_ids is not None:
        sql += f" AND claim_id IN ({', '.join('?' for _ in claim_ids)})"
        params.extend(claim_ids)
    return _entries(db.execute(sql + " ORDER BY id", params).fetchall())
