"""Exact search by meaning: the rows of a matrix of unit vectors nearest to one vector, best first."""
from __future__ import annotations

import numpy as np

__all__ = ["nearest_rows"]


def nearest_rows(matrix: np.ndarray, vector: np.ndarray, limit: int) -> list[tuple[int, float]]:
    """(row, cosine) of the `limit` rows closest to `vector`; equal cosines keep the rows' order.

    >>> nearest_rows(np.eye(3, dtype=np.float32), np.array([0.0, 1.0, 0.5], dtype=np.float32), 2)
    [(1, 1.0), (2, 0.5)]
    """
    if limit <= 0 or not len(matrix):
        return []
    cosines = matrix @ vector
    if len(cosines) > limit:
        best = np.argpartition(-cosines, limit - 1)[:limit]
        best = best[np.argsort(-cosines[best], kind="stable")]
    else:
        best = np.argsort(-cosines, kind="stable")
    return [(int(i), float(cosines[i])) for i in best]
