"""Candidates by meaning in every language, joined to the word candidates and ordered per pair of languages.

The stored texts nearest in meaning come from the nearest-neighbour index over `meaning_vectors`; the word
candidates (60 best by BM25) join them; each candidate's exact cosine is read from its stored vector. Texts the
background job has not reached yet have no vector: they are ordered with the lowest cosine of the pool, so a
word match still shows, and a search never computes them. The weights of each pair of languages
(`claims/matching/calibration.py`) were chosen by cross-validation; see the README's section on matching by meaning.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import sqlite_utils

from claims.folding import nfc
from claims.language import detect_language
from claims.matching import multilingual, semantic
from claims.matching.calibration import ENGLISH_MODEL, weights_for
from claims.matching.index import Candidate
from claims.matching.normalize import match_text, strip_social
from claims.matching.rerank import Scored, multilingual_rerank
from db.candidates import candidate_details
from db.meaning_index import meaning_search
from db.vectors import vectors_by_ref

__all__ = ["MEANING_POOL", "by_meaning_multilingual", "query_vector_of"]

MEANING_POOL = 100  # stored texts nearest in meaning added to the word candidates


def query_vector_of(text: str) -> np.ndarray:
    """The multilingual vector of a query as the search uses it (social-media tails removed)."""
    return multilingual.encode([strip_social(text) or text])[0]


def _ref(key: tuple[str, Any]) -> tuple[str, str]:
    return key[0], str(key[1])


def _key(kind: str, ref: str) -> tuple[str, Any]:
    return (kind, int(ref)) if kind == "claim" else (kind, ref)


def by_meaning_multilingual(db: sqlite_utils.Database, text: str, query_norm: str, pool: list[Candidate],
                            excluded: tuple[str, Any], cross_language: bool,
                            query_vector: np.ndarray | None = None,
                            search_norm: str | None = None) -> tuple[list[Scored], dict] | None:
    """The candidates ordered by `multilingual_rerank`, and their details; None when no vector is stored yet.

    `search_norm`: the words the pool was searched with, when more than `query_norm` (a Vietnamese text's
    English gloss); the character grams compare those.
    """
    search = meaning_search(db)
    if not len(search):
        return None
    vector = query_vector if query_vector is not None else query_vector_of(text)
    language = detect_language(text)
    nearest = search.nearest(vector, 2 * MEANING_POOL + 1 if not cross_language else MEANING_POOL + 1)
    word_ranks = {c.key: rank for rank, c in enumerate(pool)}
    extra: list[tuple[str, Any]] = []
    for row, _ in nearest:
        key = _key(*search.keys[row])
        if key in word_ranks or key == excluded or key in extra:
            continue
        if not cross_language and search.languages[row] not in (language, None):
            continue
        extra.append(key)
    extra = extra[:MEANING_POOL]
    details = candidate_details(db, [c.key for c in pool] + extra)
    candidates = [c for c in pool if c.key in details]
    candidates += [Candidate(k, 0.0, match_text(details[k]["text"])) for k in extra if k in details]
    raw = [details[c.key]["text"] for c in candidates]
    languages = [detect_language(t) for t in raw]
    if not cross_language:
        kept = [i for i, lang in enumerate(languages) if lang == language]
        candidates, raw, languages = [candidates[i] for i in kept], [raw[i] for i in kept], [languages[i] for i in kept]
    stored = vectors_by_ref(db, [_ref(c.key) for c in candidates])
    cosines = [float(stored[_ref(c.key)] @ vector) if _ref(c.key) in stored else None for c in candidates]
    known = [c for c in cosines if c is not None]
    lowest = min(known) if known else 0.0
    similarities = [lowest if c is None else c for c in cosines]
    english = None
    if ENGLISH_MODEL and language == "en" and semantic.is_available():
        english_stored = vectors_by_ref(db, [_ref(c.key) for c in candidates], model=semantic.MODEL_NAME)
        if english_stored:
            query_english = semantic.encode([strip_social(text) or text])[0]
            english = [float(english_stored[_ref(c.key)] @ query_english) if _ref(c.key) in english_stored
                       else None for c in candidates]
    # One blend for the whole pool, the query language's, so that scores compare across it; a candidate in the
    # other language is a duplicate only from that pair's calibrated cosine (`MeaningWeights.duplicate_cosine`).
    weights = weights_for(language)
    same = [lang == language for lang in languages]
    ranks = [word_ranks.get(c.key) for c in candidates]
    scored = multilingual_rerank(query_norm, nfc(text), candidates, similarities, ranks, raw, same, weights, english,
                                 search_norm=search_norm, languages=languages)
    return scored, details
