"""Past fact-checks: the bulk import of an archive (JSON Lines or CSV rows) into `known_claims`."""
from __future__ import annotations

import contextlib
import json
import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import orjson
import sqlite_utils

from claims.claimreview_items import ReviewRow
from claims.decoration import folded_plain
from claims.folding import nfc
from claims.past_checks import ArchiveRow, PastCheckError
from db.connection import writing
from db.history import now
from db.lookups import values_by_id
from db.match_index import forget_index

__all__ = ["import_known_claims", "publishers_of"]

_IMPORT_CHUNK = 20_000  # rows handed to SQLite in one statement
_IMPORT_READ_AHEAD = 2  # chunks the reading thread may prepare ahead of the writer
_IMPORT_ENCODE = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
# One statement stores a whole chunk, given as one JSON array of rows: SQLite parses it without holding
# Python's lock, so the reading thread checks and folds the next chunk meanwhile. A stored id imported again is
# replaced (deleted, inserted anew with a new rowid). Past fact-checks have no full-text index of their own: matching
# searches them through the in-memory word index (`db/match_index.py`), so the import writes each row once
# (migration 0014 dropped the unused FTS5 index, a quarter of the import's CPU).
_IMPORT_INSERT = (
    "INSERT OR REPLACE INTO known_claims (id, text, folded, verdict, url, published, language, publisher,"
    " publisher_url, claimant, imported_at)"
    " SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6,"
    " value ->> 7, value ->> 8, value ->> 9, :stamp FROM json_each(CAST(:rows AS TEXT))")
# Fields a ClaimReview gives beyond the archive format's; a row of JSON Lines or CSV leaves them empty.
_REVIEW_FIELDS = ("language", "publisher", "publisher_url", "claimant")


class _Chunk(NamedTuple):
    first: int  # number of its first row in the input, counting from 1
    size: int
    rows: bytes  # a JSON array of [id, text, folded, verdict, url, published, *_REVIEW_FIELDS], UTF-8


def _known_row(row: dict[str, Any], number: int) -> tuple:
    get = row.get
    key, text = get("id"), get("text")
    if key is None or not isinstance(text, str) or not (text := nfc(text).strip()):
        raise PastCheckError(f"past fact-check {number} needs an id and a text")
    if key.__class__ is not str and key.__class__ is not int:
        raise PastCheckError(f"past fact-check {number}: the id must be text or a whole number, not"
                             f" {type(key).__name__}")
    if not (key := (key if key.__class__ is str else str(key)).strip()):
        raise PastCheckError(f"past fact-check {number} needs an id and a text")
    verdict, url, published = get("verdict") or None, get("url") or None, get("published") or None
    for field, value in (("verdict", verdict), ("url", url), ("published", published)):
        if value is not None and value.__class__ is not str:
            raise PastCheckError(f"past fact-check {number}: {field} must be text, not {type(value).__name__}")
    review = tuple(get(field) or None for field in _REVIEW_FIELDS)
    for field, value in zip(_REVIEW_FIELDS, review, strict=True):
        if value is not None and value.__class__ is not str:
            raise PastCheckError(f"past fact-check {number}: {field} must be text, not {type(value).__name__}")
    if "\x00" in key or "\x00" in text or "\x00" in "".join(v for v in (verdict, url, published, *review) if v):
        raise PastCheckError(f"past fact-check {number}: a NUL character (\\0) in a field")
    return (key, text, folded_plain(text), verdict, url, published, *review)


def _encoded(rows: list[tuple], first: int) -> _Chunk:
    try:
        # orjson writes UTF-8 directly and is several times faster than the standard encoder; it refuses text
        # that is not valid Unicode, which the standard encoder then finds and names.
        return _Chunk(first, len(rows), orjson.dumps(rows))
    except orjson.JSONEncodeError:
        for offset, row in enumerate(rows):
            try:
                _IMPORT_ENCODE(row).encode("utf-8")
            except UnicodeEncodeError:
                raise PastCheckError(f"past fact-check {first + offset} has text that is not valid Unicode"
                                     " (half of a surrogate pair)") from None
        raise


def _known_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[_Chunk]:
    """The rows checked, folded and packed for `_IMPORT_INSERT`; ValueError names the first bad row."""
    chunk: list[tuple] = []
    first = 1
    # In an archive file (rows that know their line) the same id twice is a mistake: "7" and 7 are one id, and the
    # second would silently replace the first. Rows given by a program replace earlier ones, as a re-import does.
    seen: dict[str, int] = {}
    setdefault = seen.setdefault
    for number, row in enumerate(rows, 1):
        if row.__class__ is ReviewRow:  # read from a ClaimReview: checked and cleaned already
            line = None
            text = row["text"]
            packed = (row["id"], text, folded_plain(text), row["verdict"], row["url"], row["published"],
                      row["language"], row["publisher"], row["publisher_url"], row["claimant"])
        elif row.__class__ is ArchiveRow:  # read from an archive: checked and cleaned already
            line = row.line
            text = row["text"]
            packed = (row["id"], text, folded_plain(text), row["verdict"], row["url"], row["published"], None, None,
                      None, None)
        else:
            line = getattr(row, "line", None)
            packed = _known_row(row, number if line is None else line)
        if line is not None and (earlier := setdefault(packed[0], line)) != line:
            raise PastCheckError(f"line {line}: id {packed[0]!r} appears again (first on line {earlier});"
                                 " an archive gives each past fact-check one id")
        chunk.append(packed)
        if len(chunk) == _IMPORT_CHUNK:
            yield _encoded(chunk, first)
            chunk, first = [], number + 1
    if chunk:
        yield _encoded(chunk, first)


_END = object()


@contextlib.contextmanager
def _read_ahead(items: Iterator[Any], depth: int) -> Iterator[Iterator[Any]]:
    """`items` produced on a helper thread, up to `depth` ahead; its exception is raised in the caller.

    Leaving the block early (an error while writing) stops the helper before its next item.
    """
    ready: queue.Queue = queue.Queue(depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in items:
                if stop.is_set():
                    return
                ready.put(item)
            ready.put(_END)
        except BaseException as error:  # noqa: BLE001 - handed over to the caller, raised there
            ready.put(error)

    def consume() -> Iterator[Any]:
        while (item := ready.get()) is not _END:
            if isinstance(item, BaseException):
                raise item
            yield item

    helper = threading.Thread(target=produce, name="import-reader", daemon=True)
    helper.start()
    try:
        yield consume()
    finally:
        stop.set()
        while helper.is_alive():  # unblock a helper waiting for room in the queue
            try:
                ready.get(timeout=0.05)
            except queue.Empty:
                pass
        helper.join()


def import_known_claims(db: sqlite_utils.Database, rows: Iterable[dict[str, Any]]) -> int:
    """Store past fact-checks (dicts with id, text and optional verdict, url, published, and from a ClaimReview
    language, publisher, publisher_url, claimant); returns how many.

    One transaction: all rows or, on any error, none. An id already stored is replaced. `rows` is read on a
    helper thread (checked and folded there) while this one writes, chunk by chunk; a bad row raises
    ValueError naming its number, and an error of the reader itself (PastCheckError naming the file's line)
    comes through as it is.

    >>> import_known_claims(db, [{"id": "s-1", "text": "Wombats share burrows", "verdict": "False"}])  # doctest: +SKIP
    1
    """
    count = 0
    stamp = now()
    with _read_ahead(_known_chunks(rows), _IMPORT_READ_AHEAD) as chunks, writing(db):
        for chunk in chunks:
            db.execute(_IMPORT_INSERT, {"stamp": stamp, "rows": chunk.rows})
            count += chunk.size
    forget_index(db)
    return count




def publishers_of(db: sqlite_utils.Database, ids: Iterable[str]) -> dict[str, str]:
    """Who published each of these past fact-checks, for those that say (a ClaimReview's author).

    >>> publishers_of(db, ["https://factcheck.example.org/claims/7"])  # doctest: +SKIP
    {'https://factcheck.example.org/claims/7': 'Desk A'}
    """
    return values_by_id(db, "known_claims", "publisher", ids)
