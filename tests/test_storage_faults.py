"""Storage faults under the database: a read-only share is read and refuses writes, a full disk stops an import.
Each is one line naming the trouble, and nothing stored is lost or changed."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess  # chattr and mount, to make a read-only share and a full disk
from pathlib import Path

import pytest
from cli_support import factcheck, one_line_error

from conftest import ARTICLE
from db.connection import open_database
from pipelines.ingest import ingest_text


@contextlib.contextmanager
def _immutable(*paths: Path):
    """Files and folders even root cannot write (chattr +i), as a read-only share or a colleague's file is."""
    done = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"chattr +i is not available here: {done.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *map(str, paths)], check=True)


def _archive(path: Path, rows: int) -> Path:
    path.write_text("id,text,verdict\n" + "".join(f"pf-{i},Claim {i}: {i * 7} new cases,False\n"
                                                  for i in range(1, rows + 1)), encoding="utf-8")
    return path


def test_a_database_in_a_read_only_folder_is_read_and_refuses_writes_in_one_line(loaded, tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    open_database(loaded).close()
    shutil.copy(loaded, folder / "desk.db")
    new_article = tmp_path / "new.txt"
    new_article.write_text("Giá xăng tăng 17% trong tháng 3, theo Bộ Công Thương.", encoding="utf-8")
    archive = _archive(tmp_path / "archive.csv", 5)
    with _immutable(folder / "desk.db", folder):
        found = factcheck("search", "Kremlin", "--db", folder / "desk.db")
        assert found.returncode == 0, found.stderr
        assert "1,7 triệu" in found.stdout
        report = factcheck("report", "--db", folder / "desk.db")
        assert report.returncode == 0, report.stderr
        one_line_error(factcheck("ingest", new_article, "--db", folder / "desk.db"), "read-only")
        one_line_error(factcheck("import-claims", archive, "--db", folder / "desk.db"), "read-only")
    db = open_database(folder / "desk.db")
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM known_claims").fetchone()[0] == 0


def test_a_full_disk_gets_one_line_and_keeps_what_was_stored(tmp_path):
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here to fill")
    try:
        db_path = mount / "desk.db"
        db = open_database(db_path)
        ingest_text(db, ARTICLE, title="Kremlin")
        db.close()
        big = tmp_path / "big.jsonl"
        with big.open("w", encoding="utf-8") as out:
            for i in range(20_000):
                out.write(json.dumps({"id": f"x{i}", "text": f"Claim {i} " + "wombat " * 20}) + "\n")
        one_line_error(factcheck("import-claims", big, "--db", db_path), "disk is full")
        db = open_database(db_path)
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert db.execute("SELECT count(*) FROM known_claims").fetchone()[0] == 0
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.close()
    finally:
        subprocess.run(["umount", str(mount)], check=False)
