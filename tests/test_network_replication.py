"""Litestream replicates the workbench's database while it is written; after the machine's copy is lost (the writer
killed with SIGKILL, the file deleted), `litestream restore` gives back every committed row, intact."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from db.connection import open_database

PROJECT = Path(__file__).resolve().parent.parent
LITESTREAM = Path(sys.executable).parent / "litestream"

pytestmark = pytest.mark.skipif(not LITESTREAM.is_file(), reason="the litestream binary is not installed in this"
                                " virtualenv: `make setup` installs it from requirements-network.txt")

# The workbench writing as a desk does: one article after another, each stored with its claims in one transaction.
WRITER = textwrap.dedent("""
    import sys
    from db.connection import open_database
    from pipelines.ingest import ingest_text

    db = open_database(sys.argv[1])
    n = 0
    while True:
        n += 1
        ingest_text(db, f"Bộ Y tế cho biết {n} nghìn người đã được tiêm chủng trong tháng {n % 12 + 1}."
                        f" Giá xăng tăng {n}% trong năm 20{n % 30:02d}.", title=f"Bài {n}")
        print(n, flush=True)
""")


def _config(tmp_path: Path, database: Path, replica: Path) -> Path:
    config = tmp_path / "litestream.yml"
    config.write_text(textwrap.dedent(f"""
        dbs:
          - path: {database}
            monitor-interval: 100ms
            replica:
              type: file
              path: {replica}
              sync-interval: 100ms
    """), encoding="utf-8")
    return config


def _rows(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
                for table in ("articles", "claims", "quantities", "history")}
    finally:
        conn.close()


def _restore(replica: Path, target: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LITESTREAM), "restore", "-o", str(target), f"file://{replica}"],
                          capture_output=True, text=True, timeout=60)


def test_a_restore_after_the_primary_is_lost_holds_every_committed_row(tmp_path):
    database, replica = tmp_path / "desk.db", tmp_path / "replica"
    open_database(database).close()  # the schema, in WAL mode, as the app makes it
    streamer = subprocess.Popen([str(LITESTREAM), "replicate", "-config", str(_config(tmp_path, database, replica))],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(database)], stdout=subprocess.PIPE, text=True,
                              env=env, cwd=PROJECT)
    try:
        committed = 0
        deadline = time.monotonic() + 60
        while committed < 60 and time.monotonic() < deadline:  # writes go on for a while, Litestream shipping them
            committed = int(writer.stdout.readline() or committed)
        writer.send_signal(signal.SIGKILL)  # mid-write: whatever it had not committed is gone
        writer.wait(timeout=10)
        assert committed >= 60, "the writer was too slow to test anything"
        last_state = _rows(database)  # the primary's last committed state
        assert len(last_state["articles"]) >= committed
        # Litestream ships within its sync interval; poll restores until the replica has caught up (or 30 s).
        attempt = 0
        restored_rows: dict[str, list[tuple]] = {}
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            attempt += 1
            probe = tmp_path / f"probe-{attempt}.db"
            if _restore(replica, probe).returncode == 0 and (restored_rows := _rows(probe)) == last_state:
                break
            time.sleep(0.5)
        assert restored_rows == last_state, "the replica never caught up with the primary"
    finally:
        for process in (writer, streamer):
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                process.wait(timeout=10)
    # The machine's copy is lost: the file and its write-ahead log deleted.
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    restored = tmp_path / "restored.db"
    result = _restore(replica, restored)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(restored)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert _rows(restored) == last_state
    # The workbench opens the restored file as its own and goes on writing.
    db = open_database(restored)
    try:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(last_state["articles"])
    finally:
        db.close()


def test_a_replica_that_does_not_exist_is_refused_with_a_message(tmp_path):
    result = _restore(tmp_path / "nothing-here", tmp_path / "restored.db")
    assert result.returncode != 0
    assert not (tmp_path / "restored.db").exists()


def test_the_shipped_configuration_names_the_database_and_a_file_replica(tmp_path):
    env = {**os.environ, "FACTCHECK_DB": str(tmp_path / "desk.db"), "LITESTREAM_REPLICA": str(tmp_path / "replica")}
    result = subprocess.run([str(LITESTREAM), "databases", "-config", str(PROJECT / "deploy" / "litestream.yml")],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    (row,) = [line.split() for line in result.stdout.splitlines()[1:] if line.strip()]
    assert row == [str(tmp_path / "desk.db"), "file"]
