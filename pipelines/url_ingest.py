"""URL ingest: fetch a web page, then store it like a file, with its kept copy."""
from __future__ import annotations

import datetime as dt
from typing import Any

import sqlite_utils

from claims.reading import UnreadableArticle
from db.captures import attach_article_capture, private_allowed, store_capture
from db.connection import writing
from fetching.networks import AddressRule
from fetching.web import FetchError, fetch_page
from pipelines.desk_model import active_scorer
from pipelines.ingest import IngestOutcome, prepare_text, store_prepared, suggest_for_stored

__all__ = ["ingest_url", "ingest_urls"]


def ingest_url(db: sqlite_utils.Database, url: str, *, allow_private: bool | AddressRule = False,
               title: str | None = None, published: str | dt.date | None = None,
               added_by: str | None = None, timeout: float | None = None) -> IngestOutcome:
    """Fetch `url` and store it like a file: title and date from the page unless given, with its kept copy.

    The page is fetched (within `timeout` seconds, else the fetch's default) and its claims extracted before
    anything is written (no write lock is held meanwhile); the article, its claims and the capture then commit
    together, and the suggestions follow.
    """
    limits = {"timeout": timeout} if timeout else {}
    try:
        page = fetch_page(url, allow_private=private_allowed(db, allow_private), **limits)
    except FetchError as error:
        return IngestOutcome(url, error=str(error).removeprefix(f"{url}: "))
    scorer, model_id = active_scorer(db)
    try:
        article = prepare_text(page.text, title=title or page.title, url=page.final_url,
                               published=published or page.published, source_name=page.site_name,
                               added_by=added_by, scorer=scorer, model_id=model_id)
    except UnreadableArticle as error:
        return IngestOutcome(url, error=str(error))
    with writing(db):
        stored = store_prepared(db, article)
        if not stored.already_stored:
            attach_article_capture(db, stored.article_id, store_capture(db, page, fetched_by=added_by))
    suggest_for_stored(db, stored, article)
    return IngestOutcome(url, stored=stored)


def ingest_urls(db: sqlite_utils.Database, urls: list[str], **options: Any) -> list[IngestOutcome]:
    """Each URL in turn; a refused one does not stop the others."""
    return [ingest_url(db, url, **options) for url in urls]
