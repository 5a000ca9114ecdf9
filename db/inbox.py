"""What waits for one person: claims assigned to them, their drafts, verdicts waiting for an editor, notes for them,
and what others changed on their claims since their last visit. Each list reads one page through an index."""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from claims.workflow import FINISHED, WAITING_FOR_EDITOR, Status
from db.claims import get_claims
from db.connection import writing
from db.history import now
from db.records import ClaimRecord, sql_values

__all__ = ["Inbox", "InboxCounts", "names_of", "inbox_counts", "inbox", "last_inbox_visit", "mark_inbox_visit"]

_CLOSED = sql_values(FINISHED)
_WAITING = sql_values(WAITING_FOR_EDITOR)
_EPOCH = "0000"


@dataclass(frozen=True)
class InboxCounts:
    assigned: int
    drafts: int
    to_publish: int  # 0 for someone who may not publish
    notes: int


@dataclass(frozen=True)
class Inbox:
    assigned: list[ClaimRecord]
    drafts: list[ClaimRecord]
    to_publish: list[ClaimRecord]
    notes: list[tuple[ClaimRecord, int]]  # a claim and how many new notes it has for this person
    changed: list[ClaimRecord]
    counts: InboxCounts


def names_of(db: sqlite_utils.Database, account_id: int) -> list[str]:
    """Every name a claim may be assigned to for this account: its name, its login, and the free-text names from
    before accounts that an admin linked to it."""
    row = db.execute("SELECT name, login FROM accounts WHERE id = ?", [account_id]).fetchone()
    if row is None:
        return []
    linked = [r[0] for r in db.execute("SELECT name FROM reviewers WHERE account_id = ?", [account_id])]
    return list(dict.fromkeys([row[0], row[1], *linked]))


def _marks(values: list) -> str:
    return ", ".join("?" for _ in values) or "NULL"


def _notes_sql(select: str) -> str:
    # Notes by someone else, after `since`, that mention this account or sit on a claim assigned to it or drafted
    # by it.
    return (f"SELECT {select} FROM claim_notes n JOIN claims c ON c.id = n.claim_id"
            " WHERE n.created_at > ? AND n.author != ? AND ("
            " EXISTS (SELECT 1 FROM note_mentions m WHERE m.note_id = n.id AND m.account_id = ?)"
            " OR c.assignee IN ({names}) OR c.drafted_by = ?)")


def inbox_counts(db: sqlite_utils.Database, account_id: int, *, may_publish: bool,
                 since: str | None = None) -> InboxCounts:
    """The numbers the sidebar shows beside "Inbox"."""
    names = names_of(db, account_id)
    if not names:
        return InboxCounts(0, 0, 0, 0)
    me = names[0]
    assigned = db.execute(f"SELECT count(*) FROM claims WHERE assignee IN ({_marks(names)})"
                          f" AND status NOT IN {_CLOSED}", names).fetchone()[0]
    drafts = db.execute(f"SELECT count(*) FROM claims WHERE drafted_by = ? AND status IN {_WAITING}",
                        [me]).fetchone()[0]
    to_publish = db.execute(f"SELECT count(*) FROM claims WHERE status IN {_WAITING} AND drafted_by IS NOT ?",
                            [me]).fetchone()[0] if may_publish else 0
    since = since or last_inbox_visit(db, account_id) or _EPOCH
    notes = db.execute(_notes_sql("count(DISTINCT n.claim_id)").format(names=_marks(names)),
                       [since, me, account_id, *names, me]).fetchone()[0]
    return InboxCounts(assigned, drafts, to_publish, notes)


def inbox(db: sqlite_utils.Database, account_id: int, *, may_publish: bool, since: str | None,
          limit: int = 50) -> Inbox:
    """One person's inbox; `since` is when they last looked (None: never), for new notes and changes."""
    names = names_of(db, account_id)
    if not names:
        return Inbox([], [], [], [], [], InboxCounts(0, 0, 0, 0))
    me = names[0]
    since = since or _EPOCH

    def ids(sql: str, params: list) -> list[int]:
        return [r[0] for r in db.execute(sql + " LIMIT ?", [*params, limit])]

    assigned = ids(f"SELECT id FROM claims WHERE assignee IN ({_marks(names)}) AND status NOT IN {_CLOSED}"
                   " ORDER BY updated_at DESC", names)
    drafts = ids(f"SELECT id FROM claims WHERE drafted_by = ? AND status IN {_WAITING} ORDER BY updated_at DESC",
                 [me])
    # Handed-over verdicts first, then plain drafts; oldest first, so nothing waits for ever.
    to_publish = ids(f"SELECT id FROM claims WHERE status IN {_WAITING} AND drafted_by IS NOT ?"
                     f" ORDER BY status = '{Status.READY}' DESC, updated_at", [me]) if may_publish else []
    noted = [tuple(r) for r in db.execute(
        _notes_sql("n.claim_id, count(*), max(n.id)").format(names=_marks(names))
        + " GROUP BY n.claim_id ORDER BY max(n.id) DESC LIMIT ?", [since, me, account_id, *names, me, limit])]
    changed = ids(f"SELECT id FROM claims WHERE (assignee IN ({_marks(names)}) OR drafted_by = ?)"
                  " AND updated_at > ? AND updated_by IS NOT ? ORDER BY updated_at DESC",
                  [*names, me, since, me])
    counts = inbox_counts(db, account_id, may_publish=may_publish, since=since)
    by_id = {c.id: c for c in get_claims(db, list({*assigned, *drafts, *to_publish, *changed,
                                                    *(n[0] for n in noted)}))}
    pick = lambda found: [by_id[i] for i in found if i in by_id]  # noqa: E731
    return Inbox(pick(assigned), pick(drafts), pick(to_publish),
                 [(by_id[i], n) for i, n, _ in noted if i in by_id], pick(changed), counts)


def last_inbox_visit(db: sqlite_utils.Database, account_id: int) -> str | None:
    row = db.execute("SELECT seen_at FROM inbox_visits WHERE account_id = ?", [account_id]).fetchone()
    return row[0] if row else None


def mark_inbox_visit(db: sqlite_utils.Database, account_id: int) -> None:
    with writing(db):
        db.execute("INSERT INTO inbox_visits (account_id, seen_at) VALUES (?, ?)"
                   " ON CONFLICT(account_id) DO UPDATE SET seen_at = excluded.seen_at", [account_id, now()])
