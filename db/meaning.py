"""Vectors by meaning of every stored claim and past fact-check, in `meaning_vectors`, computed by background jobs.

An import stores texts only; a vector job (`vector_jobs`, its progress kept row by row) then computes the vector of
every text that has none, or whose text changed since (the digest differs), and the language of each. A search
never computes a stored text's vector: until the job has reached a text it is found by its words only.
A changed text gets a new row (a new id), so the nearest-neighbour index, which follows ids, sees it as new; the old
row is gone and a search drops what it cannot find.
"""
from __future__ import annotations

import hashlib
import itertools
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import sqlite_utils

from claims.language import detect_language
from claims.matching import multilingual, semantic
from db.connection import writing
from db.history import now
from db.vectors import vectors_by_ref

__all__ = ["VectorJob", "text_digest", "iter_pending", "pending_claim_ids", "pending_texts", "start_vector_job",
           "run_vector_job", "latest_job", "vectors_by_ref"]

_CHUNK = 128  # texts encoded, stored and counted as done together: a stopped job keeps what it computed
# Threads of the model's engine for a job. On the 2-core machine one thread did a text for less CPU than two (the
# second spins while waiting), and leaves the other core to the app and its searches, which keep the default.
JOB_THREADS = 1


@dataclass(frozen=True)
class VectorJob:
    id: int
    total: int
    done: int
    started_at: str
    updated_at: str
    finished_at: str | None
    error: str | None

    @property
    def running(self) -> bool:
        return self.finished_at is None and self.error is None


def text_digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


_PAGE = 1024  # stored texts read at a time when looking for those without a vector
_PENDING_SQL = {
    "known": "SELECT k.rowid, k.id, k.text, m.digest FROM known_claims k LEFT JOIN meaning_vectors m"
             " ON m.model = ? AND m.kind = 'known' AND m.ref = k.id WHERE k.rowid > ? ORDER BY k.rowid LIMIT ?",
    "claim": "SELECT c.id, CAST(c.id AS TEXT), c.text, m.digest FROM claims c LEFT JOIN meaning_vectors m"
             " ON m.model = ? AND m.kind = 'claim' AND m.ref = CAST(c.id AS TEXT) WHERE c.id > ? ORDER BY c.id LIMIT ?",
}


def _pending(db: sqlite_utils.Database, kind: str) -> Iterator[tuple[str, str, str]]:
    """(kind, ref, text) of the stored texts of one kind without a current vector, a page at a time in stored
    order, so that memory does not grow with the store; writes between pages are fine (no cursor stays open)."""
    last = 0
    while rows := db.execute(_PENDING_SQL[kind], [multilingual.MODEL_NAME, last, _PAGE]).fetchall():
        for _, ref, text, digest in rows:
            if text and digest != text_digest(text):
                yield kind, ref, text
        last = rows[-1][0]


def pending_claim_ids(db: sqlite_utils.Database) -> list[int]:
    """The stored claims without a current vector (their suggestions by meaning follow their vectors)."""
    return [int(ref) for _, ref, _ in _pending(db, "claim")]


def iter_pending(db: sqlite_utils.Database) -> Iterator[tuple[str, str, str]]:
    """(kind, ref, text) of every stored text without a current vector, past fact-checks first."""
    yield from _pending(db, "known")
    yield from _pending(db, "claim")


def pending_texts(db: sqlite_utils.Database) -> list[tuple[str, str, str]]:
    """`iter_pending` as a list (it holds every pending text: a job reads them page by page instead)."""
    return list(iter_pending(db))


def _pending_count(db: sqlite_utils.Database) -> int:
    return sum(1 for _ in iter_pending(db))


def _job(row: tuple | None) -> VectorJob | None:
    return VectorJob(*row) if row else None


_JOB_COLUMNS = "id, total, done, started_at, updated_at, finished_at, error"


def latest_job(db: sqlite_utils.Database) -> VectorJob | None:
    """The most recent vector job of the current model (running or finished), for the progress shown in the app."""
    return _job(db.execute(f"SELECT {_JOB_COLUMNS} FROM vector_jobs WHERE model = ? ORDER BY id DESC LIMIT 1",
                           [multilingual.MODEL_NAME]).fetchone())


def start_vector_job(db: sqlite_utils.Database) -> VectorJob | None:
    """Record a job for the texts that need a vector; None when none does (or the model is not installed)."""
    if not multilingual.is_available():
        return None
    total = _pending_count(db)
    if not total:
        return None
    stamp = now()
    with writing(db):
        cursor = db.execute("INSERT INTO vector_jobs (model, total, done, started_at, updated_at)"
                            " VALUES (?, ?, 0, ?, ?)", [multilingual.MODEL_NAME, total, stamp, stamp])
        job_id = cursor.lastrowid
    return _job(db.execute(f"SELECT {_JOB_COLUMNS} FROM vector_jobs WHERE id = ?", [job_id]).fetchone())


def _english_model() -> bool:
    """English texts also get the English model's vector (see `claims/matching/calibration.py`)."""
    from claims.matching.calibration import ENGLISH_MODEL

    return ENGLISH_MODEL and semantic.is_available()



def _parts(items: Iterator[Any], size: int) -> Iterator[list]:
    while part := list(itertools.islice(items, size)):
        yield part


def _encode_once(texts: list[str]) -> np.ndarray:
    """The texts' multilingual vectors, each distinct text encoded once, on one core (`JOB_THREADS`)."""
    distinct = list(dict.fromkeys(texts))
    vectors = multilingual.encode(distinct, threads=JOB_THREADS)
    if len(distinct) == len(texts):
        return vectors
    row = {text: i for i, text in enumerate(distinct)}
    return vectors[[row[text] for text in texts]]


def run_vector_job(db: sqlite_utils.Database, job: VectorJob, *,
                   on_progress: Callable[[int, int], Any] | None = None,
                   stop: threading.Event | None = None) -> VectorJob:
    """Compute and store the vectors the job counted, chunk by chunk, recording `done` after each chunk.

    A text changed or added after the job started is done too if the job reaches it (the list is read again here);
    an error is recorded on the job and raised. `stop` ends the job early, unfinished; a later job goes on.
    """
    model = multilingual.MODEL_NAME
    done = 0
    try:
        total = max(job.total, _pending_count(db))
        for part in _parts(iter_pending(db), _CHUNK):
            if stop is not None and stop.is_set():
                break
            vectors = _encode_once([t for _, _, t in part])
            languages = [detect_language(t) for _, _, t in part]
            english = [i for i, lang in enumerate(languages) if lang == "en"] if _english_model() else []
            english_vectors = semantic.encode([part[i][2] for i in english]) if english else []
            with writing(db):
                if english:
                    db.conn.executemany(
                        "INSERT OR REPLACE INTO meaning_vectors (model, kind, ref, digest, language, vector)"
                        " VALUES (?, ?, ?, ?, 'en', ?)",
                        [(semantic.MODEL_NAME, part[i][0], part[i][1], text_digest(part[i][2]),
                          v.astype("<f4").tobytes()) for i, v in zip(english, english_vectors, strict=True)])
                db.conn.executemany(
                    "INSERT OR REPLACE INTO meaning_vectors (model, kind, ref, digest, language, vector)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [(model, kind, ref, text_digest(text), lang, v.astype("<f4").tobytes())
                     for (kind, ref, text), lang, v in zip(part, languages, vectors, strict=True)])
                db.conn.executemany("UPDATE known_claims SET language = ? WHERE id = ? AND language IS NULL",
                                    [(lang, ref) for (kind, ref, _), lang in zip(part, languages, strict=True)
                                     if kind == "known"])
                done += len(part)
                db.execute("UPDATE vector_jobs SET done = ?, total = ?, updated_at = ? WHERE id = ?",
                           [done, total, now(), job.id])
            if on_progress is not None:
                on_progress(done, total)
        else:
            with writing(db):
                db.execute("UPDATE vector_jobs SET finished_at = ?, updated_at = ? WHERE id = ?",
                           [now(), now(), job.id])
    except Exception as error:
        try:
            with writing(db):
                db.execute("UPDATE vector_jobs SET error = ?, updated_at = ? WHERE id = ?",
                           [f"{type(error).__name__}: {error}"[:500], now(), job.id])
        except sqlite3.Error:
            pass
        raise
    return _job(db.execute(f"SELECT {_JOB_COLUMNS} FROM vector_jobs WHERE id = ?", [job.id]).fetchone())
