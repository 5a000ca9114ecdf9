"""The desk's figures for a period, computed from what the workbench already records (claims, their history, matches).

Nothing here is a counter kept by hand: every figure is a query over the claims and the append-only history, so an
upgraded database and a recount give the same numbers.

- ingested: claims stored in the period (by the engine or added by a reviewer); check-worthy: those flagged so.
- dismissed: claims dismissed in the period (a history entry that set the status to dismissed).
- in review, drafted, ready for an editor: claims in that status now (the open work, whatever the period).
- published: claims whose verdict was first published in the period; corrected: published claims whose rating,
  verdict or rationale changed in the period after their first publication.
- times (median and 90th percentile, in hours, over claims ingested in the period): from being stored to the first
  step of review (the first status change other than a dismissal), to the first draft (drafted or beyond), and to the
  first publication.
- duplicates: pairs suggested in the period, and those a reviewer confirmed in it; past fact-checks matched: claims
  whose suggestions in the period include a past fact-check.
"""
from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import sqlite_utils

from claims.workflow import UNFINISHED, WAITING_FOR_EDITOR, MatchDecision, Status
from db.records import sql_values

__all__ = ["DeskStatistics", "Durations", "desk_statistics"]

_REVIEW_STEPS = (Status.IN_REVIEW, Status.DRAFTED, Status.READY, Status.PUBLISHED)
_DRAFT_STEPS = (Status.DRAFTED, Status.READY, Status.PUBLISHED)


class Durations(NamedTuple):
    """How long claims took to reach a step: how many did, the median and the 90th percentile (nearest rank), hours."""
    claims: int
    median_hours: float | None
    p90_hours: float | None


@dataclass(frozen=True)
class DeskStatistics:
    since: str | None
    until: str | None
    counts: dict[str, int]
    by_language: list[dict[str, Any]]
    by_outlet: list[dict[str, Any]]
    by_article: list[dict[str, Any]]
    by_reviewer: list[dict[str, Any]]
    ratings_over_time: list[dict[str, Any]]
    time_to_review: Durations
    time_to_draft: Durations
    time_to_publication: Durations
    open_claims: list[dict[str, Any]]
    grouping: str = "week"
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """Plain data for `factcheck stats --json` (the counts of claims ingested sit under `claims_ingested`)."""
        def durations(d: Durations) -> dict[str, Any]:
            return {"claims": d.claims, "median_hours": d.median_hours, "p90_hours": d.p90_hours}

        return {
            "since": self.since, "until": self.until,
            "claims_ingested": self.counts["ingested"],
            "counts": self.counts,
            "by_language": self.by_language, "by_outlet": self.by_outlet, "by_article": self.by_article,
            "by_reviewer": self.by_reviewer,
            "ratings_over_time": {"grouping": self.grouping, "rows": self.ratings_over_time},
            "time_to_first_review": durations(self.time_to_review),
            "time_to_draft": durations(self.time_to_draft),
            "time_to_publication": durations(self.time_to_publication),
            "open_claims_oldest_first": self.open_claims,
        }


def _bounds(since: dt.date | None, until: dt.date | None) -> tuple[str, str]:
    """Timestamps are ISO text in UTC, so a period is a text range: [since, the day after until)."""
    low = since.isoformat() if since else ""
    high = (until + dt.timedelta(days=1)).isoformat() if until else "9999"
    return low, high


def _hours(start: str, end: str) -> float:
    return (dt.datetime.fromisoformat(end) - dt.datetime.fromisoformat(start)).total_seconds() / 3600


def _durations(values: list[float]) -> Durations:
    if not values:
        return Durations(0, None, None)
    ordered = sorted(values)
    p90 = ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]
    return Durations(len(ordered), round(statistics.median(ordered), 2), round(p90, 2))


def _outlet(source_name: str | None, url: str | None) -> str:
    if source_name:
        return source_name
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.") or "—"


def _bucket(timestamp: str, grouping: str) -> str:
    day = dt.date.fromisoformat(timestamp[:10])
    if grouping == "month":
        return day.strftime("%Y-%m")
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def desk_statistics(db: sqlite_utils.Database, *, since: dt.date | None = None, until: dt.date | None = None,
                    reviewer: str | None = None, grouping: str = "week",
                    open_limit: int = 20) -> DeskStatistics:
    """The desk's figures for claims and events in [since, until] (both optional, whole days in UTC).

    `reviewer` limits every figure to the claims assigned to that person or whose verdict they drafted (a
    reviewer's own figures). `grouping` is "week" (ISO weeks) or "month" for verdicts by rating over time.

    >>> desk_statistics(db, since=dt.date(2026, 9, 1)).counts["ingested"]  # doctest: +SKIP
    42
    """
    low, high = _bounds(since, until)
    mine = "" if reviewer is None else " AND (c.assignee = :reviewer OR c.drafted_by = :reviewer)"
    params: dict[str, Any] = {"low": low, "high": high, "reviewer": reviewer}

    ingested_rows = db.execute(
        "SELECT c.id, c.checkworthy, c.created_at, c.first_published_at, a.id, a.title, a.language, a.source_name,"
        " a.url FROM claims c JOIN articles a ON a.id = c.article_id"
        f" WHERE c.created_at >= :low AND c.created_at < :high{mine}", params).fetchall()
    steps: dict[int, dict[str, str]] = defaultdict(dict)  # claim → status → first time it was set
    dismissed_in_period: set[int] = set()
    for claim_id, status, at in db.execute(
            "SELECT h.claim_id, json_extract(h.after, '$.status'), h.at FROM history h JOIN claims c"
            " ON c.id = h.claim_id WHERE h.entity = 'claim' AND instr(h.field, 'status')"
            f" AND json_valid(h.after){mine} ORDER BY h.id", params):
        if status is None:
            continue
        steps[claim_id].setdefault(status, at)
        if status == Status.DISMISSED and low <= at < high:
            dismissed_in_period.add(claim_id)

    published = db.execute(
        "SELECT c.id, c.rating, c.first_published_at, c.drafted_by FROM claims c WHERE c.first_published_at"
        f" >= :low AND c.first_published_at < :high{mine}", params).fetchall()
    corrected = db.execute(
        "SELECT count(DISTINCT h.claim_id) FROM history h JOIN claims c ON c.id = h.claim_id"
        " WHERE h.entity = 'claim' AND c.first_published_at IS NOT NULL AND h.at > c.first_published_at"
        " AND (instr(h.field, 'rating') OR instr(h.field, 'verdict') OR instr(h.field, 'rationale'))"
        f" AND h.at >= :low AND h.at < :high{mine}", params).fetchone()[0]
    now_open = dict(db.execute(f"SELECT c.status, count(*) FROM claims c WHERE c.status IN"
                               f" {sql_values([Status.IN_REVIEW, *WAITING_FOR_EDITOR])} AND 1{mine}"
                               " GROUP BY c.status", params).fetchall())
    found, confirmed = db.execute(
        f"SELECT count(*), sum(m.decision = '{MatchDecision.CONFIRMED}'"
        " AND m.decided_at >= :low AND m.decided_at < :high)"
        " FROM claim_matches m JOIN claims c ON c.id = m.claim_id WHERE m.other_kind = 'claim'"
        f" AND m.created_at >= :low AND m.created_at < :high{mine}", params).fetchone()
    past_checks = db.execute(
        "SELECT count(DISTINCT m.claim_id) FROM claim_matches m JOIN claims c ON c.id = m.claim_id"
        f" WHERE m.other_kind = 'known' AND m.decision != '{MatchDecision.REJECTED}'"
        f" AND m.created_at >= :low AND m.created_at < :high{mine}", params).fetchone()[0]

    counts = {
        "ingested": len(ingested_rows),
        "checkworthy": sum(1 for row in ingested_rows if row[1]),
        "dismissed": len(dismissed_in_period),
        "in_review": now_open.get("in_review", 0),
        "drafted": now_open.get("drafted", 0),
        "ready": now_open.get("ready", 0),
        "published": len(published),
        "corrected": corrected,
        "duplicates_found": found or 0,
        "duplicates_confirmed": confirmed or 0,
        "past_fact_checks_matched": past_checks,
    }

    published_ids = {row[0] for row in published}
    by: dict[str, dict[str, Counter]] = {"language": defaultdict(Counter), "outlet": defaultdict(Counter),
                                         "article": defaultdict(Counter)}
    titles: dict[str, str] = {}
    for claim_id, checkworthy, _, _, article_id, title, language, source_name, url in ingested_rows:
        keys = {"language": language or "—", "outlet": _outlet(source_name, url), "article": str(article_id)}
        titles[str(article_id)] = title
        for kind, key in keys.items():
            by[kind][key]["ingested"] += 1
            by[kind][key]["checkworthy"] += int(bool(checkworthy))
            by[kind][key]["published"] += int(claim_id in published_ids)
            by[kind][key]["dismissed"] += int(claim_id in dismissed_in_period)

    def table(kind: str) -> list[dict[str, Any]]:
        rows = []
        for key, counter in sorted(by[kind].items(), key=lambda item: (-item[1]["ingested"], item[0])):
            row: dict[str, Any] = {kind: int(key) if kind == "article" else key}
            if kind == "article":
                row["title"] = titles[key]
            rows.append(row | {k: counter[k] for k in ("ingested", "checkworthy", "dismissed", "published")})
        return rows

    reviewers: dict[str, Counter] = defaultdict(Counter)
    for _, _, _, drafted_by in published:
        reviewers[drafted_by or "—"]["published"] += 1
    for (name,) in db.execute(
            "SELECT c.drafted_by FROM claims c WHERE c.drafted_by IS NOT NULL AND c.status IN"
            f" {sql_values(WAITING_FOR_EDITOR)}{mine}", params):
        reviewers[name]["drafts_waiting"] += 1
    by_reviewer = [{"reviewer": name, "published": counter["published"], "drafts_waiting": counter["drafts_waiting"]}
                   for name, counter in sorted(reviewers.items(), key=lambda item: (-item[1]["published"], item[0]))]

    ratings = Counter((_bucket(first, grouping), rating or "—") for _, rating, first, _ in published)
    ratings_over_time = [{"period": period, "rating": rating, "verdicts": n}
                         for (period, rating), n in sorted(ratings.items())]

    to_review, to_draft, to_publish = [], [], []
    for claim_id, _, created_at, first_published, *_ in ingested_rows:
        claim_steps = steps.get(claim_id, {})
        reviewed = [claim_steps[s] for s in _REVIEW_STEPS if s in claim_steps]
        drafted = [claim_steps[s] for s in _DRAFT_STEPS if s in claim_steps]
        if reviewed:
            to_review.append(_hours(created_at, min(reviewed)))
        if drafted:
            to_draft.append(_hours(created_at, min(drafted)))
        if first_published:
            to_publish.append(_hours(created_at, first_published))

    open_claims = [
        {"id": row[0], "text": row[1], "status": row[2], "assignee": row[3], "created_at": row[4]}
        for row in db.execute(
            "SELECT c.id, c.text, c.status, c.assignee, c.created_at FROM claims c WHERE c.checkworthy = 1"
            f" AND c.status IN {sql_values(UNFINISHED)}{mine} ORDER BY c.created_at, c.id"
            " LIMIT :limit", params | {"limit": open_limit})]

    return DeskStatistics(
        since=since.isoformat() if since else None, until=until.isoformat() if until else None,
        counts=counts, by_language=table("language"), by_outlet=table("outlet"), by_article=table("article"),
        by_reviewer=by_reviewer, ratings_over_time=ratings_over_time,
        time_to_review=_durations(to_review), time_to_draft=_durations(to_draft),
        time_to_publication=_durations(to_publish), open_claims=open_claims, grouping=grouping)
