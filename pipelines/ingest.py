"""Ingest: files or pasted text → decoded NFC text → claims → one transaction in the store."""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from claims.reading import ARTICLE_SUFFIXES, MAX_ARTICLE_BYTES, UnreadableArticle, clean_text, read_article_file
from db.articles import (
    StoredArticle,
    checkworthy_claim_ids,
    mark_suggestions_stored,
    store_article,
    suggestions_stored,
)

__all__ = ["IngestOutcome", "default_title", "ingest_text", "ingest_paths", "article_files"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestOutcome:
    """One file's fate: stored, already stored, or refused with a one-line reason."""

    name: str
    stored: StoredArticle | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def default_title(text: str, limit: int = 90) -> str:
    """The first line, cut at a word boundary: news text usually opens with its headline or lede."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "Untitled article")
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def _parse_published(published: str | dt.date | None) -> dt.date | None:
    if published in (None, ""):
        return None
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published).strip())
    except ValueError:
        raise UnreadableArticle(f"publication date {published!r} is not a real date in the form YYYY-MM-DD") from None


def ingest_text(db: sqlite_utils.Database, text: str, *, title: str | None = None, url: str | None = None,
                published: str | dt.date | None = None, source_name: str | None = None,
                added_by: str | None = None) -> StoredArticle:
    """Extract claims from `text` and store article and claims atomically; then store match suggestions.

    Raises UnreadableArticle if there is no text, or the URL or date is malformed.
    """
    from claims import extract_claims
    from fetching.urls import InvalidURL, check_url

    # Pasted text gets the same size limit as an uploaded file: a 50 MB paste must be refused, not extracted.
    size = len(text) if len(text) > MAX_ARTICLE_BYTES else len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_ARTICLE_BYTES:
        raise UnreadableArticle(f"is too large (at least {size / 1048576:.1f} MB; an article may be at most"
                                f" {MAX_ARTICLE_BYTES // 1048576} MB)")
    text = clean_text(text).strip()
    if not text:
        raise UnreadableArticle("has no text in it")
    if url:
        try:
            url = check_url(url, what="article URL")
        except InvalidURL as error:
            raise UnreadableArticle(str(error)) from None
    from pipelines.desk_model import active_scorer

    day = _parse_published(published)
    scorer, model_id = active_scorer(db)  # the desk's model, when it has trained one
    extraction = extract_claims(text, published=day, scorer=scorer)
    stored = store_article(db, text=text, extraction=extraction, title=(title or "").strip() or default_title(text),
                           url=url or None, published=day.isoformat() if day else None, source_name=source_name,
                           added_by=added_by, scored_by=model_id)
    if not stored.already_stored:
        worth_checking = tuple(claim_id for claim_id, claim in zip(stored.claim_ids, extraction.claims, strict=True)
                               if claim.checkworthy)
        _suggest_matches(db, stored.article_id, worth_checking[:MAX_SUGGESTED_CLAIMS])
    elif not suggestions_stored(db, stored.article_id):  # an earlier ingest stopped before its suggestions
        _suggest_matches(db, stored.article_id, checkworthy_claim_ids(db, stored.article_id)[:MAX_SUGGESTED_CLAIMS])
    return stored


# Suggestions are looked up for the check-worthy claims a reviewer will open, and for at most this many of them:
# a pasted 10 MB wall of text has thousands of candidates and would tie the reviewer's session up for minutes.
MAX_SUGGESTED_CLAIMS = 300


def _suggest_matches(db: sqlite_utils.Database, article_id: int, claim_ids: tuple[int, ...]) -> None:
    """Suggestions are a convenience computed after the article is safely stored; failing them loses nothing.

    The article is marked once they are stored, so an ingest stopped before that redoes them on the next run.
    """
    from pipelines.matching import suggest_matches

    try:
        if claim_ids:
            suggest_matches(db, claim_ids)
    except Exception:  # noqa: BLE001 - the article is stored; the suggestions can be recomputed
        log.exception("could not store duplicate suggestions for claims %s", claim_ids[:5])
    else:
        mark_suggestions_stored(db, article_id)


def article_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files named, and the article files (.txt, .md, .html) inside the directories named, in name order."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES and not child.name.startswith("."):
                    yield child
        else:
            yield path


def ingest_paths(db: sqlite_utils.Database, paths: Iterable[str | Path], *, title: str | None = None,
                 url: str | None = None, published: str | dt.date | None = None,
                 added_by: str | None = None) -> Iterator[IngestOutcome]:
    """Ingest every file; a bad file yields an outcome with its reason and the rest go on."""
    for path in article_files(paths):
        try:
            article = read_article_file(path)
            stored = ingest_text(db, article.text, title=title or article.title, url=url, published=published,
                                 source_name=path.name, added_by=added_by)
        except UnreadableArticle as error:
            yield IngestOutcome(str(path), error=str(error))
        else:
            yield IngestOutcome(str(path), stored=stored)
