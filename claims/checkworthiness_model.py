"""A learned check-worthiness scorer: character and word n-grams plus the rules' own signals, as plain numbers.

No vocabulary is stored (the n-grams are hashed) and a model is a handful of numpy arrays and a JSON header, so it
is kept in the database as bytes and read back without pickle. The rules still give the reasons a reviewer reads;
their score and cue flags are features here, so the learned score combines both.
"""
from __future__ import annotations

import io
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from claims.checkworthiness import Assessment

__all__ = ["FORMAT_VERSION", "LearnedScorer", "ModelError", "fit", "fold_count", "from_bytes", "figures",
           "best_threshold", "held_back_figures"]

FORMAT_VERSION = 3
CHAR_FEATURES = 2 ** 20
WORD_FEATURES = 2 ** 18
# The C of the logistic regression, chosen by 5-fold cross-validation on the CheckThat! 2024 train split only
# (out-of-fold F1 at the best threshold: C=0.5 0.689, C=1 0.688, C=2 0.684, C=4 0.682); dev was not looked at.
# The smallest C is also the quickest to fit (the dual solver needs fewer passes).
DEFAULT_C = 0.5

# Reason prefixes of claims/checkworthiness.py: each becomes a 0/1 feature.
_CUES = ("contains a statistic", "contains a figure", "mentions a date", "makes a comparison", "reports an event",
         "refers to a record", "attributed to", "names ", "states a cause", "predicts", "opinion or intention",
         "hedged or hypothetical", "speaks about the speaker", "addresses the listener", "is a question",
         "greeting or courtesy", "too short", "short")


class ModelError(ValueError):
    """The stored parameters cannot be read as a model of a known format."""


# Character n-grams are hashed here in numpy (a polynomial hash of each 2- to 5-character run of the lower-cased
# sentence, spaces collapsed, then a multiplicative hash to 20 bits): four times faster than a Python analyzer,
# which matters in bulk ingest. Format 2 used scikit-learn's char_wb analyzer; its models are rebuilt.
_CHAR_NGRAMS = (2, 5)
_PRIME = np.uint64(1099511628211)
_MIX = np.uint64(0x9E3779B97F4A7C15)


def _char_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each hashed character 2- to 5-gram of the texts: (text number, column), one pair per occurrence."""
    lowered = [" " + " ".join(t.lower().split()) + " " for t in texts]
    lengths = np.fromiter((len(t) for t in lowered), dtype=np.int64, count=len(lowered))
    codes = np.frombuffer("".join(lowered).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    row = np.repeat(np.arange(len(lowered), dtype=np.int32), lengths)
    rows, cols = [], []
    run = codes.copy()
    shift = np.uint64(64 - CHAR_FEATURES.bit_length() + 1)
    with np.errstate(over="ignore"):  # the hash wraps around on purpose
        for n in range(2, _CHAR_NGRAMS[1] + 1):
            run = run[:-1] * _PRIME + codes[n - 1:]
            if n >= _CHAR_NGRAMS[0]:
                inside = row[:len(run)] == row[n - 1:]  # the n-gram does not run into the next text
                rows.append(row[:len(run)][inside])
                cols.append(((run[inside] * _MIX) >> shift).astype(np.int32))
    return np.concatenate(rows), np.concatenate(cols)


# What the regular expression \w matches (letters, digits, underscore), as a table over the Basic Multilingual
# Plane; characters beyond it (emoji, rare scripts) end a word.
_WORD_CHAR = np.array([chr(i).isalnum() or i == 0x5F for i in range(0x10000)] + [False], dtype=bool)
_PAIR = np.uint64(0x2545F4914F6CDD1D)


def _powers(count: int) -> np.ndarray:
    """1, p, p², … (wrapping at 64 bits): the first `count` powers of the hash's prime, kept between calls."""
    global _POWERS
    if len(_POWERS) < count:
        with np.errstate(over="ignore"):
            _POWERS = np.concatenate(([np.uint64(1)], np.cumprod(np.full(max(count, 64) - 1, _PRIME, dtype=np.uint64),
                                                                 dtype=np.uint64))).astype(np.uint64)
    return _POWERS[:count]


_POWERS = np.ones(1, dtype=np.uint64)


def _word_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each hashed word and word pair of the texts (lower-cased; a word is a run of letters or digits):
    (text number, column), one pair per occurrence."""
    joined = "\n".join(t.lower() for t in texts) + "\n"
    raw = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    inside = np.zeros(len(raw) + 1, dtype=bool)
    inside[1:] = _WORD_CHAR[np.minimum(raw, len(_WORD_CHAR) - 1)]
    edges = np.flatnonzero(inside[1:] != inside[:-1])  # a word starts, then ends, then the next starts...
    shift = np.uint64(64 - WORD_FEATURES.bit_length() + 1)
    if not len(edges):
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32)
    codes = raw.astype(np.uint64)
    starts, ends = edges[0::2], edges[1::2]
    lengths = ends - starts
    # Each word's characters, gathered one after the other, and each one's place in its word.
    first = np.repeat(starts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
    where = np.arange(int(lengths.sum())) + first
    place = where - np.repeat(starts, lengths)
    with np.errstate(over="ignore"):
        powers = _powers(int(lengths.max()))
        words = np.add.reduceat(codes[where] * powers[place], np.concatenate(([0], np.cumsum(lengths)[:-1])))
        words = words + lengths.astype(np.uint64)
        row = np.searchsorted(np.cumsum([len(t) + 1 for t in texts]), starts, side="right").astype(np.int32)
        same = row[:-1] == row[1:]
        pairs = (words[:-1] * _PAIR + words[1:])[same]
        r = np.concatenate((row, row[:-1][same]))
        c = (np.concatenate((words, pairs)) * _MIX >> shift).astype(np.int32)
    return r, c


_CUE_AT = re.compile("|".join(f"({re.escape(cue)})" for cue in _CUES))
# Which cue column a reason sets (0: none). Whether a cue opens a reason depends only on the reason's first
# characters (as many as the longest cue), so it is remembered per opening: a dictionary look-up instead of a regex.
_CUE_OF: dict[str, int] = {}
_CUE_WIDTH = max(map(len, _CUES))


def _cue_column(reason: str) -> int:
    opening = reason[:_CUE_WIDTH]
    column = _CUE_OF.get(opening)
    if column is None:
        found = _CUE_AT.match(opening)
        column = found.lastindex if found else 0
        if len(_CUE_OF) >= 10_000:
            _CUE_OF.clear()
        _CUE_OF[opening] = column
    return column


def _rule_features(assessments: Sequence[Assessment]) -> np.ndarray:
    """The rules' logit (scaled) and a 0/1 column per cue, one row per assessment."""
    width = len(_CUES) + 1
    logits, flags = [], []
    for i, a in enumerate(assessments):
        s = min(max(a.score, 1e-4), 1 - 1e-4)
        logits.append(math.log(s / (1 - s)) / 4.0)
        flags.extend(i * width + column for column in map(_cue_column, a.reasons) if column)
    rows = np.zeros((len(assessments), width), dtype=np.float32)
    rows[:, 0] = logits
    rows.flat[flags] = 1.0
    return rows


def _tf(rows: np.ndarray, cols: np.ndarray, n: int, width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct (row, column) pairs with sublinear tf (1 + log count), each row scaled to unit length.

    The pairs come out in (row, column) order, as a sort of `row * width + column` gives them; the key is 32 bits
    wide whenever it fits (an article's sentences always do), which sorts about twice as fast as 64 bits."""
    bits = width.bit_length() - 1
    kind = np.int32 if n << bits < 2 ** 31 else np.int64
    keys = rows.astype(kind)  # built in place and let go as soon as possible: training passes millions of pairs
    keys <<= bits
    keys |= cols
    keys.sort()
    first = np.empty(len(keys), dtype=bool)
    first[:1] = True
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    at = np.flatnonzero(first)
    del first
    distinct = keys[at]
    at = np.append(at, len(keys))
    del keys
    counts = np.diff(at)
    del at
    r, c = distinct >> bits, distinct & (width - 1)
    del distinct
    tf = 1.0 + np.log(counts)
    norms = np.sqrt(np.bincount(r, weights=tf * tf, minlength=n))
    norms[norms == 0] = 1.0
    return r, c, (tf / norms[r]).astype(np.float32)


def _blocks(texts: Sequence[str]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Character and word n-grams, each block scaled on its own, so a long sentence does not outweigh a short one."""
    n = len(texts)
    out = []
    for hashes, width in ((_char_hashes, CHAR_FEATURES), (_word_hashes, WORD_FEATURES)):
        r, c, v = _tf(*hashes(texts), n, width)
        out.append(sp.csr_matrix((v, (r, c)), shape=(n, width)))
    return out[0], out[1]


def _logits_of(texts: Sequence[str], dense: np.ndarray) -> np.ndarray:
    """The n-grams' part of each text's logit, `_blocks(texts) @ dense` without building the matrices (faster)."""
    n = len(texts)
    total = np.zeros(n, dtype=np.float64)
    offset = 0
    for hashes, width in ((_char_hashes, CHAR_FEATURES), (_word_hashes, WORD_FEATURES)):
        r, c, v = _tf(*hashes(texts), n, width)
        total += np.bincount(r, weights=v * dense[offset:offset + width][c], minlength=n)
        offset += width
    return total


def _grams(texts: Sequence[str]) -> sp.csr_matrix:
    return sp.hstack(_blocks(texts), format="csr")


def _idf(grams: sp.csr_matrix) -> np.ndarray:
    df = np.bincount(grams.indices, minlength=grams.shape[1])
    n = grams.shape[0]
    return (np.log((1 + n) / (1 + df)) + 1.0).astype(np.float32)


def figures(labels: Sequence[bool], predicted: Sequence[bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the check-worthy class: ``figures([1, 0, 1], [1, 1, 0]) == (0.5, 0.5, 0.5)``."""
    tp = sum(1 for y, p in zip(labels, predicted, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, predicted, strict=True) if p and not y)
    fn = sum(1 for y, p in zip(labels, predicted, strict=True) if y and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


_CUTS = np.arange(0.2, 0.801, 0.01)  # the thresholds a model may get


def best_threshold(labels: Sequence[bool], scores: Sequence[float]) -> float:
    """The cut on `scores` that gives the best F1 of `labels` (the lower one of a tie), from 0.2 to 0.8."""
    y = np.asarray(labels, dtype=bool)
    called = np.asarray(scores, dtype=np.float64)[None, :] >= _CUTS[:, None]  # one row per cut
    tp = (called & y).sum(axis=1)
    f1 = np.where(tp > 0, 2 * tp / np.maximum(called.sum(axis=1) + y.sum(), 1), 0.0)
    return float(round(_CUTS[int(np.argmax(f1 > f1.max() - 1e-9))], 2))


def held_back_figures(labels: Sequence[bool], scores: Sequence[float], *, seed: int = 29) -> tuple[float, float, float]:
    """Precision, recall and F1 of out-of-fold `scores` with the threshold held back too: each fifth of the
    sentences is read at the cut that is best on the other four fifths, so choosing the cut does not flatter it."""
    y = np.asarray(labels, dtype=bool)
    s = np.asarray(scores, dtype=np.float64)
    called = np.zeros(len(y), dtype=bool)
    parts = StratifiedKFold(n_splits=fold_count(y.tolist()), shuffle=True, random_state=seed)
    for rest, part in parts.split(np.zeros(len(y)), y):
        called[part] = s[part] >= best_threshold(y[rest].tolist(), s[rest].tolist())
    return figures(y.tolist(), called.tolist())


@dataclass(frozen=True)
class LearnedScorer:
    """A fitted model: `score(texts, assessments)` gives a probability each; `threshold` makes it a yes or no."""

    indices: np.ndarray  # the hashed n-gram features with a weight (others weigh nothing)
    weights: np.ndarray
    idf: np.ndarray  # idf of those same features
    rule_weights: np.ndarray
    intercept: float
    threshold: float

    def score(self, texts: Sequence[str], assessments: Sequence[Assessment]) -> list[float]:
        """Probability that each sentence is check-worthy, given its rules' assessment."""
        if not texts:
            return []
        # The rules' part row by row in double precision, not as a float32 matrix product: a matrix product's
        # rounding depends on how many rows it is given, and a sentence must score the same alone or in its article.
        rules = (_rule_features(assessments).astype(np.float64) * self._rule_weights).sum(axis=1)
        logits = _logits_of(texts, self._dense) + rules + self.intercept
        return (1.0 / (1.0 + np.exp(-logits))).tolist()  # float64 to Python float, exactly

    def _logits(self, grams: sp.csr_matrix, rules: np.ndarray) -> np.ndarray:
        return np.asarray(grams.dot(self._dense)).ravel() + rules.dot(self.rule_weights) + self.intercept

    @cached_property
    def _rule_weights(self) -> np.ndarray:
        return self.rule_weights.astype(np.float64)

    @cached_property
    def _dense(self) -> np.ndarray:
        """Weight × idf for every hashed feature, built once per model rather than once per article."""
        dense = np.zeros(CHAR_FEATURES + WORD_FEATURES, dtype=np.float32)
        dense[self.indices] = self.weights * self.idf
        return dense

    def to_bytes(self) -> bytes:
        """The parameters as an npz archive with a JSON header (no pickle)."""
        header = {"format_version": FORMAT_VERSION, **_spec(), "intercept": self.intercept,
                  "threshold": self.threshold}
        out = io.BytesIO()
        np.savez_compressed(out, header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8),
                            indices=self.indices.astype(np.int64), weights=self.weights.astype(np.float32),
                            idf=self.idf.astype(np.float32), rule_weights=self.rule_weights.astype(np.float32))
        return out.getvalue()


def _spec() -> dict[str, list]:
    """What the stored weights mean: a model whose features were made differently is not read."""
    return {"char": ["numpy-polynomial", *_CHAR_NGRAMS, CHAR_FEATURES],
            "word": ["numpy-polynomial", 1, 2, WORD_FEATURES], "cues": list(_CUES)}


def from_bytes(data: bytes) -> LearnedScorer:
    """Read parameters written by `LearnedScorer.to_bytes`; ModelError names what is wrong or out of date."""
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            header = json.loads(bytes(arrays["header"]).decode())
            version = header.get("format_version")
            if version != FORMAT_VERSION or any(header.get(key) != value for key, value in _spec().items()):
                raise ModelError(f"model format {version} is not the current format {FORMAT_VERSION}")
            return LearnedScorer(arrays["indices"], arrays["weights"], arrays["idf"], arrays["rule_weights"],
                                 float(header["intercept"]), float(header["threshold"]))
    except ModelError:
        raise
    except Exception as exc:  # a damaged blob must read as "rebuild me", never crash the caller
        raise ModelError(f"model parameters cannot be read ({type(exc).__name__})") from None


def _fit_once(grams: sp.csr_matrix, rules: np.ndarray, labels: np.ndarray, c: float) -> LearnedScorer:
    """Logistic regression on the n-grams these sentences use (the other hashed columns are dropped while fitting,
    which gives the same model much faster) plus the rules' features."""
    columns = np.unique(grams.indices)
    idf = _idf(grams)[columns]
    x = sp.hstack([grams[:, columns].multiply(idf).tocsr(), sp.csr_matrix(rules)], format="csr")
    model = LogisticRegression(C=c, solver="liblinear", dual=True, class_weight="balanced", max_iter=1000)
    model.fit(x, labels)
    coef = model.coef_.ravel().astype(np.float32)
    n_grams = len(columns)
    nonzero = np.flatnonzero(coef[:n_grams])
    return LearnedScorer(columns[nonzero].astype(np.int64), coef[nonzero], idf[nonzero], coef[n_grams:],
                         float(model.intercept_[0]), 0.5)


# Above this many sentences the held-back scores come from 3 folds, not 5: each fit then still sees 7,000+
# sentences, and training on a 22,500-sentence corpus stays well under a minute.
LARGE = 10_000


def fold_count(labels: Sequence[bool], *, folds: int = 5) -> int:
    """How many folds `fit` uses for its held-back scores: ``fold_count([True] * 3 + [False] * 9) == 3``."""
    positives = sum(1 for v in labels if v)
    return max(2, min(folds if len(labels) <= LARGE else 3, positives, len(labels) - positives))


def fit(texts: Sequence[str], assessments: Sequence[Assessment], labels: Sequence[bool], *, c: float = DEFAULT_C,
        folds: int = 5, seed: int = 13) -> tuple[LearnedScorer, list[float]]:
    """Fit on every labelled sentence; the threshold is the best F1 on out-of-fold predictions of these labels.

    Returns the scorer and the out-of-fold scores (one per sentence), from which held-back figures are read::

        >>> scorer, oof = fit(texts, assessments, labels)          # doctest: +SKIP
        >>> figures(labels, [s >= scorer.threshold for s in oof])  # doctest: +SKIP
    """
    y = np.asarray([bool(v) for v in labels], dtype=np.int8)
    grams = _grams(list(texts))  # read once; each fold fits on its rows
    rules = _rule_features(list(assessments))
    oof = np.zeros(len(y), dtype=np.float64)
    k = fold_count(y.tolist(), folds=folds)
    for train, test in StratifiedKFold(n_splits=k, shuffle=True, random_state=seed).split(np.zeros(len(y)), y):
        part = _fit_once(grams[train], rules[train], y[train], c)
        oof[test] = part._logits(grams[test], rules[test])
    oof = 1.0 / (1.0 + np.exp(-oof))
    threshold = best_threshold(y.tolist(), oof.tolist())
    final = _fit_once(grams, rules, y, c)
    final = LearnedScorer(final.indices, final.weights, final.idf, final.rule_weights, final.intercept, threshold)
    return final, oof.tolist()
