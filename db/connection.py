"""Opening the workbench database: WAL, a busy timeout, foreign keys, and one way to write."""
from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

__all__ = ["DEFAULT_DB_PATH", "resolve_db_path", "open_database", "writing"]

DEFAULT_DB_PATH = Path(__file__).resolve().parent.parent / "data" / "factcheck.db"
BUSY_TIMEOUT_MS = 30_000


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db` wins, then $FACTCHECK_DB, then data/factcheck.db inside the project (git ignores it)."""
    chosen = explicit or os.environ.get("FACTCHECK_DB") or DEFAULT_DB_PATH
    return Path(chosen)


def open_database(path: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database at `path`.

    The connection may be used from any thread (Streamlit runs each session on its own), but not from two
    at once: callers that share one across threads must guard it; the app opens one per rerun instead.

    >>> db = open_database(":memory:")
    >>> "claims" in db.table_names()
    True
    """
    target = resolve_db_path(path)
    if str(target) != ":memory:":
        target.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(target), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                           isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if str(target) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    db = sqlite_utils.Database(conn)
    if migrate:
        from db.migrations import migrate as apply_migrations

        apply_migrations(db)
    return db


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
