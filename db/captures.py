"""Kept copies of web pages (page_captures): stored once, never changed (ingest by URL: pipelines/url_ingest.py)."""
from __future__ import annotations

from typing import Any

import sqlite_utils

from claims.errors import NotFound, WorkbenchError
from db.connection import writing
from db.settings import get_setting
from fetching.networks import AddressRule, InvalidNetwork, networks_from_env, offline_from_env, parse_networks
from fetching.web import FetchError, Page, allow_private_from_env
from translations import _

__all__ = ["store_capture", "attach_article_capture", "get_capture", "article_capture_id", "keep_source_copy",
           "AlreadyKept", "source_capture_id", "private_allowed", "is_url"]


def is_url(value: str) -> bool:
    """Whether a command-line argument names a web page rather than a file."""
    return "://" in value


def private_allowed(db: sqlite_utils.Database, flag: bool | AddressRule = False) -> AddressRule:
    """The addresses beyond the public internet this desk may fetch from, all sources joined.

    Every private address: --allow-private, FACTCHECK_ALLOW_PRIVATE=1 or the desk setting allow_private_addresses.
    Listed networks: --allow-network, FACTCHECK_PRIVATE_NETWORKS or the desk setting private_networks.
    No public address at all with FACTCHECK_OFFLINE=1.
    Raises FetchError (one line) when FACTCHECK_PRIVATE_NETWORKS is not a list of networks in CIDR form.
    """
    try:
        listed = networks_from_env() + parse_networks(get_setting(db, "private_networks"))
    except InvalidNetwork as error:
        raise FetchError(str(error)) from None
    desk = AddressRule(allow_private_from_env() or bool(get_setting(db, "allow_private_addresses")), listed,
                       internet=not offline_from_env())
    return AddressRule.of(flag).joined(desk)


def store_capture(db: sqlite_utils.Database, page: Page, *, fetched_by: str | None = None) -> int:
    """Insert the kept copy of `page` (never changed afterwards) and return its id."""
    with writing(db):
        cursor = db.execute(
            "INSERT INTO page_captures (url, final_url, http_status, content_type, html, text, title, author,"
            " site_name, published, content_hash, fetched_by, fetched_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [page.url, page.final_url, page.status, page.content_type, page.html, page.text, page.title,
             page.author, page.site_name, page.published, page.content_hash, fetched_by, page.fetched_at])
        return int(cursor.lastrowid)


def attach_article_capture(db: sqlite_utils.Database, article_id: int, capture_id: int) -> None:
    """Record that the article was ingested from this kept copy (inside the article's own transaction)."""
    db.execute("UPDATE articles SET capture_id = ? WHERE id = ?", [capture_id, article_id])


def get_capture(db: sqlite_utils.Database, capture_id: int) -> dict[str, Any] | None:
    """The kept copy as a dict (its `text` is what the app shows; the HTML is never rendered)."""
    rows = list(db.query("SELECT * FROM page_captures WHERE id = ?", [capture_id]))
    return rows[0] if rows else None


class AlreadyKept(WorkbenchError, ValueError):
    """The source has a kept copy already: kept copies are never replaced."""


def keep_source_copy(db: sqlite_utils.Database, source_id: int, page: Page, *, reviewer: str | None) -> int:
    """Give a source that has no kept copy the copy of `page` (fetched just now); returns the capture id.

    The capture, the source's pointer to it and a history entry on each claim citing the source commit together.
    Raises LookupError for an unknown source and AlreadyKept when it has a copy (which is never replaced).
    """
    from db.history import record

    with writing(db):
        row = db.execute("SELECT capture_id FROM sources WHERE id = ?", [source_id]).fetchone()
        if row is None:
            raise NotFound(_("source {id} does not exist").format(id=source_id))
        if row[0] is not None:
            raise AlreadyKept(_("source {id} already has a kept copy (copies are never replaced)").format(
                id=source_id))
        capture_id = store_capture(db, page, fetched_by=reviewer)
        db.execute("UPDATE sources SET capture_id = ? WHERE id = ?", [capture_id, source_id])
        for link_id, claim_id in db.execute("SELECT id, claim_id FROM claim_sources WHERE source_id = ?",
                                            [source_id]).fetchall():
            record(db, claim_id=claim_id, entity="source", entity_id=link_id, action="copy_kept",
                   reviewer=reviewer, after={"url": page.final_url, "kept_copy": capture_id,
                                             "fetched_at": page.fetched_at})
    return capture_id


def article_capture_id(db: sqlite_utils.Database, article_id: int) -> int | None:
    """The kept copy of an article fetched by URL (None for one pasted or uploaded); LookupError for an unknown
    article."""
    row = db.execute("SELECT capture_id FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise NotFound(_("article {id} does not exist").format(id=article_id))
    return row[0]


def source_capture_id(db: sqlite_utils.Database, source_id: int) -> int | None:
    """The kept copy of a source (None when it has none); LookupError for an unknown source."""
    row = db.execute("SELECT capture_id FROM sources WHERE id = ?", [source_id]).fetchone()
    if row is None:
        raise NotFound(_("source {id} does not exist").format(id=source_id))
    return row[0]
