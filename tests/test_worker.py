"""`factcheck worker`: the background work in a process of its own; stopped with kill -9 and started again, it
goes on where it was (vectors and suggestions already stored are not computed again)."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.ingest_scale import desk_articles, write_articles
from claims.matching import multilingual
from conftest import PROJECT
from db.connection import open_database
from pipelines.ingest import ingest_paths
from pipelines.worker import WorkerBusy, background_progress, run_worker, worker_running

FACTCHECK = Path(sys.executable).parent / "factcheck"


def _worker(db_path: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([str(FACTCHECK), "worker", "--db", str(db_path), "--quiet", *extra], cwd=PROJECT,
                            env={**os.environ, "FACTCHECK_VECTORS": "on"}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _count(db_path: Path, sql: str) -> int:
    conn = sqlite3.connect(db_path, timeout=30)
    try:
        return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def _desk(folder: Path, articles: int) -> Path:
    write_articles(folder / "articles", desk_articles(articles, seed=8, mean_bytes=600))
    db = open_database(folder / "desk.db")
    assert all(o.ok for o in ingest_paths(db, [folder / "articles"]))
    db.close()
    return folder / "desk.db"


@pytest.fixture
def desk(tmp_path) -> Path:
    return _desk(tmp_path, 100)


@pytest.fixture
def small_desk(tmp_path) -> Path:
    return _desk(tmp_path, 50)  # a few hundred texts: more than one chunk of vectors, quick to encode


def test_the_worker_makes_the_pending_suggestions_and_a_second_one_is_refused(desk, monkeypatch):
    monkeypatch.setenv("FACTCHECK_VECTORS", "off")
    db = open_database(desk)
    assert background_progress(db).pending_suggestions == 100
    assert not worker_running(desk)
    holder = _worker(desk)  # a running worker holds the database's lock
    try:
        deadline = time.monotonic() + 60
        while not worker_running(desk) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert worker_running(desk)
        with pytest.raises(WorkerBusy):
            run_worker(desk, once=True)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert not worker_running(desk)
    run_worker(desk, once=True)
    assert background_progress(db).pending_suggestions == 0
    assert db.execute("SELECT count(*) FROM claim_matches").fetchone()[0] > 0


@pytest.mark.skipif(not multilingual.is_available(), reason="the multilingual model is not installed")
@pytest.mark.timeout(900)
def test_a_worker_killed_mid_job_resumes_where_it_stopped(small_desk):
    desk = small_desk
    texts = _count(desk, "SELECT count(*) FROM claims")
    assert texts > 200
    first = _worker(desk)
    deadline = time.monotonic() + 300
    while _count(desk, "SELECT count(*) FROM meaning_vectors") == 0 and time.monotonic() < deadline:
        assert first.poll() is None, first.stderr.read() if first.stderr else ""
        time.sleep(0.2)
    first.send_signal(signal.SIGKILL)
    first.wait()
    kept = _count(desk, f"SELECT count(*) FROM meaning_vectors WHERE model = '{multilingual.MODEL_NAME}'")
    assert 0 < kept < texts
    assert _count(desk, "SELECT count(*) FROM articles WHERE suggested_at IS NULL") == 0  # suggestions came first

    second = _worker(desk, "--once")
    out, err = second.communicate(timeout=800)
    assert second.returncode == 0, err
    # The second job counted only what the first left, and every text has its vector once.
    jobs = sqlite3.connect(desk).execute("SELECT total, done, finished_at FROM vector_jobs ORDER BY id").fetchall()
    assert jobs[0][0] >= texts and jobs[-1][0] <= texts - kept and jobs[-1][2] is not None
    assert _count(desk, "SELECT count(DISTINCT ref) FROM meaning_vectors WHERE kind = 'claim'") == texts


def test_the_desk_page_shows_the_suggestions_still_pending(desk, monkeypatch):
    from app_support import make_app

    monkeypatch.setenv("FACTCHECK_DB", str(desk))
    monkeypatch.setenv("FACTCHECK_VECTORS", "off")
    at = make_app("Lan", role="admin")
    at.run()
    at.switch_page("app_pages/desk.py")
    at.run()
    assert not at.exception
    shown = "\n".join(str(c.value) for c in at.caption)
    assert "Suggestions pending for 100 articles" in shown and "No worker is running" in shown
    run_worker(desk, once=True)
    at.run()
    assert "Every article has its match suggestions." in "\n".join(str(c.value) for c in at.caption)
