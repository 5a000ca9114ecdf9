"""Link checks: re-fetch the sources of published verdicts and record whether each is unchanged, changed or gone.

A page counts as changed when its main text differs from the kept copy's (the hash of the text, not of the raw
HTML, so a new advert or session token in the markup is not a change). A 404 or 410, or a host name that no
longer resolves, is gone; any other failure (timeout, TLS, a refused address, a 500) is an error, not a verdict on
the page. Each check is one row in link_checks; the claim page and the report show the latest.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import sqlite_utils

from db.captures import private_allowed
from db.connection import writing
from db.history import now
from fetching.networks import AddressRule
from fetching.web import FetchError, fetch_page

__all__ = ["LinkCheck", "OUTCOMES", "sources_to_check", "check_link", "check_links", "latest_link_checks"]

OUTCOMES = ("unchanged", "changed", "gone", "error")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LinkCheck:
    """One source re-fetched: what was found and when. `flagged` is what a reviewer must look at."""

    source_id: int
    url: str
    outcome: str
    http_status: int | None
    content_hash: str | None
    detail: str | None
    checked_at: str
    claim_ids: tuple[int, ...] = ()

    @property
    def flagged(self) -> bool:
        return self.outcome in ("changed", "gone")


def sources_to_check(db: sqlite_utils.Database) -> list[dict]:
    """The sources attached to at least one published verdict, each with the hash it is compared against (the
    kept copy's, else the last successful check's) and the published claims it supports."""
    rows = db.query(
        "SELECT s.id AS source_id, s.url, pc.content_hash AS kept_hash,"
        " (SELECT lc.content_hash FROM link_checks lc WHERE lc.source_id = s.id AND lc.content_hash IS NOT NULL"
        "  ORDER BY lc.id DESC LIMIT 1) AS last_hash,"
        " group_concat(DISTINCT c.id) AS claim_ids"
        " FROM sources s JOIN claim_sources cs ON cs.source_id = s.id JOIN claims c ON c.id = cs.claim_id"
        " LEFT JOIN page_captures pc ON pc.id = s.capture_id"
        " WHERE c.status = 'published' GROUP BY s.id ORDER BY s.id")
    return [{**r, "claim_ids": tuple(sorted(int(i) for i in str(r["claim_ids"]).split(",")))} for r in rows]


def _record(db: sqlite_utils.Database, check: LinkCheck) -> LinkCheck:
    with writing(db):
        db.execute("INSERT INTO link_checks (source_id, outcome, http_status, content_hash, detail, checked_at)"
                   " VALUES (?, ?, ?, ?, ?, ?)", [check.source_id, check.outcome, check.http_status,
                                                  check.content_hash, check.detail, check.checked_at])
    return check


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
        return _record(db, LinkCheck(source["source_id"], source["url"], "gone" if error.gone else "error",
                                     error.status, None, reason, now(), ids))
    if baseline is None:
        outcome, detail = "unchanged", "first check; no kept copy to compare, so this text is the reference"
    elif page.content_hash == baseline:
        outcome, detail = "unchanged", None
    else:
        outcome = "changed"
        detail = "the main text differs from the kept copy" if source.get("kept_hash") else \
            "the main text differs from the last check"
    return _record(db, LinkCheck(source["source_id"], source["url"], outcome, page.status, page.content_hash,
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
            checks.append(_record(db, LinkCheck(source["source_id"], source["url"], "error", None, None,
                                                f"{type(error).__name__}: {error}".splitlines()[0], now(),
                                                tuple(source.get("claim_ids") or ()))))
    return checks


def latest_link_checks(db: sqlite_utils.Database, source_ids: list[int]) -> dict[int, LinkCheck]:
    """The latest check of each of these sources that has been checked."""
    if not source_ids:
        return {}
    marks = ", ".join("?" for _ in source_ids)
    rows = db.query(
        "SELECT lc.source_id, s.url, lc.outcome, lc.http_status, lc.content_hash, lc.detail, lc.checked_at"
        " FROM link_checks lc JOIN sources s ON s.id = lc.source_id"
        f" WHERE lc.id IN (SELECT max(id) FROM link_checks WHERE source_id IN ({marks}) GROUP BY source_id)",
        source_ids)
    return {r["source_id"]: LinkCheck(**r) for r in rows}
