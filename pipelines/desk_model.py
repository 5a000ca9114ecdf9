"""The desk's check-worthiness model: learned from its labelled sentences and its reviewers' decisions, kept in
the database, and used to rescore every stored claim when it changes.

Decisions made in the app are labels, read from the claims as they stand when training starts:
- a claim dismissed as not worth checking is a "no" (restoring it undoes that);
- a claim a reviewer added by hand, took into review, drafted or published a verdict on is a "yes".

Held-back figures come from the desk's newest decisions, whole articles at a time
(`claims.checkworthiness_holdback`): a model fitted on the older ones and the built-in rules both judge them, and
the model scores the desk only when it did better there. Otherwise it is kept for the record and the rules score.

A labelled text is stored once: the same text again with the same label changes nothing, with the other label it
replaces the old one (the latest label wins, in the history).
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
from claims.checkworthiness_holdback import MIN_EACH, missing_decisions, train
from claims.checkworthiness_labels import LabelledSentence, LabelsError, check_both_classes
from claims.checkworthiness_model import FORMAT_VERSION, LearnedScorer, ModelError, from_bytes
from claims.folding import nfc
from claims.workflow import Status
from db.checkworthiness_models import (
    DeskModel,
    StoredLabel,
    active_model,
    active_model_key,
    claims_to_rescore,
    decision_rows,
    delete_labels,
    file_label_rows,
    insert_model,
    labels_stamp,
    latest_model,
    model_parameters,
    set_scores,
    store_labels,
    stored_labels,
    switch_off_models,
)
from db.connection import writing
from db.history import now, record
from translations import _

__all__ = ["DeskModel", "TrainingOutcome", "LabelsError", "HELD_BACK", "MIN_EACH", "active_model", "active_scorer",
           "desk_decisions", "file_labels", "latest_model", "missing_decisions", "train_desk_model", "use_builtin",
           "rescore_claims", "model_summary", "StoredLabel", "stored_labels", "remove_labels"]

log = logging.getLogger(__name__)

KIND = "anchored-ngram-logistic"
HELD_BACK = "the newest decisions, by article"
# A training that finds the labels changed under it (another training stored some) fits again with them; the
# last attempt fits under the write lock, so the model stored always learned from every stored label.
_ATTEMPTS = 3


@dataclass(frozen=True)
class TrainingOutcome:
    model: DeskModel
    added_labels: int
    rescored: int
    relabelled: int = 0
    already_stored: int = 0


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
    if model.f1 is not None and model.rules_f1 is not None:
        line += (f"; on the {model.held_back_sentences} newest decisions held back from it, F1 {model.f1:.2f}"
                 f" against the built-in rules' {model.rules_f1:.2f}")
    return line


# Parsed models by (id, trained_at): a model is read from its bytes once per process, not once per article.
_PARSED: OrderedDict[tuple[int, str, int], LearnedScorer] = OrderedDict()


def active_scorer(db: sqlite_utils.Database, *, rebuild: bool = True) -> tuple[LearnedScorer | None, int | None]:
    """The desk's model ready to score, and its id; (None, None) means the built-in rules.

    A model stored in an older format is rebuilt from the same labels and decisions (when `rebuild` and the
    database is writable); if that cannot be done the built-in rules score, and the reason is logged.
    """
    key = active_model_key(db)
    if key is None:
        return None, None
    if key in _PARSED:
        _PARSED.move_to_end(key)
        return _PARSED[key], key[0]
    model_id = key[0]
    blob = model_parameters(db, model_id)
    try:
        scorer = from_bytes(blob)
    except ModelError as error:
        if not rebuild:
            log.warning("desk model %s cannot be used (%s); scoring with the built-in rules", model_id, error)
            return None, None
        try:
            outcome = train_desk_model(db, trained_by=f"rebuilt from model {model_id} ({error})")
        except Exception as failure:  # noqa: BLE001 - a read-only or label-less database: the rules score
            log.warning("desk model %s is out of date (%s) and could not be rebuilt (%s); using the built-in rules",
                        model_id, error, failure)
            return None, None
        return active_scorer(db, rebuild=False) if outcome else (None, None)
    _PARSED[key] = scorer
    while len(_PARSED) > 4:
        _PARSED.popitem(last=False)
    return scorer, model_id


def file_labels(db: sqlite_utils.Database) -> list[LabelledSentence]:
    """Every labelled sentence brought from files (`factcheck train-checkworthiness`), oldest first."""
    return [LabelledSentence(label.text, label.check_worthy) for label in stored_labels(db)]


def remove_labels(db: sqlite_utils.Database, ids: Sequence[int] | None, *, removed_by: str | None = None) -> int:
    """Remove stored labels by id (None: all of them), each in the history; returns how many went.

    The model in use is not changed: the next training learns without them."""
    with writing(db):
        return delete_labels(db, ids, removed_by=removed_by)


def desk_decisions(db: sqlite_utils.Database) -> list[LabelledSentence]:
    """The reviewers' decisions as labels, read from the claims as they stand now (see the module's docstring)."""
    return [LabelledSentence(nfc(r[0]), bool(r[1])) for r in decision_rows(db)]


def _assessments(texts: Sequence[str]) -> list[Assessment]:
    from claims.extract import rule_assessment

    return [rule_assessment(t) for t in texts]


def _latest_of_each_text(labels: Sequence[LabelledSentence]) -> list[LabelledSentence]:
    """A file that labels a text twice means its later line."""
    latest: dict[str, LabelledSentence] = {}
    for label in labels:
        latest.pop(label.text, None)
        latest[label.text] = label
    return list(latest.values())


def _everything(db: sqlite_utils.Database) -> tuple[list[str], list[bool], list[tuple], int, int]:
    """Every label the desk has, oldest first: texts, labels, groups (an article for a decision, the label itself
    for a file's sentence), and how many came from files and from the desk.

    Labels from files come before every decision made in the app, whenever they were brought: the newest decisions
    (those held back to judge a model) are the desk's own articles, the kind of text it will score next; a file's
    newest lines are held back only when the desk's decisions cannot make a held-back part of both kinds."""
    rows = [(0, r[4], r[0], nfc(r[1]), bool(r[2]), ("label", r[0])) for r in file_label_rows(db)]
    from_file = len(rows)
    rows += [(1, r[3], i, nfc(r[0]), bool(r[1]), ("article", r[2])) for i, r in enumerate(decision_rows(db))]
    rows.sort(key=lambda r: r[:3])
    return [r[3] for r in rows], [r[4] for r in rows], [r[5] for r in rows], from_file, len(rows) - from_file


def train_desk_model(db: sqlite_utils.Database, labels: Sequence[LabelledSentence] = (), *,
                     trained_by: str | None = None) -> TrainingOutcome:
    """Store `labels` (new sentences from a file; see the module's docstring for repeats), then learn a model from
    every stored label and the desk's decisions, judge it against the rules on the newest decisions, store it, and
    switch it on (rescoring the stored claims) only if it beat the rules; otherwise the rules score.

    Raises LabelsError (nothing stored, the previous model still in use) when there are too few sentences of a kind.
    """
    labels = _latest_of_each_text(labels)
    texts, flags, *_rest = _everything(db)
    known = dict(zip(texts, flags, strict=False))
    check_both_classes([*flags, *(s.check_worthy for s in labels)], what="the labels and the desk's decisions")
    would_be = [*(f for t, f in known.items() if t not in {s.text for s in labels}), *(s.check_worthy for s in labels)]
    short_yes, short_no = missing_decisions(would_be)
    if short_yes or short_no:
        raise LabelsError(_("the labels and the desk's decisions: a model needs at least {count} sentences of each"
                            " kind to be judged against the rules ({yes} more check-worthy and {no} more not"
                            " check-worthy needed)").format(count=MIN_EACH, yes=short_yes, no=short_no))
    stamp = now()
    added = relabelled = same = 0
    if labels:
        with writing(db):
            added, relabelled, same = store_labels(db, labels, trained_by, stamp)
    for attempt in range(1, _ATTEMPTS + 1):
        if attempt < _ATTEMPTS:
            seen = labels_stamp(db)
            fitted = _fit_everything(db)
            with writing(db):
                if labels_stamp(db) != seen:
                    continue  # another training stored labels meanwhile: learn again, with them
                outcome = _keep(db, *fitted, trained_by=trained_by)
            break
        with writing(db):  # the last attempt holds the write lock while it learns
            outcome = _keep(db, *_fit_everything(db), trained_by=trained_by)
    model_id, rescored = outcome
    model = latest_model(db)
    assert model is not None and model.id == model_id
    return TrainingOutcome(model, added, rescored, relabelled, same)


def _fit_everything(db: sqlite_utils.Database) -> tuple:
    texts, flags, groups, from_file, from_desk = _everything(db)
    check_both_classes(flags, what="the labels and the desk's decisions")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        training = train(texts, _assessments(texts), flags, groups)
    return training, len(texts), sum(flags), from_file, from_desk


def _keep(db: sqlite_utils.Database, training, labels: int, positives: int, from_file: int, from_desk: int, *,
          trained_by: str | None) -> tuple[int, int]:
    """Store the model (inside a write transaction); switch it on and rescore only when it beat the rules."""
    stamp = now()
    held = training.held_back
    adopted = training.adopted
    model_id = insert_model(
        db, kind=KIND, format_version=FORMAT_VERSION, parameters=training.scorer.to_bytes(),
        threshold=training.scorer.threshold, labels=labels, positives=positives, held_back=HELD_BACK,
        held_back_figures=held.model, rules_figures=held.rules, held_back_sentences=held.sentences,
        from_file=from_file, from_desk=from_desk, trained_by=trained_by, trained_at=stamp, active=adopted)
    rescored = rescore_claims(db, training.scorer if adopted else None, model_id if adopted else None)
    record(db, entity="checkworthiness_model", entity_id=model_id, action="trained", reviewer=trained_by,
           after={"labels": labels, "from_file": from_file, "from_desk": from_desk,
                  "held_back": held.sentences, "f1": round(held.model[2], 3), "rules_f1": round(held.rules[2], 3),
                  "share": training.share, "scores_the_desk": adopted, "rescored": rescored}, at=stamp)
    return model_id, rescored


def use_builtin(db: sqlite_utils.Database, *, changed_by: str | None = None) -> int:
    """Go back to the built-in rules: no model is active and every claim gets the rules' score again.

    Returns the number of claims rescored. The models stay stored (a later retrain makes a new one).
    """
    with writing(db):
        was = switch_off_models(db)
        rescored = rescore_claims(db, None, None)
        if was is not None:
            record(db, entity="checkworthiness_model", entity_id=was, action="deactivated", reviewer=changed_by,
                   after={"scored_by": "built-in rules", "rescored": rescored})
    return rescored


def rescore_claims(db: sqlite_utils.Database, scorer: LearnedScorer | None, model_id: int | None, *,
                   batch: int = 5000) -> int:
    """Give every stored claim the score of `scorer` (None: the built-in rules); call inside a write transaction.

    Only claims still waiting for a decision (status new, found by the engine, check-worthiness never set by a
    reviewer) may change whether they are check-worthy; a claim under review keeps its status and its place.
    The claim's version is not bumped: a rescore is not a reviewer's edit and must not conflict with one.
    """
    decided, rows = claims_to_rescore(db)
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
            free = r[4] == Status.NEW and r[5] == "engine" and r[0] not in decided
            updates.append((round(score, 3), int(score >= threshold) if free else None, model_id, r[0]))
        set_scores(db, updates)
        changed += len(updates)
    return changed
