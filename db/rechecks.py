"""Published verdicts to check again: claims about the present that have aged, and verdicts whose sources changed.

A verdict on "Nga hiện kiểm soát tới 90% lãnh thổ" is flagged once it is older than the desk's `recheck_after_days`
(90 by default); a verdict whose source `factcheck check-links` last found changed or gone is flagged at once.
Reopening such a claim keeps the old verdict in the history and in the report's Corrections.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlite_utils

from claims.present import present_cue
from claims.workflow import Status
from db.settings import get_setting

__all__ = ["Recheck", "verdicts_to_recheck"]


@dataclass(frozen=True)
class Recheck:
    claim_id: int
    text: str
    rating: str | None
    published_at: str
    reason: str  # "present" (the claim speaks of the present and has aged) or "changed" / "gone" (a source)
    detail: str  # the present-tense word, or the source's URL


def verdicts_to_recheck(db: sqlite_utils.Database, *, today: dt.date | None = None,
                        after_days: int | None = None) -> list[Recheck]:
    """Published verdicts to check again, the oldest publication first. A claim about the present is stale when
    it was published more than the desk's period before now (or before the start of `today`, when given).

    >>> [r.reason for r in verdicts_to_recheck(db, today=dt.date(2026, 12, 7))]  # doctest: +SKIP
    ['present', 'changed']
    """
    moment = dt.datetime.now(dt.UTC) if today is None else dt.datetime.combine(today, dt.time(), dt.UTC)
    days = get_setting(db, "recheck_after_days") if after_days is None else after_days
    cutoff = (moment - dt.timedelta(days=days)).isoformat(timespec="microseconds")
    found: list[Recheck] = []
    for claim_id, text, rating, published_at in db.execute(
            f"SELECT id, text, rating, published_at FROM claims WHERE status = '{Status.PUBLISHED}'"
            " AND published_at < ?"
            " ORDER BY published_at, id", [cutoff]):
        cue = present_cue(text)
        if cue:
            found.append(Recheck(claim_id, text, rating, published_at, "present", cue))
    for claim_id, text, rating, published_at, outcome, url in db.execute(
            "SELECT c.id, c.text, c.rating, c.published_at, lc.outcome, s.url FROM claims c"
            " JOIN claim_sources cs ON cs.claim_id = c.id JOIN sources s ON s.id = cs.source_id"
            " JOIN link_checks lc ON lc.id = (SELECT max(id) FROM link_checks WHERE source_id = s.id)"
            f" WHERE c.status = '{Status.PUBLISHED}' AND lc.outcome IN ('changed', 'gone')"
            " ORDER BY c.published_at, c.id"):
        found.append(Recheck(claim_id, text, rating, published_at, outcome, url))
    return sorted(found, key=lambda r: (r.published_at, r.claim_id))
