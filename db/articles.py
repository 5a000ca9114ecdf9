"""Storing an article with its extracted claims in one transaction, and reading articles back."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import sqlite_utils

from claims.decoration import folded_plain
from claims.model import Claim, Extraction
from claims.workflow import WAITING_FOR_EDITOR, Status
from db.connection import writing
from db.history import now, record
from db.records import ARTICLE_COLUMNS, ArticleRecord, ArticleSummary, article_from_row, sql_values

__all__ = ["StoredArticle", "content_hash", "store_article", "insert_claim_rows", "get_article",
           "find_article_by_hash", "article_summaries", "count_articles"]


@dataclass(frozen=True)
class StoredArticle:
    """What ingest did with one text: stored it (with `claims` claims) or found it already there."""

    article_id: int
    claims: int
    already_stored: bool
    claim_ids: tuple[int, ...] = ()


def content_hash(text: str) -> str:
    """The identity of an article's text: the same words with other line breaks or spacing are the same article."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def find_article_by_hash(db: sqlite_utils.Database, digest: str) -> int | None:
    row = db.execute("SELECT id FROM articles WHERE content_hash = ?", [digest]).fetchone()
    return row[0] if row else None


def insert_claim_rows(db: sqlite_utils.Database, article_id: int, claims: list[Claim] | tuple[Claim, ...], *,
                      origin: str = "engine", reviewer: str | None = None,
                      scored_by: int | None = None) -> list[int]:
    """Insert claims with their quantities and dates; call inside a write transaction.

    `scored_by` is the desk's model that gave the claims' scores (None: the built-in rules).
    """
    stamp = now()
    ids = []
    for claim in claims:
        cursor = db.execute(
            "INSERT INTO claims (article_id, text, original_text, start, \"end\", score, checkworthy, types,"
            " reasons, speaker, speaker_role, origin, created_at, updated_at, updated_by, folded, rule_score,"
            " scored_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article_id, claim.text, claim.text, claim.start, claim.end, float(claim.score),
             int(claim.checkworthy), json.dumps([str(t) for t in claim.types]),
             json.dumps(list(claim.reasons), ensure_ascii=False), claim.speaker, claim.speaker_role, origin, stamp,
             stamp, reviewer,
             folded_plain(claim.text), float(claim.score if claim.rule_score is None else claim.rule_score),
             scored_by if claim.rule_score is not None else None],
        )
        claim_id = int(cursor.lastrowid)
        ids.append(claim_id)
        for q in claim.quantities:
            db.execute("INSERT INTO quantities (claim_id, text, start, \"end\", value, high, unit, qualifier)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [claim_id, q.text, q.start, q.end, q.value, q.high, q.unit, str(q.qualifier)])
        for d in claim.dates:
            db.execute("INSERT INTO claim_dates (claim_id, text, start, \"end\", value) VALUES (?, ?, ?, ?, ?)",
                       [claim_id, d.text, d.start, d.end, d.value])
    return ids


def store_article(db: sqlite_utils.Database, *, text: str, extraction: Extraction, title: str,
                  url: str | None = None, published: str | None = None, source_name: str | None = None,
                  added_by: str | None = None, scored_by: int | None = None) -> StoredArticle:
    """Store the article and every claim candidate atomically; the same text a second time is not stored again.

    `text` must already be the clean NFC text the extraction's offsets index.
    """
    digest = content_hash(text)
    with writing(db):
        existing = find_article_by_hash(db, digest)
        if existing is not None:
            count = db.execute("SELECT count(*) FROM claims WHERE article_id = ?", [existing]).fetchone()[0]
            return StoredArticle(existing, count, already_stored=True)
        cursor = db.execute(
            "INSERT INTO articles (title, url, language, published, text, content_hash, source_name, added_by,"
            " added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [title, url, extraction.language, published, text, digest, source_name, added_by, now()],
        )
        article_id = int(cursor.lastrowid)
        claim_ids = insert_claim_rows(db, article_id, extraction.claims, scored_by=scored_by)
        record(db, entity="article", entity_id=article_id, action="ingested", reviewer=added_by,
               after={"title": title, "claims": len(claim_ids)})
    return StoredArticle(article_id, len(claim_ids), already_stored=False, claim_ids=tuple(claim_ids))


def suggestions_stored(db: sqlite_utils.Database, article_id: int) -> bool:
    """Whether the article's match suggestions were stored (False after an ingest stopped before them).

    >>> suggestions_stored(db, ingest_text(db, "Giá xăng tăng 5% trong tháng 3.").article_id)  # doctest: +SKIP
    True
    """
    row = db.execute("SELECT suggested_at FROM articles WHERE id = ?", [article_id]).fetchone()
    return row is not None and row[0] is not None


def mark_suggestions_stored(db: sqlite_utils.Database, article_id: int) -> None:
    """Record that the article's match suggestions are stored (see `suggestions_stored`)."""
    with writing(db):
        db.execute("UPDATE articles SET suggested_at = ? WHERE id = ?", [now(), article_id])


def checkworthy_claim_ids(db: sqlite_utils.Database, article_id: int) -> tuple[int, ...]:
    """The article's check-worthy claims in reading order.

    >>> checkworthy_claim_ids(db, 1)  # doctest: +SKIP
    (1, 2, 4)
    """
    return tuple(r[0] for r in db.execute(
        "SELECT id FROM claims WHERE article_id = ? AND checkworthy = 1 ORDER BY start, id", [article_id]))


def get_article(db: sqlite_utils.Database, article_id: int) -> ArticleRecord | None:
    rows = list(db.query(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", [article_id]))
    return article_from_row(rows[0]) if rows else None


def count_articles(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM articles").fetchone()[0]


def article_summaries(db: sqlite_utils.Database, *, limit: int = 100, offset: int = 0) -> list[ArticleSummary]:
    """Newest first, with claim counts and review progress, one page at a time."""
    rows = db.query(
        f"""
        SELECT a.id, a.title, a.url, a.language, a.published, a.added_at,
               count(c.id) AS claims,
               coalesce(sum(c.checkworthy AND c.status != '{Status.DISMISSED}'), 0) AS checkworthy,
               coalesce(sum(c.status IN {sql_values([*WAITING_FOR_EDITOR, Status.PUBLISHED])}), 0) AS reviewed,
               coalesce(sum(c.status = '{Status.PUBLISHED}'), 0) AS published_verdicts
        FROM (SELECT * FROM articles ORDER BY id DESC LIMIT ? OFFSET ?) AS a
        LEFT JOIN claims c ON c.article_id = a.id
        GROUP BY a.id ORDER BY a.id DESC
        """,
        [limit, offset],
    )
    return [ArticleSummary(**row) for row in rows]
