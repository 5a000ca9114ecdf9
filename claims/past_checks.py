"""Reading an archive of past fact-checks: JSON Lines or CSV with id and text (verdict, url, published optional),
or schema.org ClaimReview (JSON-LD documents, `@graph`, HTML pages, Fact Check Tools responses: `claimreview_items`)."""
from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import orjson

from claims.claimreview_items import ClaimReviewError, is_claimreview_document, parse_claimreview
from claims.errors import WorkbenchError
from claims.folding import HALF_A_CHARACTER, nfc

__all__ = ["PastCheckError", "ArchiveRow", "FIELDS", "read_past_checks", "parse_past_checks"]

FIELDS = ("id", "text", "verdict", "url", "published")


class PastCheckError(WorkbenchError, ValueError):
    """The archive cannot be read; the message names the file and line."""


def _clean(value: Any) -> str | None:
    if value.__class__ is not str:  # the common case first: this runs five times a row
        if value is None:
            return None
        value = str(value)
    value = (value if value.isascii() else nfc(value)).strip()
    return value or None


MAX_FIELD_CHARS = 100_000  # a past fact-check is a sentence or a paragraph; more is an unclosed quote or a dump
MAX_ROW_LINES = 50  # a quoted field may hold line breaks, but a row running over this many is an unclosed quote


class ArchiveRow(dict):
    """One past fact-check as read, a plain dict of FIELDS that also knows its line in the file (`.line`).

    Its fields are checked and cleaned already (`_row`): the import takes them as they are.
    """

    __slots__ = ("line",)
    line: int


def _row(raw: dict[str, Any], name: str, number: int) -> dict[str, Any]:
    # This runs once a row of a million-row archive: the common case (every field text, or absent) is written out
    # in full; anything else goes through _clean. The checks and their order are those of the messages.
    get = raw.get
    key = get("id")
    if key.__class__ is str:
        key = (key if key.isascii() else nfc(key)).strip() or None
    elif key.__class__ is int:
        key = _clean(key)
    elif key is not None:
        raise PastCheckError(f"{name}, line {number}: the id must be text or a whole number,"
                             f" not {type(key).__name__}")
    if key is None:
        raise PastCheckError(f"{name}, line {number}: no id")
    text = get("text")
    if text.__class__ is str:
        text = (text if text.isascii() else nfc(text)).strip()
    elif isinstance(text, str):
        text = _clean(text)
    if not text or text.__class__ is not str:
        raise PastCheckError(f"{name}, line {number}: no text")
    verdict, url, published = get("verdict"), get("url"), get("published")
    for field, value in (("verdict", verdict), ("url", url), ("published", published)):
        if value is not None and value.__class__ is not str:
            raise PastCheckError(f"{name}, line {number}: {field} must be text, not {type(value).__name__}")
    if verdict is not None:
        verdict = (verdict if verdict.isascii() else nfc(verdict)).strip() or None
    if url is not None:
        url = (url if url.isascii() else nfc(url)).strip() or None
    if published is not None:
        published = (published if published.isascii() else nfc(published)).strip() or None
    if ("\x00" in key or "\x00" in text or (verdict is not None and "\x00" in verdict)
            or (url is not None and "\x00" in url) or (published is not None and "\x00" in published)):
        raise PastCheckError(f"{name}, line {number}: a NUL character (\\0) in a field")
    if len(text) > MAX_FIELD_CHARS:
        raise PastCheckError(f"{name}, line {number}: the text is {len(text):,} characters long"
                             f" (at most {MAX_FIELD_CHARS:,}): an unclosed quote?")
    row = ArchiveRow(id=key, text=text, verdict=verdict, url=url, published=published)
    row.line = number
    return row


def _json_line(line: str) -> Any:
    """One line's value: orjson reads a line several times faster; json.loads reads what orjson refuses (NaN, half a
    surrogate pair, which `_jsonl` then names), gives the error message, and reads again a line where orjson saw a
    float: orjson turns an integer too big for 64 bits into one, and an id may be a whole number of any size."""
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError:
        return json.loads(line)
    if value.__class__ is dict and float in map(type, value.values()):
        return json.loads(line)
    return value


def _has_lone_surrogate(value: dict[str, Any]) -> bool:
    # JSON may escape half of a surrogate pair ("\\ud800"); such text cannot be stored as UTF-8.
    try:
        for field in FIELDS:
            if isinstance(field_value := value.get(field), str):
                field_value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _jsonl(lines: Iterable[str], name: str) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(lines, 1):
        if not line or line.isspace():
            continue
        try:
            value = _json_line(line)
        except json.JSONDecodeError as error:
            raise PastCheckError(f"{name}, line {number}: not JSON ({error.msg})") from None
        if not isinstance(value, dict):
            raise PastCheckError(f"{name}, line {number}: not a JSON object")
        if "\\u" in line and _has_lone_surrogate(value):
            raise PastCheckError(f"{name}, line {number}: {HALF_A_CHARACTER}")
        yield _row(value, name, number)


def _csv(lines: Iterable[str], name: str) -> Iterator[dict[str, Any]]:
    # strict: an unclosed quote at the end of the file is an error, not a field holding the rest of the file.
    reader = csv.DictReader(lines, strict=True)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [f for f in ("id", "text") if f not in header]
    if missing:
        raise PastCheckError(f"{name}, line 1: the CSV header needs {' and '.join(missing)}")
    reader.fieldnames = header
    started = reader.line_num + 1  # the line the next row starts on
    try:
        for raw in reader:
            if reader.line_num - started >= MAX_ROW_LINES:
                raise PastCheckError(f"{name}, line {started}: a quoted field runs over"
                                     f" {reader.line_num - started + 1} lines: an unclosed quote?")
            if None in raw or len(raw) != len(header):
                extra = len(raw.get(None) or ())
                raise PastCheckError(f"{name}, line {started}: {len(header) + extra} fields where the header"
                                     f" has {len(header)}")
            yield _row(raw, name, started)
            started = reader.line_num + 1
    except csv.Error as error:
        raise PastCheckError(f"{name}, line {started}: {error} (an unclosed quote?)") from None


def _guess_kind(lines: Iterator[str]) -> tuple[str, Iterator[str]]:
    """"jsonl" when the first non-blank line opens a JSON object, else "csv"; the lines read are given back."""
    seen: list[str] = []
    for line in lines:
        seen.append(line)
        if line.strip():
            break
    kind = "jsonl" if "".join(seen).lstrip().startswith("{") else "csv"
    return kind, itertools.chain(seen, lines)


def parse_past_checks(text: str, *, name: str = "archive", kind: str | None = None) -> Iterator[dict[str, Any]]:
    """Rows of an archive given as text; `kind` "csv" or "jsonl", else guessed (a JSON object opens JSON Lines).

    >>> list(parse_past_checks('{"id": 7, "text": "Wombats share burrows"}'))[0]["id"]
    '7'
    """
    lines: Iterator[str] = iter(io.StringIO(text, newline=""))
    if kind is None:
        kind, lines = _guess_kind(lines)
    return _jsonl(lines, name) if kind == "jsonl" else _csv(lines, name)


def _first_bad_utf8_line(path: Path) -> int:
    """The line holding the first byte sequence that is not UTF-8 (a streaming decoder cannot tell)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as error:
                return line + error.object[:error.start].count(b"\n")
            line += block.count(b"\n")
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        pass  # a character cut short at the end of the file: on the last line
    return line


def _file_lines(path: Path, f: IO[str]) -> Iterator[str]:
    with f:
        try:
            yield from f
        except UnicodeDecodeError:
            raise PastCheckError(f"{path}, line {_first_bad_utf8_line(path)}: not UTF-8") from None


def read_past_checks(path: str | Path) -> Iterator[dict[str, Any]]:
    """Rows of the archive file at `path` (UTF-8, NFC-normalised), or of the ClaimReview document it holds; raises
    PastCheckError naming the line (or the review).

    The file is read line by line as the rows are consumed, so an archive of any size takes little memory.
    """
    path = Path(path)
    from claims.reading import not_a_regular_file

    if (problem := not_a_regular_file(path)) is not None:
        raise PastCheckError(f"{path}: {problem}")
    suffix = path.suffix.lower()
    if suffix != ".csv" and _is_claimreview_file(path):
        return _claimreview(path)
    try:
        # newline="" keeps line ends as written: the CSV reader needs them for quoted fields across lines.
        f = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by _file_lines
    except OSError as error:
        raise PastCheckError(f"{path}: cannot read: {error.strerror}") from None
    lines = _file_lines(path, f)
    kind = "csv" if suffix == ".csv" else "jsonl" if suffix in (".jsonl", ".ndjson", ".json") else None
    if kind is None:
        kind, lines = _guess_kind(lines)
    return _jsonl(lines, str(path)) if kind == "jsonl" else _csv(lines, str(path))


_SNIFF_BYTES = 1 << 20  # a row of an archive is far shorter (MAX_FIELD_CHARS); a longer first line is a document


def _is_claimreview_file(path: Path) -> bool:
    """Whether the file is a ClaimReview document (an HTML page, a JSON array, a JSON-LD object, a JSON document
    spread over lines or written on one long line) rather than JSON Lines or CSV: its first bytes tell."""
    try:
        with open(path, "rb") as f:
            head = f.read(_SNIFF_BYTES)
    except OSError:
        return False  # the reader names the error
    complete = len(head) < _SNIFF_BYTES
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head[:1] in (b"<", b"["):
        return True
    if head[:1] != b"{":
        return False
    line, newline, _ = head.partition(b"\n")
    if not newline and not complete:
        return True
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError:
        # An object opened and continued on the next lines is a document; a broken line is JSON Lines' to name.
        return line.rstrip().endswith((b"{", b"[", b","))
    return is_claimreview_document(value)


def _claimreview(path: Path) -> Iterator[dict[str, Any]]:
    """The reviews of a whole ClaimReview document, read when the import starts; a bad one is named."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PastCheckError(f"{path}: cannot read: {error.strerror}") from None
    try:
        yield from parse_claimreview(data, name=str(path))
    except ClaimReviewError as error:
        raise PastCheckError(str(error)) from None
