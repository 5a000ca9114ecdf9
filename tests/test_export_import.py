"""Export and import of a whole desk (`factcheck export`, `factcheck import`): JSON Lines with every table, read
back row by row with ids included; a damaged export or a database that has data imports nothing."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import factcheck
from store_support import ALL_TABLES, rows

from db.claims import ClaimFilter, claim_queue
from db.connection import open_database
from db.transfer import TransferError, export_database, exported_tables, import_database


def test_an_export_covers_every_table_of_the_store(full_db):
    assert set(ALL_TABLES) <= set(exported_tables(full_db))
    assert not [t for t in exported_tables(full_db) if "fts" in t or t.startswith(("sqlite_", "_sqlite"))]
    for table in ALL_TABLES:
        assert rows(full_db, table), f"the fixture leaves {table} empty"


def test_export_then_import_into_an_empty_database_reproduces_every_row_ids_included(full_db, tmp_path):
    export = tmp_path / "all.jsonl"
    written = export_database(full_db, export)
    copy = open_database(tmp_path / "copy.db")
    read = import_database(copy, export)
    assert read.tables == written.tables
    for table in exported_tables(full_db):
        assert rows(copy, table) == rows(full_db, table), table
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.execute("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
    found = claim_queue(copy, ClaimFilter(search="dien kremlin", checkworthy=None)).claims
    assert found and found == claim_queue(full_db, ClaimFilter(search="dien kremlin", checkworthy=None)).claims
    copy.close()


def test_the_export_is_json_lines_with_a_header_and_one_section_per_table(full_db, tmp_path):
    export = tmp_path / "all.jsonl"
    export_database(full_db, export)
    lines = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["format"] == "factcheck-export" and lines[0]["schema"]
    order = [line["table"] for line in lines[1:]]
    sections = [t for i, t in enumerate(order) if i == 0 or order[i - 1] != t]
    assert len(sections) == len(set(sections)), "each table in one contiguous section"
    assert sections.index("articles") < sections.index("claims") < sections.index("history")


def test_factcheck_export_and_import_round_trip_through_the_command_line(full_db, db_path, tmp_path):
    export, copy = tmp_path / "cli.jsonl", tmp_path / "cli-copy.db"
    done = factcheck("export", str(export), "--db", str(db_path))
    assert done.returncode == 0 and "exported" in done.stdout, done.stderr
    done = factcheck("import", str(export), "--db", str(copy))
    assert done.returncode == 0 and "imported" in done.stdout, done.stderr
    for table in ALL_TABLES:
        assert rows(copy, table) == rows(full_db, table), table
    piped = factcheck("export", "-", "--db", str(db_path)).stdout
    assert piped == export.read_text(encoding="utf-8")
    done = factcheck("import", "-", "--db", str(tmp_path / "piped.db"), stdin=piped)
    assert done.returncode == 0, done.stderr


def test_import_into_a_database_that_has_data_is_refused_and_changes_nothing(full_db, db_path, tmp_path):
    export = tmp_path / "all.jsonl"
    export_database(full_db, export)
    before = {t: rows(full_db, t) for t in ALL_TABLES}
    done = factcheck("import", str(export), "--db", str(db_path))
    assert done.returncode == 1 and "empty database" in done.stderr and "Traceback" not in done.stderr
    assert {t: rows(full_db, t) for t in ALL_TABLES} == before


def _damage(export: Path, damage: str) -> None:
    lines = export.read_text(encoding="utf-8").splitlines()
    if damage == "cut":
        lines[-1] = lines[-1][: len(lines[-1]) // 2]
    elif damage == "garbage":
        lines.insert(5, "not json {")
    elif damage == "unknown_table":
        lines.insert(5, json.dumps({"table": "users; DROP TABLE claims", "row": {"id": 1}}))
    elif damage == "unknown_column":
        lines.insert(5, json.dumps({"table": "articles", "row": {"id": 99, "password": "x"}}))
    elif damage == "dangling_reference":
        lines.insert(5, json.dumps({"table": "quantities", "row": {"id": 9999, "claim_id": 424242, "text": "5%",
                                                                    "start": 0, "end": 2, "value": 5.0}}))
    else:
        lines = lines[1:]
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("damage", ["cut", "garbage", "unknown_table", "unknown_column", "dangling_reference",
                                    "no_header"])
def test_a_damaged_export_imports_nothing(full_db, tmp_path, damage):
    export = tmp_path / "all.jsonl"
    export_database(full_db, export)
    _damage(export, damage)
    copy = open_database(tmp_path / "target.db")
    with pytest.raises(TransferError):
        import_database(copy, export)
    assert [t for t in ALL_TABLES if t != "rating_scale" and rows(copy, t)] == []
    assert len(rows(copy, "rating_scale")) == 6
    copy.close()


def test_factcheck_import_of_a_damaged_export_says_which_line_in_one_line(full_db, tmp_path):
    export = tmp_path / "all.jsonl"
    export_database(full_db, export)
    _damage(export, "garbage")
    done = factcheck("import", str(export), "--db", str(tmp_path / "target.db"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("error: ") and "line 6" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_export_never_overwrites_a_file(full_db, db_path, tmp_path):
    export = tmp_path / "exists.jsonl"
    export.write_text("keep me", encoding="utf-8")
    with pytest.raises(TransferError, match="already exists"):
        export_database(full_db, export)
    done = factcheck("export", str(export), "--db", str(db_path))
    assert done.returncode == 1 and "already exists" in done.stderr
    assert export.read_text(encoding="utf-8") == "keep me"
