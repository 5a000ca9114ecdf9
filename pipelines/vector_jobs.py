"""Vectors by meaning computed beside the app: a thread per database runs the vector jobs of `db/meaning.py`, then
suggests matches by meaning for the new claims (`pipelines/matching.py`)."""
from __future__ import annotations

import threading

import sqlite_utils

from db.connection import open_database
from db.meaning import pending_claim_ids, run_vector_job, start_vector_job
from db.suggestion_queue import database_file
from pipelines.matching import suggest_matches

__all__ = ["start_in_background", "wait_for_background", "keep_vectors_current"]



_THREADS: dict[str, threading.Thread] = {}
_THREADS_LOCK = threading.Lock()


def _background(path: str) -> None:
    db = open_database(path)
    try:
        while (job := start_vector_job(db)) is not None:
            claims = pending_claim_ids(db)
            finished = run_vector_job(db, job)
            # New claims, now with their vectors, get the suggestions by meaning a reviewer would ask for: an
            # English past fact-check of a Vietnamese claim shows on its page without a click.
            if claims and finished is not None and not finished.running:
                suggest_matches(db, claims, by_meaning=True)
            if finished is None or finished.done == 0:
                break
    finally:
        db.conn.close()


def start_in_background(db_path: str) -> bool:
    """Compute the missing vectors of the database at `db_path` on a thread of its own (its own connection);
    returns False when such a thread is already running for it. The app calls this after an import and on start."""
    with _THREADS_LOCK:
        running = _THREADS.get(db_path)
        if running is not None and running.is_alive():
            return False
        thread = threading.Thread(target=_background, args=(db_path,), name=f"vectors:{db_path}", daemon=True)
        _THREADS[db_path] = thread
        thread.start()
        return True


def wait_for_background(db_path: str, timeout: float | None = None) -> None:
    """Wait until the background vectors of `db_path` are done (tests and the command line)."""
    with _THREADS_LOCK:
        thread = _THREADS.get(db_path)
    if thread is not None:
        thread.join(timeout)


_LOOKED: dict[str, float] = {}


def keep_vectors_current(db: sqlite_utils.Database) -> None:
    """What the app calls as pages open: at most every 30 s, start the background job for this database's file
    (`start_in_background`). FACTCHECK_VECTORS=off turns it off (the test suite does, except where it tests it)."""
    import os
    import time

    path = database_file(db)
    if not path or os.environ.get("FACTCHECK_VECTORS", "on") == "off":
        return
    if time.monotonic() - _LOOKED.get(path, -1e9) < 30:
        return
    _LOOKED[path] = time.monotonic()
    start_in_background(path)
