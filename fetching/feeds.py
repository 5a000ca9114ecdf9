"""RSS and Atom feeds read into their items (a key that stays the same between reads, the item's link and title).

Reading only: the feed's bytes come from `fetching.web.fetch` (with its address, size and time rules), and are
handed to feedparser as a stream, never as a string it could take for a file name or a URL to fetch itself.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from urllib.parse import urljoin

from claims.errors import WorkbenchError
from claims.folding import nfc
from translations import _

__all__ = ["FEED_CHECK_SECONDS", "MAX_ITEMS_PER_CHECK", "FEED_TYPES", "Feed", "FeedItem", "UnreadableFeed", "read_feed"]

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
              "application/feed+xml", "application/x-rss+xml")

# One check of one feed takes at most this many items and starts none after this many seconds; the rest wait for
# the next check (a 10,000-item feed is taken fifty at a time, and a server trickling its pages holds no one long).
MAX_ITEMS_PER_CHECK = 50
FEED_CHECK_SECONDS = 120.0


class UnreadableFeed(WorkbenchError, ValueError):
    """The bytes are not an RSS or Atom feed; the message says why in one line."""


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed. `key` identifies it across reads: its id (guid), else its link, else a hash."""

    key: str
    url: str | None
    title: str | None


@dataclass(frozen=True)
class Feed:
    title: str | None
    items: tuple[FeedItem, ...]


def read_feed(body: bytes, *, url: str, content_type: str = "application/xml") -> Feed:
    """The items of an RSS or Atom document, links made absolute against the feed's `url`; an item whose key
    (guid) comes again in the same document is read once, as it first appears.

    >>> read_feed(b"<rss><channel><item><link>/a</link></item></channel></rss>", url="http://x.org/f").items[0].url
    'http://x.org/a'
    """
    import feedparser

    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-type": content_type,
                                                                  "content-location": url})
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        reason = str(problem).splitlines()[0] if problem else _("no RSS or Atom elements")
        raise UnreadableFeed(_("not an RSS or Atom feed ({reason})").format(reason=reason))
    items: dict[str, FeedItem] = {}
    for entry in parsed.entries:
        link = entry.get("link")
        link = urljoin(url, link.strip()) if link else None
        title = nfc(entry["title"]).strip() if entry.get("title") else None
        key = (entry.get("id") or "").strip() or link or hashlib.sha256(
            f"{title}\n{entry.get('summary', '')}".encode()).hexdigest()
        items.setdefault(key, FeedItem(key, link, title))  # a key repeated is one item: the first, as listed
    title = parsed.feed.get("title")
    return Feed(nfc(title).strip() if title else None, tuple(items.values()))
