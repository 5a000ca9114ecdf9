"""URL ingest: fetch a web page, then store it like a file, with its kept copy."""
from __future__ import annotations

import datetime as dt
from typing import Any

import sqlite_utils

from claims.reading import UnreadableArticle
from db.captures import private_allowed, store_capture
from db.connection import writing
from fetching.networks import AddressRule
from fetching.web import FetchError, fetch_page
from pipelines.ingest import IngestOutcome, ingest_text

__all__ = ["ingest_url", "ingest_urls"]


def ingest_url(db: sqlite_utils.Database, url: str, *, allow_private: bool | AddressRule = False,
               title: str | None = None, published: str | dt.date | None = None,
               added_by: str | None = None, timeout: float | None = None) -> IngestOutcome:
    """Fetch `url` and store it like a file: title and date from the page unless given, with its kept copy.

    The page is fetched before anything is written (within `timeout` seconds, else the fetch's default); the
    article, its claims and the capture commit together.
    """
    limits = {"timeout": timeout} if timeout else {}
    try:
        page = fetch_page(url, allow_private=private_allowed(db, allow_private), **limits)
    except FetchError as error:
        return IngestOutcome(url, error=str(error).removeprefix(f"{url}: "))
    try:
        with writing(db):
            stored = ingest_text(db, page.text, title=title or page.title, url=page.final_url,
                                 published=published or page.published, source_name=page.site_name,
                                 added_by=added_by)
            if not stored.already_stored:
                capture_id = store_capture(db, page, fetched_by=added_by)
                db.execute("UPDATE articles SET capture_id = ? WHERE id = ?", [capture_id, stored.article_id])
    except UnreadableArticle as error:
        return IngestOutcome(url, error=str(error))
    return IngestOutcome(url, stored=stored)


def ingest_urls(db: sqlite_utils.Database, urls: list[str], **options: Any) -> list[IngestOutcome]:
    """Each URL in turn; a refused one does not stop the others."""
    return [ingest_url(db, url, **options) for url in urls]
