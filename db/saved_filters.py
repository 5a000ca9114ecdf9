"""Queue filters an account saved under a name of its own, to set them again in one click."""
from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from claims.errors import InvalidInput
from claims.folding import nfc
from db.connection import writing
from db.history import now
from translations import _

__all__ = ["save_filter", "saved_filters", "delete_filter"]


def save_filter(db: sqlite_utils.Database, account_id: int, name: str, values: dict[str, Any]) -> None:
    """Keep `values` (the queue's widgets by key) under `name`; the same name again replaces them."""
    clean = " ".join(nfc(name or "").split())[:80]
    if not clean:
        raise InvalidInput(_("a saved filter needs a name"))
    with writing(db):
        db.execute("INSERT INTO saved_filters (account_id, name, filter, created_at) VALUES (?, ?, ?, ?)"
                   " ON CONFLICT(account_id, name) DO UPDATE SET filter = excluded.filter",
                   [account_id, clean, json.dumps(values, ensure_ascii=False, sort_keys=True), now()])


def saved_filters(db: sqlite_utils.Database, account_id: int) -> dict[str, dict[str, Any]]:
    return {r[0]: json.loads(r[1]) for r in db.execute(
        "SELECT name, filter FROM saved_filters WHERE account_id = ? ORDER BY name", [account_id])}


def delete_filter(db: sqlite_utils.Database, account_id: int, name: str) -> None:
    with writing(db):
        db.execute("DELETE FROM saved_filters WHERE account_id = ? AND name = ?", [account_id, name])
