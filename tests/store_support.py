"""A database file's rows, table by table, to show that a refused input changed nothing."""
from __future__ import annotations

import sqlite3
from pathlib import Path

__all__ = ["TABLES", "snapshot"]

TABLES = ("articles", "claims", "quantities", "claim_dates", "sources", "claim_sources", "history")


def snapshot(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of the desk's main tables, after checking the file and its full-text index are sound."""
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}
    finally:
        conn.close()
