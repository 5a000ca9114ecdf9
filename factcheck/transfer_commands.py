"""`factcheck export DEST` and `factcheck import SRC`: the whole workbench as JSON Lines, and back.

These two commands are additions to the command-line contract (they are not in CLI.md); `-` means stdout/stdin.
"""
from __future__ import annotations

import argparse
import io
import sys
from typing import Any

from factcheck.errors import UserError
from translations import _

__all__ = ["add_parsers", "cmd_export", "cmd_import"]


def cmd_export(args: argparse.Namespace, db: Any) -> int:
    from db.transfer import export_database

    try:
        counts = export_database(db, sys.stdout if args.dest == "-" else args.dest)
    except OSError as error:
        raise UserError(_("{path}: cannot write: {reason}").format(path=args.dest, reason=error.strerror)) from None
    if args.dest != "-":
        print(_("exported {counts} to {path}").format(counts=counts.describe(), path=args.dest))
    return 0


def cmd_import(args: argparse.Namespace, db: Any) -> int:
    from db.transfer import TransferError, import_database

    try:
        source = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig") if args.src == "-" else args.src
        counts = import_database(db, source)
    except TransferError as error:
        message = str(error)
        raise UserError(message if message.startswith(f"{args.src}:") else f"{args.src}: {message}") from None
    except UnicodeDecodeError as error:
        raise UserError(_("{path}: not UTF-8 (invalid byte at offset {offset})").format(
            path=args.src, offset=error.start)) from None
    print(_("imported {counts} from {path}").format(counts=counts.describe(), path=args.src))
    return 0


def add_parsers(sub: Any, db_option: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[db_option],
                       help="write every article, claim, source, verdict and history entry as JSON Lines")
    p.add_argument("dest", metavar="DEST", help="a new .jsonl file, or - for standard output")
    p.set_defaults(handler=cmd_export, needs_db=True)
    p = sub.add_parser("import", parents=[db_option], help="load an export into an empty database, ids included")
    p.add_argument("src", metavar="SRC", help="a file made by `factcheck export`, or - for standard input")
    p.set_defaults(handler=cmd_import, needs_db=True)
