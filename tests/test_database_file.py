"""The database file itself: one made by a newer version is refused before anything is read or written, and a
folder that cannot be made is named in one line (a read-only share and a full disk: test_storage_faults.py)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_support import factcheck, one_line_error

from db.connection import NewerDatabase, open_database

PROJECT = Path(__file__).resolve().parent.parent


def test_a_db_whose_folder_cannot_be_created_gets_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    one_line_error(factcheck("ingest", PROJECT / "seeds", "--db", blocker / "sub" / "x.db"), "cannot create")


def test_a_database_from_a_newer_version_is_refused_before_anything_is_read_or_written(loaded):
    conn = sqlite3.connect(loaded)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                 " VALUES ('factcheck', '0999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    before = loaded.read_bytes()
    one_line_error(factcheck("search", "Kremlin", "--db", loaded), "newer version", "0999_from_the_future")
    one_line_error(factcheck("ingest", PROJECT / "seeds", "--db", loaded), "newer version")
    assert loaded.read_bytes() == before
    with pytest.raises(NewerDatabase):
        open_database(loaded)
