"""An in-memory inverted index of normalised claim tokens: BM25 candidates from the query's rarest terms."""
from __future__ import annotations

import math
import threading
from array import array
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import numpy as np

from claims.matching.normalize import match_text, match_tokens

__all__ = ["Candidate", "MatchIndex"]

_K1 = 1.2
_B = 0.4  # short claims: length matters less than in documents


@dataclass(frozen=True)
class Candidate:
    """One stored claim the index proposes for a query, with its BM25 score and normalised text."""

    key: Hashable
    bm25: float
    text: str


class MatchIndex:
    """Claims by their content tokens. Adding is cheap; removing means building a new index.

    >>> index = MatchIndex()
    >>> index.add("a", "Wombats are herding animals")
    >>> [c.key for c in index.candidates("herding wombats")]
    ['a']
    """

    def __init__(self) -> None:
        self.keys: list[Hashable] = []
        self.texts: list[str] = []
        self._lengths = array("I")
        self._postings: dict[str, array] = {}
        self._total_length = 0
        self._idf: dict[str, float] = {}
        self._scratch = np.zeros(0, dtype=np.float32)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.keys)

    def add(self, key: Hashable, text: str, *, normalized: bool = False) -> None:
        """Index one claim under `key` (`normalized=True` when `text` is already `match_text` output)."""
        norm = text if normalized else match_text(text)
        tokens = match_tokens(norm, normalized=True)
        ordinal = len(self.keys)
        if self._idf:
            self._idf = {}
        self.keys.append(key)
        self.texts.append(norm)
        self._lengths.append(len(tokens))
        self._total_length += len(tokens)
        postings = self._postings
        for token in set(tokens):
            posting = postings.get(token)
            if posting is None:
                postings[token] = array("I", (ordinal,))
            else:
                posting.append(ordinal)

    def add_many(self, items: Iterable[tuple[Hashable, str]], *, normalized: bool = False) -> int:
        """Index (key, text) pairs; returns how many were added."""
        count = 0
        for key, text in items:
            self.add(key, text, normalized=normalized)
            count += 1
        return count

    def document_frequency(self, token: str) -> int:
        posting = self._postings.get(token)
        return len(posting) if posting is not None else 0

    def idf(self, token: str) -> float:
        cached = self._idf.get(token)
        if cached is None:
            n = len(self.keys)
            df = self.document_frequency(token)
            cached = self._idf[token] = math.log(1.0 + (n - df + 0.5) / (df + 0.5))
        return cached

    def self_score(self, query: str, *, normalized: bool = False) -> float:
        """The BM25 score `query` would get against a stored copy of itself: the scale of a perfect match."""
        norm = query if normalized else match_text(query)
        counts = Counter(match_tokens(norm, normalized=True))
        n = len(self.keys)
        avg_length = (self._total_length / n if n else 0.0) or 1.0
        norm_len = _K1 * (1 - _B + _B * sum(counts.values()) / avg_length)
        return sum(self.idf(t) * tf * (_K1 + 1) / (tf + norm_len) for t, tf in counts.items())

    def candidates(self, query: str, *, limit: int = 50, normalized: bool = False,
                   posting_budget: int = 60_000, pool: int = 200) -> list[Candidate]:
        """The `limit` stored claims with the best BM25 score for `query`, best first.

        Only the postings of the query's rarest terms are walked (until `posting_budget` entries), so a
        query against a million claims touches a few thousand of them; the best `pool` of those are then
        scored on every query term.
        """
        norm = query if normalized else match_text(query)
        q_tokens = match_tokens(norm, normalized=True)
        n = len(self.keys)
        if not q_tokens or not n:
            return []
        q_counts = Counter(q_tokens)
        idf = {t: self.idf(t) for t in q_counts}
        present = sorted((t for t in q_counts if t in self._postings), key=self.document_frequency)
        if not present:
            return []
        # Rarest terms first, until the postings walked reach the budget: numpy adds each term's weight to
        # its claims in one step, so a query against a million claims costs a few milliseconds.
        probes, walked = [], 0
        for i, token in enumerate(present):
            posting = self._postings[token]
            if i >= 2 and walked + len(posting) > posting_budget:
                break
            walked += len(posting)
            probes.append((np.frombuffer(posting, dtype=np.uint32), idf[token]))
        with self._lock:  # one scratch buffer per index, shared by the threads that query it
            if self._scratch.shape[0] < n:
                self._scratch = np.zeros(n + 1024, dtype=np.float32)
            partial = self._scratch[:n]
            for ordinals, weight in probes:
                partial[ordinals] += weight
            # Scanning n floats for the touched ones is cheaper than sorting the postings to dedupe them.
            touched = np.flatnonzero(partial) if walked > n // 64 else np.unique(
                np.concatenate([o for o, _ in probes]))
            weights = partial[touched]
            partial[touched] = 0.0
        if len(touched) > pool:
            # The pool's last place is shared among equals in stored order: the older claim first.
            kth = np.partition(weights, len(weights) - pool)[len(weights) - pool]
            above = touched[weights > kth]
            level = touched[weights == kth][:pool - len(above)]
            touched = np.sort(np.concatenate([above, level]))
        best = touched.tolist()
        avg_length = self._total_length / n or 1.0
        scored: list[Candidate] = []
        for ordinal in best:
            d_tokens = match_tokens(self.texts[ordinal], normalized=True)
            d_counts = Counter(d_tokens)
            norm_len = _K1 * (1 - _B + _B * self._lengths[ordinal] / avg_length)
            bm25 = 0.0
            for token in q_counts:
                tf = d_counts.get(token)
                if tf:
                    bm25 += idf[token] * tf * (_K1 + 1) / (tf + norm_len)
            scored.append(Candidate(self.keys[ordinal], bm25, self.texts[ordinal]))
        scored.sort(key=lambda c: c.bm25, reverse=True)  # stable: equal scores keep stored order
        return scored[:limit]
