"""Finding the stored claims and past fact-checks like a text, and keeping the best as suggestions for review."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

import sqlite_utils

from claims.folding import nfc
from claims.language import detect_language
from claims.matching import multilingual
from claims.matching.glossary import with_english_gloss
from claims.matching.index import Candidate
from claims.matching.normalize import match_text
from claims.matching.rerank import rerank
from db.connection import writing
from db.history import now
from db.match_index import word_indexes
from db.meaning import vectors_by_ref
from db.meaning_match import by_meaning_multilingual
from db.settings import get_setting

__all__ = ["MatchResult", "Suggestion", "SUGGEST_MIN_CLOSENESS", "SUGGEST_MIN_KNOWN_SCORE", "SUGGEST_MIN_MEANING_SCORE",
           "find_matches", "suggest_matches", "suggestions_for"]

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
    relation: str
    text: str
    verdict: str | None = None
    url: str | None = None
    closeness: float = 0.0  # of the whole texts (0-100), beside the ranking score
    language: str | None = None  # "vi", "en": the language the match is written in


@dataclass(frozen=True)
class Suggestion:
    """A stored match shown on a claim page; `other_claim_id` is set when the other side is a claim."""

    match_id: int
    claim_id: int
    other_kind: str
    other_id: str
    other_claim_id: int | None
    text: str
    score: float
    relation: str
    decision: str
    rating: str | None = None
    verdict: str | None = None
    url: str | None = None
    checked_by: str | None = None
    published: str | None = None
    language: str | None = None  # of the other text: "vi", "en"


# ---------------------------------------------------------------- matching


def _details(db: sqlite_utils.Database, keys: list[tuple[str, Any]]) -> dict[tuple[str, Any], dict[str, Any]]:
    """Text as written, verdict and url of the candidates, in two queries."""
    out: dict[tuple[str, Any], dict[str, Any]] = {}
    known = [k for kind, k in keys if kind == "known"]
    claims = [k for kind, k in keys if kind == "claim"]
    if known:
        marks = ", ".join("?" for _ in known)
        for r in db.query(f"SELECT id, text, verdict, url FROM known_claims WHERE id IN ({marks})", known):
            out[("known", r["id"])] = r
    if claims:
        marks = ", ".join("?" for _ in claims)
        for r in db.query(f"SELECT id, text, rating, verdict FROM claims WHERE id IN ({marks})", claims):
            out[("claim", r["id"])] = {"text": r["text"], "verdict": r["rating"] or r["verdict"], "url": None}
    return out


def find_matches(db: sqlite_utils.Database, text: str, *, limit: int = 5, exclude_claim_id: int | None = None,
                 min_score: float = 0.0, by_meaning: bool = False, cross_language: bool | None = None,
                 query_vector: Any = None) -> list[MatchResult]:
    """The stored claims and past fact-checks most like `text`, best first, each a duplicate or related.

    A duplicate has close text and the same figures and polarity; "1,7 triệu" against "1,8 triệu" is related.
    With `by_meaning` the stored texts nearest in meaning, in every language, join the word candidates
    (`db/meaning_match.py`): their vectors are those the background jobs stored in `meaning_vectors`
    (`db/meaning.py`), searched through the nearest-neighbour index (`db/meaning_index.py`); no stored text's
    vector is computed here, and a text the job has not reached yet is found by its words only. A past fact-check
    worded differently can come first, as related unless text, figures and polarity agree. It needs the
    multilingual model (`make setup` installs it): without it MultilingualModelMissing says how to install it.
    `cross_language` (default: the desk setting `cross_language_matches`) False keeps only matches in the language
    of `text`. `query_vector`: the text's multilingual vector when it is known (a stored claim's), else it is
    computed (one text). The claim-duplicate path leaves `by_meaning` off.

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
        details = _details(db, [c.key for c in pool])
        pool = [c for c in pool if c.key in details]  # deleted since the index was built
        scored = rerank(query_norm, nfc(text), pool, [details[c.key]["text"] for c in pool], perfect_bm25=1.0)
    if not cross_language:
        language = detect_language(text)
        scored = [s for s in scored if detect_language(details[s.key]["text"]) == language]
    results = []
    for s in scored:
        if s.score < min_score or len(results) >= limit:
            break
        kind, key = s.key
        info = details[s.key]
        results.append(MatchResult(str(key), kind, s.score, str(s.relation), info["text"], info.get("verdict"),
                                   info.get("url"), round(s.closeness, 2), detect_language(info["text"])))
    return results


def _decided_pairs(db: sqlite_utils.Database, claim_ids: list[int]) -> set[tuple[int, str, str]]:
    """(claim, kind, other) already stored in either direction: never suggested twice, a rejection stays."""
    seen: set[tuple[int, str, str]] = set()
    for start in range(0, len(claim_ids), 500):
        part = claim_ids[start:start + 500]
        marks = ", ".join("?" for _ in part)
        for claim_id, kind, other in db.execute(
                f"SELECT claim_id, other_kind, other_id FROM claim_matches WHERE claim_id IN ({marks})"
                f" UNION SELECT CAST(other_id AS INTEGER), 'claim', CAST(claim_id AS TEXT) FROM claim_matches"
                f" WHERE other_kind = 'claim' AND other_id IN ({marks})", part + [str(i) for i in part]):
            seen.add((claim_id, kind, other))
    return seen


def suggest_matches(db: sqlite_utils.Database, claim_ids: Iterable[int], *, limit: int = 5,
                    by_meaning: bool = False) -> int:
    """Store match suggestions for these claims (against claims and past fact-checks); returns how many are new.

    A pair already suggested, confirmed or rejected (in either direction) is left as it is. Ingest suggests by
    words; `by_meaning` (a reviewer's request, see `find_matches`) also keeps what scores well by meaning.
    """
    ids = [int(i) for i in claim_ids]
    if not ids:
        return 0
    texts = dict(db.execute(f"SELECT id, text FROM claims WHERE id IN ({', '.join('?' for _ in ids)})", ids)
                 .fetchall()) if len(ids) <= 900 else dict(db.execute("SELECT id, text FROM claims").fetchall())
    proposals = []
    own_vectors = vectors_by_ref(db, [("claim", str(i)) for i in ids]) if by_meaning else {}
    for claim_id in ids:
        if claim_id not in texts:
            continue
        vector = own_vectors.get(("claim", str(claim_id)))
        for m in find_matches(db, texts[claim_id], limit=limit, exclude_claim_id=claim_id, by_meaning=by_meaning,
                              query_vector=vector):
            # Close wording is enough on its own: the ranking score leans on word statistics, which are weak
            # while the store or the archive is small.
            if (m.relation == "duplicate" or m.closeness >= SUGGEST_MIN_CLOSENESS
                    or (by_meaning and m.score >= SUGGEST_MIN_MEANING_SCORE)
                    or (m.kind == "known" and m.score >= SUGGEST_MIN_KNOWN_SCORE)):
                proposals.append((claim_id, m))
    stamp = now()
    added = 0
    with writing(db):
        seen = _decided_pairs(db, ids)
        for claim_id, m in proposals:
            if (claim_id, m.kind, m.id) in seen:
                continue
            seen.add((claim_id, m.kind, m.id))
            if m.kind == "claim":
                seen.add((int(m.id), "claim", str(claim_id)))
            db.execute("INSERT INTO claim_matches (claim_id, other_kind, other_id, score, relation, decision,"
                       " created_at) VALUES (?, ?, ?, ?, ?, 'suggested', ?)"
                       " ON CONFLICT (claim_id, other_kind, other_id) DO NOTHING",
                       [claim_id, m.kind, m.id, m.score, m.relation, stamp])
            added += 1
    return added


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def suggestions_for(db: sqlite_utils.Database, claim_id: int, *, include_rejected: bool = False) -> list[Suggestion]:
    """The matches of a claim for its page, best first: similar claims and "already checked by …" fact-checks."""
    rows = db.query(
        """
        SELECT m.id AS match_id, m.claim_id, m.other_kind, m.other_id, m.score, m.relation, m.decision,
               k.text AS k_text, k.verdict AS k_verdict, k.url AS k_url, k.published AS k_published,
               k.publisher AS k_publisher,
               c.id AS c_id, c.text AS c_text, c.rating AS c_rating, c.verdict AS c_verdict
        FROM claim_matches m
        LEFT JOIN known_claims k ON m.other_kind = 'known' AND k.id = m.other_id
        LEFT JOIN claims c ON m.other_kind = 'claim' AND c.id = CAST(m.other_id AS INTEGER)
        WHERE m.claim_id = :claim
        UNION ALL
        SELECT m.id, m.claim_id, 'claim', CAST(m.claim_id AS TEXT), m.score, m.relation, m.decision,
               NULL, NULL, NULL, NULL, NULL, c.id, c.text, c.rating, c.verdict
        FROM claim_matches m JOIN claims c ON c.id = m.claim_id
        WHERE m.other_kind = 'claim' AND m.other_id = CAST(:claim AS TEXT)
        """, {"claim": claim_id})
    out = []
    claim_row = db.execute("SELECT text FROM claims WHERE id = ?", [claim_id]).fetchone()
    own_language = detect_language(claim_row[0]) if claim_row else None
    other_languages = bool(get_setting(db, "cross_language_matches"))
    for r in sorted(rows, key=lambda r: (-r["score"], r["match_id"])):
        if r["decision"] == "rejected" and not include_rejected:
            continue
        text = r["k_text"] if r["other_kind"] == "known" else r["c_text"]
        language = detect_language(text) if text else None
        if not other_languages and language != own_language and r["decision"] != "confirmed":
            continue  # the desk's setting: matches in other languages are not suggested
        if r["other_kind"] == "known":
            if r["k_text"] is None:
                continue
            out.append(Suggestion(r["match_id"], claim_id, "known", r["other_id"], None, r["k_text"], r["score"],
                                  r["relation"], r["decision"], r["k_verdict"], r["k_verdict"], r["k_url"],
                                  r["k_publisher"] or _host(r["k_url"]) or "a past fact-check", r["k_published"],
                                  language))
        elif r["c_id"] is not None:
            out.append(Suggestion(r["match_id"], claim_id, "claim", str(r["c_id"]), r["c_id"], r["c_text"],
                                  r["score"], r["relation"], r["decision"], r["c_rating"], r["c_verdict"],
                                  None, f"claim #{r['c_id']}" if r["c_rating"] else None, None, language))
    return out


