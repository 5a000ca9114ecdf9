"""What publishing a verdict needs beyond the report: the speakers' roles, where the store keeps them."""
from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

__all__ = ["speaker_roles"]


def speaker_roles(db: sqlite_utils.Database, claim_ids: Iterable[int]) -> dict[int, str]:
    """{claim id: the speaker's role ("Bộ trưởng Bộ Y tế")} for the claims that have one. Empty on a database
    whose claims do not record roles (`claims.speaker_role` is added by a later migration)."""
    ids = sorted(set(claim_ids))
    columns = {row[1] for row in db.execute("PRAGMA table_info(claims)")}
    if not ids or "speaker_role" not in columns:
        return {}
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = db.execute(f"SELECT id, speaker_role FROM claims WHERE id IN ({', '.join('?' * len(chunk))})"
                          " AND speaker_role IS NOT NULL AND speaker_role != ''", chunk)
        found.update({row[0]: row[1] for row in rows})
    return found
