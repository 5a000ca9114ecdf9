"""The articles whose match suggestions are still to be made (`articles.suggested_at` empty), and what the job
that makes them reads: each article's last claim, and how many check-worthy claims a run stored."""
from __future__ import annotations

import sqlite_utils

__all__ = ["pending_count", "pending_articles", "last_claim_id", "checkworthy_count", "database_file"]


def pending_count(db: sqlite_utils.Database) -> int:
    """How many articles still wait for their suggestions."""
    return db.execute("SELECT count(*) FROM articles WHERE suggested_at IS NULL").fetchone()[0]


def pending_articles(db: sqlite_utils.Database, *, article_ids: list[int] | None = None,
                     limit: int | None = None) -> list[int]:
    """The articles waiting for their suggestions (of `article_ids` only, when given), oldest first."""
    where = f" AND id IN ({', '.join('?' for _ in article_ids)})" if article_ids else ""
    sql = f"SELECT id FROM articles WHERE suggested_at IS NULL{where} ORDER BY id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [row[0] for row in db.execute(sql, article_ids or [])]


def last_claim_id(db: sqlite_utils.Database, article_id: int) -> int | None:
    return db.execute("SELECT max(id) FROM claims WHERE article_id = ?", [article_id]).fetchone()[0]


def checkworthy_count(db: sqlite_utils.Database, article_ids: list[int]) -> int:
    """The check-worthy claims of these articles."""
    total = 0
    for start in range(0, len(article_ids), 500):
        part = article_ids[start:start + 500]
        total += db.execute(f"SELECT count(*) FROM claims WHERE checkworthy = 1 AND article_id IN"
                            f" ({', '.join('?' for _ in part)})", part).fetchone()[0]
    return total


def database_file(db: sqlite_utils.Database) -> str | None:
    """The file of the database (None for one in memory)."""
    return db.execute("PRAGMA database_list").fetchone()[2] or None
