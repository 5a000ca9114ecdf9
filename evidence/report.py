"""A verdict report as plain data, built once from the database; renderers turn it into Markdown, JSON-LD or CSV.

Scope rules (ReportScope):
- `claim_id`: that one claim, whatever its status.
- `article_id`: the article's claims that are check-worthy or that a reviewer has touched (a status other than
  new, or a rating), merged claims left out, in the order they appear in the article.
- neither: every claim with a verdict (a rating), merged claims left out.
- `since`: keeps only verdicts that are published and were last published (or corrected) on or after that date;
  it combines with the others.

Corrections: every write that changed a claim's rating, verdict or rationale after the write that first
published it (history order, so clock skew cannot move one). Reviewers: everyone who wrote to the claim or its
evidence, in the order they first did.

Determinism: the same database gives the same Report, so the same bytes from every renderer. Claims are in article
order (article id, offset, claim id); sources in the reviewer's order; corrections in history order. The report's
date (`generated_at`) is the caller's when given; otherwise it is taken from the data, the moment anything in the
scope last changed, so that building the report twice never differs.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlite_utils

from claims.errors import NotFound
from claims.workflow import Status
from db.history import VERDICT_FIELDS
from db.ratings import NamedRating, Rating, named_scale, rating_scale
from db.reports import (
    ClaimEvent,
    ReportArticleRow,
    article_exists,
    claim_exists,
    scope_articles,
    scope_claims,
    scope_corrections,
    scope_latest_change,
    scope_reviewers,
    scope_sources,
)
from db.settings import get_setting
from db.sources import ClaimSource
from translations import _, format_date, format_datetime, language_in_use, ngettext

__all__ = ["ReportScope", "ScopeNotFound", "ReportArticle", "SourceRef", "FieldChange", "Correction",
           "ReportClaim", "Report", "build_report", "format_timestamp"]


class ScopeNotFound(NotFound):
    """The article or claim a report was asked for does not exist; the message names it."""


@dataclass(frozen=True)
class ReportScope:
    """Which claims a report covers; none set means every claim with a verdict (see the module docstring)."""

    article_id: int | None = None
    claim_id: int | None = None
    since: dt.date | None = None

    def describe(self) -> str:
        """The scope in words, in the current language: "claim 3", "article 1, verdicts published since …"."""
        if self.claim_id is not None:
            scope = _("claim {id}").format(id=self.claim_id)
        elif self.article_id is not None:
            scope = _("article {id}").format(id=self.article_id)
        else:
            scope = _("all claims with a verdict")
        if self.since is None:
            return scope
        return _("{scope}, verdicts published since {date}").format(scope=scope, date=format_date(self.since))


# The store already reads an article as a report needs it (heading, not text): the report keeps that record.
ReportArticle = ReportArticleRow


@dataclass(frozen=True)
class SourceRef:
    """One numbered source reference under a claim."""

    number: int
    url: str
    title: str | None
    publisher: str | None
    published: str | None
    accessed: str | None
    archive_url: str | None
    stance: str
    excerpt: str | None
    kept_copy_on: str | None = None  # the day the workbench fetched and kept its copy of the page (YYYY-MM-DD)
    link_check: str | None = None  # "changed" or "gone" when the latest link check flagged the page


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Correction:
    """A verdict change made after the claim's first publication: what changed, who changed it, when."""

    claim_id: int
    at: str
    reviewer: str | None
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ReportClaim:
    id: int
    text: str
    original_text: str
    speaker: str | None
    article: ReportArticle
    status: Status
    rating: str | None
    rating_value: int | None
    verdict: str | None
    rationale: str | None
    first_published_at: str | None
    published_at: str | None
    reviewers: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    corrections: tuple[Correction, ...]
    speaker_role: str | None = None  # the speaker's title as the article wrote it
    rating_name: str | None = None  # the rating as the report's language names it (the label where unnamed)

    @property
    def edited(self) -> bool:
        """The reviewer reworded the claim; `original_text` is what the article said."""
        return self.text != self.original_text

    @property
    def published(self) -> bool:
        return self.status == Status.PUBLISHED


@dataclass(frozen=True)
class Report:
    """Everything a renderer needs, and nothing it has to look up."""

    title: str
    scope: ReportScope
    scope_line: str
    generated_at: str | None
    claims: tuple[ReportClaim, ...]
    articles: tuple[ReportArticle, ...]
    rating_scale: tuple[Rating, ...]
    language: str = "en"  # of the labels, dates and rating names; the reviewers' own text stays as written
    named_scale: tuple[NamedRating, ...] = ()

    @property
    def corrections(self) -> tuple[Correction, ...]:
        """Every correction in the scope, oldest first (ties by claim)."""
        return tuple(sorted((c for claim in self.claims for c in claim.corrections),
                            key=lambda c: (c.at, c.claim_id)))

    @property
    def best_rating(self) -> int | None:
        values = [r.value for r in self.rating_scale if r.value is not None]
        return max(values) if values else None

    @property
    def worst_rating(self) -> int | None:
        values = [r.value for r in self.rating_scale if r.value is not None]
        return min(values) if values else None


def format_timestamp(value: str | None, language: str | None = None) -> str:
    """A stored UTC timestamp as a reader wants it ("2024-03-08 10:05 UTC", "10:05 8/3/2024 (UTC)"); a bare date
    is written as a date."""
    return format_datetime(value, language)


def _as_text(value: object) -> str | None:
    return None if value is None else str(value)


def _corrections(claim_id: int, events: list[ClaimEvent]) -> tuple[Correction, ...]:
    found = []
    for event in events:
        changed = [f for f in VERDICT_FIELDS if f in event.after]
        if changed:
            found.append(Correction(claim_id=claim_id, at=event.at, reviewer=event.reviewer, changes=tuple(
                FieldChange(f, _as_text(event.before.get(f)), _as_text(event.after.get(f))) for f in changed)))
    return tuple(found)


def _source_refs(sources: list[ClaimSource]) -> tuple[SourceRef, ...]:
    return tuple(SourceRef(number=n, url=s.url, title=s.title, publisher=s.publisher, published=s.published,
                           accessed=s.accessed, archive_url=s.archive_url, stance=s.stance, excerpt=s.excerpt,
                           kept_copy_on=s.captured_at[:10] if s.captured_at else None,
                           link_check=s.link_outcome if s.link_flagged else None)
                 for n, s in enumerate(sources, 1))


def _title(scope: ReportScope, articles: dict[int, ReportArticleRow]) -> str:
    if scope.claim_id is not None:
        return _("Fact-check: claim {id}").format(id=scope.claim_id)
    if scope.article_id is not None:
        return _("Fact-check report: {title}").format(title=articles[scope.article_id].title)
    if scope.since is not None:
        return _("Verdicts published since {date}").format(date=format_date(scope.since))
    return _("Fact-check report: all verdicts")


def build_report(db: sqlite_utils.Database, scope: ReportScope, *, generated_at: str | None = None,
                 language: str | None = None) -> Report:
    """Read everything the scope covers in a few bulk queries and return it as a Report.

    `language` ("vi" or "en") is the report's: its title, scope line, rating names and, when rendered, its labels
    and dates; by default the desk's. Raises ScopeNotFound when the scope names an article or claim that does not
    exist.

    >>> report = build_report(db, ReportScope(article_id=1))  # doctest: +SKIP
    >>> render_markdown(report)  # doctest: +SKIP
    """
    # Told in the reader's language; the report itself is in its own.
    if scope.article_id is not None and not article_exists(db, scope.article_id):
        raise ScopeNotFound(_("there is no article {id}").format(id=scope.article_id))
    if scope.claim_id is not None and not claim_exists(db, scope.claim_id):
        raise ScopeNotFound(_("there is no claim {id}").format(id=scope.claim_id))
    language = language or get_setting(db, "language")
    with language_in_use(language):
        return _build(db, scope, generated_at=generated_at, language=language)


def _build(db: sqlite_utils.Database, scope: ReportScope, *, generated_at: str | None, language: str) -> Report:
    where = {"article_id": scope.article_id, "claim_id": scope.claim_id,
             "since": scope.since.isoformat() if scope.since else None}
    records = scope_claims(db, **where)
    articles = scope_articles(db, **where)
    sources = scope_sources(db, **where)
    reviewers = scope_reviewers(db, **where)
    corrections = scope_corrections(db, **where)
    scale = tuple(rating_scale(db))
    values = {r.label: r.value for r in scale}
    named = tuple(named_scale(db, language))
    names = {r.label: r.name for r in named}
    claims = tuple(
        ReportClaim(
            id=c.id, text=c.text, original_text=c.original_text, speaker=c.speaker, speaker_role=c.speaker_role,
            article=articles[c.article_id],
            status=c.status, rating=c.rating, rating_value=values.get(c.rating) if c.rating else None,
            rating_name=names.get(c.rating, c.rating) if c.rating else None,
            verdict=c.verdict, rationale=c.rationale, first_published_at=c.first_published_at,
            published_at=c.published_at,
            reviewers=reviewers.get(c.id) or ((c.updated_by,) if c.updated_by else ()),
            sources=_source_refs(sources.get(c.id, [])), corrections=_corrections(c.id, corrections.get(c.id, [])),
        )
        for c in records
    )
    if generated_at is None:
        generated_at = scope_latest_change(db, **where)
    scope_line = ngettext("Scope: {scope}. {n} claim.", "Scope: {scope}. {n} claims.", len(claims)).format(
        scope=scope.describe(), n=len(claims))
    return Report(title=_title(scope, articles), scope=scope, scope_line=scope_line, generated_at=generated_at,
                  claims=claims, articles=tuple(articles[i] for i in sorted(articles)), rating_scale=scale,
                  language=language, named_scale=named)
