"""`factcheck`: each command opens the database, calls one library function and prints what it returned.

Bad input becomes a one-line message on stderr and exit code 1 here, at the edge, and nowhere else: every error a
user can fix is a `claims.errors.WorkbenchError` (the library's own kinds and this command line's `UserError`), and
`main` prints it once. A command rewraps one only to name the input it came from.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from claims.errors import WorkbenchError
from claims.folding import HALF_A_CHARACTER, has_lone_surrogate
from factcheck.errors import UserError
from factcheck.inputs import input_lines, iso_date
from factcheck.output import print_json
from translations import _, language_from_environment, ngettext, use_language

__all__ = ["main", "run", "build_parser", "print_json"]




def _read_jsonl(path: str) -> list[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, object or None, error or None) for each non-blank line of a JSON Lines file or stdin."""
    rows: list[tuple[int, dict[str, Any] | None, str | None]] = []
    for number, line in input_lines(path):
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            rows.append((number, None, f"line {number} is not JSON: {error.msg}"))
            continue
        if not isinstance(value, dict) or not isinstance(value.get("text"), str):
            rows.append((number, value if isinstance(value, dict) else None,
                         f"line {number} needs a JSON object with a \"text\" string"))
            continue
        if has_lone_surrogate(value):
            rows.append((number, None, f"line {number}: {HALF_A_CHARACTER}"))
            continue
        rows.append((number, value, None))
    return rows


def _extract_one(text: str, *, id: Any, published: dt.date | None, include_all: bool,
                 scorer: Any = None) -> dict[str, Any]:
    from claims import extract_claims, extraction_to_json

    return extraction_to_json(extract_claims(text, published=published, scorer=scorer), id=id,
                              include_all=include_all)


def cmd_extract(args: argparse.Namespace) -> int:
    from factcheck.checkworthiness_commands import desk_scorer

    scorer = desk_scorer(args.db) if args.db else None  # the database's model, else the built-in rules
    if args.jsonl:
        failed = 0
        for number, row, error in _read_jsonl(args.jsonl):
            if error is None and row is not None:
                try:
                    published = iso_date(row["published"]) if row.get("published") else None
                except argparse.ArgumentTypeError as bad:
                    error = f"line {number}: published {bad}"
                else:
                    print_json(_extract_one(row["text"], id=row.get("id"), published=published,
                                            include_all=args.all, scorer=scorer))
                    continue
            failed += 1
            print(_("error: {jsonl}: {error}").format(jsonl=args.jsonl, error=error), file=sys.stderr)
            print_json({"id": (row or {}).get("id"), "error": error, "claims": []})
        return 1 if failed else 0
    if not args.file:
        raise UserError(_("give a FILE (or - for standard input), or --jsonl IN.jsonl"))
    from claims.reading import UnreadableArticle, decode_article, not_a_regular_file

    if args.file != "-" and (problem := not_a_regular_file(args.file)) is not None:
        raise UserError(f"{args.file}: {problem}")
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as error:
        raise UserError(_("{path}: cannot read: {reason}").format(path=args.file, reason=error.strerror)) from None
    if not data.strip():
        print_json(_extract_one("", id=args.file, published=args.published, include_all=args.all, scorer=scorer))
        return 0
    try:
        text = decode_article(data, name=args.file).text if args.file.lower().endswith((".html", ".htm")) \
            else _decode_plain(data, args.file)
    except UnreadableArticle as error:
        raise UserError(f"{args.file}: {error}") from None
    print_json(_extract_one(text, id=args.file, published=args.published, include_all=args.all, scorer=scorer))
    return 0


def _decode_plain(data: bytes, name: str) -> str:
    """Decode without cleaning, so that offsets index exactly the NFC of what was given."""
    from claims.reading import decode_article

    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return decode_article(data, name=name).text


def cmd_ingest(args: argparse.Namespace, db: Any) -> int:
    from db.captures import is_url
    from factcheck.web_commands import address_rule
    from pipelines.ingest import ingest_paths
    from pipelines.suggestions import pending_suggestions
    from pipelines.url_ingest import ingest_urls

    failed = stored = skipped = 0
    results = []
    urls = [path for path in args.paths if is_url(path)]
    files = [path for path in args.paths if not is_url(path)]
    outcomes = ingest_urls(db, urls, allow_private=address_rule(args), title=args.title, published=args.published,
                           added_by=args.reviewer) if urls else []
    for outcome in [*outcomes, *ingest_paths(db, files, title=args.title, url=args.url, published=args.published,
                                             added_by=args.reviewer)]:
        if not outcome.ok:
            failed += 1
            print(_("error: {name}: {error}").format(name=outcome.name, error=outcome.error), file=sys.stderr)
            results.append({"file": outcome.name, "error": outcome.error})
            continue
        s = outcome.stored
        assert s is not None
        results.append({"file": outcome.name, "article_id": s.article_id, "claims": s.claims,
                        "already_stored": s.already_stored})
        if s.already_stored:
            skipped += 1
            if not args.json:
                print(_("already stored: {name} (article {id}); skipped").format(name=outcome.name, id=s.article_id))
        else:
            stored += 1
            if not args.json:
                print(ngettext("stored: {name} → article {id}, {n} claim", "stored: {name} → article {id}, {n} claims",
                               s.claims).format(name=outcome.name, id=s.article_id, n=s.claims))
    if args.json:
        print_json({"stored": stored, "already_stored": skipped, "failed": failed, "files": results})
    else:
        print(_("{stored} stored, {skipped} already stored, {failed} failed").format(stored=stored, skipped=skipped,
                                                                                       failed=failed))
        waiting = pending_suggestions(db)
        if waiting:
            print(ngettext("Suggestions are pending for {n} article: `factcheck worker` (or the app's) makes them.",
                           "Suggestions are pending for {n} articles: `factcheck worker` (or the app's) makes them.",
                           waiting).format(n=waiting))
    if stored + skipped + failed == 0:
        raise UserError(_("no article files (.txt, .md, .html) found in {paths}").format(paths=", ".join(args.paths)))
    return 1 if failed else 0


def cmd_backup(args: argparse.Namespace, db: Any) -> int:
    from db.backup import backup

    path = backup(db, args.dest)
    print(_("backed up to {path}").format(path=path))
    return 0


def cmd_restore(args: argparse.Namespace, db: Any) -> int:
    from db.backup import restore

    restore(args.src, db)
    print(_("restored {src}").format(src=args.src))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck", description="The claim fact-checking workbench.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument("--db", help="database file (default: $FACTCHECK_DB, else data/factcheck.db)")

    p = sub.add_parser("extract", help="split text into claims (JSON), without touching the database")
    p.add_argument("file", nargs="?", help="a text file, or - for standard input")
    p.add_argument("--jsonl", metavar="IN.jsonl", help='lines of {"id", "text", "published"?}; one output line each')
    p.add_argument("--published", type=iso_date, help="publication date YYYY-MM-DD: resolves day/month dates")
    p.add_argument("--all", action="store_true", help="list every sentence-level candidate, not only check-worthy")
    p.add_argument("--db", help="score with this database's check-worthiness model, when it has one")
    p.set_defaults(handler=cmd_extract, needs_db=False)

    p = sub.add_parser("ingest", parents=[db_option], help="store articles (files or directories) and their claims")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--title")
    p.add_argument("--url")
    p.add_argument("--published", type=iso_date)
    p.add_argument("--reviewer", help="who is adding the articles (recorded in the history)")
    from factcheck.web_commands import add_address_options

    add_address_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_ingest, needs_db=True)

    p = sub.add_parser("backup", parents=[db_option], help="copy the database with SQLite's online backup")
    p.add_argument("dest")
    p.set_defaults(handler=cmd_backup, needs_db=True)
    p = sub.add_parser("restore", parents=[db_option], help="replace the database with a backup")
    p.add_argument("src")
    p.set_defaults(handler=cmd_restore, needs_db=True)

    for add_parsers in _command_groups():
        add_parsers(sub, db_option)
    return parser


def _command_groups() -> list[Callable[[Any, argparse.ArgumentParser], None]]:
    groups = []
    for module in ("factcheck.matching_commands", "factcheck.report_commands", "factcheck.transfer_commands",
                   "factcheck.user_commands", "factcheck.web_commands", "factcheck.checkworthiness_commands",
                   "factcheck.stats_commands", "factcheck.worker_commands", "factcheck.network_commands"):
        try:
            groups.append(__import__(module, fromlist=["add_parsers"]).add_parsers)
        except ModuleNotFoundError as error:  # a command group still being written
            if error.name != module:
                raise
    return groups


def _database_trouble(error: sqlite3.OperationalError) -> str:
    """What a reviewer should read for SQLite's own words."""
    text = str(error)
    if "readonly" in text or "read-only" in text:
        return "the database is read-only for this user (file or folder permissions)" + (
            "" if "readonly database" in text else f" ({text})")
    if "disk is full" in text or "disk I/O" in text:
        return f"the disk is full or failing ({text})"
    if "unable to open" in text:
        return f"cannot open the file or its folder ({text})"
    return text


def main(argv: Sequence[str] | None = None) -> int:
    use_language(language_from_environment())  # messages for people; JSON for machines stays as it is
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if not args.needs_db:
            return args.handler(args)
        from db.connection import NewerDatabase, open_database, resolve_db_path

        where = resolve_db_path(args.db)
        try:
            db = open_database(where)
        except NewerDatabase:
            raise  # a WorkbenchError, shown below as it is; not "not a usable workbench database"
        except sqlite3.OperationalError as error:
            raise UserError(_("{path}: cannot open the database: {reason}").format(
                path=where, reason=_database_trouble(error))) from None
        except sqlite3.DatabaseError as error:
            raise UserError(_("{path}: not a usable workbench database: {reason}").format(
                path=where, reason=error)) from None
        try:
            return args.handler(args, db)
        except sqlite3.OperationalError as error:
            raise UserError(_("{path}: {reason}; nothing was changed").format(
                path=where, reason=_database_trouble(error))) from None
        finally:
            db.close()
    except RecursionError:
        print(_("error: the input is nested too deeply to read (JSON inside JSON, thousands of levels)"),
              file=sys.stderr)
        return 1
    except WorkbenchError as error:
        print(_("error: {message}").format(message=error), file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return 130


def run() -> None:
    """The console script's entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
