"""Evidence a reviewer attaches: a source checked for a safe, well-formed URL, with its stance on the claim."""
from __future__ import annotations

import datetime as dt
from enum import StrEnum

import sqlite_utils

from claims.errors import WorkbenchError
from claims.folding import nfc
from db.sources import add_claim_source
from fetching.urls import InvalidURL, check_url
from fetching.web import Page
from translations import N_, _

__all__ = ["Stance", "InvalidSource", "check_date", "attach_source"]


class Stance(StrEnum):
    SUPPORTS = "supports"
    REFUTES = "refutes"
    CONTEXT = "context"


class InvalidSource(WorkbenchError, ValueError):
    """What is wrong with a source, in words for the reviewer."""


def _checked_url(url: str, *, what: str = N_("URL")) -> str:
    try:
        return check_url(url, what=what)
    except InvalidURL as error:
        raise InvalidSource(str(error)) from None


def check_date(value: str | dt.date | None, *, what: str) -> str | None:
    """An ISO date (YYYY-MM-DD) or None; 31/2 or "yesterday" are refused with a message."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise InvalidSource(_("the {what} {value!r} is not a real date in the form YYYY-MM-DD").format(
            what=_(what), value=value)) from None


def attach_source(db: sqlite_utils.Database, claim_id: int, *, url: str, stance: Stance | str, reviewer: str,
                  title: str | None = None, publisher: str | None = None, published: str | dt.date | None = None,
                  accessed: str | dt.date | None = None, archive_url: str | None = None,
                  excerpt: str | None = None, page: Page | None = None) -> int:
    """Validate and attach a source to a claim; returns the evidence link id. Accessed defaults to today.

    `page` is the source as fetched (`evidence.web_sources.draft_source`): its kept copy is stored with the source,
    in the same transaction.
    """
    try:
        stance = Stance(stance)
    except ValueError:
        raise InvalidSource(_("stance must be one of {stances}").format(
            stances=", ".join(s.value for s in Stance))) from None
    clean = lambda s: (nfc(s).strip() or None) if s else None  # noqa: E731
    return add_claim_source(
        db, claim_id, url=_checked_url(url), stance=stance.value, reviewer=reviewer, title=clean(title),
        publisher=clean(publisher), published=check_date(published, what=N_("publication date")),
        accessed=check_date(accessed, what=N_("access date")) or dt.date.today().isoformat(),
        archive_url=(_checked_url(archive_url, what=N_("archived copy URL"))
                     if archive_url and archive_url.strip() else None),
        excerpt=clean(excerpt), page=page,
    )
