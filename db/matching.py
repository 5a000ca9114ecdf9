"""The stored suggestions of matches: kept for review, read for a claim's page with why and where they come from.

Finding the matches is a pipeline (`pipelines/matching.py`); this module keeps and reads what it found.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import sqlite_utils

from claims.matching.duplicate_rule import FigurePair, Side, compare_figures, judge, side_of
from claims.matching.rerank import closeness
from claims.workflow import MatchDecision, Relation, Status
from db.connection import writing
from db.history import now
from db.settings import get_setting

__all__ = ["Suggestion", "article_neighbours", "store_suggestions", "suggestions_for"]


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
    relation: Relation
    decision: MatchDecision
    rating: str | None = None
    verdict: str | None = None
    url: str | None = None
    checked_by: str | None = None
    published: str | None = None  # when the past fact-check or the other claim's article was published (or added)
    language: str | None = None  # of the other text: "vi", "en"
    why: str = ""  # the duplicate rule's words for the pair
    figures: tuple[FigurePair, ...] = ()  # this claim's figures beside the other's
    status: Status | None = None  # of the other claim: a drafted verdict is a draft, not a check
    article_id: int | None = None  # of the other claim
    article_title: str | None = None
    decided_by: str | None = None
    decision_note: str | None = None  # the difference a reviewer confirmed when linking the pair anyway


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


def store_suggestions(db: sqlite_utils.Database, claim_ids: list[int], proposals: list[tuple[int, Any]]) -> int:
    """Store (claim id, match) proposals as suggestions, in one transaction; returns how many are new.

    A match is anything with `kind`, `id`, `score`, `relation` and `why` (a `pipelines.matching.MatchResult`).
    A pair already suggested, confirmed or rejected (in either direction) is left as it is.
    """
    stamp = now()
    added = 0
    with writing(db):
        seen = _decided_pairs(db, claim_ids)
        for claim_id, m in proposals:
            if (claim_id, m.kind, m.id) in seen:
                continue
            seen.add((claim_id, m.kind, m.id))
            if m.kind == "claim":
                seen.add((int(m.id), "claim", str(claim_id)))
            db.execute("INSERT INTO claim_matches (claim_id, other_kind, other_id, score, relation, why, decision,"
                       " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (claim_id, other_kind, other_id) DO NOTHING",
                       [claim_id, m.kind, m.id, m.score, Relation(m.relation), m.why, MatchDecision.SUGGESTED, stamp])
            added += 1
    return added


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


_SUGGESTION_SQL = """
    SELECT m.id AS match_id, m.other_kind, m.other_id, m.score, m.relation, m.decision, m.decided_by,
           m.decision_note, k.text AS k_text, k.verdict AS k_verdict, k.url AS k_url, k.published AS k_published,
           k.publisher AS k_publisher, c.id AS c_id, c.text AS c_text, c.rating AS c_rating, c.verdict AS c_verdict,
           c.status AS c_status,
           a.id AS a_id, a.title AS a_title, coalesce(a.published, substr(a.added_at, 1, 10)) AS a_date
    FROM claim_matches m
    LEFT JOIN known_claims k ON m.other_kind = 'known' AND k.id = m.other_id
    LEFT JOIN claims c ON m.other_kind = 'claim' AND c.id = CAST(m.other_id AS INTEGER)
    LEFT JOIN articles a ON a.id = c.article_id
    WHERE m.claim_id = :claim
    UNION ALL
    SELECT m.id, 'claim', CAST(m.claim_id AS TEXT), m.score, m.relation, m.decision, m.decided_by,
           m.decision_note, NULL, NULL, NULL, NULL, NULL, c.id, c.text, c.rating, c.verdict, c.status,
           a.id, a.title, coalesce(a.published, substr(a.added_at, 1, 10))
    FROM claim_matches m JOIN claims c ON c.id = m.claim_id LEFT JOIN articles a ON a.id = c.article_id
    WHERE m.other_kind = 'claim' AND m.other_id = CAST(:claim AS TEXT)
"""


def suggestions_for(db: sqlite_utils.Database, claim_id: int, *, include_rejected: bool = False) -> list[Suggestion]:
    """The matches of a claim for its page, best first: similar claims and "already checked by …" fact-checks.

    Claims of the claim's own article are left out, whenever they were stored (`article_neighbours` lists those
    that share a figure). Each carries the rule's `why`, read now in the reader's language (the stored one is in
    the language of whoever ingested the article), and the two claims' figures side by side.
    """
    claim_row = db.execute("SELECT text, article_id FROM claims WHERE id = ?", [claim_id]).fetchone()
    if claim_row is None:
        return []
    own_text, own_article = claim_row
    mine = side_of(own_text)
    own_language = mine.language
    other_languages = bool(get_setting(db, "cross_language_matches"))
    out = []
    for r in sorted(db.query(_SUGGESTION_SQL, {"claim": claim_id}), key=lambda r: (-r["score"], r["match_id"])):
        decision, relation = MatchDecision(r["decision"]), Relation(r["relation"])
        if decision is MatchDecision.REJECTED and not include_rejected:
            continue
        if r["other_kind"] == "claim" and r["a_id"] == own_article:
            continue
        text = r["k_text"] if r["other_kind"] == "known" else r["c_text"]
        if text is None:
            continue
        theirs = side_of(text)
        if not other_languages and theirs.language != own_language and decision is not MatchDecision.CONFIRMED:
            continue  # the desk's setting: matches in other languages are not suggested
        figures = compare_figures(mine.figures, theirs.figures, same_language=theirs.language == own_language)
        why = _why_now(mine, theirs, relation)  # in the reader's language, not the one of whoever stored it
        common = dict(why=why, figures=figures, decided_by=r["decided_by"], decision_note=r["decision_note"])
        if r["other_kind"] == "known":
            out.append(Suggestion(r["match_id"], claim_id, "known", r["other_id"], None, text, r["score"],
                                  relation, decision, r["k_verdict"], r["k_verdict"], r["k_url"],
                                  r["k_publisher"] or _host(r["k_url"]) or "a past fact-check", r["k_published"],
                                  theirs.language, **common))
        elif r["c_id"] is not None:
            out.append(Suggestion(r["match_id"], claim_id, "claim", str(r["c_id"]), r["c_id"], text,
                                  r["score"], relation, decision, r["c_rating"], r["c_verdict"],
                                  None, f"claim #{r['c_id']}" if r["c_rating"] else None, r["a_date"],
                                  theirs.language, status=Status(r["c_status"]), article_id=r["a_id"],
                                  article_title=r["a_title"], **common))
    return out


def _why_now(mine: Side, theirs: Side, relation: Relation) -> str:
    """The why of a suggestion: the rule read again on the two texts, in the current interface language."""
    close = closeness([mine.norm], [theirs.norm])[0][0]
    if mine.language != theirs.language:
        return judge(mine, theirs, closeness=close, meaning=1.0 if relation is Relation.DUPLICATE else 0.0,
                     meaning_threshold=0.5).why
    return judge(mine, theirs, closeness=close).why


def article_neighbours(db: sqlite_utils.Database, claim_id: int) -> list[tuple[int, str, tuple[FigurePair, ...]]]:
    """(id, text, figures) of the other claims of the claim's own article that state one of its figures.

    Never duplicates (an article does not repeat its claims, it develops them), but a reviewer may want to see
    where else the article gives the same figure: the page lists them apart, folded.
    """
    row = db.execute("SELECT text, article_id FROM claims WHERE id = ?", [claim_id]).fetchone()
    if row is None:
        return []
    mine = side_of(row[0])
    if not mine.figures:
        return []
    out = []
    for other_id, text in db.execute("SELECT id, text FROM claims WHERE article_id = ? AND id != ? AND"
                                     " status != ? ORDER BY id", [row[1], claim_id, Status.MERGED]):
        theirs = side_of(text)
        pairs = compare_figures(mine.figures, theirs.figures, same_language=mine.language == theirs.language)
        if any(p.same for p in pairs):
            out.append((other_id, text, pairs))
    return out
