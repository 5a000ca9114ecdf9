"""The nearest stored texts in meaning, at any size: exact below ANN_FROM vectors, a faiss IVF index above.

The index is built in memory once per process and database from `meaning_vectors` and follows it: rows added
since (ids above the last one read) are added at the next search; a store grown four times past the size it was
trained at is trained again. Exact search is one matrix product (about 3 ms at 50,000 vectors); past that, an
inverted-file index (faiss `IndexIVFScalarQuantizer`, 8-bit, inner product) looks only at the `nprobe` cells
nearest the query: at a million vectors 384 MB instead of 1.5 GB, and its ranking is then redone with the exact
stored vectors of the candidates. `bench/matching.py ann` measures it (time, recall of true duplicates, memory).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np
import sqlite_utils

from claims.matching import multilingual
from claims.matching.nearest import nearest_rows
from db.match_index import database_key

__all__ = ["ANN_FROM", "MeaningSearch", "meaning_search", "forget_meaning_search", "Neighbour"]

ANN_FROM = 50_000
_NPROBE = 24
_LOAD_CHUNK = 50_000


@dataclass(frozen=True)
class Neighbour:
    kind: str
    ref: str
    cosine: float
    language: str | None


def _cells(n: int) -> int:
    """Inverted lists for n vectors: about 4·√n, so a probe of 24 cells reads about 0.6% of a million."""
    return int(max(16, min(8192, 4 * np.sqrt(n))))


@dataclass
class MeaningSearch:
    """Vectors of one database's stored texts, row for row with `ids`, `keys` and `languages`."""

    ann_from: int = ANN_FROM
    nprobe: int = _NPROBE
    ids: list[int] = field(default_factory=list)
    keys: list[tuple[str, str]] = field(default_factory=list)
    languages: list[str | None] = field(default_factory=list)
    last_id: int = 0
    _matrix: np.ndarray | None = None  # exact search, below ann_from
    _ann: object | None = None  # faiss index (ids: row numbers), at and above ann_from
    _trained_at: int = 0

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, ids: list[int], keys: list[tuple[str, str]], languages: list[str | None],
            vectors: np.ndarray) -> None:
        first = len(self.ids)
        self.ids += ids
        self.keys += keys
        self.languages += languages
        self.last_id = max([self.last_id, *ids])
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if self._ann is None:
            self._matrix = vectors if self._matrix is None else np.vstack([self._matrix, vectors])
            if len(self.ids) >= self.ann_from:
                self._train(self._matrix)
                self._matrix = None
        elif len(self.ids) > 4 * self._trained_at:
            self._train(self._all_vectors(vectors, first))
        else:
            self._ann.add(vectors)  # faiss numbers them on from ntotal, which is `first`

    def _all_vectors(self, new: np.ndarray, first: int) -> np.ndarray:
        old = self._ann.reconstruct_n(0, first) if first else new[:0]
        return np.vstack([old, new])

    def _train(self, matrix: np.ndarray) -> None:
        import faiss

        n = len(matrix)
        quantizer = faiss.IndexFlatIP(multilingual.DIMENSIONS)
        index = faiss.IndexIVFScalarQuantizer(quantizer, multilingual.DIMENSIONS, _cells(n),
                                              faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
        sample = matrix if n <= 100_000 else matrix[np.random.default_rng(0).choice(n, 100_000, replace=False)]
        index.train(sample)
        index.make_direct_map()  # so that a retraining can read the vectors back (reconstruct_n)
        index.add(matrix)
        index.nprobe = self.nprobe
        self._ann = index
        self._trained_at = n

    @property
    def approximate(self) -> bool:
        return self._ann is not None

    def nearest(self, vector: np.ndarray, limit: int) -> list[tuple[int, float]]:
        """(row, cosine) of the `limit` stored texts nearest to `vector`, best first."""
        if not self.ids or limit <= 0:
            return []
        vector = np.ascontiguousarray(vector, dtype=np.float32)
        if self._ann is None:
            return nearest_rows(self._matrix, vector, limit)
        scores, rows = self._ann.search(vector[None, :], limit)
        return [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]


_CACHE: dict[str, MeaningSearch] = {}
_LOCK = threading.Lock()


def _load(db: sqlite_utils.Database, search: MeaningSearch) -> None:
    """Add the rows of `meaning_vectors` stored since the search last read it."""
    while True:
        rows = db.execute("SELECT id, kind, ref, language, vector FROM meaning_vectors WHERE model = ? AND id > ?"
                          " ORDER BY id LIMIT ?", [multilingual.MODEL_NAME, search.last_id, _LOAD_CHUNK]).fetchall()
        if not rows:
            return
        vectors = np.frombuffer(b"".join(r[4] for r in rows), dtype="<f4").reshape(len(rows), -1)
        search.add([r[0] for r in rows], [(r[1], r[2]) for r in rows], [r[3] for r in rows], vectors)


def meaning_search(db: sqlite_utils.Database, *, ann_from: int = ANN_FROM) -> MeaningSearch:
    """The database's meaning index, brought up to date with the vectors stored so far (none are computed here).

    >>> [n for n in meaning_search(db).nearest(vector, 5)]  # doctest: +SKIP
    [(0, 0.93), (4, 0.88), ...]
    """
    key = database_key(db)
    with _LOCK:
        search = _CACHE.get(key)
        stored_max = db.execute("SELECT coalesce(max(id), 0) FROM meaning_vectors").fetchone()[0]
        if search is None or search.ann_from != ann_from or stored_max < search.last_id:  # a new file, same name
            search = _CACHE[key] = MeaningSearch(ann_from=ann_from)
        _load(db, search)
        return search


def forget_meaning_search(db: sqlite_utils.Database) -> None:
    with _LOCK:
        _CACHE.pop(database_key(db), None)
