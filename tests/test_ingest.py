"""Ingest from the command line: sample articles once only, bad files named and skipped, nothing half-written."""
from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest
from cli_support import factcheck

from conftest import SEEDS
from db.connection import open_database

VIETNAMESE = ("Người phát ngôn Điện Kremlin Dmitry Peskov hôm 7/3 cho biết hơn 1,7 triệu người đã rời bỏ nhà cửa.\n"
              "Nga hiện kiểm soát tới 90% lãnh thổ vùng Donbass, theo Bộ Quốc phòng Anh.\n")
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def counts(db_path: Path) -> tuple[int, int]:
    db = open_database(db_path)
    try:
        return (db.execute("SELECT count(*) FROM articles").fetchone()[0],
                db.execute("SELECT count(*) FROM claims").fetchone()[0])
    finally:
        db.close()


def windows_1258(text: str) -> bytes:
    """Encode as Vietnamese Windows-1258 does: base letter, then the tone mark as a combining character."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
            out += base.encode("cp1258") + "".join(c for c in parts if c in TONE_MARKS).encode("cp1258")
    return out


def test_ingesting_the_sample_articles_twice_leaves_two_articles(db_path):
    first = factcheck("ingest", str(SEEDS), db=db_path)
    assert first.returncode == 0, first.stderr
    articles, claims = counts(db_path)
    assert articles == 2 and claims > 10
    second = factcheck("ingest", str(SEEDS), db=db_path)
    assert second.returncode == 0
    assert "already stored" in second.stdout
    assert counts(db_path) == (2, claims)


def test_db_option_wins_over_the_environment(tmp_path):
    chosen = tmp_path / "chosen.db"
    done = factcheck("ingest", str(SEEDS / "000_b40a4ec500c6cd00.txt"), "--db", str(chosen), db=tmp_path / "env.db")
    assert done.returncode == 0
    assert counts(chosen)[0] == 1
    assert not (tmp_path / "env.db").exists()


@pytest.mark.parametrize("name, data", [
    ("utf8-bom.txt", b"\xef\xbb\xbf" + VIETNAMESE.encode()),
    ("utf16.txt", VIETNAMESE.encode("utf-16")),
    ("windows1258.txt", windows_1258(VIETNAMESE)),
    ("crlf.txt", VIETNAMESE.replace("\n", "\r\n").encode()),
])
def test_newsroom_encodings_are_decoded_to_the_same_nfc_text(tmp_path, db, name, data):
    from pipelines.ingest import ingest_paths

    path = tmp_path / name
    path.write_bytes(data)
    (outcome,) = ingest_paths(db, [path])
    assert outcome.ok, outcome.error
    text = db.execute("SELECT text FROM articles").fetchone()[0]
    assert text == VIETNAMESE.strip()
    assert "Điện Kremlin" in text


def test_a_directory_with_bad_files_stores_the_good_ones_and_names_each_bad_one(tmp_path, db_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(VIETNAMESE, encoding="utf-8")
    (folder / "also-good.md").write_text("The ministry said 40,000 people were evacuated on March 8.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "latin.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d caf\xe9 " * 3 + b"\xff\xfe\xfd")
    (folder / "ignored.jpg").write_bytes(b"\xff\xd8\xff")
    done = factcheck("ingest", str(folder), db=db_path)
    stderr = done.stderr
    assert done.returncode == 1
    assert "Traceback" not in stderr
    bad_lines = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(bad_lines) == 3
    assert any("empty.txt" in line and "empty" in line for line in bad_lines)
    assert any("photo.txt" in line and "binary" in line for line in bad_lines)
    assert any("latin.txt" in line and "UTF-8" in line for line in bad_lines)
    assert counts(db_path)[0] == 2


def test_a_missing_file_is_a_clear_error(db_path):
    done = factcheck("ingest", "no/such/article.txt", db=db_path)
    assert done.returncode == 1
    assert "no/such/article.txt: does not exist" in done.stderr


def test_an_impossible_publication_date_is_refused_before_anything_is_stored(db_path):
    done = factcheck("ingest", str(SEEDS), "--published", "2022-02-31", db=db_path)
    assert done.returncode != 0
    assert "YYYY-MM-DD" in done.stderr and "Traceback" not in done.stderr
    assert counts(db_path) == (0, 0)


def test_ingest_stores_claims_whose_offsets_index_the_stored_text(seeded_db):
    rows = seeded_db.execute("SELECT a.text, c.start, c.\"end\", c.text FROM claims c"
                             " JOIN articles a ON a.id = c.article_id").fetchall()
    assert rows
    for article_text, start, end, claim_text in rows:
        assert article_text[start:end] == claim_text


def test_ingest_json_output_reports_each_file(db_path):
    done = factcheck("ingest", str(SEEDS), "--json", db=db_path)
    report = json.loads(done.stdout)
    assert report["stored"] == 2 and report["failed"] == 0
    assert {Path(f["file"]).name for f in report["files"]} == {p.name for p in SEEDS.iterdir()}


def test_duplicate_suggestions_are_stored_for_check_worthy_claims_only(db, monkeypatch):
    from pipelines import ingest

    opinion = "Tôi nghĩ chúng ta cần kiên nhẫn hơn nữa?"
    ingest.ingest_text(db, VIETNAMESE + opinion)
    second = ingest.ingest_text(db, "Tin mới.\n" + VIETNAMESE + opinion)
    suggested = {row[0] for row in db.execute("SELECT DISTINCT claim_id FROM claim_matches")}
    worthy = {row[0] for row in db.execute("SELECT id FROM claims WHERE checkworthy = 1")}
    assert suggested & set(second.claim_ids)
    assert suggested <= worthy

    monkeypatch.setattr(ingest, "MAX_SUGGESTED_CLAIMS", 1)
    third = ingest.ingest_text(db, "Bản tin thứ ba.\n" + VIETNAMESE)
    marks = ", ".join("?" for _ in third.claim_ids)
    capped = [row[0] for row in db.execute(
        f"SELECT DISTINCT claim_id FROM claim_matches WHERE claim_id IN ({marks})", third.claim_ids)]
    assert len(capped) == 1


# A named pipe (FIFO) given as an article would wait for a writer forever: it is refused, or passed over in a walk.

@pytest.mark.timeout(30)
@pytest.mark.parametrize("command", [["ingest"], ["import-claims"], ["import"], ["extract"]])
def test_a_named_pipe_is_refused_instead_of_waited_on(tmp_path, db_path, command):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    extra = [] if command == ["extract"] else ["--db", db_path]
    done = factcheck(*command, fifo, *extra)
    assert done.returncode == 1
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.timeout(60)
def test_a_directory_walk_passes_over_a_named_pipe(tmp_path, db_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(VIETNAMESE, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    done = factcheck("ingest", folder, "--db", db_path)
    assert done.returncode == 0, done.stderr
    assert "1 stored" in done.stdout
