"""Link checks of sources (table link_checks): the sources due a check, each check recorded, the latest read back.

pipelines/link_checks.py fetches the pages and decides the outcome; this module only reads and writes the rows.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from db.transactions import writing

__all__ = ["LinkCheck", "OUTCOMES", "sources_to_check", "record_link_check", "latest_link_checks"]

OUTCOMES = ("unchanged", "changed", "gone", "error")


@dataclass(frozen=True)
class LinkCheck:
    """One source re-fetched: what was found and when. `flagged` is what a reviewer must look at."""

    source_id: int
    url: str
    outcome: str
    http_status: int | None
    content_hash: str | None
    detail: str | None
    checked_at: str
    claim_ids: tuple[int, ...] = ()

    @property
    def flagged(self) -> bool:
        return self.outcome in ("changed", "gone")


def sources_to_check(db: sqlite_utils.Database) -> list[dict]:
    """The sources attached to at least one published verdict, each with the hash it is compared against (the
    kept copy's, else the last successful check's) and the published claims it supports."""
    rows = db.query(
        "SELECT s.id AS source_id, s.url, pc.content_hash AS kept_hash,"
        " (SELECT lc.content_hash FROM link_checks lc WHERE lc.source_id = s.id AND lc.content_hash IS NOT NULL"
        "  ORDER BY lc.id DESC LIMIT 1) AS last_hash,"
        " group_concat(DISTINCT c.id) AS claim_ids"
        " FROM sources s JOIN claim_sources cs ON cs.source_id = s.id JOIN claims c ON c.id = cs.claim_id"
        " LEFT JOIN page_captures pc ON pc.id = s.capture_id"
        " WHERE c.status = 'published' GROUP BY s.id ORDER BY s.id")
    return [{**r, "claim_ids": tuple(sorted(int(i) for i in str(r["claim_ids"]).split(",")))} for r in rows]


def record_link_check(db: sqlite_utils.Database, check: LinkCheck) -> LinkCheck:
    """Store one check (every check is kept: the latest is what the claim page and the report show)."""
    with writing(db):
        db.execute("INSERT INTO link_checks (source_id, outcome, http_status, content_hash, detail, checked_at)"
                   " VALUES (?, ?, ?, ?, ?, ?)", [check.source_id, check.outcome, check.http_status,
                                                  check.content_hash, check.detail, check.checked_at])
    return check


def latest_link_checks(db: sqlite_utils.Database, source_ids: list[int]) -> dict[int, LinkCheck]:
    """The latest check of each of these sources that has been checked."""
    if not source_ids:
        return {}
    marks = ", ".join("?" for _ in source_ids)
    rows = db.query(
        "SELECT lc.source_id, s.url, lc.outcome, lc.http_status, lc.content_hash, lc.detail, lc.checked_at"
        " FROM link_checks lc JOIN sources s ON s.id = lc.source_id"
        f" WHERE lc.id IN (SELECT max(id) FROM link_checks WHERE source_id IN ({marks}) GROUP BY source_id)",
        source_ids)
    return {r["source_id"]: LinkCheck(**r) for r in rows}
