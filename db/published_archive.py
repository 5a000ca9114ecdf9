"""The published archive: a separate SQLite file holding a desk's published verdicts only, for other desks to read.

It is written whole (beside its target, then renamed), so a reader such as Datasette never sees half of one, and it
holds nothing but what the desk has published: no drafts, notes, accounts, sessions or settings are ever read into
it. Tables: `verdicts` (one row per published claim, with its ClaimReview JSON), `sources` (each verdict's
evidence, with the facts of the copy the desk kept), `archive` (one row: who published it and when), and a
full-text index on the claims (`verdicts_fts`) that Datasette's search box uses.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from claims.errors import WorkbenchError
from db.connection import file_uri
from db.lookups import values_by_id

__all__ = ["ARCHIVE_FORMAT", "ArchiveError", "PublishedArchive", "kept_copies", "speaker_roles", "write_archive"]

ARCHIVE_FORMAT = "factcheck-published-archive/1"

_SCHEMA = """
CREATE TABLE archive (
    format TEXT NOT NULL,
    publisher TEXT NOT NULL,
    publisher_url TEXT NOT NULL,
    made_at TEXT NOT NULL,
    verdicts INTEGER NOT NULL
);
CREATE TABLE verdicts (
    claim_id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    claim TEXT NOT NULL,
    original_text TEXT NOT NULL,
    rating TEXT NOT NULL,
    rating_value INTEGER,
    verdict TEXT,
    rationale TEXT,
    speaker TEXT,
    speaker_role TEXT,
    language TEXT NOT NULL,
    article_title TEXT NOT NULL,
    article_url TEXT,
    article_published TEXT,
    first_published TEXT,
    last_published TEXT,
    publisher TEXT NOT NULL,
    claimreview TEXT NOT NULL
);
CREATE INDEX verdicts_last_published ON verdicts(last_published);
CREATE INDEX verdicts_speaker ON verdicts(speaker);
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES verdicts(claim_id),
    number INTEGER NOT NULL,
    url TEXT NOT NULL,
    title TEXT,
    publisher TEXT,
    published TEXT,
    accessed TEXT,
    archive_url TEXT,
    stance TEXT NOT NULL,
    excerpt TEXT,
    kept_copy_on TEXT,
    kept_copy_url TEXT,
    kept_copy_status INTEGER,
    kept_copy_sha256 TEXT,
    link_check TEXT
);
CREATE INDEX sources_claim ON sources(claim_id, number);
"""


class ArchiveError(WorkbenchError, ValueError):
    """The archive cannot be written there (the file is something else, or the folder cannot be written)."""


@dataclass(frozen=True)
class PublishedArchive:
    path: Path
    verdicts: int
    sources: int


def speaker_roles(db: sqlite_utils.Database, claim_ids: Iterable[int]) -> dict[int, str]:
    """Each claim's speaker's role ("Bộ trưởng Bộ Y tế"), where the database records roles (`claims.speaker_role`)."""
    if "speaker_role" not in {c[1] for c in db.execute("PRAGMA table_info(claims)")}:
        return {}
    return values_by_id(db, "claims", "speaker_role", claim_ids)


def kept_copies(db: sqlite_utils.Database, claim_ids: Iterable[int]) -> dict[tuple[int, str], dict[str, Any]]:
    """What the desk kept of each source page of these claims, by (claim id, source url): the address it was
    fetched from in the end, its HTTP status and the SHA-256 of its text (another desk can check a copy of its own
    against it)."""
    ids = list(claim_ids)
    found: dict[tuple[int, str], dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ", ".join("?" for _ in part)
        for claim_id, url, final_url, status, digest in db.execute(
                "SELECT cs.claim_id, s.url, p.final_url, p.http_status, p.content_hash FROM claim_sources cs"
                " JOIN sources s ON s.id = cs.source_id JOIN page_captures p ON p.id = s.capture_id"
                f" WHERE cs.claim_id IN ({marks})", part):
            found[(claim_id, url)] = {"kept_copy_url": final_url, "kept_copy_status": status,
                                      "kept_copy_sha256": digest}
    return found


def _is_archive(path: Path) -> bool:
    try:
        conn = sqlite3.connect(file_uri(path, mode="ro"), uri=True)
        try:
            row = conn.execute("SELECT format FROM archive").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return bool(row) and row[0] == ARCHIVE_FORMAT


def write_archive(destination: str | Path, *, publisher: str, publisher_url: str, made_at: str,
                  verdicts: list[dict[str, Any]], sources: list[dict[str, Any]]) -> PublishedArchive:
    """Write the archive file at `destination`, replacing an earlier archive there (never any other file).

    `verdicts` and `sources` are rows of the tables above.

    >>> write_archive("archive.db", publisher="Desk A", publisher_url="https://a.example", made_at="2026-03-08",
    ...               verdicts=[], sources=[]).verdicts  # doctest: +SKIP
    0
    """
    target = Path(destination)
    if target.exists() and not _is_archive(target):
        raise ArchiveError(f"{target} already exists and is not a published archive; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(str(partial), isolation_level=None)
        try:
            archive = sqlite_utils.Database(conn)
            conn.execute("BEGIN")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            archive["archive"].insert({"format": ARCHIVE_FORMAT, "publisher": publisher,
                                       "publisher_url": publisher_url, "made_at": made_at,
                                       "verdicts": len(verdicts)})
            archive["verdicts"].insert_all(verdicts)
            archive["sources"].insert_all(sources)
            conn.execute("COMMIT")
            archive["verdicts"].enable_fts(["claim", "verdict", "rationale", "speaker"],
                                           tokenize="unicode61 remove_diacritics 2")
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        if ok != "ok":
            raise ArchiveError(f"the archive failed its integrity check: {ok}")
        with open(partial, "rb") as written:
            os.fsync(written.fileno())
        partial.replace(target)
    except OSError as error:
        raise ArchiveError(f"{target}: cannot write: {error.strerror}") from None
    finally:
        partial.unlink(missing_ok=True)
    return PublishedArchive(target, len(verdicts), len(sources))
