"""Hostile input that once got through, each case through the command line or the library a user drives:
a one-line message naming the input, nothing half-done, no traceback."""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from db.connection import NewerDatabase, open_database
from evidence.claimreview import render_claimreview_json
from evidence.csv_export import defuse_formula
from evidence.report import ReportScope, build_report
from evidence.review import save_review
from pipelines.ingest import ingest_text

PROJECT = Path(__file__).resolve().parent.parent
FACTCHECK = PROJECT / ".venv" / "bin" / "factcheck"
ARTICLE = "Người phát ngôn Điện Kremlin cho biết hơn 1,7 triệu người đã rời bỏ nhà cửa kể từ ngày 8/3."


def _factcheck(*args: str, stdin: bytes | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    done = subprocess.run([str(FACTCHECK), *map(str, args)], capture_output=True, input=stdin, timeout=timeout,
                          cwd=PROJECT)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8", "replace"),
                                       done.stderr.decode("utf-8", "replace"))


def _one_line_error(done: subprocess.CompletedProcess, *words: str) -> str:
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def _known_count(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT count(*) FROM known_claims").fetchone()[0]
    finally:
        conn.close()


# 1. A CSV with one unclosed quote must import nothing and name the row.

def _archive_csv(path: Path, rows: int, *, broken_row: int | None = None) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "text", "verdict"])
    for i in range(1, rows + 1):
        writer.writerow([f"pf-{i}", f"Claim {i}: the ministry counted {i * 7} new cases", "False"])
    lines = buffer.getvalue().splitlines(keepends=True)
    if broken_row is not None:
        lines[broken_row] = lines[broken_row].replace("Claim", '"Claim', 1)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_a_csv_row_with_an_unclosed_quote_imports_nothing_and_names_its_line(tmp_path, db_path):
    archive = _archive_csv(tmp_path / "archive.csv", 1000, broken_row=10)
    done = _factcheck("import-claims", archive, "--db", db_path)
    _one_line_error(done, "archive.csv", "line 11", "unclosed quote")
    assert _known_count(db_path) == 0


def test_an_unclosed_quote_closed_far_below_is_still_caught(tmp_path, db_path):
    archive = _archive_csv(tmp_path / "archive.csv", 300, broken_row=10)
    text = archive.read_text(encoding="utf-8").splitlines(keepends=True)
    text[200] = text[200].replace("Claim", 'Claim "quoted', 1)  # a stray quote far below closes the field
    archive.write_text("".join(text), encoding="utf-8")
    done = _factcheck("import-claims", archive, "--db", db_path)
    _one_line_error(done, "line 11", "unclosed quote")
    assert _known_count(db_path) == 0


def test_a_sound_csv_of_a_thousand_rows_imports_a_thousand(tmp_path, db_path):
    done = _factcheck("import-claims", _archive_csv(tmp_path / "archive.csv", 1000), "--db", db_path)
    assert done.returncode == 0, done.stderr
    assert "imported 1000" in done.stdout
    assert _known_count(db_path) == 1000


# 2. report -o never overwrites the database, an existing file only with --force, and writes atomically.

@pytest.fixture
def stored(db_path):
    db = open_database(db_path)
    ingest_text(db, ARTICLE, title="Kremlin")
    db.close()
    return db_path


def test_report_refuses_to_write_over_the_database(stored):
    before = stored.read_bytes()
    _one_line_error(_factcheck("report", "--db", stored, "-o", stored), "database itself")
    _one_line_error(_factcheck("report", "--db", stored, "-o", stored, "--force"), "database itself")
    assert stored.read_bytes() == before
    assert open_database(stored).execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_report_refuses_an_existing_file_unless_forced(stored, tmp_path):
    target = tmp_path / "report.md"
    target.write_text("my notes", encoding="utf-8")
    _one_line_error(_factcheck("report", "--db", stored, "-o", target), "already exists", "--force")
    assert target.read_text(encoding="utf-8") == "my notes"
    done = _factcheck("report", "--db", stored, "-o", target, "--force")
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8").startswith("# Fact-check report")
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


# 3. restore takes the file named, even with URI characters in its name.

@pytest.mark.parametrize("name", ["bk#1.db", "bk?mode=memory.db", "bk%20x.db"])
def test_restore_reads_the_backup_named_even_with_uri_characters(stored, tmp_path, name):
    backup = tmp_path / name
    assert _factcheck("backup", backup, "--db", stored).returncode == 0
    decoy = tmp_path / "bk"
    shutil.copy(stored, decoy)
    conn = sqlite3.connect(decoy)
    conn.execute("DELETE FROM claim_dates")
    conn.commit()
    conn.close()
    target = tmp_path / "restored.db"
    done = _factcheck("restore", backup, "--db", target)
    assert done.returncode == 0, done.stderr
    db = open_database(target)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM claim_dates").fetchone()[0] >= 1


# 4 and 11. NUL characters, types and duplicate ids in an archive.

@pytest.mark.parametrize(("line", "words"), [
    ('{"id": "n\\u0000ul", "text": "Wombats share burrows"}', ["line 1", "NUL"]),
    ('{"id": "x", "text": "Wombats share\\u0000 burrows"}', ["line 1", "NUL"]),
    ('{"id": "x", "text": "Wombats share burrows", "verdict": {"rating": "False"}}', ["line 1", "verdict", "text"]),
    ('{"id": "x", "text": "Wombats share burrows", "url": 123}', ["line 1", "url"]),
    ('{"id": "x", "text": "Wombats share burrows", "published": 2020}', ["line 1", "published"]),
    ('{"id": [1], "text": "Wombats share burrows"}', ["line 1", "id"]),
    ('{"id": true, "text": "Wombats share burrows"}', ["line 1", "id"]),
])
def test_an_archive_line_with_nul_or_a_wrong_type_is_refused_whole(tmp_path, db_path, line, words):
    archive = tmp_path / "archive.jsonl"
    archive.write_text('{"id": "ok-1", "text": "A sound line first"}\n'.replace("1\"", "1\"") + line + "\n",
                       encoding="utf-8")
    words = [w.replace("line 1", "line 2") for w in words]
    _one_line_error(_factcheck("import-claims", archive, "--db", db_path), "archive.jsonl", *words)
    assert _known_count(db_path) == 0


def test_the_same_id_twice_in_one_archive_is_named_and_nothing_imported(tmp_path, db_path):
    archive = tmp_path / "archive.jsonl"
    archive.write_text('{"id": 7, "text": "Wombats share burrows"}\n{"id": "8", "text": "Koalas sleep"}\n'
                       '{"id": "7", "text": "Wombats do not share burrows"}\n', encoding="utf-8")
    _one_line_error(_factcheck("import-claims", archive, "--db", db_path), "line 3", "'7'", "line 1")
    assert _known_count(db_path) == 0


def test_a_csv_with_the_same_id_twice_is_refused(tmp_path, db_path):
    archive = tmp_path / "archive.csv"
    archive.write_text("id,text\na,One claim\nb,Another\na,A third\n", encoding="utf-8")
    _one_line_error(_factcheck("import-claims", archive, "--db", db_path), "line 4", "'a'")
    assert _known_count(db_path) == 0


# 5. No traceback for a read-only database, a full disk, deep JSON, an unusable --db folder, a newer schema.

def test_deeply_nested_json_gets_one_line(tmp_path, db_path):
    archive = tmp_path / "deep.jsonl"
    archive.write_text('{"id": "x", "text": ' + "[" * 100_000 + "]" * 100_000 + "}\n", encoding="utf-8")
    _one_line_error(_factcheck("import-claims", archive, "--db", db_path), "nested too deeply")
    _one_line_error(_factcheck("match", "--jsonl", archive, "--db", db_path), "nested too deeply")


def test_a_db_whose_folder_cannot_be_created_gets_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    _one_line_error(_factcheck("ingest", PROJECT / "seeds", "--db", blocker / "sub" / "x.db"), "cannot create")


def test_a_database_from_a_newer_version_is_refused_before_anything_is_read_or_written(stored):
    conn = sqlite3.connect(stored)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                 " VALUES ('factcheck', '0999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    before = stored.read_bytes()
    _one_line_error(_factcheck("search", "Kremlin", "--db", stored), "newer version", "0999_from_the_future")
    _one_line_error(_factcheck("ingest", PROJECT / "seeds", "--db", stored), "newer version")
    assert stored.read_bytes() == before
    with pytest.raises(NewerDatabase):
        open_database(stored)


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


def test_a_database_in_a_read_only_folder_is_read_and_refuses_writes_in_one_line(stored, tmp_path):
    # 12: reads work; 5: a write is one line, nothing changed.
    folder = tmp_path / "share"
    folder.mkdir()
    open_database(stored).close()
    shutil.copy(stored, folder / "desk.db")
    new_article = tmp_path / "new.txt"
    new_article.write_text("Giá xăng tăng 17% trong tháng 3, theo Bộ Công Thương.", encoding="utf-8")
    archive = _archive_csv(tmp_path / "archive.csv", 5)
    with _immutable(folder / "desk.db", folder):
        found = _factcheck("search", "Kremlin", "--db", folder / "desk.db")
        assert found.returncode == 0, found.stderr
        assert "1,7 triệu" in found.stdout
        report = _factcheck("report", "--db", folder / "desk.db")
        assert report.returncode == 0, report.stderr
        _one_line_error(_factcheck("ingest", new_article, "--db", folder / "desk.db"), "read-only")
        _one_line_error(_factcheck("import-claims", archive, "--db", folder / "desk.db"), "read-only")
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
        _one_line_error(_factcheck("import-claims", big, "--db", db_path), "disk is full")
        db = open_database(db_path)
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert db.execute("SELECT count(*) FROM known_claims").fetchone()[0] == 0
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.close()
    finally:
        subprocess.run(["umount", str(mount)], check=False)


# 8. ClaimReview can be embedded in a page.

def test_claimreview_json_cannot_close_the_script_element_it_is_embedded_in(db):
    article = ingest_text(db, "The minister said that exports rose 12% in 2023 </script><script>alert(1)</script>"
                              " & more.", title="Exports")
    claim_id = db.execute("SELECT id FROM claims WHERE article_id = ? ORDER BY start", [article.article_id]
                          ).fetchone()[0]
    save_review(db, claim_id, expected_version=1, reviewer="Lan", rating="False",
                rationale="No <b>such</b> rise & </script>", status="drafted")
    save_review(db, claim_id, expected_version=2, reviewer="Minh", status="published")
    text = render_claimreview_json(build_report(db, ReportScope()))
    assert "<" not in text and ">" not in text and "&" not in text
    reviews = json.loads(text)
    assert reviews[0]["reviewRating"]["alternateName"] == "False"
    assert "</script><script>" in reviews[0]["claimReviewed"]


# 9. Full-width formula signs.

@pytest.mark.parametrize("cell", ["＝HYPERLINK(\"http://x\")", "＋1", "－1", "＠SUM(A1)", " =1+1", "\u3000=1"])
def test_csv_defuses_full_width_and_space_led_formulas(cell):
    assert defuse_formula(cell) == "'" + cell


# 10. FIFOs never hang a command.

@pytest.mark.parametrize("command", [["ingest"], ["import-claims"], ["import"], ["extract"]])
def test_a_named_pipe_is_refused_instead_of_waited_on(tmp_path, db_path, command):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    extra = [] if command == ["extract"] else ["--db", db_path]
    done = _factcheck(*command, fifo, *extra, timeout=30)
    assert done.returncode == 1
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr


def test_a_directory_walk_passes_over_a_named_pipe(tmp_path, db_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    done = _factcheck("ingest", folder, "--db", db_path, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "1 stored" in done.stdout
