"""Reading what a command is given: a file or standard input ("-"), as UTF-8 text, or a one-line reason why not."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from factcheck.errors import UserError
from translations import _

__all__ = ["read_input_text", "input_lines", "iso_date"]


def read_input_text(path: str) -> str:
    """The whole of FILE (or stdin for "-") decoded as UTF-8, a byte-order mark allowed."""
    from claims.reading import not_a_regular_file

    if path != "-" and (problem := not_a_regular_file(path)) is not None:
        raise UserError(f"{path}: {problem}")
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as error:
        raise UserError(_("{path}: cannot read: {reason}").format(path=path, reason=error.strerror)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError(_("{path}: not UTF-8 (invalid byte at offset {offset})").format(
            path=path, offset=error.start)) from None


def input_lines(path: str) -> list[tuple[int, str]]:
    """(line number, line) for each non-blank line, numbered as an editor shows them."""
    return [(n, line) for n, line in enumerate(read_input_text(path).splitlines(), 1) if line.strip()]


def iso_date(value: str) -> dt.date:
    """A command's date option (YYYY-MM-DD), for argparse's `type=`: a bad one is a one-line usage error."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{value} is not a date in the form YYYY-MM-DD").format(
            value=repr(value))) from None
