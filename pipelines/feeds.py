"""Watched feeds: a desk's RSS/Atom feeds, and each item ingested once as an article (feeds, feed_items).

An item is taken once: when its article is stored (or was already stored) it is never fetched again. An item whose
page could not be fetched is recorded with the reason and tried again later, after a wait that doubles with each
failure. One check is bounded: so many items at most, so many seconds at most; the rest come at the next check.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass

import sqlite_utils

from claims.errors import WorkbenchError
from db.captures import private_allowed
from db.feeds import (
    FeedItemRow,
    WatchedFeed,
    feed_items,
    items_seen,
    list_feeds,
    note_feed_checked,
    record_feed_item,
    remove_feed,
    watch_feed,
)
from db.history import now
from fetching.feeds import FEED_CHECK_SECONDS, FEED_TYPES, MAX_ITEMS_PER_CHECK, FeedItem, UnreadableFeed, read_feed
from fetching.networks import AddressRule
from fetching.urls import InvalidURL, check_url
from fetching.web import TIMEOUT_SECONDS, FetchError, fetch
from pipelines.ingest import IngestOutcome
from pipelines.url_ingest import ingest_url
from translations import N_, ngettext

__all__ = ["WatchedFeed", "FeedItemRow", "FeedCheck", "InvalidFeed", "add_feed", "add_feeds", "list_feeds",
           "remove_feed", "feed_items", "check_feed", "check_feeds"]

_DONE = ("stored", "already_stored")
log = logging.getLogger(__name__)
RETRY_FIRST = dt.timedelta(minutes=10)
RETRY_MAX = dt.timedelta(days=1)


class InvalidFeed(WorkbenchError, ValueError):
    """A feed address that cannot be watched (not http(s), malformed); one line."""


@dataclass(frozen=True)
class FeedCheck:
    """What one check of one feed did, or the feed's error.

    `new` items (never seen before) and `retried` ones (failed before) were taken, each ending stored, already
    stored or failed; `waiting` failed items were not tried (their wait is not over); `left` items were not taken
    this time (the check's cap on items or its time limit) and are taken at the next check.
    """

    feed: WatchedFeed
    new: int = 0
    stored: int = 0
    already_stored: int = 0
    failed: int = 0
    error: str | None = None
    failures: tuple[str, ...] = ()
    retried: int = 0
    waiting: int = 0
    left: int = 0

    def later(self) -> str:
        """What this check left for later, as it is said after the counts ("" when nothing was)."""
        parts = [ngettext("{n} failed before and retried", "{n} failed before and retried", self.retried),
                 ngettext("{n} waiting to be retried later", "{n} waiting to be retried later", self.waiting),
                 ngettext("{n} left for the next check", "{n} left for the next check", self.left)]
        return "".join(", " + part.format(n=n) for part, n in zip(parts, (self.retried, self.waiting, self.left),
                                                                    strict=True) if n)


def add_feed(db: sqlite_utils.Database, url: str, *, added_by: str | None = None) -> WatchedFeed:
    """Watch the feed at `url` (a feed already watched is returned as it is). Raises InvalidFeed."""
    try:
        url = check_url(url.strip(), what=N_("feed URL"))
    except InvalidURL as error:
        raise InvalidFeed(str(error)) from None
    return watch_feed(db, url, added_by=added_by)


def add_feeds(db: sqlite_utils.Database, urls: list[str], *, added_by: str | None = None) -> list[WatchedFeed]:
    return [add_feed(db, url, added_by=added_by) for url in urls]


def _retry_after(attempts: int) -> str:
    """When an item that has failed `attempts` times is tried again: 10 minutes after the first failure, doubling
    up to a day, so a page that never comes back costs one fetch a day instead of one every check."""
    wait = min(RETRY_FIRST * 2 ** (attempts - 1), RETRY_MAX)
    return (dt.datetime.now(dt.UTC) + wait).isoformat(timespec="microseconds")


def _take_item(db: sqlite_utils.Database, item: FeedItem, *, private: AddressRule, added_by: str | None,
               timeout: float) -> tuple[int | None, str]:
    """Ingest one item's page: (article id, outcome)."""
    if item.url is None:
        return None, "failed: the item has no link"
    try:
        result = ingest_url(db, item.url, allow_private=private, added_by=added_by, timeout=timeout)
    except Exception as error:  # noqa: BLE001 - one page must never stop the feed: recorded, tried later
        log.exception("feed item %s could not be ingested", item.url)
        result = IngestOutcome(item.url, error=f"{type(error).__name__}: {error}".splitlines()[0])
    if result.ok and result.stored is not None:
        return result.stored.article_id, "already_stored" if result.stored.already_stored else "stored"
    return None, f"failed: {result.error}"


def check_feed(db: sqlite_utils.Database, feed: WatchedFeed, *, allow_private: bool | AddressRule = False,
               timeout: float | None = None, added_by: str | None = None, max_items: int = MAX_ITEMS_PER_CHECK,
               time_limit: float = FEED_CHECK_SECONDS) -> FeedCheck:
    """Read the feed once and ingest the items not taken before; returns what happened (never raises for a bad
    feed or page: the reason is in the result and in the feed's `last_error`).

    One check takes at most `max_items` items and stops starting new ones after `time_limit` seconds (each page
    gets no more than the time left): the rest are taken at the next check. An item that failed is tried again
    only once its wait is over (10 minutes, doubling up to a day).
    """
    started = time.monotonic()
    page_seconds = timeout or TIMEOUT_SECONDS
    try:
        private = private_allowed(db, allow_private)
        fetched = fetch(feed.url, allow_private=private, types=FEED_TYPES,
                        timeout=min(page_seconds, time_limit))
        parsed = read_feed(fetched.body, url=fetched.final_url, content_type=fetched.content_type)
    except FetchError as error:
        reason = str(error).removeprefix(f"{feed.url}: ")
        return FeedCheck(note_feed_checked(db, feed, title=None, error=reason), error=reason)
    except UnreadableFeed as error:
        return FeedCheck(note_feed_checked(db, feed, title=None, error=str(error)), error=str(error))
    seen = items_seen(db, feed.id)
    stamp = now()
    counts = {"new": 0, "stored": 0, "already_stored": 0, "failed": 0, "retried": 0, "waiting": 0, "left": 0}
    failures: list[str] = []
    for item in parsed.items:
        outcome, attempts, retry_after = seen.get(item.key, (None, 0, None))
        if outcome in _DONE:
            continue
        if outcome is not None and retry_after and retry_after > stamp:
            counts["waiting"] += 1
            continue
        left = time_limit - (time.monotonic() - started)
        if counts["new"] + counts["retried"] >= max_items or left < 1:
            counts["left"] += 1
            continue
        counts["new" if outcome is None else "retried"] += 1
        article_id, outcome = _take_item(db, item, private=private, added_by=added_by,
                                         timeout=min(page_seconds, left))
        failed = outcome not in _DONE
        counts["failed" if failed else outcome] += 1
        if failed:
            failures.append(f"{item.url or item.key}: {outcome.removeprefix('failed: ')}")
        attempts = attempts + 1 if failed else 0
        record_feed_item(db, feed.id, item.key, url=item.url, article_id=article_id, outcome=outcome,
                         attempts=attempts, retry_after=_retry_after(attempts) if failed else None)
    return FeedCheck(note_feed_checked(db, feed, title=parsed.title, error=None), failures=tuple(failures), **counts)


def check_feeds(db: sqlite_utils.Database, urls: list[str] | None = None, **options: object) -> list[FeedCheck]:
    """Check the given feeds (watched from now on), or every watched feed when none is given.

    >>> [c.stored for c in check_feeds(db, ["https://vnexpress.net/rss/tin-moi-nhat.rss"])]  # doctest: +SKIP
    [12]
    """
    feeds = add_feeds(db, urls, added_by=options.get("added_by")) if urls else list_feeds(db)  # type: ignore[arg-type]
    return [check_feed(db, feed, **options) for feed in feeds]  # type: ignore[arg-type]
