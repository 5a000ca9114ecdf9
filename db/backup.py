"""Backups with SQLite's online backup API: consistent while reviewers keep writing."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from claims.errors import WorkbenchError
from db.connection import file_uri

__all__ = ["BackupError", "backup", "restore"]


class BackupError(WorkbenchError, RuntimeError):
    pass


def backup(db: sqlite_utils.Database, destination: str | Path) -> Path:
    """Copy the live database to `destination` (a new file), page by page, without stopping writers."""
    destination = Path(destination)
    if destination.exists():
        raise BackupError(f"{destination} already exists; choose a new file name")
    destination.parent.mkdir(parents=True, exist_ok=True)
    target = sqlite3.connect(str(destination))
    try:
        db.conn.backup(target, pages=256)
        ok = target.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        target.close()
    if ok != "ok":
        destination.unlink(missing_ok=True)
        raise BackupError(f"the backup failed its integrity check: {ok}")
    return destination


def restore(source: str | Path, db: sqlite_utils.Database) -> None:
    """Replace the contents of `db` with the backup at `source` (checked first), then bring its schema up to date."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source} is not a file")
    try:
        origin = sqlite3.connect(file_uri(source, mode="ro"), uri=True)
        check = origin.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {r[0] for r in origin.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{source} is not a workbench database: {error}") from None
    if check != "ok" or not {"articles", "claims", "history"} <= tables:
        origin.close()
        raise BackupError(f"{source} is not a sound workbench database (integrity: {check})")
    try:
        origin.backup(db.conn)
    finally:
        origin.close()
    from db.migrations import migrate

    migrate(db)
