"""The people who review: a name given when they start, remembered with when they were first and last seen."""
from __future__ import annotations

import sqlite_utils

from claims.errors import InvalidInput
from db.connection import writing
from db.history import now
from translations import _

__all__ = ["register_reviewer", "is_reviewer", "reviewer_names"]


def register_reviewer(db: sqlite_utils.Database, name: str) -> str:
    """Record a reviewer (trimmed, NFC); returns the name as stored. Raises ValueError for a blank name."""
    from claims.folding import nfc

    clean = " ".join(nfc(name).split())[:80]
    if not clean:
        raise InvalidInput(_("a reviewer needs a name"))
    stamp = now()
    with writing(db):
        db.execute("INSERT INTO reviewers (name, first_seen, last_seen) VALUES (?, ?, ?)"
                   " ON CONFLICT(name) DO UPDATE SET last_seen = excluded.last_seen", [clean, stamp, stamp])
    return clean


def is_reviewer(db: sqlite_utils.Database, name: str) -> bool:
    """Whether `name` (as given, trimmed) has started reviewing here before.

    >>> is_reviewer(db, register_reviewer(db, " Lan ")), is_reviewer(db, "Somebody")  # doctest: +SKIP
    (True, False)
    """
    from claims.folding import nfc

    clean = " ".join(nfc(name).split())[:80]
    return bool(clean) and db.execute("SELECT 1 FROM reviewers WHERE name = ?", [clean]).fetchone() is not None


def reviewer_names(db: sqlite_utils.Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM reviewers ORDER BY name")]
