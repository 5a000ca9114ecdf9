"""`factcheck report`: build one report and write it as Markdown, ClaimReview JSON-LD or CSV."""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from factcheck.errors import UserError

__all__ = ["add_parsers", "cmd_report", "render"]

FORMATS = ("md", "claimreview", "csv")  # evidence.formats.REPORT_FORMATS, named here so --help needs no import


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def render(report: Any, fmt: str, *, publisher_name: str | None = None, publisher_url: str | None = None) -> str:
    """The report in one of FORMATS, as text (evidence.formats, which the Reports page uses too)."""
    from evidence.formats import render_report

    return render_report(report, fmt, publisher_name=publisher_name, publisher_url=publisher_url)


def db_file(db: Any) -> Path | None:
    """The file behind an open database (None for one in memory)."""
    name = db.execute("SELECT file FROM pragma_database_list WHERE name = 'main'").fetchone()[0]
    return Path(name) if name else None


def _write_report(path: Path, text: str, *, database: Path | None, force: bool) -> None:
    """Write through a temporary file in the same folder, then rename: a reader never sees half a report, and a
    failed write leaves the old file. The database (and its -wal, -shm) is never a report's target; an existing
    file only with --force."""
    if database is not None:
        for guarded in (database, Path(f"{database}-wal"), Path(f"{database}-shm"), Path(f"{database}-journal")):
            if path.exists() and guarded.exists() and os.path.samefile(path, guarded) or (
                    path.resolve() == guarded.resolve()):
                raise UserError(f"{path}: is the database itself; write the report to another file")
    if path.exists() and not force:
        raise UserError(f"{path}: already exists; give --force to replace it")
    if path.exists() and not path.is_file():
        raise UserError(f"{path}: is not a regular file")
    partial = None
    try:
        fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent or ".")
        # newline="" keeps the text as rendered: CSV rows end in CRLF, Markdown and JSON in LF.
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(partial, 0o644)
        os.replace(partial, path)
        partial = None
    except OSError as error:
        raise UserError(f"{path}: cannot write: {error.strerror}") from None
    finally:
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)


def cmd_report(args: argparse.Namespace, db: Any) -> int:
    from evidence.report import ReportScope, ScopeNotFound, build_report

    scope = ReportScope(article_id=args.article, claim_id=args.claim, since=args.since)
    try:
        report = build_report(db, scope)
    except ScopeNotFound as error:
        raise UserError(f"report: {error}") from None
    if args.publisher_url:
        from fetching.urls import InvalidURL, check_url

        try:
            check_url(args.publisher_url, what="publisher URL")
        except InvalidURL as error:
            raise UserError(f"--publisher-url: {error}") from None
    text = render(report, args.format, publisher_name=args.publisher_name, publisher_url=args.publisher_url)
    if args.output and args.output != "-":
        _write_report(Path(args.output), text, database=db_file(db), force=args.force)
        count = len(report.claims)
        print(f"wrote {args.output}: {count} claim{'' if count == 1 else 's'} ({args.format})", file=sys.stderr)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 0


def add_parsers(sub: Any, db_option: argparse.ArgumentParser) -> None:
    p = sub.add_parser("report", parents=[db_option],
                       help="a verdict report: Markdown, ClaimReview JSON-LD or CSV",
                       description="Without --article, --claim or --since: every claim with a verdict.")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--article", type=int, metavar="ID",
                       help="one article: its check-worthy claims and every claim a reviewer touched")
    which.add_argument("--claim", type=int, metavar="ID", help="one claim")
    which.add_argument("--since", type=_date, metavar="DATE",
                       help="verdicts published (or corrected) on or after DATE (YYYY-MM-DD)")
    p.add_argument("--format", choices=FORMATS, default="md",
                   help="md (default), claimreview (JSON-LD, published verdicts only) or csv")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists (never the database)")
    p.add_argument("--publisher-name", help="the fact-checking organisation named in ClaimReview")
    p.add_argument("--publisher-url", help="its site; ClaimReview urls are <publisher-url>/claims/<id>")
    p.set_defaults(handler=cmd_report, needs_db=True)
