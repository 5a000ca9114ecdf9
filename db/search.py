"""Searching claims the way a reviewer types: whole words over the folded claims (the rules are in `db/fts.py`),
those written with the query's diacritics first; fuzzy only when no claim has the words."""
from __future__ import annotations

import re
import sqlite3
from typing import Any

import sqlite_utils
from rapidfuzz import fuzz, process

from claims.folding import fold
from db.fts import diacritics_kept, read_query

__all__ = ["search_claims", "FUZZY_MIN_SCORE"]

FUZZY_MIN_SCORE = 70.0  # how like an indexed word a typed word must be (rapidfuzz ratio, 0-100)
_WORD = re.compile(r"\w+")
_COLUMNS = "c.id, c.article_id, c.text, c.status, c.rating, c.checkworthy, c.canonical_id"


def _filters(status: str | None, checkworthy: bool | None, article_id: int | None) -> tuple[str, list[Any]]:
    where, params = [], []
    if status is not None:
        where.append("c.status = ?")
        params.append(status)
    if checkworthy is not None:
        where.append("c.checkworthy = ?")
        params.append(int(checkworthy))
    if article_id is not None:
        where.append("c.article_id = ?")
        params.append(article_id)
    return "".join(f" AND {w}" for w in where), params


def search_claims(db: sqlite_utils.Database, query: str, *, limit: int = 50, offset: int = 0,
                  status: str | None = None, checkworthy: bool | None = None,
                  article_id: int | None = None) -> list[dict[str, Any]]:
    """Claims matching `query`, best first: every word as a whole word (see `db/fts.py`), then fuzzy matches when
    no claim has them all.

    Any string is a valid query: quotes, `*`, `NEAR(`, `AND(`, `-` and brackets are searched as text, never
    parsed. Each row has id, article_id, text, status, rating, checkworthy, canonical_id, score (0-100, higher
    is better) and `how`: "text" (the words as typed, diacritics included), "folded" (the same words written
    without or with other diacritics: ranked after) or "fuzzy".

    >>> search_claims(db, 'dien "kremlin')  # doctest: +SKIP
    [{'id': 3, 'text': 'Điện Kremlin khẳng định …', 'how': 'text', ...}]
    """
    wanted = offset + limit
    if limit <= 0 or not query.strip():
        return []
    where, params = _filters(status, checkworthy, article_id)
    found: list[dict[str, Any]] = []
    read = read_query(query)
    if read.expression is not None:
        kept, kept_params = diacritics_kept(read.marked_words)
        try:
            rows = db.query(f"SELECT {_COLUMNS}, bm25(claims_fts) AS rank, {kept} AS kept"
                            f" FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid"
                            f" WHERE claims_fts MATCH ?{where} ORDER BY kept DESC, rank LIMIT ?",
                            [*kept_params, read.expression, *params, wanted])
            found = [dict(r, how="text" if r["kept"] else "folded") for r in rows]
        except sqlite3.OperationalError:  # never expected: every word is quoted; fall back to fuzzy
            found = []
    if found:
        best = min(r["rank"] for r in found) or -1.0
        for r in found:
            r.pop("kept")
            r["score"] = round(100.0 * min(1.0, r.pop("rank") / best), 1) if best < 0 else 100.0
    else:
        found = _fuzzy(db, query, where, params, exclude=set(), limit=wanted)
    return found[offset:wanted]


def _fuzzy(db: sqlite_utils.Database, query: str, where: str, params: list[Any], *, exclude: set[int],
           limit: int) -> list[dict[str, Any]]:
    """Typos: each word of the query replaced by the indexed words that resemble it (rapidfuzz's ratio over the
    full-text index's vocabulary, not over every claim), then every word required as in the word search.

    A word nothing resembles is left out. The hits are ordered by how much of the query they hold (partial ratio).
    """
    words = list(dict.fromkeys(_WORD.findall(fold(query))))[:8]
    if not words:
        return []
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.claims_vocabulary USING fts5vocab(main, 'claims_fts', 'row')")
    vocabulary = [term for (term,) in db.execute("SELECT term FROM temp.claims_vocabulary")]
    groups = []
    for word in words:
        close = process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE, limit=5)
        if close:
            groups.append("(" + " OR ".join(f'"{term}"' for term, _, _ in close) + ")")
    if not groups:
        return []
    rows = db.query(f"SELECT {_COLUMNS}, c.folded FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid"
                    f" WHERE claims_fts MATCH ?{where} ORDER BY bm25(claims_fts) LIMIT 500",
                    [" AND ".join(groups), *params])
    folded_query = fold(query)
    found = [dict(r, score=round(fuzz.partial_ratio(folded_query, r.pop("folded")), 1), how="fuzzy")
             for r in rows if r["id"] not in exclude]
    found.sort(key=lambda r: -r["score"])
    return found[:limit]
