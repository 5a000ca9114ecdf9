"""Reranking candidates, each judged by the duplicate rule (`duplicate_rule.py`): text, figures and polarity."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from claims.matching.duplicate_rule import DUPLICATE_CLOSENESS, FigurePair, Relation, closeness, judge, side_of
from claims.matching.index import Candidate
from claims.matching.normalize import STOP_WORDS

__all__ = ["Relation", "Scored", "DUPLICATE_CLOSENESS", "closeness",
           "rerank", "compare", "MeaningWeights", "multilingual_rerank"]
_K1 = 1.2
_B = 0.4
_RANK_WEIGHT = 0.7  # ordering: how much the retrieval scores count against closeness of the whole texts
_WORD_WEIGHT = 0.5  # within retrieval: whole words against character grams
_WEAK_MATCH = 0.5  # a best candidate below this share of a perfect BM25 score lowers every score
_RANK_DAMPING = 5  # a word-BM25 rank counts as 5 / (5 + rank)


@dataclass(frozen=True)
class Scored:
    """A candidate after reranking: `score` 0-100, best first; `why` the rule's words for the pair."""

    key: Hashable
    score: float
    closeness: float
    relation: Relation
    text: str
    why: str = ""
    figures: tuple[FigurePair, ...] = ()


@lru_cache(maxsize=200_000)
def _word_grams(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    return tuple(padded[i:i + n] for n in (3, 4, 5) for i in range(max(1, len(padded) - n + 1)))


def _grams(norm: str) -> Counter[str]:
    return Counter(chain.from_iterable(_word_grams(w) for w in norm.split() if w not in STOP_WORDS))


def _gram_bm25(query: str, docs: Sequence[str]) -> list[float]:
    """BM25 over character 3-5-grams, with document frequencies taken from the candidate pool itself.

    Grams catch what whole words miss ("wildfires" and "fires", "butterfly" and "butterflies") without a
    second index: the pool is only a hundred claims, so its own statistics serve.
    """
    doc_grams = [_grams(d) for d in docs]
    n = len(docs)
    df = Counter(g for grams in doc_grams for g in grams)
    avg = sum(sum(g.values()) for g in doc_grams) / n or 1.0
    idf = {g: math.log(1 + (n - df[g] + 0.5) / (df[g] + 0.5)) for g in set(_grams(query)) if g in df}
    scores = []
    for grams in doc_grams:
        norm_len = _K1 * (1 - _B + _B * sum(grams.values()) / avg)
        s = 0.0
        for g, weight in idf.items():
            tf = grams.get(g)
            if tf:
                s += weight * tf * (_K1 + 1) / (tf + norm_len)
        scores.append(s)
    return scores


def rerank(query_norm: str, query_raw: str, candidates: Sequence[Candidate],
           raw_texts: Sequence[str] | None = None, *, perfect_bm25: float | None = None) -> list[Scored]:
    """Order candidates by word BM25, character-gram BM25 and closeness; decide each one's relation.

    `raw_texts` (the stored claims as written) are used for polarity; the normalised text serves otherwise.
    `perfect_bm25`, the score of the query against itself, scales all scores down when even the best
    candidate shares little with the query (ordering within the query is unchanged).
    """
    if not candidates:
        return []
    texts = [c.text for c in candidates]
    grams = _gram_bm25(query_norm, texts)
    top_words = max(c.bm25 for c in candidates) or 1.0
    top_grams = max(grams) or 1.0
    close = closeness([query_norm], texts)[0]
    mine = side_of(query_raw, query_norm)
    confidence = 1.0
    if perfect_bm25:
        confidence = min(1.0, top_words / (_WEAK_MATCH * perfect_bm25)) ** 0.5
    scored = []
    for i, cand in enumerate(candidates):
        retrieval = _WORD_WEIGHT * cand.bm25 / top_words + (1 - _WORD_WEIGHT) * grams[i] / top_grams
        score = confidence * (100.0 * _RANK_WEIGHT * retrieval + (1 - _RANK_WEIGHT) * close[i])
        raw = raw_texts[i] if raw_texts is not None else cand.text
        said = judge(mine, side_of(raw, cand.text), closeness=close[i])
        scored.append(Scored(cand.key, round(min(score, 100.0), 2), close[i], said.relation, cand.text, said.why,
                             said.figures))
    scored.sort(key=lambda s: s.score, reverse=True)
    return scored


def _surface(query_norm: str, candidates: Sequence[Candidate],
             search_norm: str | None = None) -> tuple[list[float], float, list[float]]:
    """What the orderings by meaning take from the wording: each candidate's character-gram BM25 (of
    `search_norm` when given), the best of them (to scale by), and each one's closeness to the query."""
    texts = [c.text for c in candidates]
    grams = _gram_bm25(search_norm or query_norm, texts)
    return grams, max(grams) or 1.0, closeness([query_norm], texts)[0]


def _by_rank(rank: int | None) -> float:
    """A word-BM25 rank as a share: 1 for the first, falling slowly; 0 for a candidate only the meaning found."""
    return _RANK_DAMPING / (_RANK_DAMPING + rank) if rank is not None else 0.0


def compare(a: str, b: str) -> tuple[float, Relation]:
    """Closeness and relation of two claims, for a pair seen on its own.

    >>> compare("Giá xăng tăng 1,7%", "Giá xăng không tăng 1,7%")[1]
    <Relation.RELATED: 'related'>
    """
    mine, theirs = side_of(a), side_of(b)
    close = closeness([mine.norm], [theirs.norm])[0][0]
    return close, judge(mine, theirs, closeness=close).relation


@dataclass(frozen=True)
class MeaningWeights:
    """How the multilingual ordering blends its signals for one pair of languages (see `multilingual_rerank`).

    `english` weighs the English model's cosine (all-MiniLM-L6-v2) when both texts are English, `floor` is the
    blended value shown as score 0 and `duplicate_cosine` the cosine from which two texts in different languages
    say the same thing (a duplicate if their figures and polarity agree too).
    """

    gram: float
    rank: float
    english: float
    floor: float
    duplicate_cosine: float


def multilingual_rerank(query_norm: str, query_raw: str, candidates: Sequence[Candidate],
                        similarities: Sequence[float], word_ranks: Sequence[int | None],
                        raw_texts: Sequence[str], same_language: Sequence[bool], weights: MeaningWeights,
                        english_similarities: Sequence[float | None] | None = None,
                        search_norm: str | None = None, languages: Sequence[str | None] | None = None
                        ) -> list[Scored]:
    """Order candidates by the multilingual cosine, character grams, word rank (and the English cosine between
    English texts); decide each one's relation.

    In the same language a duplicate needs close text (`relation`); across languages the words cannot agree, so
    a duplicate needs a cosine of at least `weights.duplicate_cosine`, and the same figures and polarity all the
    same: "hơn 1,7 triệu người" against "more than 1.8 million people" is related, never a duplicate.
    `search_norm`: the query's words and its English gloss (`claims/matching/glossary.py`), for the grams;
    `languages`: each candidate's language, named in the `why` of a pair across languages.
    """
    if not candidates:
        return []
    grams, top_grams, close = _surface(query_norm, candidates, search_norm)
    mine = side_of(query_raw, query_norm)
    perfect = 1.0 + weights.gram + weights.rank + weights.english
    scored = []
    for i, cand in enumerate(candidates):
        by_rank = _by_rank(word_ranks[i])
        english = english_similarities[i] if english_similarities is not None else None
        value = (float(similarities[i]) + weights.gram * grams[i] / top_grams + weights.rank * by_rank
                 + (weights.english * english if english is not None else 0.0))
        top = perfect if english is not None else perfect - weights.english
        score = 100.0 * (value - weights.floor) / (top - weights.floor)
        theirs = side_of(raw_texts[i], cand.text, languages[i] if languages is not None else None)
        if same_language[i]:
            said = judge(mine, theirs, closeness=close[i])
        else:
            said = judge(mine, theirs, closeness=close[i], meaning=float(similarities[i]),
                         meaning_threshold=weights.duplicate_cosine)
        scored.append((score, Scored(cand.key, round(max(0.0, min(100.0, score)), 2), close[i], said.relation,
                                     cand.text, said.why, said.figures)))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    return [s for _, s in scored]
