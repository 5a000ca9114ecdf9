"""A learned check-worthiness scorer anchored on the built-in rules: the rules' logit is an offset, and character
and word n-grams plus the rules' cue flags move a sentence's score away from it only as far as the labels support.

score(sentence) = sigmoid(logit(rules' score) + w · features), with an L2 penalty on w: with no labels (or none
of a sentence's language) w is 0 and the score is exactly the rules' score, read at the rules' own threshold. The
penalty is fixed, so it weighs less as labels grow (a large desk moves far, a small one little). Features are kept
apart by language (the hashes are salted with the sentence's language and the cue, scale and bias columns are one
set per language), so English labels do not move Vietnamese scores.

No vocabulary is stored (the n-grams are hashed) and a model is a handful of numpy arrays and a JSON header, so it
is kept in the database as bytes and read back without pickle. The rules still give the reasons a reviewer reads.
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
from scipy.optimize import minimize

from claims.checkworthiness import THRESHOLD, Assessment
from claims.language import detect_language

__all__ = ["FORMAT_VERSION", "LearnedScorer", "ModelError", "RULES_ONLY", "fit", "from_bytes", "figures",
           "best_threshold", "LANGUAGES"]

FORMAT_VERSION = 4
CHAR_FEATURES = 2 ** 20
WORD_FEATURES = 2 ** 18
# The L2 penalty on the weights (the pull toward the rules). Chosen on the CheckThat! 2024 English train split
# (blocked by debate) and on bench/data/vi_checkworthiness.jsonl (5-fold) only; see
# docs/measurements/checkworthiness.md. The real Vietnamese articles were measured with it, not used to choose it.
DEFAULT_STRENGTH = 2.0
LANGUAGES = ("en", "vi")  # one salt and one block of rule columns each; any other code is read as English

# Reason prefixes of claims/checkworthiness.py: each becomes a 0/1 feature.
_CUES = ("contains a statistic", "contains a figure", "mentions a date", "makes a comparison", "reports an event",
         "refers to a record", "attributed to", "names ", "states a cause", "predicts", "opinion or intention",
         "hedged or hypothetical", "speaks about the speaker", "addresses the listener", "is a question",
         "greeting or courtesy", "too short", "short")
# Per language: a constant (a shift of the cut) and one column per cue. The rules' logit itself is the offset, not
# a feature: a weight on it would let a model scale the rules away (a weight of -1 cancels them), which is exactly
# the drift away from the rules that the penalty is there to resist.
_RULE_WIDTH = len(_CUES) + 1


class ModelError(ValueError):
    """The stored parameters cannot be read as a model of a known format."""


# Character n-grams are hashed here in numpy (a polynomial hash of each 2- to 5-character run of the lower-cased
# sentence, spaces collapsed, then a multiplicative hash to 20 bits): four times faster than a Python analyzer,
# which matters in bulk ingest. Format 2 used scikit-learn's char_wb analyzer; its models are rebuilt.
_CHAR_NGRAMS = (2, 5)
_PRIME = np.uint64(1099511628211)
_MIX = np.uint64(0x9E3779B97F4A7C15)


def _char_hashes(texts: Sequence[str], salts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each hashed character 2- to 5-gram of the texts, salted by each text's language: (text number, column),
    one pair per occurrence."""
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
                which = row[:len(run)][inside]
                rows.append(which)
                cols.append((((run[inside] + salts[which]) * _MIX) >> shift).astype(np.int32))
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


def _word_hashes(texts: Sequence[str], salts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each hashed word and word pair of the texts (lower-cased; a word is a run of letters or digits), salted by
    each text's language: (text number, column), one pair per occurrence."""
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
        row = np.searchsorted(np.cumsum([len(t) + 1 for t in texts]), starts, side="right").astype(np.int32)
        words = words + lengths.astype(np.uint64) + salts[row]
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


def _rules_logit(assessment: Assessment) -> float:
    """The rules' score as a logit: the offset every learned score starts from (0 at the rules' threshold)."""
    p = min(max(assessment.score, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _languages(texts: Sequence[str]) -> np.ndarray:
    """Each text's place in LANGUAGES (its own language, as the extractor reads it)."""
    return np.fromiter((1 if detect_language(t) == "vi" else 0 for t in texts), dtype=np.int64, count=len(texts))


_SALTS = np.asarray([0, 0x5BD1E9955BD1E995], dtype=np.uint64)  # English hashes as before; Vietnamese elsewhere


def _rule_features(assessments: Sequence[Assessment], languages: np.ndarray) -> np.ndarray:
    """Per language block: a constant 1 and a 0/1 column per cue, one row per assessment; the other language's
    block is 0."""
    width = _RULE_WIDTH
    rows = np.zeros((len(assessments), width * len(LANGUAGES)), dtype=np.float32)
    flags = []
    for i, a in enumerate(assessments):
        at = i * width * len(LANGUAGES) + int(languages[i]) * width
        rows.flat[at] = 1.0
        flags.extend(at + column for column in map(_cue_column, a.reasons) if column)
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


def _blocks(texts: Sequence[str], salts: np.ndarray) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Character and word n-grams, each block scaled on its own, so a long sentence does not outweigh a short one."""
    n = len(texts)
    out = []
    for hashes, width in ((_char_hashes, CHAR_FEATURES), (_word_hashes, WORD_FEATURES)):
        r, c, v = _tf(*hashes(texts, salts), n, width)
        out.append(sp.csr_matrix((v, (r, c)), shape=(n, width)))
    return out[0], out[1]


def _logits_of(texts: Sequence[str], salts: np.ndarray, dense: np.ndarray) -> np.ndarray:
    """The n-grams' part of each text's logit, `_blocks(texts) @ dense` without building the matrices (faster)."""
    n = len(texts)
    total = np.zeros(n, dtype=np.float64)
    offset = 0
    for hashes, width in ((_char_hashes, CHAR_FEATURES), (_word_hashes, WORD_FEATURES)):
        r, c, v = _tf(*hashes(texts, salts), n, width)
        total += np.bincount(r, weights=v * dense[offset:offset + width][c], minlength=n)
        offset += width
    return total


def _grams(texts: Sequence[str], salts: np.ndarray) -> sp.csr_matrix:
    return sp.hstack(_blocks(texts, salts), format="csr")


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


@dataclass(frozen=True)
class LearnedScorer:
    """A fitted model: `score(texts, assessments)` gives a probability each; `threshold` makes it a yes or no.

    The threshold is the rules' own: what moves is the score, so a model with nothing learned for a language
    scores and decides exactly as the rules do there."""

    indices: np.ndarray  # the hashed n-gram features with a weight (others weigh nothing)
    weights: np.ndarray
    idf: np.ndarray  # idf of those same features
    rule_weights: np.ndarray  # one block of _RULE_WIDTH per language
    threshold: float = THRESHOLD

    def score(self, texts: Sequence[str], assessments: Sequence[Assessment]) -> list[float]:
        """Probability that each sentence is check-worthy, given its rules' assessment."""
        if not texts:
            return []
        languages = _languages(texts)
        # The rules' part row by row in double precision, not as a float32 matrix product: a matrix product's
        # rounding depends on how many rows it is given, and a sentence must score the same alone or in its article.
        rules = (_rule_features(assessments, languages).astype(np.float64) * self._rule_weights).sum(axis=1)
        offsets = np.fromiter((_rules_logit(a) for a in assessments), dtype=np.float64, count=len(assessments))
        logits = offsets + _logits_of(texts, _SALTS[languages], self._dense) + rules
        return (1.0 / (1.0 + np.exp(-logits))).tolist()  # float64 to Python float, exactly

    def moves(self, language: str) -> bool:
        """Whether this model learned anything for sentences in `language` (otherwise the rules score them)."""
        block = self.rule_weights[LANGUAGES.index(language) * _RULE_WIDTH:][:_RULE_WIDTH] if language in LANGUAGES \
            else self.rule_weights[:_RULE_WIDTH]
        return bool(np.any(block != 0))

    def scaled(self, share: float) -> LearnedScorer:
        """The same model with its learned part multiplied by `share` (0: the rules alone, 1: as fitted)."""
        return LearnedScorer(self.indices, (self.weights * share).astype(np.float32), self.idf,
                             (self.rule_weights * share).astype(np.float32), self.threshold)

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
        header = {"format_version": FORMAT_VERSION, **_spec(), "threshold": self.threshold}
        out = io.BytesIO()
        np.savez_compressed(out, header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8),
                            indices=self.indices.astype(np.int64), weights=self.weights.astype(np.float32),
                            idf=self.idf.astype(np.float32), rule_weights=self.rule_weights.astype(np.float32))
        return out.getvalue()


RULES_ONLY = LearnedScorer(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32),
                           np.zeros(_RULE_WIDTH * len(LANGUAGES), dtype=np.float32))


def _spec() -> dict[str, list]:
    """What the stored weights mean: a model whose features were made differently is not read."""
    return {"char": ["numpy-polynomial", *_CHAR_NGRAMS, CHAR_FEATURES],
            "word": ["numpy-polynomial", 1, 2, WORD_FEATURES], "cues": list(_CUES), "languages": list(LANGUAGES),
            "anchor": "rules-logit-offset"}


def from_bytes(data: bytes) -> LearnedScorer:
    """Read parameters written by `LearnedScorer.to_bytes`; ModelError names what is wrong or out of date."""
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            header = json.loads(bytes(arrays["header"]).decode())
            version = header.get("format_version")
            if version != FORMAT_VERSION or any(header.get(key) != value for key, value in _spec().items()):
                raise ModelError(f"model format {version} is not the current format {FORMAT_VERSION}")
            return LearnedScorer(arrays["indices"], arrays["weights"], arrays["idf"], arrays["rule_weights"],
                                 float(header["threshold"]))
    except ModelError:
        raise
    except Exception as exc:  # a damaged blob must read as "rebuild me", never crash the caller
        raise ModelError(f"model parameters cannot be read ({type(exc).__name__})") from None


def _minimise(x: sp.csr_matrix, offsets: np.ndarray, labels: np.ndarray, weights: np.ndarray,
              strength: float) -> np.ndarray:
    """The w minimising Σ weight · log-loss(label, offset + x·w) + strength/2 · |w|² (L-BFGS)."""
    y = labels.astype(np.float64)
    xt = x.T.tocsr()

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = offsets + x @ w
        # log(1 + e^z) - y·z, computed without overflow
        value = float(np.sum(weights * (np.logaddexp(0.0, z) - y * z))) + 0.5 * strength * float(w @ w)
        p = 0.5 * (1.0 + np.tanh(0.5 * z))  # sigmoid, without overflow
        return value, xt @ (weights * (p - y)) + strength * w

    found = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B",
                     options={"maxiter": 500, "gtol": 1e-5})
    return found.x


def fit(texts: Sequence[str], assessments: Sequence[Assessment], labels: Sequence[bool], *,
        strength: float = DEFAULT_STRENGTH) -> LearnedScorer:
    """Fit the anchored model on every labelled sentence (see the module's docstring).

    Each kind of sentence weighs as much in total as the other (a desk dismisses far more than it checks), within
    each language, so the model's cut stays the rules' cut.

        >>> scorer = fit(texts, [rule_assessment(t) for t in texts], labels)  # doctest: +SKIP
    """
    texts = list(texts)
    y = np.asarray([bool(v) for v in labels], dtype=np.int8)
    if not len(y):
        return RULES_ONLY
    languages = _languages(texts)
    grams = _grams(texts, _SALTS[languages])
    columns = np.unique(grams.indices)
    idf = _idf(grams)[columns]
    rules = _rule_features(list(assessments), languages)
    x = sp.hstack([grams[:, columns].multiply(idf).tocsr(), sp.csr_matrix(rules)], format="csr").astype(np.float64)
    offsets = np.fromiter((_rules_logit(a) for a in assessments), dtype=np.float64, count=len(y))
    weights = np.ones(len(y))
    for language in np.unique(languages):
        mine = languages == language
        for kind in (0, 1):
            chosen = mine & (y == kind)
            if chosen.any():
                weights[chosen] = mine.sum() / (2.0 * chosen.sum())
    w = _minimise(x, offsets, y, weights, strength).astype(np.float32)
    n_grams = len(columns)
    nonzero = np.flatnonzero(w[:n_grams])
    rule_weights = w[n_grams:].copy()
    for language in range(len(LANGUAGES)):  # a language without labels stays exactly the rules
        if not (languages == language).any():
            rule_weights[language * _RULE_WIDTH:(language + 1) * _RULE_WIDTH] = 0.0
    return LearnedScorer(columns[nonzero].astype(np.int64), w[nonzero], idf[nonzero], rule_weights)
