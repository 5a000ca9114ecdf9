"""`factcheck train-checkworthiness`: learn the desk's check-worthiness model from a labels file and its decisions;
`factcheck labels list|remove`: the labelled sentences it keeps."""
from __future__ import annotations

import argparse
import json
import time
from typing import Any

from factcheck.errors import UserError

__all__ = ["add_parsers", "cmd_train_checkworthiness", "cmd_labels", "desk_scorer"]


def cmd_train_checkworthiness(args: argparse.Namespace, db: Any) -> int:
    from claims.checkworthiness_labels import LabelsError, check_both_classes, read_labels
    from pipelines.desk_model import model_summary, train_desk_model
    from translations import _

    started = time.perf_counter()
    try:
        labels = read_labels(args.labels)
        check_both_classes(labels, what=args.labels)
        outcome = train_desk_model(db, labels, trained_by=args.reviewer)
    except LabelsError as error:
        raise UserError(_("{error}; the desk's model was not changed").format(error=error)) from None
    model = outcome.model
    print(_("learned from {n} labelled sentences ({positives} check-worthy): {from_file} from labels files"
            " ({added} new from {file}, {relabelled} relabelled, {same} already stored),"
            " {from_desk} from reviewers' decisions in the app").format(
        n=model.labels, positives=model.positives, from_file=model.from_file, added=outcome.added_labels,
        file=args.labels, relabelled=outcome.relabelled, same=outcome.already_stored, from_desk=model.from_desk))
    print(_("held back ({how}: {n} sentences): model precision {p:.3f} recall {r:.3f} F1 {f1:.3f};"
            " built-in rules precision {rp:.3f} recall {rr:.3f} F1 {rf1:.3f}").format(
        how=model.held_back, n=model.held_back_sentences, p=model.precision, r=model.recall, f1=model.f1,
        rp=model.rules_precision, rr=model.rules_recall, rf1=model.rules_f1))
    if model.active:
        print(_("model {id} beat the built-in rules there beyond chance and now scores this database's claims"
                " ({rescored} rescored) in {seconds:.1f} s; {summary}").format(
            id=model.id, rescored=outcome.rescored, seconds=time.perf_counter() - started,
            summary=model_summary(model)))
    else:
        print(_("model {id} did not beat the built-in rules there beyond chance, so the built-in rules keep scoring"
                " this database's claims ({rescored} rescored) in {seconds:.1f} s").format(
            id=model.id, rescored=outcome.rescored, seconds=time.perf_counter() - started))
    return 0


def cmd_labels(args: argparse.Namespace, db: Any) -> int:
    from pipelines.desk_model import remove_labels, stored_labels
    from translations import _, ngettext

    if args.action == "list":
        labels = stored_labels(db)
        if args.json:
            for label in labels:
                print(json.dumps({"id": label.id, "text": label.text, "check_worthy": label.check_worthy,
                                  "added_by": label.added_by, "added_at": label.added_at}, ensure_ascii=False))
            return 0
        for label in labels:
            mark = _("check-worthy") if label.check_worthy else _("not check-worthy")
            print(f"{label.id}\t{mark}\t{label.added_at[:19]}\t{label.added_by or '-'}\t{label.text}")
        print(ngettext("{n} labelled sentence stored", "{n} labelled sentences stored", len(labels)).format(
            n=len(labels)))
        return 0
    if not args.ids and not args.all:
        raise UserError(_("labels remove: give the ids to remove (from labels list) or --all"))
    if args.ids and args.all:
        raise UserError(_("labels remove: give ids or --all, not both"))
    removed = remove_labels(db, None if args.all else args.ids, removed_by=args.reviewer)
    if args.ids and removed < len(set(args.ids)):
        print(_("{n} of the ids given are not stored labels").format(n=len(set(args.ids)) - removed))
    print(ngettext("{n} label removed", "{n} labels removed", removed).format(n=removed)
          + _("; the model in use is unchanged until the next training (train-checkworthiness or Retrain now)"))
    return 0


def add_parsers(sub: Any, db_option: argparse.ArgumentParser) -> None:
    p = sub.add_parser("train-checkworthiness", parents=[db_option],
                       help="learn the desk's check-worthiness model from labelled sentences and its decisions")
    p.add_argument("labels", metavar="LABELS.jsonl", help='lines of {"text": …, "check_worthy": true|false}')
    p.add_argument("--reviewer", help="who trained it (recorded in the history)")
    p.set_defaults(handler=cmd_train_checkworthiness, needs_db=True)
    p = sub.add_parser("labels", parents=[db_option],
                       help="the labelled sentences kept for the check-worthiness model: list or remove them")
    p.add_argument("action", choices=["list", "remove"])
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="labels to remove (ids from labels list)")
    p.add_argument("--all", action="store_true", help="remove every stored label")
    p.add_argument("--json", action="store_true", help="list as JSON lines")
    p.add_argument("--reviewer", help="who removed them (recorded in the history)")
    p.set_defaults(handler=cmd_labels, needs_db=True)


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
    except NewerDatabase:
        raise  # shown as it is by cli.main, not as "not a usable workbench database"
    except sqlite3.DatabaseError as error:
        raise UserError(f"{path}: not a usable workbench database: {error}") from None
    try:
        return active_scorer(db)[0]
    finally:
        db.close()
