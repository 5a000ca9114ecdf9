"""The in-memory word indexes of past fact-checks and claims, one pair per database file, kept up to date."""
from __future__ import annotations

import contextlib
import contextvars
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from claims.matching.grouping import normalize_all
from claims.matching.index import MatchIndex

__all__ = ["word_indexes", "forget_index", "database_key", "ClaimsAsOf", "claims_as_of"]


@dataclass
class _Cached:
    """Past fact-checks and claims in two indexes: editing a claim never rebuilds a million past fact-checks."""

    known: MatchIndex
    known_stamp: tuple
    claims: MatchIndex
    claims_stamp: tuple
    last_claim_id: int
    seen: tuple = ()  # (connection, data_version, total_changes) when last checked


_CACHE: dict[str, _Cached] = {}
_CACHE_LOCK = threading.Lock()


def database_key(db: sqlite_utils.Database) -> str:
    """The name the caches know a database by: its file, or the connection of an in-memory one."""
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] or f"memory:{id(db.conn)}"


def _known_stamp(db: sqlite_utils.Database) -> tuple:
    # A replaced row is deleted and inserted again, so it moves max(rowid) too.
    return tuple(db.execute("SELECT count(*), max(rowid) FROM known_claims").fetchone())


def _unchanged_since(db: sqlite_utils.Database) -> tuple:
    """Nothing written since the last look: no other connection committed and this one changed nothing."""
    return (id(db.conn), db.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes)


def _claims_stamp(db: sqlite_utils.Database, up_to: int | None = None) -> tuple:
    sql = "SELECT count(*), max(updated_at) FROM claims"
    params: list[Any] = []
    if up_to is not None:
        sql += " WHERE id <= ?"
        params.append(up_to)
    return tuple(db.execute(sql, params).fetchone())


def _add_claims(db: sqlite_utils.Database, index: MatchIndex, after_id: int) -> int:
    last = after_id
    for claim_id, text in db.execute("SELECT id, text FROM claims WHERE id > ? ORDER BY id", [after_id]):
        index.add(("claim", claim_id), text)
        last = claim_id
    return last


def _known_index(db: sqlite_utils.Database) -> MatchIndex:
    index = MatchIndex()
    keys, texts = [], []
    for k, text in db.execute("SELECT id, text FROM known_claims"):
        keys.append(("known", k))
        texts.append(text)
    index.add_many(zip(keys, normalize_all(texts, workers=min(4, os.cpu_count() or 1)), strict=True),
                   normalized=True)
    return index


class ClaimsAsOf:
    """The claims index as it stood when claim `up_to` had just been stored: what suggestions computed later (in
    the background, article after article) are matched against, so they equal those made at ingest."""

    def __init__(self) -> None:
        self.index = MatchIndex()
        self.last_claim_id = 0

    def extend(self, db: sqlite_utils.Database, up_to: int) -> None:
        for claim_id, text in db.execute("SELECT id, text FROM claims WHERE id > ? AND id <= ? ORDER BY id",
                                         [self.last_claim_id, up_to]):
            self.index.add(("claim", claim_id), text)
        self.last_claim_id = max(self.last_claim_id, up_to)


_AS_OF: contextvars.ContextVar[tuple[str, ClaimsAsOf] | None] = contextvars.ContextVar("claims_as_of", default=None)


@contextlib.contextmanager
def claims_as_of(db: sqlite_utils.Database, claims: ClaimsAsOf) -> Iterator[None]:
    """Within the block, matching against `db` sees only the claims of `claims` (past fact-checks as they are)."""
    token = _AS_OF.set((database_key(db), claims))
    try:
        yield
    finally:
        _AS_OF.reset(token)


def word_indexes(db: sqlite_utils.Database) -> tuple[MatchIndex, MatchIndex]:
    """(past fact-checks, claims) indexes of `db`, rebuilt when changed, extended when claims were only added."""
    key = database_key(db)
    pinned = _AS_OF.get()
    if pinned is not None and pinned[0] == key:
        token = _AS_OF.set(None)
        try:
            known, _ = word_indexes(db)  # the cached past fact-checks, rebuilt only when they changed
        finally:
            _AS_OF.reset(token)
        return known, pinned[1].index
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
        if cached is not None and cached.seen == _unchanged_since(db):
            return cached.known, cached.claims
        known_stamp = _known_stamp(db)
        if cached is None or cached.known_stamp != known_stamp:
            known = _known_index(db)
        else:
            known = cached.known
        if cached is not None and _claims_stamp(db, cached.last_claim_id) == cached.claims_stamp:
            claims, last = cached.claims, _add_claims(db, cached.claims, cached.last_claim_id)
        else:
            claims = MatchIndex()
            last = _add_claims(db, claims, 0)
        cached = _CACHE[key] = _Cached(known, known_stamp, claims, _claims_stamp(db, last), last,
                                       _unchanged_since(db))
        return known, claims


def forget_index(db: sqlite_utils.Database) -> None:
    """Drop the cached index of `db` (it is rebuilt on the next match)."""
    key = database_key(db)
    with _CACHE_LOCK:
        _CACHE.pop(key, None)


