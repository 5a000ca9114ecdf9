"""Sources by URL: fetch the page a reviewer pasted, fill in its title, publisher and date, suggest the passage;
and keep a copy of a source typed by hand, fetched when it is saved.

The page becomes the source's kept copy when the source is attached (`evidence.sources.attach_source(...,
page=...)`), in the same transaction as the source; the fetch always happens before that transaction.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import sqlite_utils

from claims.passage import PassageSentence, suggest_passage
from db.captures import keep_source_copy, private_allowed
from evidence.sources import attach_source
from fetching.networks import AddressRule
from fetching.urls import InvalidURL, check_url
from fetching.web import FetchError, Page, fetch_page

__all__ = ["SourceDraft", "draft_source", "AttachedSource", "attach_source_keeping_copy", "keep_copy_now"]


@dataclass(frozen=True)
class SourceDraft:
    """A fetched source page before it is attached: what the form is filled with, and the passage to quote."""

    page: Page
    title: str | None
    publisher: str | None
    published: str | None
    passage: tuple[PassageSentence, ...]

    def matches(self, url: str) -> bool:
        """Whether the form's URL is still the one fetched (the reviewer may have typed another since)."""
        return url.strip() in (self.page.url, self.page.final_url)


def _publisher(page: Page) -> str | None:
    if page.site_name:
        return page.site_name
    host = urlsplit(page.final_url).hostname or ""
    return host.removeprefix("www.") or None


def draft_source(db: sqlite_utils.Database, url: str, *, claim_text: str, allow_private: bool | AddressRule = False,
                 timeout: float | None = None) -> SourceDraft:
    """Fetch `url` (with the desk's address rule) and read what the source form needs.

    Raises FetchError with one line (the URL and why) when the page cannot be fetched or read.

    >>> draft = draft_source(db, "https://example.org/a", claim_text="Hơn 1,7 triệu người …")  # doctest: +SKIP
    >>> draft.title, draft.publisher, draft.published, draft.passage[0].text  # doctest: +SKIP
    """
    limits = {"timeout": timeout} if timeout else {}
    page = fetch_page(url.strip(), allow_private=private_allowed(db, allow_private), **limits)
    return SourceDraft(page=page, title=page.title, publisher=_publisher(page), published=page.published,
                       passage=tuple(suggest_passage(claim_text, page.text)))


@dataclass(frozen=True)
class AttachedSource:
    """A source attached: its evidence link, and whether a copy of its page was kept (and why not, in one line)."""

    link_id: int
    kept_copy: bool
    no_copy_reason: str | None = None


def attach_source_keeping_copy(db: sqlite_utils.Database, claim_id: int, *, url: str, keep_copy: bool = True,
                               page: Page | None = None, allow_private: bool | AddressRule = False,
                               timeout: float | None = None, **fields: Any) -> AttachedSource:
    """Attach a source (`evidence.sources.attach_source`'s fields) with a kept copy of its page.

    `page` is the page the reviewer fetched already; without it and with `keep_copy`, the http(s) URL is fetched now,
    before the source and its copy are stored together in one transaction. A page that cannot be fetched (refused
    address, 404, timeout, …) does not stop the source: it is attached without a copy and `no_copy_reason` says why.
    Raises InvalidSource for a bad URL, stance or date, as `attach_source` does (nothing is fetched for a bad URL).
    """
    if not keep_copy:
        page = None
    reason = None
    if keep_copy and page is None:
        try:
            checked = check_url(url)
        except InvalidURL:
            checked = None  # attach_source refuses it with its own message
        if checked is not None:
            limits = {"timeout": timeout} if timeout else {}
            try:
                page = fetch_page(checked, allow_private=private_allowed(db, allow_private), **limits)
            except FetchError as error:
                reason = str(error).removeprefix(f"{checked}: ")
    link_id = attach_source(db, claim_id, url=url, page=page, **fields)
    return AttachedSource(link_id, page is not None, reason)


def keep_copy_now(db: sqlite_utils.Database, source_id: int, url: str, *, reviewer: str | None,
                  allow_private: bool | AddressRule = False, timeout: float | None = None) -> int:
    """Fetch a source's page now and keep it as the copy the source lacks (one typed before copies were kept, or
    whose page could not be fetched when it was attached); returns the capture id.

    Raises FetchError (one line) when the page cannot be fetched, and AlreadyKept when a copy exists.
    """
    limits = {"timeout": timeout} if timeout else {}
    page = fetch_page(url.strip(), allow_private=private_allowed(db, allow_private), **limits)
    return keep_source_copy(db, source_id, page, reviewer=reviewer)


__all__ += ["FetchError"]
