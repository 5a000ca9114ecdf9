"""Reading an archive of past fact-checks: JSON Lines or CSV with id and text (verdict, url, published optional)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claims.folding import nfc

__all__ = ["PastCheckError", "FIELDS", "read_past_checks", "parse_past_checks"]

FIELDS = ("id", "text", "verdict", "url", "published")


class PastCheckError(ValueError):
    """The archive cannot be read; the message names the file and line."""


def _clean(value: Any) -> str | None:
    if value is None or value == "":
        return None
    text = value if isinstance(value, str) else str(value)
    text = (text if text.isascii() else nfc(text)).strip()
    return text or None


def _row(raw: dict[str, Any], name: str, number: int) -> dict[str, Any]:
    key, text = raw.get("id"), raw.get("text")
    key = _clean(key)
    if key is None:
        raise PastCheckError(f"{name}, line {number}: no id")
    if not isinstance(text, str) or not (text := _clean(text)):
        raise PastCheckError(f"{name}, line {number}: no text")
    return {"id": key, "text": text, "verdict": _clean(raw.get("verdict")), "url": _clean(raw.get("url")),
            "published": _clean(raw.get("published"))}


def _jsonl(text: str, name: str) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise PastCheckError(f"{name}, line {number}: not JSON ({error.msg})") from None
        if not isinstance(value, dict):
            raise PastCheckError(f"{name}, line {number}: not a JSON object")
        yield _row(value, name, number)


def _csv(text: str, name: str) -> Iterator[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [f for f in ("id", "text") if f not in header]
    if missing:
        raise PastCheckError(f"{name}, line 1: the CSV header needs {' and '.join(missing)}")
    reader.fieldnames = header
    try:
        for raw in reader:
            yield _row(raw, name, reader.line_num)
    except csv.Error as error:
        raise PastCheckError(f"{name}, line {reader.line_num}: {error}") from None


def parse_past_checks(text: str, *, name: str = "archive", kind: str | None = None) -> Iterator[dict[str, Any]]:
    """Rows of an archive given as text; `kind` "csv" or "jsonl", else guessed (a JSON object opens JSON Lines).

    >>> list(parse_past_checks('{"id": 7, "text": "Wombats share burrows"}'))[0]["id"]
    '7'
    """
    if kind is None:
        kind = "jsonl" if text.lstrip().startswith("{") else "csv"
    return _jsonl(text, name) if kind == "jsonl" else _csv(text, name)


def read_past_checks(path: str | Path) -> Iterator[dict[str, Any]]:
    """Rows of the archive file at `path` (UTF-8, NFC-normalised); raises PastCheckError naming the line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PastCheckError(f"{path}: cannot read: {error.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise PastCheckError(f"{path}, line {line}: not UTF-8") from None
    suffix = path.suffix.lower()
    kind = "csv" if suffix == ".csv" else "jsonl" if suffix in (".jsonl", ".ndjson", ".json") else None
    return parse_past_checks(text, name=str(path), kind=kind)
