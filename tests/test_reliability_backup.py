"""Backups taken while reviewers write are sound and restorable; a restore takes only a sound backup, the one
named."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_support import factcheck
from store_support import ALL_TABLES, rows

from claims.model import Claim, Extraction
from db.articles import store_article
from db.claims import get_claim, update_claim
from db.connection import open_database
from pipelines.ingest import ingest_text

PROJECT = Path(__file__).resolve().parent.parent
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
    live_history = len(rows(db_path, "history"))
    assert live_history > len(rows(backups[0], "history")), "the writers went on after the backup"
    # Restore the first backup over the live database: it is exactly the backup again, and still works.
    done = factcheck("restore", str(backups[0]), "--db", str(db_path))
    assert done.returncode == 0 and "restored" in done.stdout, done.stderr
    for table in ALL_TABLES:
        assert rows(db_path, table) == rows(backups[0], table), table
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
    before = {t: rows(full_db, t) for t in ALL_TABLES}
    with pytest.raises(BackupError):
        restore(bogus, full_db)
    assert {t: rows(full_db, t) for t in ALL_TABLES} == before
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
