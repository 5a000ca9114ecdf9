"""Finding the stored claims and past fact-checks like a text (matching a claim), and keeping the best as
suggestions for review (`db/matching.py` stores and reads them)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

import sqlite_utils

from claims.folding import nfc
from claims.language import detect_language
from claims.matching import multilingual
from claims.matching.glossary import with_english_gloss
from claims.matching.index import Candidate
from claims.matching.normalize import match_text
from claims.matching.rerank import rerank
from claims.workflow import Relation
from db.candidates import candidate_details
from db.lookups import values_by_id
from db.match_index import word_indexes
from db.matching import store_suggestions
from db.settings import get_setting
from db.vectors import vectors_by_ref
from pipelines.meaning_match import by_meaning_multilingual

__all__ = ["MatchResult", "SUGGEST_MIN_CLOSENESS", "SUGGEST_MIN_KNOWN_SCORE", "SUGGEST_MIN_MEANING_SCORE",
           "find_matches", "suggest_matches"]

# What a claim page is shown: duplicates, close texts that differ in a figure or a negation (the near-misses a
# reviewer must see), and past fact-checks that score well; `factcheck match` lists the best K whatever they are.
SUGGEST_MIN_CLOSENESS = 65.0
SUGGEST_MIN_KNOWN_SCORE = 70.0
# A reviewer's search by meaning keeps the best 5 scoring at least this (score of `multilingual_rerank`, its floor
# calibrated so that on the CheckThat! 2020 dev tweets 86% of the right past fact-checks in the top 5 score 55 or
# more, 16% of the wrong ones).
SUGGEST_MIN_MEANING_SCORE = 55.0
_POOL = 60  # candidates reranked per query


@dataclass(frozen=True)
class MatchResult:
    """A stored claim (`kind` "claim", `id` its number as text) or past fact-check ("known", its imported id)."""

    id: str
    kind: str
    score: float
    relation: Relation
    text: str
    verdict: str | None = None
    url: str | None = None
    closeness: float = 0.0  # of the whole texts (0-100), beside the ranking score
    language: str | None = None  # "vi", "en": the language the match is written in
    why: str = ""  # the duplicate rule's words: "same figures: 2,3 triệu = 2.300.000", "opposite: không …"


def find_matches(db: sqlite_utils.Database, text: str, *, limit: int = 5, exclude_claim_id: int | None = None,
                 min_score: float = 0.0, by_meaning: bool = False, cross_language: bool | None = None,
                 query_vector: Any = None, exclude_article_id: int | None = None) -> list[MatchResult]:
    """The stored claims and past fact-checks most like `text`, best first, each a duplicate or related.

    A duplicate has close text and the same figures and polarity; "1,7 triệu" against "1,8 triệu" is related.
    With `by_meaning` the stored texts nearest in meaning, in every language, join the word candidates
    (`pipelines/meaning_match.py`): their vectors are those the background jobs stored in `meaning_vectors`
    (`db/meaning.py`), searched through the nearest-neighbour index (`db/meaning_index.py`); no stored text's
    vector is computed here, and a text the job has not reached yet is found by its words only. A past fact-check
    worded differently can come first, as related unless text, figures and polarity agree. It needs the
    multilingual model (`make setup` installs it): without it MultilingualModelMissing says how to install it.
    `cross_language` (default: the desk setting `cross_language_matches`) False keeps only matches in the language
    of `text`. `query_vector`: the text's multilingual vector when it is known (a stored claim's), else it is
    computed (one text). The claim-duplicate path leaves `by_meaning` off. `exclude_article_id`: the claims of
    that article are never matches (a claim's own article repeats its words without repeating the claim).

    >>> [m.id for m in find_matches(db, "Wombats share their burrows", limit=1)]  # doctest: +SKIP
    ['s-1']
    """
    known, claims = word_indexes(db)
    query_norm = match_text(text)
    if cross_language is None:
        cross_language = bool(get_setting(db, "cross_language_matches"))
    # A Vietnamese text searched by meaning in every language also searches the English words of its news terms
    # (`claims/matching/glossary.py`); its own words alone decide closeness and relation.
    search_norm = with_english_gloss(text, query_norm) if by_meaning and cross_language else query_norm
    excluded = ("claim", exclude_claim_id)
    pool: list[Candidate] = []
    for index in (known, claims):
        found = [c for c in index.candidates(search_norm, normalized=True, limit=_POOL + 1) if c.key != excluded]
        if found:
            # Each index scores with its own word statistics: a BM25 score is taken as a share of the score a
            # perfect match would get in the same index, so past fact-checks and claims compare fairly.
            perfect = index.self_score(search_norm, normalized=True) or 1.0
            pool += [replace(c, bm25=c.bm25 / perfect) for c in found]
    pool.sort(key=lambda c: c.bm25, reverse=True)  # stable: past fact-checks first among equals
    pool = pool[:_POOL]
    multilingual_result = None
    if by_meaning:
        multilingual.require()
        multilingual_result = by_meaning_multilingual(db, text, query_norm, pool, excluded, cross_language,
                                                      query_vector, search_norm=search_norm)
    if multilingual_result is not None:
        scored, details = multilingual_result
    else:
        details = candidate_details(db, [c.key for c in pool])
        pool = [c for c in pool if c.key in details]  # deleted since the index was built
        scored = rerank(query_norm, nfc(text), pool, [details[c.key]["text"] for c in pool], perfect_bm25=1.0)
    if not cross_language:
        language = detect_language(text)
        scored = [s for s in scored if detect_language(details[s.key]["text"]) == language]
    if exclude_article_id is not None:
        scored = [s for s in scored if details[s.key].get("article_id") != exclude_article_id]
    results = []
    for s in scored:
        if s.score < min_score or len(results) >= limit:
            break
        kind, key = s.key
        info = details[s.key]
        results.append(MatchResult(str(key), kind, s.score, Relation(s.relation), info["text"], info.get("verdict"),
                                   info.get("url"), round(s.closeness, 2), detect_language(info["text"]), s.why))
    return results


def suggest_matches(db: sqlite_utils.Database, claim_ids: Iterable[int], *, limit: int = 5,
                    by_meaning: bool = False) -> int:
    """Store match suggestions for these claims (against claims and past fact-checks); returns how many are new.

    A pair already suggested, confirmed or rejected (in either direction) is left as it is; a claim of the same
    article is never suggested (`find_matches`' `exclude_article_id`). Ingest suggests by
    words; `by_meaning` (a reviewer's request, see `find_matches`) also keeps what scores well by meaning.
    """
    ids = [int(i) for i in claim_ids]
    if not ids:
        return 0
    texts = values_by_id(db, "claims", "text", ids)
    articles = values_by_id(db, "claims", "article_id", ids)
    proposals = []
    own_vectors = vectors_by_ref(db, [("claim", str(i)) for i in ids]) if by_meaning else {}
    for claim_id in ids:
        if claim_id not in texts:
            continue
        vector = own_vectors.get(("claim", str(claim_id)))
        for m in find_matches(db, texts[claim_id], limit=limit, exclude_claim_id=claim_id, by_meaning=by_meaning,
                              query_vector=vector, exclude_article_id=articles[claim_id]):
            # Close wording is enough on its own: the ranking score leans on word statistics, which are weak
            # while the store or the archive is small.
            if (m.relation is Relation.DUPLICATE or m.closeness >= SUGGEST_MIN_CLOSENESS
                    or (by_meaning and m.score >= SUGGEST_MIN_MEANING_SCORE)
                    or (m.kind == "known" and m.score >= SUGGEST_MIN_KNOWN_SCORE)):
                proposals.append((claim_id, m))
    return store_suggestions(db, ids, proposals)
