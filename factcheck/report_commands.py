"""`factcheck report`: build one report and write it as Markdown, ClaimReview JSON-LD or CSV."""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from factcheck.errors import UserError
from factcheck.inputs import iso_date
from translations import LANGUAGES, N_, _, ngettext

__all__ = ["add_parsers", "cmd_report", "render"]

FORMATS = ("md", "claimreview", "csv", "xlsx")  # evidence.formats.REPORT_FORMATS, named here so --help needs no import




def render(report: Any, fmt: str, *, publisher_name: str | None = None, publisher_url: str | None = None,
           desk: Any = None) -> str | bytes:
    """The report in one of FORMATS, as text (a workbook as bytes), through evidence.formats, which the Reports page
    uses too; ClaimReview names `desk` (the desk's publication settings) as its publisher, with the name or site given
    here instead."""
    from evidence.formats import render_report

    return render_report(report, fmt, publisher_name=publisher_name, publisher_url=publisher_url, desk=desk)


def db_file(db: Any) -> Path | None:
    """The file behind an open database (None for one in memory)."""
    name = db.execute("SELECT file FROM pragma_database_list WHERE name = 'main'").fetchone()[0]
    return Path(name) if name else None


def _write_report(path: Path, text: str | bytes, *, database: Path | None, force: bool) -> None:
    """Write through a temporary file in the same folder, then rename: a reader never sees half a report, and a
    failed write leaves the old file. The database (and its -wal, -shm) is never a report's target; an existing
    file only with --force."""
    if database is not None:
        for guarded in (database, Path(f"{database}-wal"), Path(f"{database}-shm"), Path(f"{database}-journal")):
            if path.exists() and guarded.exists() and os.path.samefile(path, guarded) or (
                    path.resolve() == guarded.resolve()):
                raise UserError(_("{path}: is the database itself; write the report to another file").format(path=path))
    if path.exists() and not force:
        raise UserError(_("{path}: already exists; give --force to replace it").format(path=path))
    if path.exists() and not path.is_file():
        raise UserError(_("{path}: is not a regular file").format(path=path))
    partial = None
    try:
        fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent or ".")
        # Bytes as rendered: CSV rows end in CRLF, Markdown and JSON in LF, a workbook is binary.
        with os.fdopen(fd, "wb") as out:
            out.write(text if isinstance(text, bytes) else text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(partial, 0o644)
        os.replace(partial, path)
        partial = None
    except OSError as error:
        raise UserError(_("{path}: cannot write: {reason}").format(path=path, reason=error.strerror)) from None
    finally:
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)


def cmd_report(args: argparse.Namespace, db: Any) -> int:
    from evidence.report import ReportScope, ScopeNotFound, build_report

    scope = ReportScope(article_id=args.article, claim_id=args.claim, since=args.since)
    try:
        report = build_report(db, scope, language=args.lang)
    except ScopeNotFound as error:
        raise UserError(f"report: {error}") from None
    if args.publisher_url:
        from fetching.urls import InvalidURL, check_url

        try:
            check_url(args.publisher_url, what=N_("publisher URL"))
        except InvalidURL as error:
            raise UserError(f"--publisher-url: {error}") from None
    desk = None
    if args.format == "claimreview":
        from evidence.claimreview import publication_warnings, publishing_desk, with_publisher

        desk = publishing_desk(db)
        for warning in publication_warnings(with_publisher(desk, args.publisher_name, args.publisher_url)):
            print(_("warning: {message}").format(message=warning), file=sys.stderr)
    text = render(report, args.format, publisher_name=args.publisher_name, publisher_url=args.publisher_url,
                  desk=desk)
    if args.output and args.output != "-":
        _write_report(Path(args.output), text, database=db_file(db), force=args.force)
        count = len(report.claims)
        print(ngettext("wrote {file}: {n} claim ({format})", "wrote {file}: {n} claims ({format})", count).format(
            file=args.output, n=count, format=args.format), file=sys.stderr)
    elif isinstance(text, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(text)
        sys.stdout.buffer.flush()
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
    which.add_argument("--since", type=iso_date, metavar="DATE",
                       help="verdicts published (or corrected) on or after DATE (YYYY-MM-DD)")
    p.add_argument("--format", choices=FORMATS, default="md",
                   help="md (default), claimreview (JSON-LD, published verdicts only), csv (with a byte-order mark"
                   " for Excel) or xlsx (an Excel workbook)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists (never the database)")
    p.add_argument("--lang", choices=LANGUAGES, metavar="vi|en",
                   help="the report's labels, dates and rating names in this language (default: the desk's)")
    p.add_argument("--publisher-name", help="the fact-checking organisation named in ClaimReview (default: the"
                   " desk's publication settings)")
    p.add_argument("--publisher-url", help="its site; ClaimReview urls are then <publisher-url>/claims/<id> (default:"
                   " the desk's address pattern)")
    p.set_defaults(handler=cmd_report, needs_db=True)
