"""Sentence vectors of stored texts: computed once per text, kept in `text_vectors`, searched by meaning.

A vector is keyed by the digest of the model name and the text as written, so an edited claim gets a new one and
a model change never mixes vectors. An import computes none: the first match by meaning computes what it needs.
"""
from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np
import sqlite_utils

from claims.matching import semantic
from claims.matching.index import MatchIndex
from claims.matching.nearest import nearest_rows
from db.connection import writing

__all__ = ["MEANING_INDEX_MAX", "MeaningIndex", "stored_vectors", "meaning_index", "forget_meaning_index"]

# Past this many stored texts the whole store is not searched by meaning (its first search would encode them all,
# about 6 ms a text on 2 cores); the word candidates are still reordered by meaning.
MEANING_INDEX_MAX = 50_000
_ENCODE_CHUNK = 2_000  # texts encoded and saved together: a stopped run keeps what it had computed

_VECTORS: dict[str, np.ndarray] = {}  # digest → vector, for this process
_VECTORS_MAX = 200_000  # about 300 MB of vectors; past it the dict starts again (the table still holds them)
_VECTORS_LOCK = threading.Lock()


def _digest(text: str) -> str:
    return hashlib.sha256(f"{semantic.MODEL_NAME}\n{text}".encode()).hexdigest()


def _read(db: sqlite_utils.Database, digests: list[str]) -> dict[str, np.ndarray]:
    found: dict[str, np.ndarray] = {}
    for start in range(0, len(digests), 500):
        part = digests[start:start + 500]
        marks = ", ".join("?" for _ in part)
        for d, blob in db.execute(f"SELECT digest, vector FROM text_vectors WHERE digest IN ({marks})", part):
            found[d] = np.frombuffer(blob, dtype="<f4")
    return found


def _save(db: sqlite_utils.Database, vectors: dict[str, np.ndarray]) -> None:
    """Best effort: a read-only or busy database still gets its matches, the vectors then live in this process."""
    with _VECTORS_LOCK:
        if len(_VECTORS) > _VECTORS_MAX:
            _VECTORS.clear()
        _VECTORS.update(vectors)
    try:
        with writing(db):
            db.conn.executemany("INSERT OR IGNORE INTO text_vectors (digest, vector) VALUES (?, ?)",
                                [(d, v.astype("<f4").tobytes()) for d, v in vectors.items()])
    except sqlite3.OperationalError:
        pass


def stored_vectors(db: sqlite_utils.Database, texts: Sequence[str]) -> np.ndarray:
    """Unit vectors (len(texts) × 384) of `texts`: from the text_vectors table, else this process, else computed.

    >>> stored_vectors(db, ["Giá xăng tăng 1,7%"]).shape  # doctest: +SKIP
    (1, 384)
    """
    if not texts:
        return np.zeros((0, semantic.DIMENSIONS), dtype=np.float32)
    digests = [_digest(t) for t in texts]
    unique = sorted(set(digests))
    found = _read(db, unique)
    kept: dict[str, np.ndarray] = {}
    with _VECTORS_LOCK:
        for d in unique:
            if d not in found and (v := _VECTORS.get(d)) is not None:
                kept[d] = v
    if kept:
        _save(db, kept)
        found.update(kept)
    missing = list({d: t for d, t in zip(digests, texts, strict=True) if d not in found}.items())
    for start in range(0, len(missing), _ENCODE_CHUNK):
        chunk = missing[start:start + _ENCODE_CHUNK]
        computed = dict(zip((d for d, _ in chunk), semantic.encode([t for _, t in chunk]), strict=True))
        _save(db, computed)
        found.update(computed)
    return np.stack([found[d] for d in digests])


@dataclass
class MeaningIndex:
    """Every stored text's vector, row for row with `keys`: the nearest by cosine is one matrix product."""

    keys: list[Hashable] = field(default_factory=list)
    matrix: np.ndarray = field(default_factory=lambda: np.zeros((0, semantic.DIMENSIONS), dtype=np.float32))
    rows: dict[Hashable, int] = field(default_factory=dict)

    def extend(self, keys: Sequence[Hashable], vectors: np.ndarray) -> None:
        for key in keys:
            self.rows[key] = len(self.keys)
            self.keys.append(key)
        self.matrix = np.vstack([self.matrix, vectors]) if len(self.matrix) else np.array(vectors, dtype=np.float32)

    def nearest(self, vector: np.ndarray, limit: int) -> list[tuple[Hashable, float]]:
        """The `limit` stored texts closest in meaning to `vector`, best first, with their cosines.

        >>> index.nearest(semantic.encode(["Kids may buy guns"])[0], 1)  # doctest: +SKIP
        [(('known', 'pf-1'), 0.78)]
        """
        if not self.keys:
            return []
        return [(self.keys[i], cosine) for i, cosine in nearest_rows(self.matrix, vector, limit)]

    def cosines(self, keys: Sequence[Hashable], vector: np.ndarray) -> list[float]:
        return (self.matrix[[self.rows[k] for k in keys]] @ vector).tolist() if keys else []


@dataclass
class _Cached:
    known: MatchIndex
    claims: MatchIndex
    covered: tuple[int, int]  # how many keys of each word index have their vectors here
    index: MeaningIndex


_CACHE: dict[str, _Cached] = {}
_CACHE_LOCK = threading.Lock()


def _raw_texts(db: sqlite_utils.Database, keys: Sequence[Hashable]) -> list[str]:
    """The texts as written of ("known", id) and ("claim", id) keys, in their order."""
    texts: dict[Hashable, str] = {}
    for table, kind in (("known_claims", "known"), ("claims", "claim")):
        ids = [k[1] for k in keys if k[0] == kind]
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            marks = ", ".join("?" for _ in part)
            for i, text in db.execute(f"SELECT id, text FROM {table} WHERE id IN ({marks})", part):
                texts[(kind, i)] = text
    return [texts.get(k, "") for k in keys]


def meaning_index(db: sqlite_utils.Database, db_key: str, known: MatchIndex,
                  claims: MatchIndex) -> MeaningIndex | None:
    """Vectors of every past fact-check and claim in the word indexes `known` and `claims` (None past
    MEANING_INDEX_MAX texts). It follows the word indexes: rebuilt when they are, extended when claims are added.

    >>> len(meaning_index(db, database_key(db), *word_indexes(db)).keys)  # doctest: +SKIP
    10375
    """
    if len(known) + len(claims) > MEANING_INDEX_MAX:
        return None
    with _CACHE_LOCK:
        cached = _CACHE.get(db_key)
        if cached is None or cached.known is not known or cached.claims is not claims:
            cached = _CACHE[db_key] = _Cached(known, claims, (0, 0), MeaningIndex())
        new_keys = known.keys[cached.covered[0]:] + claims.keys[cached.covered[1]:]
        if new_keys:
            cached.index.extend(new_keys, stored_vectors(db, _raw_texts(db, new_keys)))
            cached.covered = (len(known), len(claims))
        return cached.index


def forget_meaning_index(db_key: str) -> None:
    with _CACHE_LOCK:
        _CACHE.pop(db_key, None)
