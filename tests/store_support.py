"""A database file's rows, table by table, to show that a refused input changed nothing; and a database with
something in every table, for the tests of export, import, backup and restore."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from db.claim_edits import merge_claims, split_claim
from db.claims import ClaimFilter, claim_queue, get_claim, update_claim
from db.connection import open_database
from db.history import now
from db.reviewers import register_reviewer
from evidence.review import save_review
from evidence.sources import attach_source
from pipelines.ingest import ingest_paths

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

__all__ = ["TABLES", "ALL_TABLES", "snapshot", "rows", "fill_every_table"]

ALL_TABLES = ("articles", "claims", "quantities", "claim_dates", "sources", "claim_sources", "rating_scale",
              "reviewers", "known_claims", "claim_matches", "history")
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


def rows(db_or_path, table: str) -> list[tuple]:
    """Every row of `table` with its rowid, in rowid order, from a database or a file."""
    conn = sqlite3.connect(db_or_path) if isinstance(db_or_path, (str, Path)) else db_or_path.conn
    try:
        return conn.execute(f"SELECT rowid, * FROM [{table}] ORDER BY rowid").fetchall()
    finally:
        if isinstance(db_or_path, (str, Path)):
            conn.close()


def fill_every_table(db_path: Path):
    """A database with something in every table: seeds, verdicts, corrections, sources, splits, merges, matches."""
    db = open_database(db_path)
    assert all(o.ok for o in ingest_paths(db, [SEEDS], added_by="Lan"))
    register_reviewer(db, "Lan")
    register_reviewer(db, "Minh")
    ids = [c.id for c in claim_queue(db, ClaimFilter(checkworthy=None), limit=100).claims]
    assert len(ids) >= 6
    first = save_review(db, ids[0], expected_version=1, reviewer="Lan", rating="False", status="drafted",
                        rationale="Số liệu chính thức là 1,2 triệu.", verdict="Sai.")
    first = save_review(db, ids[0], expected_version=first.version, reviewer="Lan", status="published")
    save_review(db, ids[0], expected_version=first.version, reviewer="Minh", rating="Mostly false",
                rationale="Đính chính: 1,5 triệu.")
    attach_source(db, ids[0], url="https://example.gov.vn/bao-cao", stance="refutes", reviewer="Lan",
                  published="2024-03-01", excerpt="1,2 triệu người", title="Báo cáo")
    attach_source(db, ids[1], url="https://example.org/data", stance="context", reviewer="Minh")
    update_claim(db, ids[2], expected_version=1, reviewer="Minh", changes={"assignee": "Minh", "text": "Sửa lời."})
    split_at = get_claim(db, ids[3])
    split_claim(db, ids[3], (split_at.start + split_at.end) // 2, expected_version=1, reviewer="Lan")
    # two neighbours of one article, untouched above (the queue's order mixes articles)
    article = get_claim(db, ids[4]).article_id
    rows = db.execute("SELECT id FROM claims WHERE article_id = ? AND status = 'new' ORDER BY start",
                      [article]).fetchall()
    neighbours = [r[0] for r in rows if r[0] not in ids[:4]][:2]
    merge_claims(db, neighbours, reviewer="Minh")
    # A duplicate pointing forward to a claim with a higher id, and past checks with their matches.
    update_claim(db, ids[1], expected_version=1, reviewer="Lan", changes={"canonical_id": ids[-1]})
    db.execute("INSERT INTO known_claims (id, text, folded, verdict, url, published, imported_at)"
               " VALUES ('kc-1', 'Điện Kremlin nói 1,7 triệu', 'dien kremlin noi 1,7 trieu', 'False',"
               " 'https://example.org/kc-1', '2023-05-01', ?)", [now()])
    db.execute("INSERT INTO claim_matches (claim_id, other_kind, other_id, score, relation, created_at)"
               " VALUES (?, 'known', 'kc-1', 91.5, 'duplicate', ?)", [ids[0], now()])
    return db
