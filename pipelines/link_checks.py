"""Link checks: re-fetch the sources of published verdicts and record whether each is unchanged, changed or gone.

A page counts as changed when its main text differs from the kept copy's (the hash of the text, not of the raw
HTML, so a new advert or session token in the markup is not a change). A 404 or 410, or a host name that no
longer resolves, is gone; any other failure (timeout, TLS, a refused address, a 500) is an error, not a verdict on
the page. Each check is one row in link_checks; the claim page and the report show the latest.
"""
from __future__ import annotations

import logging

import sqlite_utils

from db.captures import private_allowed
from db.history import now
from db.link_checks import OUTCOMES, LinkCheck, latest_link_checks, record_link_check, sources_to_check
from fetching.networks import AddressRule
from fetching.web import FetchError, fetch_page

# The rows (LinkCheck, the sources due, the latest checks) are read and written by db/link_checks.py.
__all__ = ["LinkCheck", "OUTCOMES", "sources_to_check", "check_link", "check_links", "latest_link_checks"]

log = logging.getLogger(__name__)


def check_link(db: sqlite_utils.Database, source: dict, *, allow_private: bool | AddressRule = False,
               timeout: float | None = None) -> LinkCheck:
    """Re-fetch one source (a row of `sources_to_check`) and record the outcome."""
    limits = {"timeout": timeout} if timeout else {}
    baseline = source.get("kept_hash") or source.get("last_hash")
    ids = tuple(source.get("claim_ids") or ())
    try:
        page = fetch_page(source["url"], allow_private=private_allowed(db, allow_private), **limits)
    except FetchError as error:
        reason = str(error).removeprefix(f"{source['url']}: ")
        return record_link_check(db, LinkCheck(source["source_id"], source["url"], "gone" if error.gone else "error",
                                     error.status, None, reason, now(), ids))
    if baseline is None:
        outcome, detail = "unchanged", "first check; no kept copy to compare, so this text is the reference"
    elif page.content_hash == baseline:
        outcome, detail = "unchanged", None
    else:
        outcome = "changed"
        detail = "the main text differs from the kept copy" if source.get("kept_hash") else \
            "the main text differs from the last check"
    return record_link_check(db, LinkCheck(source["source_id"], source["url"], outcome, page.status, page.content_hash,
                                 detail, now(), ids))


def check_links(db: sqlite_utils.Database, *, allow_private: bool | AddressRule = False,
                timeout: float | None = None) -> list[LinkCheck]:
    """Check every source of a published verdict once; one failing page never stops the others.

    >>> [c.outcome for c in check_links(db)]  # doctest: +SKIP
    ['unchanged', 'gone']
    """
    checks = []
    for source in sources_to_check(db):
        try:
            checks.append(check_link(db, source, allow_private=allow_private, timeout=timeout))
        except Exception as error:  # noqa: BLE001 - one page must never stop the others: recorded as an error
            log.exception("link check of %s failed", source["url"])
            checks.append(record_link_check(db, LinkCheck(source["source_id"], source["url"], "error", None, None,
                                                f"{type(error).__name__}: {error}".splitlines()[0], now(),
                                                tuple(source.get("claim_ids") or ()))))
    return checks
