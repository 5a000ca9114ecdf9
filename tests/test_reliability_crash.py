"""kill -9 in the middle of ingesting 1,000 articles: the database opens sound, each article whole or absent."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from claims import extract_claims

PROJECT = Path(__file__).resolve().parent.parent
FACTCHECK = PROJECT / ".venv" / "bin" / "factcheck"
ARTICLES = 1000
PROVINCES = ("Hà Nam", "Nghệ An", "Cà Mau", "Đắk Lắk", "Quảng Ninh")


def _write_articles(folder: Path) -> None:
    folder.mkdir()
    for i in range(ARTICLES):
        (folder / f"tin-{i:04d}.txt").write_text(
            f"Bản tin số {i}\n\nBộ Y tế cho biết tỉnh {PROVINCES[i % 5]} ghi nhận {i * 7 + 13} ca mắc mới trong ngày"
            f" {i % 28 + 1}/{i % 12 + 1}. Theo Tổng cục Thống kê, GDP quý {i % 4 + 1} tăng {i % 9 + 1},{i % 10}%"
            f" so với cùng kỳ năm {2000 + i % 24}.\n", encoding="utf-8")


def _count(db_path: Path) -> int:
    try:
        conn = sqlite3.connect(db_path, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # the schema is still being created
        return 0


def _writing_now(db_path: Path) -> bool:
    """Whether a write transaction is open right now (our BEGIN IMMEDIATE cannot get the lock at once)."""
    conn = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def _ingest(folder: Path, db_path: Path) -> subprocess.Popen:
    return subprocess.Popen([str(FACTCHECK), "ingest", str(folder), "--db", str(db_path), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=PROJECT)


def _kill_mid_write(process: subprocess.Popen, db_path: Path, *, after: int) -> int:
    """SIGKILL the ingest while it holds an open write transaction, once `after` articles are stored."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        if _count(db_path) >= after and _writing_now(db_path):
            os.kill(process.pid, signal.SIGKILL)
            process.communicate(timeout=30)
            assert process.returncode == -signal.SIGKILL
            return _count(db_path)
        time.sleep(0.002)
    pytest.fail(f"the ingest ended (code {process.returncode}) or stalled before {after} articles were stored")


def _assert_sound_and_whole(db_path: Path) -> int:
    """The checks after a crash; returns how many articles are stored."""
    from db.connection import open_database

    db = open_database(db_path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        db.execute("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
        articles = {r[0]: (r[1], r[2]) for r in db.execute(
            "SELECT a.id, a.text, count(c.id) FROM articles a LEFT JOIN claims c ON c.article_id = a.id GROUP BY a.id")}
        ingested = {int(r[0]): json.loads(r[1])["claims"] for r in db.execute(
            "SELECT entity_id, after FROM history WHERE entity = 'article' AND action = 'ingested'")}
        # Every stored article has its history entry and exactly the claims that entry counted; none half-stored.
        assert set(ingested) == set(articles)
        assert {i: n for i, (_, n) in articles.items()} == ingested
        assert all(n >= 1 for _, n in articles.values())
        # The newest articles (the ones a kill would catch) hold every claim extraction gives for their text.
        for article_id in sorted(articles)[-3:]:
            text, stored = articles[article_id]
            assert stored == len(extract_claims(text).claims)
        return len(articles)
    finally:
        db.close()


def test_kill_9_mid_ingest_leaves_a_sound_database_and_a_rerun_finishes_the_job(tmp_path, capsys):
    folder, db_path = tmp_path / "articles", tmp_path / "crash.db"
    _write_articles(folder)
    first = _kill_mid_write(_ingest(folder, db_path), db_path, after=50)
    assert 50 <= first < ARTICLES
    assert _assert_sound_and_whole(db_path) == first
    second = _kill_mid_write(_ingest(folder, db_path), db_path, after=first + 150)
    assert first < second < ARTICLES
    assert _assert_sound_and_whole(db_path) == second
    rerun = _ingest(folder, db_path)
    started = time.monotonic()
    out, err = rerun.communicate(timeout=300)
    with capsys.disabled():
        print(f"\n[crash] killed mid-write at {first} and {second} articles; the rerun stored the other"
              f" {ARTICLES - second} in {time.monotonic() - started:.1f} s")
    assert rerun.returncode == 0, err
    summary = json.loads(out)
    assert summary["failed"] == 0 and summary["stored"] + summary["already_stored"] == ARTICLES
    assert summary["already_stored"] >= second
    assert _assert_sound_and_whole(db_path) == ARTICLES
    # A bulk run leaves its suggestions to the worker, which makes those of every article still without them.
    worker = subprocess.run([str(FACTCHECK), "worker", "--once", "--quiet", "--db", str(db_path)],
                            capture_output=True, text=True, cwd=PROJECT, timeout=600)
    assert worker.returncode == 0, worker.stderr
    conn = sqlite3.connect(db_path)
    names = conn.execute("SELECT count(DISTINCT source_name), count(DISTINCT content_hash) FROM articles").fetchone()
    without_suggestions = conn.execute("SELECT count(*) FROM articles WHERE suggested_at IS NULL").fetchone()[0]
    conn.close()
    assert names == (ARTICLES, ARTICLES)
    assert without_suggestions == 0  # an article killed before its suggestions got them after the rerun
