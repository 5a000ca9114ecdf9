"""One column of many rows by id, in batches that stay under SQLite's limit on bound parameters."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlite_utils

__all__ = ["values_by_id"]

_BATCH = 500


def values_by_id(db: sqlite_utils.Database, table: str, column: str, ids: Iterable[Any]) -> dict[Any, Any]:
    """`column` of the rows of `table` with these ids, for those where it is not NULL (names are the caller's own).

    >>> values_by_id(db, "known_claims", "publisher", ["https://factcheck.example.org/claims/7"])  # doctest: +SKIP
    {'https://factcheck.example.org/claims/7': 'Desk A'}
    """
    keys = list(dict.fromkeys(ids))
    found: dict[Any, Any] = {}
    for start in range(0, len(keys), _BATCH):
        part = keys[start:start + _BATCH]
        marks = ", ".join("?" for _ in part)
        found.update(db.execute(f"SELECT id, [{column}] FROM [{table}] WHERE [{column}] IS NOT NULL"
                                f" AND id IN ({marks})", part).fetchall())
    return found
