"""The desk's check-worthiness model: learned from its labelled sentences and its reviewers' decisions, kept in
the database, and used to rescore every stored claim when it changes.

Decisions made in the app are labels, read from the claims as they stand when training starts:
- a claim dismissed as not worth checking is a "no" (restoring it undoes that);
- a claim a reviewer added by hand, took into review, drafted or published a verdict on is a "yes".

Held-back figures are 5-fold cross-validation (3-fold above 10,000 sentences) on everything the model learned
from: each sentence is scored by a model fitted without its fold, and each fifth of those scores is read at the
threshold that is best on the other four fifths, so neither the fit nor the choice of threshold saw it.
"""
from __future__ import annotations

import json
import logging
import warnings
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils

from claims.checkworthiness import THRESHOLD, Assessment
from claims.checkworthiness_labels import LabelledSentence, LabelsError, check_both_classes
from claims.checkworthiness_model import (
    FORMAT_VERSION,
    LearnedScorer,
    ModelError,
    fit,
    fold_count,
    from_bytes,
    held_back_figures,
)
from claims.folding import nfc
from db.connection import writing
from db.history import now, record

__all__ = ["DeskModel", "TrainingOutcome", "LabelsError", "HELD_BACK", "active_model", "active_scorer",
           "desk_decisions", "file_labels", "train_desk_model", "use_builtin", "rescore_claims", "model_summary"]

log = logging.getLogger(__name__)

KIND = "ngram-logistic"
HELD_BACK = "5-fold cross-validation"  # 3-fold above claims.checkworthiness_model.LARGE sentences
# Statuses that say a reviewer judged the claim worth checking.
_WORKED_ON = ("in_review", "drafted", "published")


@dataclass(frozen=True)
class DeskModel:
    """One stored model: what it learned from and how well it did on sentences held back from it."""

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


@dataclass(frozen=True)
class TrainingOutcome:
    model: DeskModel
    added_labels: int
    rescored: int


_COLUMNS = ("id, labels, positives, from_file, from_desk, threshold, held_back_precision, held_back_recall,"
            " held_back_f1, held_back, format_version, trained_by, trained_at, active")


def _model(row: tuple) -> DeskModel:
    return DeskModel(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10],
                     row[11], row[12], bool(row[13]))


def active_model(db: sqlite_utils.Database) -> DeskModel | None:
    """The model that scores the desk's claims, or None when the built-in rules do."""
    row = db.execute(f"SELECT {_COLUMNS} FROM checkworthiness_models WHERE active = 1").fetchone()
    return _model(row) if row else None


def model_summary(model: DeskModel | None) -> str:
    """One line for a person: ``built-in rules`` or ``trained on 230 decisions (…): held-back precision 0.81 …``."""
    if model is None:
        return "the built-in rules"
    parts = []
    if model.from_file:
        parts.append(f"{model.from_file} from labels files")
    if model.from_desk:
        parts.append(f"{model.from_desk} from reviewers' decisions")
    line = f"a model trained on {model.labels} decisions ({', '.join(parts) or 'none'}; {model.positives} check-worthy)"
    if model.precision is not None:
        line += (f", held-back precision {model.precision:.2f}, recall {model.recall:.2f}, F1 {model.f1:.2f}"
                 f" ({model.held_back or HELD_BACK})")
    return line


# Parsed models by (id, trained_at): a model is read from its bytes once per process, not once per article.
_PARSED: OrderedDict[tuple[int, str, int], LearnedScorer] = OrderedDict()


def active_scorer(db: sqlite_utils.Database, *, rebuild: bool = True) -> tuple[LearnedScorer | None, int | None]:
    """The desk's model ready to score, and its id; (None, None) means the built-in rules.

    A model stored in an older format is rebuilt from the same labels and decisions (when `rebuild` and the
    database is writable); if that cannot be done the built-in rules score, and the reason is logged.
    """
    row = db.execute("SELECT id, trained_at, format_version, length(parameters) FROM checkworthiness_models"
                     " WHERE active = 1").fetchone()
    if row is None:
        return None, None
    key = (row[0], row[1], row[3])
    if key in _PARSED:
        _PARSED.move_to_end(key)
        return _PARSED[key], row[0]
    blob = db.execute("SELECT parameters FROM checkworthiness_models WHERE id = ?", [row[0]]).fetchone()[0]
    try:
        scorer = from_bytes(blob)
    except ModelError as error:
        if not rebuild:
            log.warning("desk model %s cannot be used (%s); scoring with the built-in rules", row[0], error)
            return None, None
        try:
            outcome = train_desk_model(db, trained_by=f"rebuilt from model {row[0]} ({error})")
        except Exception as failure:  # noqa: BLE001 - a read-only or label-less database: the rules score
            log.warning("desk model %s is out of date (%s) and could not be rebuilt (%s); using the built-in rules",
                        row[0], error, failure)
            return None, None
        return active_scorer(db, rebuild=False) if outcome else (None, None)
    _PARSED[key] = scorer
    while len(_PARSED) > 4:
        _PARSED.popitem(last=False)
    return scorer, row[0]


def file_labels(db: sqlite_utils.Database) -> list[LabelledSentence]:
    """Every labelled sentence brought from files (`factcheck train-checkworthiness`), oldest first."""
    return [LabelledSentence(r[0], bool(r[1]))
            for r in db.execute("SELECT text, check_worthy FROM checkworthiness_labels ORDER BY id")]


def desk_decisions(db: sqlite_utils.Database) -> list[LabelledSentence]:
    """The reviewers' decisions as labels, read from the claims as they stand now (see the module's docstring)."""
    marks = ", ".join(f"'{s}'" for s in _WORKED_ON)
    rows = db.execute(
        "SELECT original_text, CASE WHEN status = 'dismissed' THEN 0 ELSE 1 END FROM claims"
        f" WHERE status = 'dismissed' OR status IN ({marks}) OR origin = 'reviewer'"
        "    OR (status != 'merged' AND (rating IS NOT NULL OR verdict IS NOT NULL))"
        " ORDER BY id").fetchall()
    return [LabelledSentence(nfc(r[0]), bool(r[1])) for r in rows]


def _assessments(texts: Sequence[str]) -> list[Assessment]:
    from claims.extract import rule_assessment

    return [rule_assessment(t) for t in texts]


def train_desk_model(db: sqlite_utils.Database, labels: Sequence[LabelledSentence] = (), *,
                     trained_by: str | None = None) -> TrainingOutcome:
    """Learn a model from `labels` (new sentences from a file), every label kept before, and the desk's decisions;
    store it, make it the active one and rescore the stored claims, all in one transaction.

    Raises LabelsError (nothing stored, the previous model still active) when the sentences are all of one kind.
    """
    kept = file_labels(db)
    desk = desk_decisions(db)
    sentences = [*kept, *labels, *desk]
    check_both_classes(sentences, what="the labels and the desk's decisions")
    texts = [s.text for s in sentences]
    flags = [s.check_worthy for s in sentences]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a tiny desk: fewer sentences of a kind than folds
        scorer, out_of_fold = fit(texts, _assessments(texts), flags)
    precision, recall, f1 = held_back_figures(flags, out_of_fold)
    stamp = now()
    with writing(db):
        if labels:
            db.conn.executemany("INSERT INTO checkworthiness_labels (text, check_worthy, origin, added_by, added_at)"
                           " VALUES (?, ?, 'file', ?, ?)",
                           [(s.text, int(s.check_worthy), trained_by, stamp) for s in labels])
        db.execute("UPDATE checkworthiness_models SET active = 0 WHERE active = 1")
        cursor = db.execute(
            "INSERT INTO checkworthiness_models (kind, format_version, parameters, threshold, labels, positives,"
            " held_back_precision, held_back_recall, held_back_f1, held_back, from_file, from_desk, trained_by,"
            " trained_at, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            [KIND, FORMAT_VERSION, scorer.to_bytes(), scorer.threshold, len(sentences), sum(flags),
             round(precision, 4), round(recall, 4), round(f1, 4), f"{fold_count(flags)}-fold cross-validation",
             len(kept) + len(labels), len(desk),
             trained_by, stamp])
        model_id = int(cursor.lastrowid)
        rescored = rescore_claims(db, scorer, model_id)
        record(db, entity="checkworthiness_model", entity_id=model_id, action="trained", reviewer=trained_by,
               after={"labels": len(sentences), "from_file": len(kept) + len(labels), "from_desk": len(desk),
                      "precision": round(precision, 3), "recall": round(recall, 3), "rescored": rescored}, at=stamp)
    model = active_model(db)
    assert model is not None
    return TrainingOutcome(model, len(labels), rescored)


def use_builtin(db: sqlite_utils.Database, *, changed_by: str | None = None) -> int:
    """Go back to the built-in rules: no model is active and every claim gets the rules' score again.

    Returns the number of claims rescored. The models stay stored (a later retrain makes a new one).
    """
    with writing(db):
        was = db.execute("SELECT id FROM checkworthiness_models WHERE active = 1").fetchone()
        db.execute("UPDATE checkworthiness_models SET active = 0 WHERE active = 1")
        rescored = rescore_claims(db, None, None)
        if was is not None:
            record(db, entity="checkworthiness_model", entity_id=was[0], action="deactivated", reviewer=changed_by,
                   after={"scored_by": "built-in rules", "rescored": rescored})
    return rescored


def rescore_claims(db: sqlite_utils.Database, scorer: LearnedScorer | None, model_id: int | None, *,
                   batch: int = 5000) -> int:
    """Give every stored claim the score of `scorer` (None: the built-in rules); call inside a write transaction.

    Only claims still waiting for a decision (status new, found by the engine, check-worthiness never set by a
    reviewer) may change whether they are check-worthy; a claim under review keeps its status and its place.
    The claim's version is not bumped: a rescore is not a reviewer's edit and must not conflict with one.
    """
    decided = {r[0] for r in db.execute("SELECT DISTINCT claim_id FROM history WHERE entity = 'claim'"
                                        " AND claim_id IS NOT NULL AND instr(field, 'checkworthy')")}
    rows = db.execute("SELECT id, original_text, coalesce(rule_score, score), reasons, status, origin FROM claims"
                      " WHERE status != 'merged' ORDER BY id").fetchall()
    changed = 0
    for i in range(0, len(rows), batch):
        part = rows[i:i + batch]
        if scorer is None:
            scores = [float(r[2]) for r in part]
            threshold = THRESHOLD
        else:
            assessments = [Assessment(float(r[2]), float(r[2]) >= THRESHOLD, (), tuple(json.loads(r[3] or "[]")))
                           for r in part]
            scores = scorer.score([r[1] for r in part], assessments)
            threshold = scorer.threshold
        updates = []
        for r, score in zip(part, scores, strict=True):
            free = r[4] == "new" and r[5] == "engine" and r[0] not in decided
            updates.append((round(score, 3), int(score >= threshold) if free else None, model_id, r[0]))
        db.conn.executemany("UPDATE claims SET score = ?, checkworthy = coalesce(?, checkworthy), scored_by = ?"
                       " WHERE id = ?", updates)
        changed += len(updates)
    return changed
