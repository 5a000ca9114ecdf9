"""The desk's check-worthiness models and labelled sentences as stored: every read and write of
`checkworthiness_models` and `checkworthiness_labels`, and of the claims' scores when a model changes.

Training, judging and choosing which model scores the desk is `pipelines/desk_model.py`; this module only keeps.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils

from claims.checkworthiness_labels import LabelledSentence
from claims.workflow import Status
from db.history import now, record
from db.records import sql_values

__all__ = ["DeskModel", "StoredLabel", "active_model", "latest_model", "active_model_key", "model_parameters",
           "stored_labels", "delete_labels", "decision_rows", "file_label_rows", "store_labels", "labels_stamp",
           "insert_model", "switch_off_models", "claims_to_rescore", "set_scores"]

# Statuses that say a reviewer judged the claim worth checking.
_WORKED_ON = sql_values((Status.IN_REVIEW, Status.DRAFTED, Status.READY, Status.PUBLISHED))
_DISMISSED, _MERGED = sql_values((Status.DISMISSED,)), sql_values((Status.MERGED,))


@dataclass(frozen=True)
class DeskModel:
    """One stored model: what it learned from and how it and the rules did on the decisions held back from it."""

    id: int
    labels: int
    positives: int
    from_file: int
    from_desk: int
    threshold: float
    precision: float | None
    recall: float | None
    f1: float | None
    held_back: str | None
    format_version: int
    trained_by: str | None
    trained_at: str
    active: bool
    held_back_sentences: int | None = None
    rules_precision: float | None = None
    rules_recall: float | None = None
    rules_f1: float | None = None

    @property
    def beat_the_rules(self) -> bool:
        return self.f1 is not None and self.rules_f1 is not None and self.f1 > self.rules_f1


_COLUMNS = ("id, labels, positives, from_file, from_desk, threshold, held_back_precision, held_back_recall,"
            " held_back_f1, held_back, format_version, trained_by, trained_at, active, held_back_sentences,"
            " rules_precision, rules_recall, rules_f1")


def _model(row: tuple) -> DeskModel:
    return DeskModel(*row[:13], bool(row[13]), *row[14:])


def active_model(db: sqlite_utils.Database) -> DeskModel | None:
    """The model that scores the desk's claims, or None when the built-in rules do."""
    row = db.execute(f"SELECT {_COLUMNS} FROM checkworthiness_models WHERE active = 1").fetchone()
    return _model(row) if row else None


def latest_model(db: sqlite_utils.Database) -> DeskModel | None:
    """The model trained last, whether or not it scores the desk (it does only when it beat the rules)."""
    row = db.execute(f"SELECT {_COLUMNS} FROM checkworthiness_models ORDER BY id DESC LIMIT 1").fetchone()
    return _model(row) if row else None


def active_model_key(db: sqlite_utils.Database) -> tuple[int, str, int] | None:
    """(id, trained at, size of its parameters) of the model scoring the desk: what a parsed copy is kept under."""
    row = db.execute("SELECT id, trained_at, length(parameters) FROM checkworthiness_models WHERE active = 1"
                     ).fetchone()
    return (row[0], row[1], row[2]) if row else None


def model_parameters(db: sqlite_utils.Database, model_id: int) -> bytes:
    return db.execute("SELECT parameters FROM checkworthiness_models WHERE id = ?", [model_id]).fetchone()[0]


@dataclass(frozen=True)
class StoredLabel:
    """A labelled sentence brought from a file, as `factcheck labels list` shows it."""

    id: int
    text: str
    check_worthy: bool
    added_by: str | None
    added_at: str


def stored_labels(db: sqlite_utils.Database) -> list[StoredLabel]:
    """Every labelled sentence brought from files, oldest first (a relabelled text counts from its new label)."""
    return [StoredLabel(r[0], r[1], bool(r[2]), r[3], r[4]) for r in db.execute(
        "SELECT id, text, check_worthy, added_by, added_at FROM checkworthiness_labels ORDER BY added_at, id")]


def delete_labels(db: sqlite_utils.Database, ids: Sequence[int] | None, *, removed_by: str | None = None) -> int:
    """Delete stored labels by id (None: all of them), each in the history; call inside a write transaction."""
    if ids is None:
        rows = db.execute("SELECT id, text, check_worthy FROM checkworthiness_labels").fetchall()
    else:
        marks = ", ".join("?" * len(ids))
        rows = db.execute(f"SELECT id, text, check_worthy FROM checkworthiness_labels WHERE id IN ({marks})",
                          list(ids)).fetchall()
    db.conn.executemany("DELETE FROM checkworthiness_labels WHERE id = ?", [(r[0],) for r in rows])
    stamp = now()
    for r in rows:
        record(db, entity="checkworthiness_label", entity_id=r[0], action="removed", reviewer=removed_by,
               before={"text": r[1], "check_worthy": bool(r[2])}, at=stamp)
    return len(rows)


def decision_rows(db: sqlite_utils.Database) -> list[tuple]:
    """(text, check-worthy, article id, time decided) of every reviewer's decision, oldest first: a dismissed claim
    is a no; one a reviewer added, worked on or rated is a yes."""
    return db.execute(
        f"SELECT original_text, CASE WHEN status IN {_DISMISSED} THEN 0 ELSE 1 END, article_id, updated_at FROM claims"
        f" WHERE status IN {_DISMISSED} OR status IN {_WORKED_ON} OR origin = 'reviewer'"
        f"    OR (status NOT IN {_MERGED} AND (rating IS NOT NULL OR verdict IS NOT NULL))"
        " ORDER BY updated_at, id").fetchall()


def file_label_rows(db: sqlite_utils.Database) -> list[tuple]:
    """(id, text, check-worthy, added by, added at) of every label brought from files, in no order."""
    return db.execute("SELECT id, text, check_worthy, added_by, added_at FROM checkworthiness_labels").fetchall()


def store_labels(db: sqlite_utils.Database, labels: Sequence[LabelledSentence], by: str | None,
                 stamp: str) -> tuple[int, int, int]:
    """Store a file's labels (inside a write transaction): (added, relabelled, already stored). A text is stored
    once: the same label again changes nothing, the other label replaces the old one, in the history."""
    added = relabelled = same = 0
    for label in labels:
        row = db.execute("SELECT id, check_worthy FROM checkworthiness_labels WHERE text = ?",
                         [label.text]).fetchone()
        if row is None:
            db.execute("INSERT INTO checkworthiness_labels (text, check_worthy, origin, added_by, added_at)"
                       " VALUES (?, ?, 'file', ?, ?)", [label.text, int(label.check_worthy), by, stamp])
            added += 1
        elif bool(row[1]) != label.check_worthy:
            db.execute("UPDATE checkworthiness_labels SET check_worthy = ?, added_by = ?, added_at = ? WHERE id = ?",
                       [int(label.check_worthy), by, stamp, row[0]])
            record(db, entity="checkworthiness_label", entity_id=row[0], action="relabelled", reviewer=by,
                   before={"check_worthy": bool(row[1])}, after={"check_worthy": label.check_worthy}, at=stamp)
            relabelled += 1
        else:
            same += 1
    return added, relabelled, same


def labels_stamp(db: sqlite_utils.Database) -> tuple:
    """Changes when a label is stored, relabelled or removed (another training or `labels remove` ran)."""
    return db.execute("SELECT count(*), max(id), max(added_at), total(check_worthy) FROM checkworthiness_labels"
                      ).fetchone()


def insert_model(db: sqlite_utils.Database, *, kind: str, format_version: int, parameters: bytes, threshold: float,
                 labels: int, positives: int, held_back: str, held_back_figures: Sequence[float],
                 rules_figures: Sequence[float], held_back_sentences: int, from_file: int, from_desk: int,
                 trained_by: str | None, trained_at: str, active: bool) -> int:
    """Store a trained model (inside a write transaction), switching off the one in use; returns its id.
    The figures are (precision, recall, F1) on the held-back decisions, of the model and of the rules."""
    db.execute("UPDATE checkworthiness_models SET active = 0 WHERE active = 1")
    cursor = db.execute(
        "INSERT INTO checkworthiness_models (kind, format_version, parameters, threshold, labels, positives,"
        " held_back_precision, held_back_recall, held_back_f1, held_back, from_file, from_desk, trained_by,"
        " trained_at, active, held_back_sentences, rules_precision, rules_recall, rules_f1)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [kind, format_version, parameters, threshold, labels, positives,
         *(round(v, 4) for v in held_back_figures), held_back, from_file, from_desk, trained_by, trained_at,
         int(active), held_back_sentences, *(round(v, 4) for v in rules_figures)])
    return int(cursor.lastrowid)


def switch_off_models(db: sqlite_utils.Database) -> int | None:
    """No model scores the desk any more (inside a write transaction); returns the id of the one that did."""
    was = db.execute("SELECT id FROM checkworthiness_models WHERE active = 1").fetchone()
    db.execute("UPDATE checkworthiness_models SET active = 0 WHERE active = 1")
    return was[0] if was else None


def claims_to_rescore(db: sqlite_utils.Database) -> tuple[set[int], list[tuple]]:
    """The ids of claims whose check-worthiness a reviewer set, and (id, text, rules' score, reasons as JSON,
    status, origin) of every claim not merged away, in id order."""
    decided = {r[0] for r in db.execute("SELECT DISTINCT claim_id FROM history WHERE entity = 'claim'"
                                        " AND claim_id IS NOT NULL AND instr(field, 'checkworthy')")}
    rows = db.execute("SELECT id, original_text, coalesce(rule_score, score), reasons, status, origin FROM claims"
                      f" WHERE status NOT IN {_MERGED} ORDER BY id").fetchall()
    return decided, rows


def set_scores(db: sqlite_utils.Database, updates: Sequence[tuple[float, int | None, int | None, int]]) -> None:
    """(score, check-worthy or None to keep it, the model that scored or None for the rules, claim id) each.
    The claim's version is not bumped: a rescore is not a reviewer's edit and must not conflict with one."""
    db.conn.executemany("UPDATE claims SET score = ?, checkworthy = coalesce(?, checkworthy), scored_by = ?"
                        " WHERE id = ?", updates)
