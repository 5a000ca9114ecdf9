"""Reading the stored vectors by meaning (`meaning_vectors`), which the vector jobs of `db/meaning.py` write."""
from __future__ import annotations

import numpy as np
import sqlite_utils

from claims.matching import multilingual

__all__ = ["vectors_by_ref"]


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def vectors_by_ref(db: sqlite_utils.Database, keys: list[tuple[str, str]], *,
                   model: str = multilingual.MODEL_NAME) -> dict[tuple[str, str], np.ndarray]:
    """The stored vectors of (kind, ref) keys that have one (of the multilingual model unless `model` says)."""
    found: dict[tuple[str, str], np.ndarray] = {}
    for kind in ("known", "claim"):
        refs = [ref for k, ref in keys if k == kind]
        for part in _chunks(refs, 500):
            marks = ", ".join("?" for _ in part)
            for ref, blob in db.execute(f"SELECT ref, vector FROM meaning_vectors WHERE model = ? AND kind = ?"
                                        f" AND ref IN ({marks})", [model, kind, *part]):
                found[(kind, ref)] = np.frombuffer(blob, dtype="<f4")
    return found
