"""Export the whole workbench to JSON Lines and import it into an empty database: every row, ids included.

The file opens with a header line, then one section per table in an order that satisfies references:
``{"format": "factcheck-export", "version": 1, "schema": [...migrations]}``, then
``{"table": "articles", "row": {"rowid": 1, "id": 1, ...}}`` lines, table after table. Tables are read from the
schema, so a table a later migration adds is carried too; search indexes are rebuilt on import, not exported.
"""
from __future__ import annotations

import base64
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import sqlite_utils

from claims.errors import WorkbenchError
from db.connection import writing

__all__ = ["FORMAT", "FORMAT_VERSION", "TransferError", "TransferCounts", "exported_tables", "export_lines",
           "export_database", "import_lines", "import_database"]

FORMAT = "factcheck-export"
FORMAT_VERSION = 1
# Parents before children; tables not listed here (added by later migrations) follow in name order.
_ORDER = ("articles", "claims", "quantities", "claim_dates", "sources", "claim_sources", "rating_scale",
          "reviewers", "known_claims", "claim_matches", "history")
# Filled by the migrations themselves; an import replaces their rows with the exported ones.
_SEEDED = frozenset({"rating_scale", "rating_names"})
# Not carried: the migration record (the header names the schema) and text_vectors, a cache of sentence vectors
# in databases older than migration 0013, which drops it.
_SKIPPED = frozenset({"_sqlite_migrations", "text_vectors"})


class TransferError(WorkbenchError, ValueError):
    """The export file or the target database is not fit for an import; the message says which line or table."""


@dataclass(frozen=True)
class TransferCounts:
    """Rows written (export) or read back (import), per table."""

    tables: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.tables.values())

    def describe(self) -> str:
        return ", ".join(f"{n} {table}" for table, n in self.tables.items() if n) or "nothing"


def exported_tables(db: sqlite_utils.Database) -> list[str]:
    """The ordinary tables an export carries (no SQLite internals, no FTS indexes), in reference order."""
    rows = db.execute("SELECT name, type FROM pragma_table_list WHERE schema = 'main'").fetchall()
    names = {name for name, kind in rows if kind == "table" and not name.startswith("sqlite_")
             and name not in _SKIPPED}
    return [t for t in _ORDER if t in names] + sorted(names - set(_ORDER))


def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info([{table}])")]


def _encode(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"$blob": base64.b64encode(value).decode("ascii")}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"$blob"}:
        return base64.b64decode(value["$blob"])
    return value


def export_lines(db: sqlite_utils.Database) -> Iterator[str]:
    """The export, one JSON line at a time (without newlines), read in one snapshot of the database."""
    for _, line in _export_records(db):
        yield line


def _export_records(db: sqlite_utils.Database) -> Iterator[tuple[str | None, str]]:
    """(table or None for the header, JSON line) pairs."""
    from db.migrations import schema_version

    tables = exported_tables(db)
    # One read transaction: writers may go on, the export still shows a single moment.
    own = not db.conn.in_transaction
    if own:
        db.conn.execute("BEGIN")
    try:
        yield None, json.dumps({"format": FORMAT, "version": FORMAT_VERSION, "schema": schema_version(db),
                                "tables": tables}, ensure_ascii=False)
        for table in tables:
            columns = _columns(db, table)
            select = ", ".join(f"[{c}]" for c in columns)
            cursor = db.conn.execute(f"SELECT rowid, {select} FROM [{table}] ORDER BY rowid")
            for values in cursor:
                row = {"rowid": values[0], **{c: _encode(v) for c, v in zip(columns, values[1:], strict=True)}}
                yield table, json.dumps({"table": table, "row": row}, ensure_ascii=False)
    finally:
        if own and db.conn.in_transaction:
            db.conn.execute("COMMIT")


def export_database(db: sqlite_utils.Database, destination: str | Path | IO[str]) -> TransferCounts:
    """Write the export to a new file (refusing to overwrite one) or to an open text stream.

    >>> export_database(db, "workbench.jsonl").describe()  # doctest: +SKIP
    '2 articles, 31 claims, 4 quantities, ...'
    """
    counts: dict[str, int] = {}

    def write(out: IO[str]) -> None:
        for table, line in _export_records(db):
            if table:
                counts[table] = counts.get(table, 0) + 1
            out.write(line + "\n")

    if not isinstance(destination, (str, Path)):
        write(destination)
        return TransferCounts(counts)
    target = Path(destination)
    if target.exists():
        raise TransferError(f"{target} already exists; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    # Written beside the target and renamed when complete: a crash never leaves a truncated export behind.
    try:
        with partial.open("w", encoding="utf-8") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return TransferCounts(counts)


def _parse(lines: Iterator[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise TransferError(f"line {number} is not JSON: {error.msg}") from None
        if not isinstance(value, dict):
            raise TransferError(f"line {number} is not a JSON object")
        yield number, value


def import_lines(db: sqlite_utils.Database, lines: Iterator[str] | list[str]) -> TransferCounts:
    """Load an export into this database, which must hold no data yet; all of it in one transaction or nothing."""
    records = _parse(iter(lines))
    first = next(records, None)
    if first is None or first[1].get("format") != FORMAT:
        raise TransferError("not a workbench export (the first line must be its header)")
    if first[1].get("version") != FORMAT_VERSION:
        raise TransferError(f"export format version {first[1].get('version')!r} is not supported")
    counts: dict[str, int] = {}
    tables = set(exported_tables(db))
    columns = {t: set(_columns(db, t)) for t in tables}
    try:
        with writing(db):
            busy = {t: n for t in tables - _SEEDED
                    if (n := db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0])}
            if busy:
                raise TransferError("import needs an empty database; this one already has "
                                    + ", ".join(f"{n} {t}" for t, n in sorted(busy.items())))
            # Rows may point forward (a claim's canonical_id); references are checked once, at commit.
            db.execute("PRAGMA defer_foreign_keys = ON")
            for table in _SEEDED & tables:
                db.execute(f"DELETE FROM [{table}]")
            for number, record in records:
                table, row = record.get("table"), record.get("row")
                if table not in tables or not isinstance(row, dict):
                    raise TransferError(f"line {number}: unknown table {table!r} or no row")
                unknown = set(row) - columns[table] - {"rowid"}
                if unknown:
                    raise TransferError(f"line {number}: {table} has no column {', '.join(sorted(unknown))}"
                                        " (was the export made by a newer version?)")
                names = list(row)
                try:
                    db.execute(f"INSERT INTO [{table}] ({', '.join(f'[{n}]' for n in names)})"
                               f" VALUES ({', '.join('?' for _ in names)})", [_decode(row[n]) for n in names])
                except sqlite3.IntegrityError as error:
                    raise TransferError(f"line {number}: {table} row refused: {error}") from None
                counts[table] = counts.get(table, 0) + 1
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise TransferError(f"the export's rows point at missing rows ({broken[0][0]} → {broken[0][2]})")
            _rebuild_search(db)
    except sqlite3.OperationalError as error:
        raise TransferError(f"the import failed and was undone: {error}") from None
    return TransferCounts({t: counts[t] for t in [*_ORDER, *sorted(counts)] if t in counts})


def _rebuild_search(db: sqlite_utils.Database) -> None:
    """External-content FTS indexes are derived data: rebuild them from the imported rows."""
    rows = db.execute("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'virtual'").fetchall()
    for (name,) in rows:
        sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [name]).fetchone()[0] or ""
        if "fts5" in sql.lower() and "content=" in sql.lower():
            db.execute(f"INSERT INTO [{name}]([{name}]) VALUES ('rebuild')")


def import_database(db: sqlite_utils.Database, source: str | Path | IO[str]) -> TransferCounts:
    """Import an export file (or open text stream) into an empty database; see import_lines."""
    if not isinstance(source, (str, Path)):
        return import_lines(db, source)
    path = Path(source)
    from claims.reading import not_a_regular_file

    if (problem := not_a_regular_file(path)) is not None:
        raise TransferError(f"{path}: {problem}")
    try:
        with path.open(encoding="utf-8-sig") as lines:
            return import_lines(db, lines)
    except OSError as error:
        raise TransferError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise TransferError(f"{path}: not UTF-8 (invalid byte at offset {error.start})") from None
