"""`factcheck report`: build one report and write it as Markdown, ClaimReview JSON-LD or CSV."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from factcheck.errors import UserError

__all__ = ["add_parsers", "cmd_report", "render"]

FORMATS = ("md", "claimreview", "csv")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def render(report: Any, fmt: str, *, publisher_name: str | None = None, publisher_url: str | None = None) -> str:
    """The report in one of FORMATS, as text."""
    if fmt == "md":
        from evidence.markdown import render_markdown

        return render_markdown(report)
    if fmt == "csv":
        from evidence.csv_export import render_csv

        return render_csv(report)
    from evidence.claimreview import DEFAULT_PUBLISHER_NAME, DEFAULT_PUBLISHER_URL, render_claimreview_json

    return render_claimreview_json(report, publisher_name=publisher_name or DEFAULT_PUBLISHER_NAME,
                                   publisher_url=publisher_url or DEFAULT_PUBLISHER_URL)


def cmd_report(args: argparse.Namespace, db: Any) -> int:
    from evidence.report import ReportScope, ScopeNotFound, build_report

    scope = ReportScope(article_id=args.article, claim_id=args.claim, since=args.since)
    try:
        report = build_report(db, scope)
    except ScopeNotFound as error:
        raise UserError(f"report: {error}") from None
    if args.publisher_url:
        from claims.urls import InvalidURL, check_url

        try:
            check_url(args.publisher_url, what="publisher URL")
        except InvalidURL as error:
            raise UserError(f"--publisher-url: {error}") from None
    text = render(report, args.format, publisher_name=args.publisher_name, publisher_url=args.publisher_url)
    if args.output and args.output != "-":
        try:
            # newline="" keeps the text as rendered: CSV rows end in CRLF, Markdown and JSON in LF.
            with Path(args.output).open("w", encoding="utf-8", newline="") as out:
                out.write(text)
        except OSError as error:
            raise UserError(f"{args.output}: cannot write: {error.strerror}") from None
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
    p.add_argument("--publisher-name", help="the fact-checking organisation named in ClaimReview")
    p.add_argument("--publisher-url", help="its site; ClaimReview urls are <publisher-url>/claims/<id>")
    p.set_defaults(handler=cmd_report, needs_db=True)
