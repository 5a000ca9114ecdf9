"""`factcheck publish-archive`: a desk's published verdicts, and nothing else, in a separate database that Datasette
serves read-only; a second desk imports it from Datasette's JSON and finds the first desk's verdict, named."""
from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from cli_support import factcheck
from web_support import local_site

from conftest import PROJECT
from db.accounts import add_account
from db.claims import get_claim
from db.connection import open_database
from db.notes import add_note
from db.settings import set_setting
from evidence.review import save_review
from evidence.web_sources import attach_source_keeping_copy
from pipelines.ingest import ingest_text

DATASETTE = Path(sys.executable).parent / "datasette"
PUBLISHED = "Bộ Y tế cho biết hơn 1,7 triệu người đã được tiêm chủng trong tháng 3."
DRAFTED = "Giá xăng RON 95 tăng 1.200 đồng mỗi lít từ ngày 8/3."
DRAFT_RATIONALE = "Bản nháp: chưa kiểm tra nguồn thứ hai"
NOTE = "Ghi chú nội bộ: gọi lại cho nguồn tin ở Bộ trước khi đăng"
SECRET = "correct horse battery staple 42"


def _publish(db, claim_id: int, **fields) -> None:
    save_review(db, claim_id, expected_version=get_claim(db, claim_id).version, reviewer="Lan", status="drafted",
                **fields)
    save_review(db, claim_id, expected_version=get_claim(db, claim_id).version, reviewer="Minh", status="published")


@pytest.fixture
def desk(db, db_path):
    """Desk A: one published verdict with a source whose page it kept, one draft, accounts and a setting."""
    add_account(db, "lan.tran", role="reviewer", password=SECRET, name="Lan")
    add_account(db, "minh.le", role="editor", password=SECRET, name="Minh")
    set_setting(db, "private_networks", "10.20.0.0/16", changed_by="Minh")
    published = ingest_text(db, PUBLISHED, title="Tiêm chủng", published="2024-03-09").claim_ids[0]
    drafted = ingest_text(db, DRAFTED, title="Giá xăng").claim_ids[0]
    with local_site() as site:
        url = site.page("/bao-cao.html", "<html><head><title>Báo cáo tiêm chủng</title></head><body><article>"
                        "<p>Tính đến ngày 31/3, 1,2 triệu người đã được tiêm chủng.</p></article></body></html>")
        attached = attach_source_keeping_copy(db, published, url=url, stance="refutes", reviewer="Lan",
                                              title="Báo cáo tiêm chủng", allow_private=True)
    assert attached.kept_copy
    _publish(db, published, rating="False", rationale="Báo cáo của Bộ ghi 1,2 triệu người.")
    add_note(db, published, author="Lan", text=NOTE)  # on the published claim: still the desk's own
    save_review(db, drafted, expected_version=get_claim(db, drafted).version, reviewer="Lan", status="drafted",
                rating="True", rationale=DRAFT_RATIONALE)
    return {"db": db, "path": db_path, "published": published, "drafted": drafted, "source": url}


def _archive(desk, tmp_path) -> Path:
    archive = tmp_path / "published" / "archive.db"
    result = factcheck("publish-archive", str(archive), "--publisher-name", "Desk A", "--publisher-url",
                       "https://desk-a.example", db=desk["path"])
    assert result.returncode == 0, result.stderr
    published = desk["db"].execute("SELECT count(*) FROM claims WHERE status = 'published'").fetchone()[0]
    assert result.stdout.strip() == (f"published 1 verdict to {archive}" if published == 1
                                              else f"published {published} verdicts to {archive}")
    return archive


def test_the_archive_holds_the_published_verdicts_and_nothing_else(desk, tmp_path):
    archive = _archive(desk, tmp_path)
    conn = sqlite3.connect(archive)
    conn.row_factory = sqlite3.Row
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {t for t in tables if not t.startswith("verdicts_fts")} == {"archive", "verdicts", "sources"}
        (verdict,) = [dict(r) for r in conn.execute("SELECT * FROM verdicts")]
        (source,) = [dict(r) for r in conn.execute("SELECT * FROM sources")]
        found = conn.execute("SELECT claim FROM verdicts_fts WHERE verdicts_fts MATCH 'tiem chung'").fetchall()
    finally:
        conn.close()
    assert (verdict["claim_id"], verdict["claim"], verdict["rating"], verdict["speaker"], verdict["language"]) == (
        desk["published"], PUBLISHED, "False", "Bộ Y tế", "vi")
    assert verdict["rationale"] == "Báo cáo của Bộ ghi 1,2 triệu người." and verdict["publisher"] == "Desk A"
    assert verdict["url"] == f"https://desk-a.example/claims/{desk['published']}"
    review = json.loads(verdict["claimreview"])
    assert (review["@type"], review["url"], review["reviewRating"]["alternateName"], review["author"]["name"],
            review["inLanguage"]) == ("ClaimReview", verdict["url"], "False", "Desk A", "vi")
    assert (source["url"], source["stance"], source["title"]) == (desk["source"], "refutes", "Báo cáo tiêm chủng")
    assert source["kept_copy_on"] == verdict["last_published"][:10]  # kept the day it was attached
    kept = desk["db"].execute("SELECT content_hash FROM page_captures").fetchone()[0]
    assert (source["kept_copy_url"], source["kept_copy_status"], source["kept_copy_sha256"]) == (
        desk["source"], 200, kept)
    assert [tuple(r) for r in found] == [(PUBLISHED,)]
    # Nothing of the draft, the accounts, their passwords or the desk's settings is anywhere in the file.
    raw = archive.read_bytes()
    for absent in (DRAFTED, DRAFT_RATIONALE, NOTE, "lan.tran", "minh.le", "argon2", SECRET, "10.20.0.0"):
        assert absent.encode("utf-8") not in raw, absent


def test_publishing_again_replaces_the_archive_but_never_another_file(desk, tmp_path):
    archive = _archive(desk, tmp_path)
    _publish(desk["db"], desk["drafted"])  # the draft is published now
    assert factcheck("publish-archive", str(archive), db=desk["path"]).returncode == 0
    conn = sqlite3.connect(archive)
    try:
        assert conn.execute("SELECT count(*) FROM verdicts").fetchone()[0] == 2
    finally:
        conn.close()
    refused = factcheck("publish-archive", str(desk["path"]), db=desk["path"])
    assert refused.returncode == 1
    assert "already exists and is not a published archive" in refused.stderr
    assert "archive" not in desk["db"].table_names()
    assert desk["db"].execute("SELECT count(*) FROM claims").fetchone()[0] == 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - a server this test started
        return response.read()


@pytest.fixture
def datasette(desk, tmp_path):
    if not DATASETTE.is_file():
        pytest.skip("datasette is not installed in this virtualenv: `make setup` installs it (pyproject.toml)")
    archive = _archive(desk, tmp_path)
    port = _free_port()
    server = subprocess.Popen([str(DATASETTE), "serve", "-i", str(archive), "--metadata",
                               str(PROJECT / "deploy" / "datasette.yml"), "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(f"{base}/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"datasette did not start: {server.stderr.read().decode()}") from None
                time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_datasette_serves_the_verdicts_and_the_canned_queries_read_only(datasette, desk):
    rows = json.loads(_get(f"{datasette}/archive/verdicts.json?_shape=array"))
    assert [(r["claim"], r["rating"], r["publisher"]) for r in rows] == [(PUBLISHED, "False", "Desk A")]
    metadata = json.loads(_get(f"{datasette}/-/metadata.json"))
    assert metadata["license"] == "CC BY 4.0"
    speaker = urllib.parse.quote("y tế")
    by_speaker = json.loads(_get(f"{datasette}/archive/by_speaker.json?speaker={speaker}&_shape=array"))
    assert [r["claim_id"] for r in by_speaker] == [desk["published"]]
    since = json.loads(_get(f"{datasette}/archive/verdicts_since.json?since=2999-01-01&_shape=array"))
    assert since == []
    request = urllib.request.Request(f"{datasette}/archive/-/query?sql=delete+from+verdicts", method="POST")
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(request, timeout=10)  # noqa: S310
    assert len(json.loads(_get(f"{datasette}/archive/verdicts.json?_shape=array"))) == 1


def test_a_second_desk_imports_the_json_and_finds_the_first_desks_verdict(datasette, desk, tmp_path):
    exported = tmp_path / "verdicts.json"
    exported.write_bytes(_get(f"{datasette}/archive/verdicts.json"))  # Datasette's default shape
    desk_b = tmp_path / "desk-b.db"
    result = factcheck("import-claims", str(exported), db=desk_b)
    assert result.returncode == 0, result.stderr
    # Reworded by desk B's article; matching names desk A's verdict by its ClaimReview url, and who published it.
    query = tmp_path / "new.jsonl"
    query.write_text(json.dumps({"id": "b-1", "text": "Theo Bộ Y tế, hơn 1,7 triệu người đã được tiêm chủng"
                                 " trong tháng 3."}, ensure_ascii=False) + "\n", encoding="utf-8")
    matched = factcheck("match", "--db", str(desk_b), "--jsonl", str(query), db=desk_b)
    assert matched.returncode == 0, matched.stderr
    best = json.loads(matched.stdout.splitlines()[0])["matches"][0]
    assert best["id"] == f"https://desk-a.example/claims/{desk['published']}"
    assert best["publisher"] == "Desk A" and best["relation"] == "duplicate"
    b = open_database(desk_b)
    try:
        row = next(b.query("SELECT verdict, language, published FROM known_claims"))
    finally:
        b.close()
    assert (row["verdict"], row["language"]) == ("False", "vi")
    # The same archive watched as a feed: read again, nothing is added twice.
    watched = factcheck("watch", "--claimreview", f"{datasette}/archive/verdicts.json?_shape=array", "--once",
                        "--allow-private", db=desk_b)
    assert watched.returncode == 0, watched.stderr
    assert "1 past fact-checks imported" in watched.stdout
    b = open_database(desk_b)
    try:
        assert b.execute("SELECT count(*) FROM known_claims").fetchone()[0] == 1
    finally:
        b.close()


def test_the_speakers_role_is_published_where_the_database_records_roles(desk, tmp_path):
    db = desk["db"]
    if "speaker_role" not in {c[1] for c in db.execute("PRAGMA table_info(claims)")}:
        db.execute("ALTER TABLE claims ADD COLUMN speaker_role TEXT")  # as the speaker-roles migration adds it
    db.execute("UPDATE claims SET speaker_role = 'cơ quan quản lý nhà nước về y tế' WHERE id = ?",
               [desk["published"]])
    archive = _archive(desk, tmp_path)
    conn = sqlite3.connect(archive)
    try:
        assert conn.execute("SELECT speaker, speaker_role FROM verdicts").fetchall() == [
            ("Bộ Y tế", "cơ quan quản lý nhà nước về y tế")]
    finally:
        conn.close()


@pytest.fixture
def two_published(desk):
    _publish(desk["db"], desk["drafted"])
    return desk


def test_watching_another_desks_datasette_reads_every_page(two_published, datasette, tmp_path):
    desk_b = tmp_path / "desk-b.db"
    watched = factcheck("watch", "--claimreview", f"{datasette}/archive/verdicts.json?_size=1", "--once",
                        "--allow-private", db=desk_b)  # one verdict a page: the second is on the next page
    assert watched.returncode == 0, watched.stderr
    assert "2 past fact-checks imported" in watched.stdout
    b = open_database(desk_b)
    try:
        assert {r[0] for r in b.execute("SELECT text FROM known_claims")} == {PUBLISHED, DRAFTED}
    finally:
        b.close()


def test_the_archive_names_the_desks_own_publisher_and_addresses_by_default(desk, tmp_path):
    import json as _json
    import sqlite3

    set_setting(desk["db"], "publisher_name", "Kiểm Chứng VN", changed_by="Minh")
    set_setting(desk["db"], "publisher_url", "https://kiemchung.example", changed_by="Minh")
    archive = tmp_path / "archive.db"
    assert factcheck("publish-archive", str(archive), db=desk["path"]).returncode == 0
    with sqlite3.connect(archive) as published:
        publisher, review = published.execute("SELECT publisher, claimreview FROM verdicts").fetchone()
    assert publisher == "Kiểm Chứng VN"
    assert _json.loads(review)["author"]["name"] == "Kiểm Chứng VN"
