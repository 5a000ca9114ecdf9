"""Backups taken while reviewers write are sound and restorable; export → import loses nothing, row by row."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_support import factcheck

from claims.model import Claim, Extraction
from db.articles import store_article
from db.claim_edits import merge_claims, split_claim
from db.claims import ClaimFilter, claim_queue, get_claim, update_claim
from db.connection import open_database
from db.history import now
from db.reviewers import register_reviewer
from db.transfer import TransferError, export_database, exported_tables, import_database
from evidence.review import save_review
from evidence.sources import attach_source
from pipelines.ingest import ingest_paths, ingest_text

PROJECT = Path(__file__).resolve().parent.parent
ALL_TABLES = ("articles", "claims", "quantities", "claim_dates", "sources", "claim_sources", "rating_scale",
              "reviewers", "known_claims", "claim_matches", "history")

# A reviewer process: random verdict edits until the stop file appears (each edit = claim row + history row).
WRITER = """
import random, sys, time
from pathlib import Path
sys.path.insert(0, {project!r})
from db.claims import VersionConflict, get_claim, update_claim
from db.connection import open_database
db = open_database({db!r})
rng, ids, n = random.Random({seed}), {ids!r}, 0
while not Path({stop!r}).exists():
    claim = get_claim(db, rng.choice(ids))
    try:
        update_claim(db, claim.id, expected_version=claim.version, reviewer="Writer {seed}",
                     changes={{"verdict": "Kết luận " * rng.randint(1, 40) + str(n)}})
        n += 1
    except VersionConflict:
        pass
print(n)
"""


def _rows(db_or_path, table: str) -> list[tuple]:
    conn = sqlite3.connect(db_or_path) if isinstance(db_or_path, (str, Path)) else db_or_path.conn
    try:
        return conn.execute(f"SELECT rowid, * FROM [{table}] ORDER BY rowid").fetchall()
    finally:
        if isinstance(db_or_path, (str, Path)):
            conn.close()


def _bulk_article(db, claims: int, tag: str = "") -> list[int]:
    sentences = [f"Bộ Tài chính{tag} cho biết thu ngân sách quý {i % 4 + 1} đạt {i} nghìn tỷ đồng, tăng {i % 30}%."
                 for i in range(claims)]
    spans, start = [], 0
    for sentence in sentences:
        spans.append(Claim(text=sentence, start=start, end=start + len(sentence), checkworthy=True, score=0.8))
        start += len(sentence) + 1
    stored = store_article(db, text=" ".join(sentences), title=f"Ngân sách{tag}",
                           extraction=Extraction("vi", tuple(spans)))
    return list(stored.claim_ids)


@pytest.fixture
def full_db(db_path):
    """A database with something in every table: seeds, verdicts, corrections, sources, splits, merges, matches."""
    db = open_database(db_path)
    assert all(o.ok for o in ingest_paths(db, [PROJECT / "seeds"], added_by="Lan"))
    register_reviewer(db, "Lan")
    register_reviewer(db, "Minh")
    ids = [c.id for c in claim_queue(db, ClaimFilter(checkworthy=None), limit=100).claims]
    assert len(ids) >= 6
    first = save_review(db, ids[0], expected_version=1, reviewer="Lan", rating="False", status="drafted",
                        rationale="Số liệu chính thức là 1,2 triệu.", verdict="Sai.")
    first = save_review(db, ids[0], expected_version=first.version, reviewer="Lan", status="published")
    save_review(db, ids[0], expected_version=first.version, reviewer="Minh", rating="Mostly false",
                rationale="Đính chính: 1,5 triệu.")
    attach_source(db, ids[0], url="https://example.gov.vn/bao-cao", stance="refutes", reviewer="Lan",
                  published="2024-03-01", excerpt="1,2 triệu người", title="Báo cáo")
    attach_source(db, ids[1], url="https://example.org/data", stance="context", reviewer="Minh")
    update_claim(db, ids[2], expected_version=1, reviewer="Minh", changes={"assignee": "Minh", "text": "Sửa lời."})
    split_at = get_claim(db, ids[3])
    split_claim(db, ids[3], (split_at.start + split_at.end) // 2, expected_version=1, reviewer="Lan")
    # two neighbours of one article, untouched above (the queue's order mixes articles)
    article = get_claim(db, ids[4]).article_id
    rows = db.execute("SELECT id FROM claims WHERE article_id = ? AND status = 'new' ORDER BY start",
                      [article]).fetchall()
    neighbours = [r[0] for r in rows if r[0] not in ids[:4]][:2]
    merge_claims(db, neighbours, reviewer="Minh")
    # A duplicate pointing forward to a claim with a higher id, and past checks with their matches.
    update_claim(db, ids[1], expected_version=1, reviewer="Lan", changes={"canonical_id": ids[-1]})
    db.execute("INSERT INTO known_claims (id, text, folded, verdict, url, published, imported_at)"
               " VALUES ('kc-1', 'Điện Kremlin nói 1,7 triệu', 'dien kremlin noi 1,7 trieu', 'False',"
               " 'https://example.org/kc-1', '2023-05-01', ?)", [now()])
    db.execute("INSERT INTO claim_matches (claim_id, other_kind, other_id, score, relation, created_at)"
               " VALUES (?, 'known', 'kc-1', 91.5, 'duplicate', ?)", [ids[0], now()])
    yield db
    db.close()


def test_an_export_covers_every_table_of_the_store(full_db):
    assert set(ALL_TABLES) <= set(exported_tables(full_db))
    assert not [t for t in exported_tables(full_db) if "fts" in t or t.startswith(("sqlite_", "_sqlite"))]
    for table in ALL_TABLES:
        assert _rows(full_db, table), f"the fixture leaves {table} empty"


def test_export_then_import_into_an_empty_database_reproduces_every_row_ids_included(full_db, tmp_path):
    export = tmp_path / "all.jsonl"
    written = export_database(full_db, export)
    copy = open_database(tmp_path / "copy.db")
    read = import_database(copy, export)
    assert read.tables == written.tables
    for table in exported_tables(full_db):
        assert _rows(copy, table) == _rows(full_db, table), table
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
        assert _rows(copy, table) == _rows(full_db, table), table
    piped = factcheck("export", "-", "--db", str(db_path)).stdout
    assert piped == export.read_text(encoding="utf-8")
    done = factcheck("import", "-", "--db", str(tmp_path / "piped.db"), stdin=piped)
    assert done.returncode == 0, done.stderr


def test_import_into_a_database_that_has_data_is_refused_and_changes_nothing(full_db, db_path, tmp_path):
    export = tmp_path / "all.jsonl"
    export_database(full_db, export)
    before = {t: _rows(full_db, t) for t in ALL_TABLES}
    done = factcheck("import", str(export), "--db", str(db_path))
    assert done.returncode == 1 and "empty database" in done.stderr and "Traceback" not in done.stderr
    assert {t: _rows(full_db, t) for t in ALL_TABLES} == before


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
    assert [t for t in ALL_TABLES if t != "rating_scale" and _rows(copy, t)] == []
    assert len(_rows(copy, "rating_scale")) == 6
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


def _consistent(path: Path, claim_ids: list[int]) -> list[int]:
    """Claims whose version disagrees with their history: a backup mixing two moments would show some."""
    conn = sqlite3.connect(path)
    try:
        marks = ", ".join("?" for _ in claim_ids)
        return [r[0] for r in conn.execute(
            f"SELECT c.id FROM claims c WHERE c.id IN ({marks}) AND c.version - 1 != (SELECT count(*) FROM history h"
            " WHERE h.claim_id = c.id AND h.entity = 'claim' AND h.entity_id LIKE c.id || '@%')", claim_ids)]
    finally:
        conn.close()


def test_backup_while_reviewers_write_is_sound_and_restore_brings_it_back(db_path, tmp_path):
    db = open_database(db_path)
    claim_ids = _bulk_article(db, 2000)
    assert db.execute("PRAGMA page_count").fetchone()[0] > 256, "the copy must take several backup steps"
    db.close()
    stop = tmp_path / "stop"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER.format(project=str(PROJECT), db=str(db_path),
                                                                     seed=seed, ids=claim_ids[:200], stop=str(stop))],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for seed in range(3)]
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # wait until the reviewers are really writing
            conn = sqlite3.connect(db_path)
            written = conn.execute("SELECT count(*) FROM history WHERE entity = 'claim'").fetchone()[0]
            conn.close()
            if written >= 50:
                break
            time.sleep(0.05)
        backups = [tmp_path / "backup.db"]
        for target in backups:
            done = factcheck("backup", str(target), "--db", str(db_path))
            assert done.returncode == 0 and "backed up" in done.stdout, done.stderr
    finally:
        stop.touch()
        outputs = [w.communicate(timeout=60) for w in writers]
    assert all(w.returncode == 0 for w in writers), [err for _, err in outputs]
    writes = sum(int(out) for out, _ in outputs)
    assert writes > 0
    for target in backups:
        assert not Path(f"{target}-wal").exists() or Path(f"{target}-wal").stat().st_size == 0
        conn = sqlite3.connect(target)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
        assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 2000
        conn.close()
        assert _consistent(target, claim_ids[:200]) == []
    live_history = len(_rows(db_path, "history"))
    assert live_history > len(_rows(backups[0], "history")), "the writers went on after the backup"
    # Restore the first backup over the live database: it is exactly the backup again, and still works.
    done = factcheck("restore", str(backups[0]), "--db", str(db_path))
    assert done.returncode == 0 and "restored" in done.stdout, done.stderr
    for table in ALL_TABLES:
        assert _rows(db_path, table) == _rows(backups[0], table), table
    db = open_database(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    claim = get_claim(db, claim_ids[0])
    assert update_claim(db, claim.id, expected_version=claim.version, reviewer="Lan",
                        changes={"assignee": "Lan"}).version == claim.version + 1
    db.close()


@pytest.mark.parametrize("content", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 200])
def test_restore_from_a_file_that_is_not_a_sound_backup_is_refused_and_changes_nothing(full_db, tmp_path, content):
    from db.backup import BackupError, restore

    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(content)
    before = {t: _rows(full_db, t) for t in ALL_TABLES}
    with pytest.raises(BackupError):
        restore(bogus, full_db)
    assert {t: _rows(full_db, t) for t in ALL_TABLES} == before
    assert os.path.getsize(bogus) == len(content)


def test_factcheck_restore_of_a_bogus_file_is_a_one_line_error(db_path, tmp_path):
    open_database(db_path).close()
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database at all")
    done = factcheck("restore", str(bogus), "--db", str(db_path))
    assert done.returncode == 1 and "Traceback" not in done.stderr and done.stderr.startswith("error: ")


@pytest.mark.parametrize("name", ["bk#1.db", "bk?mode=memory.db", "bk%20x.db"])
def test_restore_reads_the_backup_named_even_with_uri_characters(db_path, tmp_path, name):
    db = open_database(db_path)
    ingest_text(db, "Người phát ngôn Điện Kremlin cho biết hơn 1,7 triệu người đã rời bỏ nhà cửa kể từ ngày 8/3.")
    db.close()
    backup = tmp_path / name
    assert factcheck("backup", backup, "--db", db_path).returncode == 0
    decoy = tmp_path / "bk"  # what the name would open if its #, ? or % were read as a URI's
    shutil.copy(db_path, decoy)
    conn = sqlite3.connect(decoy)
    conn.execute("DELETE FROM claim_dates")
    conn.commit()
    conn.close()
    target = tmp_path / "restored.db"
    done = factcheck("restore", backup, "--db", target)
    assert done.returncode == 0, done.stderr
    db = open_database(target)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM claim_dates").fetchone()[0] == 1
