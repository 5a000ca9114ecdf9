"""Reading the world's fact-checks from the web: a ClaimReview feed fetched, read and imported as past fact-checks.

A "feed of them" is any of: a JSON document of ClaimReview (one, an array, an `@graph`, a Fact Check Tools
`claims:search` response, another desk's published archive as Datasette JSON), an HTML page carrying ClaimReview
JSON-LD, or an RSS/Atom feed whose items link to such pages. Every check reads the whole feed again and imports
what it finds: a review already stored (same url) is updated, never duplicated.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import orjson
import sqlite_utils

from claims.claimreview_items import ClaimReviewError, claimreview_rows, ld_json_blocks, parse_claimreview
from db.captures import private_allowed
from db.known_claims import import_known_claims
from fetching.feeds import FEED_TYPES, UnreadableFeed, read_feed
from fetching.networks import AddressRule
from fetching.web import PAGE_TYPES, FetchError, fetch

__all__ = ["CLAIMREVIEW_TYPES", "MAX_PAGES", "ClaimReviewFeedCheck", "check_claimreview_feed", "read_claimreview_feed"]

CLAIMREVIEW_TYPES = ("application/json", "application/ld+json", *PAGE_TYPES, *FEED_TYPES)
_FEED_TYPES = frozenset(FEED_TYPES) - {"application/xml", "text/xml"}
MAX_PAGES = 1000


@dataclass(frozen=True)
class ClaimReviewFeedCheck:
    """One check of one feed: the reviews imported (new or updated), the items that failed (named), or the error
    that stopped the whole feed."""

    url: str
    imported: int = 0
    failures: tuple[str, ...] = ()
    error: str | None = None


def _text(body: bytes) -> str:
    # JSON is UTF-8 by definition; a page in another charset keeps its JSON-LD readable in all but its odd letters.
    return body.decode("utf-8-sig", errors="replace")


def _is_feed(content_type: str, body: bytes) -> bool:
    kind = content_type.split(";")[0].strip().lower()
    start = body.lstrip()[:200].lower()
    return kind in _FEED_TYPES or start.startswith((b"<rss", b"<feed", b"<rdf")) or (
        start.startswith(b"<?xml") and (b"<rss" in start or b"<feed" in start or b"<rdf" in start))


def _next_page(body: bytes, base: str) -> str | None:
    """The `next_url` of a page of Datasette JSON (its default shape), made absolute; None for anything else."""
    if not body.lstrip()[:1] == b"{":
        return None
    try:
        value = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    following = value.get("next_url") if isinstance(value, dict) else None
    return urljoin(base, following) if isinstance(following, str) and following else None


def read_claimreview_feed(url: str, *, allow_private: bool | AddressRule = False,
                          timeout: float | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """The past fact-check rows the feed at `url` carries, and the items that could not be read (each named).

    Raises FetchError when the feed itself cannot be fetched, ClaimReviewError when it is not a ClaimReview
    document (or a review in it is malformed: a document is taken whole or not at all).
    """
    limits = {"timeout": timeout} if timeout else {}
    fetched = fetch(url, allow_private=allow_private, types=CLAIMREVIEW_TYPES, **limits)  # type: ignore[arg-type]
    if not _is_feed(fetched.content_type, fetched.body):
        rows = parse_claimreview(_text(fetched.body), name=url)
        pages = 1
        # A Datasette table's JSON comes a page at a time (100 rows unless `_size` says more), `next_url` naming
        # the next: every page is read, up to a bound a well-formed archive never reaches.
        while (following := _next_page(fetched.body, fetched.final_url)) and pages < MAX_PAGES:
            fetched = fetch(following, allow_private=allow_private, types=CLAIMREVIEW_TYPES,
                            **limits)  # type: ignore[arg-type]
            rows += parse_claimreview(_text(fetched.body), name=following)
            pages += 1
        return rows, []
    try:
        feed = read_feed(fetched.body, url=fetched.final_url, content_type=fetched.content_type)
    except UnreadableFeed as error:
        raise ClaimReviewError(f"{url}: {error}") from None
    rows: list[dict[str, Any]] = []
    failures: list[str] = []
    for item in feed.items:
        if not item.url:
            failures.append(f"{item.key}: the item has no link")
            continue
        try:
            page = fetch(item.url, allow_private=allow_private, types=CLAIMREVIEW_TYPES,
                         **limits)  # type: ignore[arg-type]
            rows += claimreview_rows(ld_json_blocks(_text(page.body), name=item.url), name=item.url)
        except (FetchError, ClaimReviewError) as error:
            failures.append(str(error))
    return rows, failures


def check_claimreview_feed(db: sqlite_utils.Database, url: str, *, allow_private: bool | AddressRule = False,
                           timeout: float | None = None) -> ClaimReviewFeedCheck:
    """Read the feed once and import its reviews in one transaction (never raises for a bad feed: see `error`).

    >>> check_claimreview_feed(db, "https://desk-b.example/archive/verdicts.json?_shape=array").imported
    ... # doctest: +SKIP
    40
    """
    try:
        rows, failures = read_claimreview_feed(url, allow_private=private_allowed(db, allow_private), timeout=timeout)
        imported = import_known_claims(db, rows) if rows else 0
    except (FetchError, ClaimReviewError, ValueError) as error:
        return ClaimReviewFeedCheck(url, error=str(error))
    return ClaimReviewFeedCheck(url, imported, tuple(failures))
