"""Watched feeds and the items seen in them (tables feeds, feed_items): the rows, read and written.

pipelines/feeds.py decides what to fetch and when; this module only stores what it found.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from db.history import now
from db.transactions import writing

__all__ = ["WatchedFeed", "FeedItemRow", "watch_feed", "feed_by_url", "list_feeds", "remove_feed", "feed_items",
           "note_feed_checked", "items_seen", "record_feed_item"]


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
    outcome: str  # stored, already_stored, or "failed: <reason>" (tried again once `retry_after` has passed)
    seen_at: str
    attempts: int = 0  # failures in a row
    retry_after: str | None = None


def watch_feed(db: sqlite_utils.Database, url: str, *, added_by: str | None = None) -> WatchedFeed:
    """Store the feed at `url` (already checked as an address); a feed already watched is returned as it is."""
    with writing(db):
        db.execute("INSERT INTO feeds (url, added_by, added_at) VALUES (?, ?, ?) ON CONFLICT(url) DO NOTHING",
                   [url, added_by, now()])
    return feed_by_url(db, url)


def feed_by_url(db: sqlite_utils.Database, url: str) -> WatchedFeed:
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


def note_feed_checked(db: sqlite_utils.Database, feed: WatchedFeed, *, title: str | None,
                      error: str | None) -> WatchedFeed:
    """Record a check of the feed: when, its error (None when it was read), its title if it gave one."""
    with writing(db):
        db.execute("UPDATE feeds SET checked_at = ?, last_error = ?, title = coalesce(?, title) WHERE id = ?",
                   [now(), error, title, feed.id])
    return feed_by_url(db, feed.url)


def items_seen(db: sqlite_utils.Database, feed_id: int) -> dict[str, tuple[str, int, str | None]]:
    """Each item of the feed seen before, by its key: (outcome, failures in a row, when to retry)."""
    return {r[0]: (r[1], r[2], r[3]) for r in db.execute(
        "SELECT item_key, outcome, attempts, retry_after FROM feed_items WHERE feed_id = ?", [feed_id])}


def record_feed_item(db: sqlite_utils.Database, feed_id: int, item_key: str, *, url: str | None,
                     article_id: int | None, outcome: str, attempts: int, retry_after: str | None) -> None:
    """What taking one item ended in (replacing what an earlier attempt recorded)."""
    with writing(db):
        db.execute("INSERT INTO feed_items (feed_id, item_key, url, article_id, outcome, seen_at, attempts,"
                   " retry_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(feed_id, item_key) DO UPDATE SET"
                   " url = excluded.url, article_id = excluded.article_id, outcome = excluded.outcome,"
                   " seen_at = excluded.seen_at, attempts = excluded.attempts,"
                   " retry_after = excluded.retry_after",
                   [feed_id, item_key, url, article_id, outcome, now(), attempts, retry_after])
