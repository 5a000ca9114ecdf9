"""The rating scale verdicts use: ordered labels, with the numbers ClaimReview publishes, named in each language."""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from claims.errors import InvalidInput
from db.connection import writing

__all__ = ["Rating", "NamedRating", "rating_scale", "set_rating_scale", "named_scale", "rating_name",
           "set_rating_names"]


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
        raise InvalidInput("a rating scale needs at least one label, each label once")
    with writing(db):
        used = {r[0] for r in db.execute("SELECT DISTINCT rating FROM claims WHERE rating IS NOT NULL")}
        missing = used - labels
        if missing:
            raise InvalidInput(f"verdicts still use {', '.join(sorted(missing))}; keep those labels on the scale")
        db.execute("DELETE FROM rating_scale")
        db.execute(f"DELETE FROM rating_names WHERE label NOT IN ({', '.join('?' * len(labels))})", list(labels))
        for position, r in enumerate(ratings, 1):
            db.execute("INSERT INTO rating_scale (label, position, value, description) VALUES (?, ?, ?, ?)",
                       [r.label, position, r.value, r.description])


@dataclass(frozen=True)
class NamedRating:
    """A step of the scale as a reader of one language sees it: the verdicts' `label`, its `name` and
    `definition` in that language (the label and its description where the desk has not named it)."""

    label: str
    name: str
    definition: str | None
    value: int | None
    language: str


def named_scale(db: sqlite_utils.Database, language: str) -> list[NamedRating]:
    """The scale in scale order, named in `language`.

    >>> [r.name for r in named_scale(db, "vi")][:2]  # doctest: +SKIP
    ['Đúng', 'Đúng phần lớn']
    """
    rows = db.execute("SELECT s.label, coalesce(n.name, s.label), coalesce(n.definition, s.description), s.value"
                      " FROM rating_scale s LEFT JOIN rating_names n ON n.label = s.label AND n.language = ?"
                      " ORDER BY s.position", [language]).fetchall()
    return [NamedRating(label=r[0], name=r[1], definition=r[2], value=r[3], language=language) for r in rows]


def rating_name(db: sqlite_utils.Database, label: str | None, language: str) -> str | None:
    """How `label` is written in `language` (the label itself when the desk has not named it there)."""
    if not label:
        return label
    row = db.execute("SELECT name FROM rating_names WHERE label = ? AND language = ?", [label, language]).fetchone()
    return row[0] if row else label


def set_rating_names(db: sqlite_utils.Database, language: str, names: dict[str, tuple[str, str | None]], *,
                     changed_by: str | None) -> None:
    """Name the scale's labels in `language`: {label: (name, definition)}. Verdicts keep their labels, so old
    verdicts read with the new names. Raises ValueError (one line) for an unknown label, an empty name or a name
    given to two labels."""
    from claims.folding import nfc
    from db.history import record

    labels = {r.label for r in rating_scale(db)}
    clean = {label: (" ".join(nfc(name or "").split()), (nfc(definition or "").strip() or None))
             for label, (name, definition) in names.items()}
    if unknown := sorted(set(clean) - labels):
        raise InvalidInput(f"{unknown[0]} is not on the rating scale")
    if empty := [label for label, (name, _) in clean.items() if not name]:
        raise InvalidInput(f"the rating {empty[0]} needs a name")
    after = {r.label: r.name for r in named_scale(db, language)} | {label: name for label, (name, _) in clean.items()}
    taken = [name.casefold() for name in after.values()]
    if len(set(taken)) != len(taken):
        raise InvalidInput("two ratings cannot have the same name")
    with writing(db):
        for label, (name, definition) in clean.items():
            before = db.execute("SELECT name, definition FROM rating_names WHERE label = ? AND language = ?",
                                [label, language]).fetchone()
            db.execute("INSERT INTO rating_names (label, language, name, definition) VALUES (?, ?, ?, ?)"
                       " ON CONFLICT(label, language) DO UPDATE SET name = excluded.name,"
                       " definition = excluded.definition", [label, language, name, definition])
            if before is None or tuple(before) != (name, definition):
                record(db, entity="rating", entity_id=f"{label}/{language}", action="renamed", reviewer=changed_by,
                       field="name", before=before[0] if before else None, after=name)
