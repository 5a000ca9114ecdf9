"""The rating scale verdicts use: ordered labels, with the numbers ClaimReview publishes."""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from db.connection import writing

__all__ = ["Rating", "rating_scale", "set_rating_scale"]


@dataclass(frozen=True)
class Rating:
    """One step of the scale. `value` is None for a rating off the true–false axis (Unverifiable)."""

    label: str
    position: int
    value: int | None
    description: str | None


def rating_scale(db: sqlite_utils.Database) -> list[Rating]:
    return [Rating(**r) for r in db.query("SELECT label, position, value, description FROM rating_scale"
                                          " ORDER BY position")]


def set_rating_scale(db: sqlite_utils.Database, ratings: list[Rating]) -> None:
    """Replace the scale (labels in use by existing verdicts must stay on it)."""
    labels = {r.label for r in ratings}
    if len(labels) != len(ratings) or not ratings:
        raise ValueError("a rating scale needs at least one label, each label once")
    with writing(db):
        used = {r[0] for r in db.execute("SELECT DISTINCT rating FROM claims WHERE rating IS NOT NULL")}
        missing = used - labels
        if missing:
            raise ValueError(f"verdicts still use {', '.join(sorted(missing))}; keep those labels on the scale")
        db.execute("DELETE FROM rating_scale")
        for position, r in enumerate(ratings, 1):
            db.execute("INSERT INTO rating_scale (label, position, value, description) VALUES (?, ?, ?, ?)",
                       [r.label, position, r.value, r.description])
