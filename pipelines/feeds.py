"""Watched feeds: a desk's RSS/Atom feeds, and each item ingested once as an article (feeds, feed_items).

An item is taken once: when its article is stored (or was already stored) it is never fetched again. An item whose
page could not be fetched is recorded with the reason and tried again at the next check.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from db.captures import private_allowed
from db.connection import writing
from db.history import now
from fetching.feeds import FEED_TYPES, UnreadableFeed, read_feed
from fetching.networks import AddressRule
from fetching.urls import InvalidURL, check_url
from fetching.web import FetchError, fetch
from pipelines.url_ingest import ingest_url

__all__ = ["WatchedFeed", "FeedItemRow", "FeedCheck", "InvalidFeed", "add_feed", "add_feeds", "list_feeds",
           "remove_feed", "feed_items", "check_feed", "check_feeds"]

_DONE = ("stored", "already_stored")


class InvalidFeed(ValueError):
    """A feed address that cannot be watched (not http(s), malformed); one line."""


@dataclass(frozen=True)
class WatchedFeed:
    id: int
    url: str
    title: str | None
    added_by: str | None
    added_at: str
    checked_at: str | None
    last_error: str | None


@dataclass(frozen=True)
class FeedItemRow:
    id: int
    feed_id: int
    item_key: str
    url: str | None
    article_id: int | None
    outcome: str  # stored, already_stored, or "failed: <reason>" (tried again at the next check)
    seen_at: str


@dataclass(frozen=True)
class FeedCheck:
    """What one check of one feed did: items new this time, stored, already stored, failed; or the feed's error."""

    feed: WatchedFeed
    new: int = 0
    stored: int = 0
    already_stored: int = 0
    failed: int = 0
    error: str | None = None
    failures: tuple[str, ...] = ()


def add_feed(db: sqlite_utils.Database, url: str, *, added_by: str | None = None) -> WatchedFeed:
    """Watch the feed at `url` (a feed already watched is returned as it is). Raises InvalidFeed."""
    try:
        url = check_url(url.strip(), what="feed URL")
    except InvalidURL as error:
        raise InvalidFeed(str(error)) from None
    with writing(db):
        db.execute("INSERT INTO feeds (url, added_by, added_at) VALUES (?, ?, ?) ON CONFLICT(url) DO NOTHING",
                   [url, added_by, now()])
    return _feed_by_url(db, url)


def add_feeds(db: sqlite_utils.Database, urls: list[str], *, added_by: str | None = None) -> list[WatchedFeed]:
    return [add_feed(db, url, added_by=added_by) for url in urls]


def _feed_by_url(db: sqlite_utils.Database, url: str) -> WatchedFeed:
    return WatchedFeed(**next(db.query("SELECT * FROM feeds WHERE url = ?", [url])))


def list_feeds(db: sqlite_utils.Database) -> list[WatchedFeed]:
    return [WatchedFeed(**r) for r in db.query("SELECT * FROM feeds ORDER BY id")]


def remove_feed(db: sqlite_utils.Database, feed_id: int) -> None:
    """Stop watching a feed (its items are forgotten; the articles stay)."""
    with writing(db):
        db.execute("DELETE FROM feed_items WHERE feed_id = ?", [feed_id])
        db.execute("DELETE FROM feeds WHERE id = ?", [feed_id])


def feed_items(db: sqlite_utils.Database, feed_id: int | None = None, *, limit: int = 100) -> list[FeedItemRow]:
    """The items seen, newest first (of one feed, or of all)."""
    where, params = ("WHERE feed_id = ?", [feed_id]) if feed_id is not None else ("", [])
    return [FeedItemRow(**r) for r in db.query(
        f"SELECT * FROM feed_items {where} ORDER BY id DESC LIMIT ?", [*params, limit])]


def _note_feed(db: sqlite_utils.Database, feed: WatchedFeed, *, title: str | None, error: str | None) -> WatchedFeed:
    with writing(db):
        db.execute("UPDATE feeds SET checked_at = ?, last_error = ?, title = coalesce(?, title) WHERE id = ?",
                   [now(), error, title, feed.id])
    return _feed_by_url(db, feed.url)


def check_feed(db: sqlite_utils.Database, feed: WatchedFeed, *, allow_private: bool | AddressRule = False,
               timeout: float | None = None, added_by: str | None = None) -> FeedCheck:
    """Read the feed once and ingest each item not taken before; returns what happened (never raises for a bad
    feed or page: the reason is in the result and in the feed's `last_error`)."""
    limits = {"timeout": timeout} if timeout else {}
    try:
        private = private_allowed(db, allow_private)
        fetched = fetch(feed.url, allow_private=private, types=FEED_TYPES, **limits)  # type: ignore[arg-type]
        parsed = read_feed(fetched.body, url=fetched.final_url, content_type=fetched.content_type)
    except FetchError as error:
        reason = str(error).removeprefix(f"{feed.url}: ")
        return FeedCheck(_note_feed(db, feed, title=None, error=reason), error=reason)
    except UnreadableFeed as error:
        return FeedCheck(_note_feed(db, feed, title=None, error=str(error)), error=str(error))
    done = {r[0] for r in db.execute("SELECT item_key FROM feed_items WHERE feed_id = ? AND outcome IN (?, ?)",
                                     [feed.id, *_DONE]).fetchall()}
    counts = {"new": 0, "stored": 0, "already_stored": 0, "failed": 0}
    failures: list[str] = []
    for item in parsed.items:
        if item.key in done:
            continue
        counts["new"] += 1
        article_id = None
        if item.url is None:
            outcome = "failed: the item has no link"
        else:
            result = ingest_url(db, item.url, allow_private=private, added_by=added_by)
            if result.ok and result.stored is not None:
                article_id = result.stored.article_id
                outcome = "already_stored" if result.stored.already_stored else "stored"
            else:
                outcome = f"failed: {result.error}"
        counts[outcome if outcome in _DONE else "failed"] += 1
        if outcome not in _DONE:
            failures.append(f"{item.url or item.key}: {outcome.removeprefix('failed: ')}")
        with writing(db):
            db.execute("INSERT INTO feed_items (feed_id, item_key, url, article_id, outcome, seen_at)"
                       " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(feed_id, item_key) DO UPDATE SET"
                       " url = excluded.url, article_id = excluded.article_id, outcome = excluded.outcome,"
                       " seen_at = excluded.seen_at", [feed.id, item.key, item.url, article_id, outcome, now()])
    return FeedCheck(_note_feed(db, feed, title=parsed.title, error=None), failures=tuple(failures), **counts)


def check_feeds(db: sqlite_utils.Database, urls: list[str] | None = None, **options: object) -> list[FeedCheck]:
    """Check the given feeds (watched from now on), or every watched feed when none is given.

    >>> [c.stored for c in check_feeds(db, ["https://vnexpress.net/rss/tin-moi-nhat.rss"])]  # doctest: +SKIP
    [12]
    """
    feeds = add_feeds(db, urls, added_by=options.get("added_by")) if urls else list_feeds(db)  # type: ignore[arg-type]
    return [check_feed(db, feed, **options) for feed in feeds]  # type: ignore[arg-type]
