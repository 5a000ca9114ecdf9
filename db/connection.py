"""Opening the workbench database: WAL, a busy timeout, foreign keys, and one way to write."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlite_utils

from claims.errors import WorkbenchError
from db.transactions import writing

__all__ = ["DEFAULT_DB_PATH", "NewerDatabase", "resolve_db_path", "open_database", "writing", "file_uri"]

DEFAULT_DB_PATH = Path(__file__).resolve().parent.parent / "data" / "factcheck.db"
BUSY_TIMEOUT_MS = 30_000


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db` wins, then $FACTCHECK_DB, then data/factcheck.db inside the project (git ignores it)."""
    chosen = explicit or os.environ.get("FACTCHECK_DB") or DEFAULT_DB_PATH
    return Path(chosen)


class NewerDatabase(WorkbenchError, sqlite3.DatabaseError):
    """The database was made by a newer version of the workbench: reading or writing it could damage it."""


def file_uri(path: str | os.PathLike[str], **params: str) -> str:
    """An SQLite file: URI for `path`, every special character escaped ('bk#1.db' is not 'bk'), with `params`.

    >>> file_uri("bk#1.db", mode="ro").endswith("/bk%231.db?mode=ro")
    True
    """
    import urllib.parse

    path = Path(path)

    query = "&".join(f"{k}={v}" for k, v in params.items())
    return "file:" + urllib.parse.quote(str(path.resolve()), safe="/") + (f"?{query}" if query else "")


def _writable(path: Path) -> bool:
    """Whether SQLite can write here: the file (if it exists) and its folder (journal, -wal and -shm live there)."""
    folder = path.parent if str(path.parent) else Path(".")
    return (not path.exists() or os.access(path, os.W_OK)) and os.access(folder, os.W_OK | os.X_OK)


def _connect(target: Path) -> tuple[sqlite3.Connection, bool]:
    """A connection, and whether it is read-only (a file or folder this user cannot write: reads still work)."""
    options = dict(timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, isolation_level=None)
    if str(target) == ":memory:":
        return sqlite3.connect(":memory:", **options), False
    if _writable(target) or not target.exists():
        if not target.parent.exists():
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise sqlite3.OperationalError(f"cannot create the folder {target.parent}: {error.strerror}") from None
        return sqlite3.connect(str(target), **options), False
    conn = sqlite3.connect(file_uri(target, mode="ro"), uri=True, **options)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL database in a folder we cannot write has no -shm to open; immutable reads it as it is on disk.
        conn.close()
        conn = sqlite3.connect(file_uri(target, mode="ro", immutable="1"), uri=True, **options)
    return conn, True


def _refuse_newer(db: sqlite_utils.Database, where: Path) -> None:
    from db.migrations import MIGRATIONS

    ours = {m.name for m in MIGRATIONS._migrations}
    applied = [m.name for m in MIGRATIONS.applied(db)]
    unknown = [name for name in applied if name not in ours]
    if unknown:
        raise NewerDatabase(f"{where} was made by a newer version of the workbench (migration {unknown[0]} is"
                            " unknown here): upgrade the workbench before opening it")


def open_database(path: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database at `path`.

    The connection may be used from any thread (Streamlit runs each session on its own), but not from two
    at once: callers that share one across threads must guard it; the app opens one per rerun instead.
    A file or folder this user cannot write is opened read-only: reads work, a write fails with
    sqlite3.OperationalError ("attempt to write a readonly database"). A database made by a newer version of the
    workbench raises NewerDatabase.

    >>> db = open_database(":memory:")
    >>> "claims" in db.table_names()
    True
    """
    target = resolve_db_path(path)
    conn, read_only = _connect(target)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if str(target) != ":memory:" and not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    db = sqlite_utils.Database(conn)
    try:
        _refuse_newer(db, target)
        if migrate:
            from db.migrations import MIGRATIONS
            from db.migrations import migrate as apply_migrations

            if read_only and MIGRATIONS.pending(db):
                raise sqlite3.OperationalError(f"{target} needs upgrading to this version of the workbench, but it"
                                               " is read-only here")
            if not read_only:
                apply_migrations(db)
    except BaseException:
        conn.close()
        raise
    return db
