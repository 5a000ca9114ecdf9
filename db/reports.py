"""The reads a report needs, in bulk: the claims in a scope, their articles, evidence and history.

A scope is one claim, one article, every verdict, optionally only those published since a date. Each function
runs one query whose WHERE names the scope as a subquery, so a 10,000-claim report costs a handful of queries,
never one per claim.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from claims.workflow import Status
from db.history import VERDICT_FIELDS
from db.records import CLAIM_COLUMNS, ClaimRecord, claim_from_row
from db.sources import SOURCE_SELECT, ClaimSource

__all__ = ["ReportArticleRow", "ClaimEvent", "scope_claims", "scope_articles", "scope_sources", "scope_reviewers",
           "scope_corrections", "scope_latest_change", "article_exists", "claim_exists"]


@dataclass(frozen=True)
class ReportArticleRow:
    """What a report says about an article: its heading, not its text."""

    id: int
    title: str
    url: str | None
    language: str
    published: str | None
    source_name: str | None


@dataclass(frozen=True)
class ClaimEvent:
    """One history entry of a claim, as reports need it: who, when, which fields, before and after."""

    id: int
    claim_id: int
    entity: str
    action: str
    fields: tuple[str, ...]
    before: dict[str, Any]
    after: dict[str, Any]
    reviewer: str | None
    at: str


def _scope_where(*, article_id: int | None, claim_id: int | None, since: str | None) -> tuple[str, list[Any]]:
    """The WHERE clause over `claims c` that selects a scope (see evidence.report.ReportScope for the rules)."""
    clauses: list[str] = []
    params: list[Any] = []
    if claim_id is not None:
        clauses.append("c.id = ?")
        params.append(claim_id)
    if article_id is not None:
        clauses.append("c.article_id = ?")
        params.append(article_id)
    if claim_id is None:
        clauses.append(f"c.status != '{Status.MERGED}'")
        if article_id is not None:
            # An article's report lists what is worth checking and anything a reviewer has touched.
            # A claim dismissed as not worth checking is left out, unless it has a verdict.
            clauses.append(f"(c.checkworthy = 1 OR c.rating IS NOT NULL OR c.status != '{Status.NEW}')"
                           f" AND (c.status != '{Status.DISMISSED}' OR c.rating IS NOT NULL)")
        else:
            clauses.append("c.rating IS NOT NULL")
    if since is not None:
        # published_at is the last publication (a correction republishes); ISO text compares in time order.
        clauses.append(f"c.status = '{Status.PUBLISHED}' AND c.published_at >= ?")
        params.append(since)
    return " AND ".join(clauses), params


def _in_scope(**scope: Any) -> tuple[str, list[Any]]:
    where, params = _scope_where(**scope)
    return f"SELECT c.id FROM claims c WHERE {where}", params


def scope_claims(db: sqlite_utils.Database, *, article_id: int | None = None, claim_id: int | None = None,
                 since: str | None = None) -> list[ClaimRecord]:
    """The claims in the scope in article order (article id, position in the article, id); no quantities.

    >>> scope_claims(db, article_id=1)  # doctest: +SKIP
    [ClaimRecord(id=3, ...), ...]
    """
    where, params = _scope_where(article_id=article_id, claim_id=claim_id, since=since)
    names = [col.strip().strip('"') for col in CLAIM_COLUMNS.split(",")]
    columns = ", ".join(f"c.{col.strip()}" for col in CLAIM_COLUMNS.split(","))
    # fetchall and plain tuples: sqlite-utils' row dicts cost more than the query itself at 10,000 rows.
    rows = db.execute(f"SELECT {columns} FROM claims c WHERE {where} ORDER BY c.article_id, c.start, c.id",
                      params).fetchall()
    return [claim_from_row(dict(zip(names, row, strict=True))) for row in rows]


def scope_articles(db: sqlite_utils.Database, *, article_id: int | None = None, claim_id: int | None = None,
                   since: str | None = None) -> dict[int, ReportArticleRow]:
    """The articles the scope's claims come from, by id (and the article itself for an article scope)."""
    sub, params = _in_scope(article_id=article_id, claim_id=claim_id, since=since)
    sql = (f"SELECT id, title, url, language, published, source_name FROM articles"
           f" WHERE id IN (SELECT article_id FROM claims WHERE id IN ({sub}))")
    if article_id is not None:
        sql += " OR id = ?"
        params = [*params, article_id]
    return {row["id"]: ReportArticleRow(**row) for row in db.query(sql + " ORDER BY id", params)}


def scope_sources(db: sqlite_utils.Database, *, article_id: int | None = None, claim_id: int | None = None,
                  since: str | None = None) -> dict[int, list[ClaimSource]]:
    """The evidence attached to each claim of the scope, in the order the reviewer gave it."""
    sub, params = _in_scope(article_id=article_id, claim_id=claim_id, since=since)
    found: dict[int, list[ClaimSource]] = {}
    # Columns in ClaimSource's field order, so each row builds one positionally.
    rows = db.execute(f"{SOURCE_SELECT} WHERE cs.claim_id IN ({sub}) ORDER BY cs.claim_id, cs.position, cs.id",
                      params).fetchall()
    for row in rows:
        found.setdefault(row[1], []).append(ClaimSource(*row))
    return found


def scope_reviewers(db: sqlite_utils.Database, *, article_id: int | None = None, claim_id: int | None = None,
                    since: str | None = None) -> dict[int, tuple[str, ...]]:
    """Who worked on each claim of the scope (its verdict, status, wording or evidence), in order of first change."""
    sub, params = _in_scope(article_id=article_id, claim_id=claim_id, since=since)
    found: dict[int, list[str]] = {}
    rows = db.execute(
        "SELECT claim_id, reviewer FROM history"
        f" WHERE claim_id IN ({sub}) AND entity IN ('claim', 'source') AND reviewer IS NOT NULL"
        " GROUP BY claim_id, reviewer ORDER BY claim_id, min(id)", params).fetchall()
    for claim, reviewer in rows:
        found.setdefault(claim, []).append(reviewer)
    return {claim: tuple(names) for claim, names in found.items()}


_CHANGES_VERDICT = " OR ".join(f"instr(h.field, '{f}')" for f in VERDICT_FIELDS)


def scope_corrections(db: sqlite_utils.Database, *, article_id: int | None = None, claim_id: int | None = None,
                      since: str | None = None) -> dict[int, list[ClaimEvent]]:
    """Each scope claim's verdict writes made after the write that first published it, oldest first.

    History order decides "after", not timestamps: the first publication is the write that set first_published_at.
    """
    sub, params = _in_scope(article_id=article_id, claim_id=claim_id, since=since)
    found: dict[int, list[ClaimEvent]] = {}
    rows = db.execute(
        f"WITH published AS (SELECT claim_id, min(id) AS first_id FROM history WHERE claim_id IN ({sub})"
        "  AND entity = 'claim' AND instr(field, 'first_published_at') GROUP BY claim_id)"
        " SELECT h.id, h.claim_id, h.entity, h.action, h.field, h.before, h.after, h.reviewer, h.at"
        " FROM history h JOIN published p ON p.claim_id = h.claim_id AND h.id > p.first_id"
        f" WHERE h.entity = 'claim' AND ({_CHANGES_VERDICT}) ORDER BY h.claim_id, h.id", params).fetchall()
    for id_, claim, entity, action, field, before, after, reviewer, at in rows:
        found.setdefault(claim, []).append(ClaimEvent(
            id=id_, claim_id=claim, entity=entity, action=action, fields=tuple(field.split(",")),
            before=json.loads(before) if before else {}, after=json.loads(after) if after else {},
            reviewer=reviewer, at=at))
    return found


def scope_latest_change(db: sqlite_utils.Database, *, article_id: int | None = None, claim_id: int | None = None,
                        since: str | None = None) -> str | None:
    """When anything in the scope last changed (a claim write or its history), or None for an empty scope."""
    sub, params = _in_scope(article_id=article_id, claim_id=claim_id, since=since)
    row = db.execute(
        f"SELECT max(t) FROM (SELECT max(at) AS t FROM history WHERE claim_id IN ({sub})"
        f" UNION ALL SELECT max(updated_at) FROM claims WHERE id IN ({sub}))", [*params, *params]).fetchone()
    return row[0] if row else None


def article_exists(db: sqlite_utils.Database, article_id: int) -> bool:
    return db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None


def claim_exists(db: sqlite_utils.Database, claim_id: int) -> bool:
    return db.execute("SELECT 1 FROM claims WHERE id = ?", [claim_id]).fetchone() is not None
