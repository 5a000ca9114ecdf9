"""What the store hands back: frozen records of articles, claims and their parts, read from rows."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from claims.workflow import Status

__all__ = ["ArticleRecord", "ArticleSummary", "QuantityRecord", "DateRecord", "ClaimRecord",
           "claim_from_row", "article_from_row", "sql_values"]


def sql_values(values: Iterable[str]) -> str:
    """Members of a closed set (`claims.workflow.Status`, ...) as an SQL list: ``('drafted', 'ready')``.

    Only for the workbench's own fixed words, never for a reader's input (that goes in as a parameter).
    """
    return "(" + ", ".join(f"'{value}'" for value in values) + ")"


@dataclass(frozen=True)
class ArticleRecord:
    id: int
    title: str
    url: str | None
    language: str
    published: str | None
    text: str
    content_hash: str
    source_name: str | None
    added_by: str | None
    added_at: str


@dataclass(frozen=True)
class ArticleSummary:
    """An article in the list: how many claims it has and how far their review has got."""

    id: int
    title: str
    url: str | None
    language: str
    published: str | None
    added_at: str
    claims: int
    checkworthy: int
    reviewed: int
    published_verdicts: int


@dataclass(frozen=True)
class QuantityRecord:
    text: str
    start: int
    end: int
    value: float
    high: float | None
    unit: str | None
    qualifier: str


@dataclass(frozen=True)
class DateRecord:
    text: str
    start: int
    end: int
    value: str


@dataclass(frozen=True)
class ClaimRecord:
    id: int
    article_id: int
    text: str
    original_text: str
    start: int
    end: int
    score: float
    checkworthy: bool
    types: tuple[str, ...]
    reasons: tuple[str, ...]
    speaker: str | None
    origin: str
    status: Status
    assignee: str | None
    verdict: str | None
    rating: str | None
    rationale: str | None
    first_published_at: str | None
    published_at: str | None
    version: int
    created_at: str
    updated_at: str
    updated_by: str | None
    canonical_id: int | None
    drafted_by: str | None = None  # who drafted the current verdict: by default someone else publishes it
    speaker_role: str | None = None  # the speaker's title as written beside the name
    quantities: tuple[QuantityRecord, ...] = ()
    dates: tuple[DateRecord, ...] = ()

    @property
    def edited(self) -> bool:
        """The reviewer changed the wording; `original_text` keeps what the article said."""
        return self.text != self.original_text


CLAIM_COLUMNS = ("id, article_id, text, original_text, start, \"end\", score, checkworthy, types, reasons, speaker,"
                 " origin, status, assignee, verdict, rating, rationale, first_published_at, published_at,"
                 " version, created_at, updated_at, updated_by, canonical_id, drafted_by, speaker_role")


def claim_from_row(row: dict[str, Any], quantities: tuple[QuantityRecord, ...] = (),
                   dates: tuple[DateRecord, ...] = ()) -> ClaimRecord:
    return ClaimRecord(
        id=row["id"], article_id=row["article_id"], text=row["text"], original_text=row["original_text"],
        start=row["start"], end=row["end"], score=row["score"], checkworthy=bool(row["checkworthy"]),
        types=tuple(json.loads(row["types"] or "[]")), reasons=tuple(json.loads(row["reasons"] or "[]")),
        speaker=row["speaker"], origin=row["origin"], status=Status(row["status"]), assignee=row["assignee"],
        verdict=row["verdict"], rating=row["rating"], rationale=row["rationale"],
        first_published_at=row["first_published_at"], published_at=row["published_at"], version=row["version"],
        created_at=row["created_at"], updated_at=row["updated_at"], updated_by=row["updated_by"],
        canonical_id=row["canonical_id"], drafted_by=row.get("drafted_by"), speaker_role=row.get("speaker_role"),
        quantities=quantities, dates=dates,
    )


ARTICLE_COLUMNS = "id, title, url, language, published, text, content_hash, source_name, added_by, added_at"


def article_from_row(row: dict[str, Any]) -> ArticleRecord:
    return ArticleRecord(**{k: row[k] for k in ArticleRecord.__dataclass_fields__})
