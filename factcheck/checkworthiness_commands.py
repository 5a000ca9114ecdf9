"""`factcheck train-checkworthiness`: learn the desk's check-worthiness model from a labels file and its decisions."""
from __future__ import annotations

import argparse
import time
from typing import Any

from factcheck.errors import UserError

__all__ = ["add_parsers", "cmd_train_checkworthiness", "desk_scorer"]


def cmd_train_checkworthiness(args: argparse.Namespace, db: Any) -> int:
    from claims.checkworthiness_labels import LabelsError, check_both_classes, read_labels
    from pipelines.desk_model import model_summary, train_desk_model

    started = time.perf_counter()
    try:
        labels = read_labels(args.labels)
        check_both_classes(labels, what=args.labels)
        outcome = train_desk_model(db, labels, trained_by=args.reviewer)
    except LabelsError as error:
        raise UserError(f"{error}; the desk's model was not changed") from None
    model = outcome.model
    print(f"learned from {model.labels} labelled sentences ({model.positives} check-worthy):"
          f" {model.from_file} from labels files ({outcome.added_labels} new from {args.labels}),"
          f" {model.from_desk} from reviewers' decisions in the app")
    print(f"held back ({model.held_back}): precision {model.precision:.3f} recall {model.recall:.3f}"
          f" F1 {model.f1:.3f} at threshold {model.threshold:.2f}")
    print(f"model {model.id} now scores this database's claims ({outcome.rescored} rescored)"
          f" in {time.perf_counter() - started:.1f} s; {model_summary(model)}")
    return 0


def add_parsers(sub: Any, db_option: argparse.ArgumentParser) -> None:
    p = sub.add_parser("train-checkworthiness", parents=[db_option],
                       help="learn the desk's check-worthiness model from labelled sentences and its decisions")
    p.add_argument("labels", metavar="LABELS.jsonl", help='lines of {"text": …, "check_worthy": true|false}')
    p.add_argument("--reviewer", help="who trained it (recorded in the history)")
    p.set_defaults(handler=cmd_train_checkworthiness, needs_db=True)


def desk_scorer(path: str) -> Any:
    """The active model of the database at `path` for `factcheck extract --db`, or None (the built-in rules).

    The database must exist: extraction never creates one.
    """
    import sqlite3
    from pathlib import Path

    from db.connection import NewerDatabase, open_database
    from pipelines.desk_model import active_scorer

    if not Path(path).is_file():
        raise UserError(f"{path}: no such database (train one with factcheck train-checkworthiness LABELS --db)")
    try:
        db = open_database(path)
    except NewerDatabase as error:
        raise UserError(str(error)) from None
    except sqlite3.DatabaseError as error:
        raise UserError(f"{path}: not a usable workbench database: {error}") from None
    try:
        return active_scorer(db)[0]
    finally:
        db.close()
