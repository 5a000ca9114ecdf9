"""One way to write: a transaction that takes the write lock up front (opening a database is db/connection.py)."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

import sqlite_utils

__all__ = ["writing"]


@contextlib.contextmanager
def writing(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction: everything inside commits together or not at all.

    BEGIN IMMEDIATE takes the write lock up front, so a transaction that reads then writes never fails
    half-way with "database is locked"; it waits (busy timeout) for the other writer instead.
    Nested sqlite-utils calls (insert, atomic) become savepoints inside it.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")
