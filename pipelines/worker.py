"""Background work beside the app, in a process of its own at a lower priority: suggestions a bulk ingest left
pending, then vectors by meaning of new texts (`pipelines/vector_jobs.py`).

Why a process and not a thread of the app: a thread shares the app's interpreter, so a long job slows every
reviewer's page; a process at a lower CPU priority (nice 10) gets only the time the pages leave over. `make run`
starts one beside the app; the app also starts one itself when none is running (a desk that runs the app
alone still gets its suggestions and vectors). One worker per database: it holds an exclusive lock on the file
`<database>.worker` while it runs. Everything it does is recorded as done piece by piece (an article's
suggestions, 128 vectors), so a worker stopped at any point and started again goes on where it was.
"""
from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from claims.errors import WorkbenchError
from db.connection import open_database
from db.suggestion_queue import database_file
from pipelines.suggestions import pending_suggestions, suggest_pending

__all__ = ["WORKER_NICENESS", "WorkerBusy", "BackgroundProgress", "worker_running", "background_progress",
           "run_worker", "start_worker"]

WORKER_NICENESS = 10
SUGGEST_CHUNK = 20  # articles done between two looks at `stop` (a few seconds at most)


class WorkerBusy(WorkbenchError, RuntimeError):
    """Another worker already runs for this database."""


@dataclass(frozen=True)
class BackgroundProgress:
    """What the Desk page shows: articles waiting for suggestions, the vector job, whether a worker runs."""

    pending_suggestions: int
    vectors_done: int | None
    vectors_total: int | None
    vectors_running: bool
    worker_running: bool


def _lock_path(db_path: str | os.PathLike[str]) -> Path:
    return Path(str(db_path) + ".worker")


@contextmanager
def _worker_lock(db_path: str | os.PathLike[str]) -> Iterator[None]:
    with open(_lock_path(db_path), "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WorkerBusy(f"a worker already runs for {db_path}") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def worker_running(db_path: str | os.PathLike[str]) -> bool:
    """Whether a worker holds the database's lock now (the lock goes with its process, however it ends)."""
    try:
        with _worker_lock(db_path):
            return False
    except WorkerBusy:
        return True
    except OSError:  # a folder this user cannot write: no worker of ours can run there either
        return False


def background_progress(db: sqlite_utils.Database) -> BackgroundProgress:
    from db.meaning import latest_job

    path = database_file(db)
    job = latest_job(db)
    return BackgroundProgress(pending_suggestions(db), job.done if job else None, job.total if job else None,
                              bool(job and job.running), bool(path) and worker_running(path))


def _vectors(db_path: str) -> None:
    """The vector job (`pipelines/vector_jobs.py`) until it is done: it starts from the texts still without a
    vector (so a stopped worker resumes), stores 128 at a time, then suggests by meaning for the claims reached."""
    from pipelines.vector_jobs import start_in_background, wait_for_background

    if os.environ.get("FACTCHECK_VECTORS", "on") == "off":
        return
    start_in_background(db_path)
    wait_for_background(db_path)


def run_worker(db_path: str | os.PathLike[str], *, once: bool = False, idle_seconds: float = 10.0,
               stop: threading.Event | None = None,
               report: Callable[[str], None] | None = None) -> None:
    """Do the background work of the database at `db_path` until `stop` (or, with `once`, until none is left).

    Raises WorkerBusy when another worker runs for it.
    """
    stop = stop or threading.Event()
    path = str(db_path)
    with _worker_lock(path):
        db = open_database(path)
        try:
            while not stop.is_set():
                done = suggest_pending(db, limit=SUGGEST_CHUNK, stop=stop)
                if done:
                    if report:
                        report(f"suggestions stored for {done} articles; {pending_suggestions(db)} waiting")
                    continue
                _vectors(path)
                if once:
                    return
                stop.wait(idle_seconds)
        finally:
            db.conn.close()


_STARTED: dict[str, float] = {}


def start_worker(db: sqlite_utils.Database) -> bool:
    """What the app calls as pages open: at most every 30 s, start `factcheck worker` for this database's file
    when none runs (FACTCHECK_VECTORS=off turns it off: the test suite does). Returns whether it started one."""
    path = database_file(db)
    if not path or os.environ.get("FACTCHECK_VECTORS", "on") == "off":
        return False
    if time.monotonic() - _STARTED.get(path, -1e9) < 30:
        return False
    _STARTED[path] = time.monotonic()
    if worker_running(path):
        return False
    subprocess.Popen([sys.executable, "-m", "factcheck", "worker", "--db", path], stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                     cwd=Path(__file__).resolve().parent.parent)
    return True
