"""The stored side of match candidates: text as written, verdict and address, read by their (kind, id) keys."""
from __future__ import annotations

from typing import Any

import sqlite_utils

__all__ = ["candidate_details"]


def candidate_details(db: sqlite_utils.Database, keys: list[tuple[str, Any]]) -> dict[tuple[str, Any], dict[str, Any]]:
    """Text as written, verdict and url of the candidates (and a claim's article and status), in two queries."""
    out: dict[tuple[str, Any], dict[str, Any]] = {}
    known = [k for kind, k in keys if kind == "known"]
    claims = [k for kind, k in keys if kind == "claim"]
    if known:
        marks = ", ".join("?" for _ in known)
        for r in db.query(f"SELECT id, text, verdict, url FROM known_claims WHERE id IN ({marks})", known):
            out[("known", r["id"])] = r
    if claims:
        marks = ", ".join("?" for _ in claims)
        for r in db.query(f"SELECT id, text, rating, verdict, article_id, status FROM claims WHERE id IN ({marks})",
                          claims):
            out[("claim", r["id"])] = {"text": r["text"], "verdict": r["rating"] or r["verdict"], "url": None,
                                       "article_id": r["article_id"], "status": r["status"]}
    return out
