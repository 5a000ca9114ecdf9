"""Ingest: files or pasted text → decoded NFC text → claims → one transaction in the store."""
from __future__ import annotations

import ctypes
import datetime as dt
import logging
import os
import pickle
import signal
import sqlite3
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from claims.checkworthiness_model import LearnedScorer
from claims.model import Extraction
from claims.reading import ARTICLE_SUFFIXES, MAX_ARTICLE_BYTES, UnreadableArticle, clean_text, read_article_file
from db.articles import (
    StoredArticle,
    checkworthy_claim_ids,
    store_article,
    suggestions_stored,
)
from db.connection import writing
from db.suggestion_queue import checkworthy_count
from pipelines.suggestions import MAX_SUGGESTED_CLAIMS, suggest_article, suggest_pending
from translations import N_, _

__all__ = ["IngestOutcome", "PreparedArticle", "default_title", "prepare_text", "store_prepared", "suggest_for_stored",
           "ingest_text", "ingest_paths", "ingest_one_by_one", "article_files", "MAX_SUGGESTED_CLAIMS"]

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
        raise UnreadableArticle(_("publication date {date!r} is not a real date in the form YYYY-MM-DD").format(
            date=published)) from None


@dataclass(frozen=True)
class PreparedArticle:
    """An article read, checked and split into claims, ready to store: the work done before any write."""

    text: str
    title: str
    extraction: Extraction
    url: str | None = None
    published: str | None = None
    source_name: str | None = None
    added_by: str | None = None
    scored_by: int | None = None


def prepare_text(text: str, *, title: str | None = None, url: str | None = None,
                 published: str | dt.date | None = None, source_name: str | None = None,
                 added_by: str | None = None, scorer: LearnedScorer | None = None,
                 model_id: int | None = None) -> PreparedArticle:
    """Check `text` and extract its claims (no database: this is the slow part, done outside any transaction).

    Raises UnreadableArticle if there is no text, or the URL or date is malformed.
    """
    from claims import extract_claims
    from fetching.urls import InvalidURL, check_url

    # Pasted text gets the same size limit as an uploaded file: a 50 MB paste must be refused, not extracted.
    size = len(text) if len(text) > MAX_ARTICLE_BYTES else len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_ARTICLE_BYTES:
        raise UnreadableArticle(_("is too large (at least {size:.1f} MB; an article may be at most {limit} MB)")
                                .format(size=size / 1048576, limit=MAX_ARTICLE_BYTES // 1048576))
    text = clean_text(text).strip()
    if not text:
        raise UnreadableArticle(_("has no text in it"))
    if url:
        try:
            url = check_url(url, what=N_("article URL"))
        except InvalidURL as error:
            raise UnreadableArticle(str(error)) from None
    day = _parse_published(published)
    extraction = extract_claims(text, published=day, scorer=scorer)
    return PreparedArticle(text=text, title=(title or "").strip() or default_title(text), extraction=extraction,
                           url=url or None, published=day.isoformat() if day else None, source_name=source_name,
                           added_by=added_by, scored_by=model_id)


def store_prepared(db: sqlite_utils.Database, article: PreparedArticle) -> StoredArticle:
    """Store a prepared article and its claims atomically (a savepoint inside an open transaction)."""
    return store_article(db, text=article.text, extraction=article.extraction, title=article.title,
                         url=article.url, published=article.published, source_name=article.source_name,
                         added_by=article.added_by, scored_by=article.scored_by)


def suggest_for_stored(db: sqlite_utils.Database, stored: StoredArticle, article: PreparedArticle) -> None:
    """The match suggestions of an article just stored (or of one whose earlier ingest stopped before them)."""
    if not stored.already_stored:
        worth_checking = tuple(claim_id for claim_id, claim in zip(stored.claim_ids, article.extraction.claims,
                                                                   strict=True) if claim.checkworthy)
        suggest_article(db, stored.article_id, worth_checking[:MAX_SUGGESTED_CLAIMS])
    elif not suggestions_stored(db, stored.article_id):  # an earlier ingest stopped before its suggestions
        suggest_article(db, stored.article_id, checkworthy_claim_ids(db, stored.article_id)[:MAX_SUGGESTED_CLAIMS])


def ingest_text(db: sqlite_utils.Database, text: str, *, title: str | None = None, url: str | None = None,
                published: str | dt.date | None = None, source_name: str | None = None,
                added_by: str | None = None) -> StoredArticle:
    """Extract claims from `text` and store article and claims atomically; then store match suggestions.

    Raises UnreadableArticle if there is no text, or the URL or date is malformed.
    """
    from pipelines.desk_model import active_scorer

    scorer, model_id = active_scorer(db)  # the desk's model, when it has trained one
    article = prepare_text(text, title=title, url=url, published=published, source_name=source_name,
                           added_by=added_by, scorer=scorer, model_id=model_id)
    stored = store_prepared(db, article)
    suggest_for_stored(db, stored, article)
    return stored


def article_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files named, and the article files (.txt, .md, .html) inside the directories named, in name order."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES and not child.name.startswith("."):
                    yield child
        else:
            yield path


def ingest_one_by_one(db: sqlite_utils.Database, paths: Iterable[str | Path], *, title: str | None = None,
                     url: str | None = None, published: str | dt.date | None = None,
                     added_by: str | None = None) -> Iterator[IngestOutcome]:
    """Each file in its own transaction, with its suggestions right after it: what a pasted article gets, and how
    a folder was ingested before `ingest_paths` stored in bulk (the golden comparison and the benchmark use it)."""
    for path in article_files(paths):
        try:
            article = read_article_file(path)
            stored = ingest_text(db, article.text, title=title or article.title, url=url, published=published,
                                 source_name=path.name, added_by=added_by)
        except UnreadableArticle as error:
            yield IngestOutcome(str(path), error=str(error))
        else:
            yield IngestOutcome(str(path), stored=stored)


# Bulk ingest stores this many articles (or this many bytes of text) per transaction, each in a savepoint of its
# own: one commit (and one fsync) for many articles, and still all or nothing per article.
BATCH_ARTICLES = 100
BATCH_BYTES = 4_000_000
# Suggestions of a run this small are made before ingest returns (seconds on a large desk); a larger run leaves
# them pending for `factcheck worker`, which makes the same ones, article after article.
SUGGEST_AT_ONCE_CLAIMS = 300
# Extraction runs in worker processes from this many files on (starting them costs about a second).
POOL_FROM_FILES = 16


def _prepare_file(path: Path, title: str | None, url: str | None, published: str | dt.date | None,
                  added_by: str | None, scorer: LearnedScorer | None,
                  model_id: int | None) -> PreparedArticle | str:
    """Read and extract one file (in a worker process or in this one); a refusal is its one-line reason."""
    try:
        article = read_article_file(path)
        return prepare_text(article.text, title=title or article.title, url=url, published=published,
                            source_name=path.name, added_by=added_by, scorer=scorer, model_id=model_id)
    except UnreadableArticle as error:
        return str(error)


def _die_with_parent(parent: int) -> None:
    """An extraction worker ends with the ingest that started it, even one killed with kill -9 (Linux's
    PR_SET_PDEATHSIG), so that no orphan keeps the ingest's output open."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it died before the line above
        os._exit(1)


def _pool_size(files: int, scorer: LearnedScorer | None) -> int:
    """Worker processes for extraction: one per core this process may use, none for a few files or when the
    desk's model cannot be handed to another process."""
    if files < POOL_FROM_FILES:
        return 0
    if scorer is not None:
        try:
            pickle.dumps(scorer)
        except (pickle.PicklingError, TypeError, AttributeError):
            return 0
    wanted = os.environ.get("FACTCHECK_INGEST_WORKERS")
    if wanted is not None:
        return max(0, int(wanted))
    return min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _prepared(paths: list[Path], options: dict, scorer: LearnedScorer | None,
              model_id: int | None) -> Iterator[tuple[Path, PreparedArticle | str]]:
    """Each file prepared, in order; extraction runs ahead in worker processes, at most a window of files."""
    workers = _pool_size(len(paths), scorer)
    if not workers:
        for path in paths:
            yield path, _prepare_file(path, *options.values(), scorer, model_id)
        return
    window = 8 * workers
    with ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
        ahead: list[tuple[Path, Future]] = []
        for path in paths:
            ahead.append((path, pool.submit(_prepare_file, path, *options.values(), scorer, model_id)))
            if len(ahead) >= window:
                done_path, future = ahead.pop(0)
                yield done_path, future.result()
        for done_path, future in ahead:
            yield done_path, future.result()


def _store_batch(db: sqlite_utils.Database, batch: list[tuple[Path, PreparedArticle | str]]) -> list[IngestOutcome]:
    """One transaction for the batch, a savepoint for each article: one that cannot be stored is named and
    refused, the others are stored. Outcomes keep the files' order (a file refused when read among them)."""
    outcomes = []
    with writing(db):
        for path, article in batch:
            if isinstance(article, str):
                outcomes.append(IngestOutcome(str(path), error=article))
                continue
            try:
                stored = store_prepared(db, article)  # its own savepoint inside this transaction
            except (sqlite3.IntegrityError, sqlite3.DataError, ValueError, OverflowError) as error:
                outcomes.append(IngestOutcome(str(path), error=_("could not be stored: {error}").format(error=error)))
            else:
                outcomes.append(IngestOutcome(str(path), stored=stored))
    return outcomes


def ingest_paths(db: sqlite_utils.Database, paths: Iterable[str | Path], *, title: str | None = None,
                 url: str | None = None, published: str | dt.date | None = None,
                 added_by: str | None = None) -> Iterator[IngestOutcome]:
    """Ingest every file; a bad file yields an outcome with its reason and the rest go on.

    Stores exactly what `ingest_one_by_one` stores, faster: claims are extracted outside any transaction (in
    worker processes for many files), articles are stored many to a transaction, and suggestions are made at the
    end for a small run, or left pending for `factcheck worker` (`pipelines/suggestions.py`) for a large one.
    An outcome is yielded once its article is committed.
    """
    from pipelines.desk_model import active_scorer

    files = list(article_files(paths))
    scorer, model_id = active_scorer(db)
    options = {"title": title, "url": url, "published": published, "added_by": added_by}
    touched: list[int] = []
    batch: list[tuple[Path, PreparedArticle | str]] = []
    size = 0
    for path, article in _prepared(files, options, scorer, model_id):
        batch.append((path, article))
        size += 0 if isinstance(article, str) else len(article.text)
        if len(batch) >= BATCH_ARTICLES or size >= BATCH_BYTES:
            outcomes, batch, size = _store_batch(db, batch), [], 0
            touched += [o.stored.article_id for o in outcomes if o.stored is not None]
            yield from outcomes
    if batch:
        outcomes = _store_batch(db, batch)
        touched += [o.stored.article_id for o in outcomes if o.stored is not None]
        yield from outcomes
    _suggest_if_small(db, touched)


def _suggest_if_small(db: sqlite_utils.Database, article_ids: list[int]) -> None:
    """The run's suggestions now when they are few (a pasted or uploaded article, a handful of files)."""
    if not article_ids:
        return
    if checkworthy_count(db, sorted(set(article_ids))) > SUGGEST_AT_ONCE_CLAIMS:
        return
    suggest_pending(db, article_ids=sorted(set(article_ids)))
