"""Sources by URL: fetch the page a reviewer pasted, fill in its title, publisher and date, suggest the passage.

Nothing is stored here: the draft's page becomes the source's kept copy when the reviewer attaches it
(`evidence.sources.attach_source(..., page=draft.page)`), in the same transaction as the source.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import sqlite_utils

from claims.networks import AddressRule
from claims.passage import PassageSentence, suggest_passage
from claims.web import FetchError, Page, fetch_page
from db.captures import private_allowed

__all__ = ["SourceDraft", "draft_source"]


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


__all__ += ["FetchError"]
