"""Sources and the evidence links between a claim and a source (stance, quoted excerpt)."""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from claims.errors import NotFound
from db.claims import ClaimNotFound
from db.connection import writing
from db.history import now, record
from fetching.web import Page
from translations import _

__all__ = ["ClaimSource", "SOURCE_SELECT", "add_claim_source", "carry_sources", "remove_claim_source",
           "sources_for_claim", "sources_for_claims"]

# The columns of ClaimSource, in its field order, with the kept copy's date and the latest link check; callers add
# "WHERE …" (over `cs`, `s`) and their own ORDER BY.
SOURCE_SELECT = (
    "SELECT cs.id AS link_id, cs.claim_id, s.id AS source_id, s.url, s.title, s.publisher, s.published,"
    " s.accessed, s.archive_url, cs.stance, cs.excerpt, cs.position, cs.added_by, cs.added_at,"
    " s.capture_id, pc.fetched_at AS captured_at, lc.outcome AS link_outcome, lc.checked_at AS link_checked_at,"
    " lc.detail AS link_detail"
    " FROM claim_sources cs JOIN sources s ON s.id = cs.source_id"
    " LEFT JOIN page_captures pc ON pc.id = s.capture_id"
    " LEFT JOIN link_checks lc ON lc.id = (SELECT max(id) FROM link_checks WHERE source_id = s.id)")


@dataclass(frozen=True)
class ClaimSource:
    """One piece of evidence on a claim: the source and how it bears on the claim."""

    link_id: int
    claim_id: int
    source_id: int
    url: str
    title: str | None
    publisher: str | None
    published: str | None
    accessed: str | None
    archive_url: str | None
    stance: str
    excerpt: str | None
    position: int
    added_by: str | None
    added_at: str
    capture_id: int | None = None
    captured_at: str | None = None  # when the kept copy was fetched
    link_outcome: str | None = None  # the latest link check: unchanged, changed, gone or error
    link_checked_at: str | None = None
    link_detail: str | None = None

    @property
    def link_flagged(self) -> bool:
        """The page changed or went away since the copy was kept (as the latest `check-links` found)."""
        return self.link_outcome in ("changed", "gone")


def add_claim_source(db: sqlite_utils.Database, claim_id: int, *, url: str, stance: str, reviewer: str,
                     title: str | None = None, publisher: str | None = None, published: str | None = None,
                     accessed: str | None = None, archive_url: str | None = None,
                     excerpt: str | None = None, page: Page | None = None) -> int:
    """Attach a source to a claim (values already validated by evidence.sources); returns the link id.

    With `page` (the source as fetched), its kept copy is stored in the same transaction and the source points at
    it: either both are stored or neither.
    """
    from db.captures import store_capture

    with writing(db):
        if db.execute("SELECT 1 FROM claims WHERE id = ?", [claim_id]).fetchone() is None:
            raise ClaimNotFound.of(claim_id)
        stamp = now()
        capture_id = store_capture(db, page, fetched_by=reviewer) if page is not None else None
        source_id = int(db.execute(
            "INSERT INTO sources (url, title, publisher, published, accessed, archive_url, added_by, added_at,"
            " capture_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [url, title, publisher, published, accessed, archive_url, reviewer, stamp, capture_id]).lastrowid)
        position = db.execute("SELECT coalesce(max(position), 0) + 1 FROM claim_sources WHERE claim_id = ?",
                              [claim_id]).fetchone()[0]
        link_id = int(db.execute(
            "INSERT INTO claim_sources (claim_id, source_id, stance, excerpt, position, added_by, added_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [claim_id, source_id, stance, excerpt, position, reviewer, stamp]).lastrowid)
        record(db, claim_id=claim_id, entity="source", entity_id=link_id, action="source_added", reviewer=reviewer,
               after={"url": url, "title": title, "publisher": publisher, "stance": stance, "excerpt": excerpt,
                      "published": published, "accessed": accessed, "archive_url": archive_url,
                      **({"kept_copy": capture_id} if capture_id else {})}, at=stamp)
    return link_id


def carry_sources(db: sqlite_utils.Database, claim_id: int, from_claim_id: int, *, reviewer: str) -> list[int]:
    """Link the sources of `from_claim_id` to `claim_id` too (the same source rows, so their kept copies come with
    them), with the same stance and excerpt; a source already linked is left. Returns the new link ids.

    Each link is in the claim's history, saying where it was carried from.
    """
    links = []
    with writing(db):
        linked = {r[0] for r in db.execute("SELECT source_id FROM claim_sources WHERE claim_id = ?", [claim_id])}
        stamp = now()
        for source in sources_for_claim(db, from_claim_id):
            if source.source_id in linked:
                continue
            linked.add(source.source_id)
            position = db.execute("SELECT coalesce(max(position), 0) + 1 FROM claim_sources WHERE claim_id = ?",
                                  [claim_id]).fetchone()[0]
            link_id = int(db.execute(
                "INSERT INTO claim_sources (claim_id, source_id, stance, excerpt, position, added_by, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [claim_id, source.source_id, source.stance, source.excerpt, position, reviewer, stamp]).lastrowid)
            record(db, claim_id=claim_id, entity="source", entity_id=link_id, action="source_added",
                   reviewer=reviewer, at=stamp,
                   after={"url": source.url, "title": source.title, "stance": source.stance,
                          "excerpt": source.excerpt, "carried_from_claim": from_claim_id,
                          **({"kept_copy": source.capture_id} if source.capture_id else {})})
            links.append(link_id)
    return links


def remove_claim_source(db: sqlite_utils.Database, link_id: int, *, reviewer: str) -> None:
    with writing(db):
        found = [s for s in _query(db, "cs.id = ?", [link_id])]
        if not found:
            raise NotFound(_("evidence link {id} does not exist").format(id=link_id))
        db.execute("DELETE FROM claim_sources WHERE id = ?", [link_id])
        gone = found[0]
        record(db, claim_id=gone.claim_id, entity="source", entity_id=link_id, action="source_removed",
               reviewer=reviewer, before={"url": gone.url, "title": gone.title, "stance": gone.stance})


def _query(db: sqlite_utils.Database, where: str, params: list) -> list[ClaimSource]:
    rows = db.query(f"{SOURCE_SELECT} WHERE {where} ORDER BY cs.claim_id, cs.position, cs.id", params)
    return [ClaimSource(**r) for r in rows]


def sources_for_claim(db: sqlite_utils.Database, claim_id: int) -> list[ClaimSource]:
    return _query(db, "cs.claim_id = ?", [claim_id])


def sources_for_claims(db: sqlite_utils.Database, claim_ids: list[int]) -> dict[int, list[ClaimSource]]:
    """Evidence of many claims at once, by claim id (one query per 500 claims)."""
    found: dict[int, list[ClaimSource]] = {i: [] for i in claim_ids}
    for i in range(0, len(claim_ids), 500):
        chunk = claim_ids[i:i + 500]
        for source in _query(db, f"cs.claim_id IN ({', '.join('?' for _id in chunk)})", chunk):
            found[source.claim_id].append(source)
    return found
