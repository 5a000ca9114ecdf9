"""`factcheck import-claims`, `match`, `search` and `dupes`: thin wrappers over matching (`pipelines/matching.py`)
and the store."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from claims.folding import HALF_A_CHARACTER, has_lone_surrogate
from factcheck.errors import UserError
from factcheck.inputs import input_lines
from translations import _, format_decimal

__all__ = ["add_parsers"]


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


def cmd_import_claims(args: argparse.Namespace, db: Any) -> int:
    from claims.past_checks import PastCheckError, read_past_checks
    from db.known_claims import import_known_claims

    try:
        count = import_known_claims(db, read_past_checks(args.file))
    except (PastCheckError, ValueError) as error:  # UnicodeDecodeError too: name the file
        message = str(error)
        raise UserError(message if message.startswith(str(args.file)) else f"{args.file}, {message}") from None
    if args.json:
        _print_json({"imported": count})
    else:
        print(_("imported {count} past fact-checks from {file}").format(count=count, file=args.file))
    sys.stdout.flush()
    _compute_vectors(db)
    return 0


def _compute_vectors(db: Any) -> None:
    """The vectors by meaning of what has none yet, after the import has committed (progress on stderr).

    Stopping it (Ctrl-C) loses no import and no vector computed so far: the next job goes on from there.
    """
    from db.meaning import run_vector_job, start_vector_job

    job = start_vector_job(db)
    if job is None:
        return
    step = max(1, job.total // 20)
    shown = [0]

    def progress(done: int, total: int) -> None:
        if done - shown[0] >= step or done == total:
            shown[0] = done
            progress = _("vectors by meaning: {done} of {total}").format(done=format_decimal(done),
                                                                          total=format_decimal(total))
            print(progress, file=sys.stderr, flush=True)

    try:
        run_vector_job(db, job, on_progress=progress)
    except KeyboardInterrupt:
        print(_("vectors by meaning: stopped; the next import or match goes on from here"), file=sys.stderr)


def cmd_match(args: argparse.Namespace, db: Any) -> int:
    from db.known_claims import publishers_of
    from pipelines.matching import find_matches

    if args.limit < 1:
        raise UserError(_("--limit must be at least 1"))
    _compute_vectors(db)  # a batch: what an import left undone is done first, once
    failed = 0
    for number, line in input_lines(args.jsonl):
        row: Any = None
        try:
            row = json.loads(line)
            error = None if isinstance(row, dict) and isinstance(row.get("text"), str) \
                else f"line {number} needs a JSON object with a \"text\" string"
            if error is None and has_lone_surrogate(row):
                error, row = f"line {number}: {HALF_A_CHARACTER}", None
        except json.JSONDecodeError as bad:
            error = f"line {number} is not JSON: {bad.msg}"
        key = row.get("id") if isinstance(row, dict) else None
        if error:
            failed += 1
            print(_("error: {jsonl}: {error}").format(jsonl=args.jsonl, error=error), file=sys.stderr)
            _print_json({"id": key, "error": error, "matches": []})
            continue
        matches = find_matches(db, row["text"], limit=args.limit, by_meaning=True)
        publishers = publishers_of(db, [m.id for m in matches if m.kind == "known"])
        _print_json({"id": key, "matches": [
            {"id": m.id, "score": m.score, "relation": m.relation, "kind": m.kind, "why": m.why,
             **({"publisher": publishers[m.id]} if m.kind == "known" and m.id in publishers else {})}
            for m in matches]})
    return 1 if failed else 0


def cmd_search(args: argparse.Namespace, db: Any) -> int:
    from db.search import search_claims

    rows = search_claims(db, args.query, limit=args.limit)
    if args.json:
        _print_json({"query": args.query, "results": rows})
        return 0
    if not rows:
        print(_("no claims found"))
    for r in rows:
        print(f"#{r['id']} ({r['how']} {r['score']:.0f}) {r['text']}")
    return 0


def cmd_dupes(args: argparse.Namespace, db: Any) -> int:
    from db.duplicates import duplicate_groups

    groups = duplicate_groups(db)
    if args.json:
        _print_json({"groups": [{"canonical_id": g.canonical_id, "claim_ids": list(g.claim_ids),
                                 "confirmed": g.confirmed, "texts": list(g.texts)} for g in groups]})
        return 0
    if not groups:
        print(_("no duplicate groups"))
    for g in groups:
        group = _("confirmed group of {n} (canonical #{id}):") if g.confirmed \
            else _("suggested group of {n} (canonical #{id}):")
        print(group.format(n=len(g.claim_ids), id=g.canonical_id))
        for claim_id, text in zip(g.claim_ids, g.texts, strict=True):
            print(f"  #{claim_id} {text}")
    return 0


def add_parsers(subparsers: Any, db_option: argparse.ArgumentParser | None = None) -> None:
    """Register import-claims, match, search and dupes; each handler is called as handler(args, db)."""
    parents = [db_option] if db_option is not None else []

    p = subparsers.add_parser("import-claims", parents=parents,
                              help="import past fact-checks (JSON Lines or CSV: id, text, verdict?, url?, published?;"
                                   " or ClaimReview: JSON-LD, @graph, HTML pages, Fact Check Tools responses,"
                                   " a published archive's Datasette JSON)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import_claims, needs_db=True)

    p = subparsers.add_parser("match", parents=parents,
                              help="match claims (JSON Lines of id, text) against stored claims and past fact-checks")
    p.add_argument("--jsonl", metavar="IN.jsonl", required=True, help='lines of {"id", "text"}; one output line each')
    p.add_argument("--limit", type=int, default=5, help="matches per claim (default 5)")
    p.set_defaults(handler=cmd_match, needs_db=True)

    p = subparsers.add_parser("search", parents=parents, help="full-text and fuzzy search over claims")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_search, needs_db=True)

    p = subparsers.add_parser("dupes", parents=parents, help="the duplicate groups across the whole database")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_dupes, needs_db=True)
