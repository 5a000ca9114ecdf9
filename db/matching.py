"""Matching claims against each other and against past fact-checks: every SQL statement of it lives here."""
from __future__ import annotations

import contextlib
import json
import os
import queue
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import sqlite_utils

from claims.folding import fold, nfc
from claims.matching import semantic
from claims.matching.grouping import group_duplicates, normalize_all
from claims.matching.index import Candidate, MatchIndex
from claims.matching.normalize import match_text, strip_social
from claims.matching.rerank import Scored, meaning_rerank, rerank
from db.connection import writing
from db.history import now, record
from db.vectors import forget_meaning_index, meaning_index, stored_vectors

__all__ = ["MatchResult", "Suggestion", "DuplicateGroup", "SUGGEST_MIN_SCORE", "SUGGEST_MIN_CLOSENESS",
           "SUGGEST_MIN_KNOWN_SCORE", "SUGGEST_MIN_MEANING_SCORE", "import_known_claims",
           "find_matches", "suggest_matches", "suggestions_for", "decide_match", "offer_verdict_to_duplicates",
           "duplicate_groups", "forget_index"]

# What a claim page is shown: duplicates, close texts that differ in a figure or a negation (the near-misses a
# reviewer must see), and past fact-checks that score well; `factcheck match` lists the best K whatever they are.
SUGGEST_MIN_SCORE = 55.0
SUGGEST_MIN_CLOSENESS = 65.0
SUGGEST_MIN_KNOWN_SCORE = 70.0
# A reviewer's search by meaning keeps the best 5 scoring at least this (score of `meaning_rerank`): on the
# CheckThat! 2020 dev tweets 87% of the right past fact-checks in the top 5 score 55 or more, 16% of the wrong ones.
SUGGEST_MIN_MEANING_SCORE = 55.0
_POOL = 60  # candidates reranked per query
_MEANING_POOL = 100  # with `by_meaning`: the stored texts nearest in meaning, added to the word candidates


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


@dataclass(frozen=True)
class DuplicateGroup:
    """Claims that state the same thing: `canonical_id` first in `claim_ids`; `confirmed` by a reviewer or not."""

    canonical_id: int
    claim_ids: tuple[int, ...]
    confirmed: bool
    texts: tuple[str, ...] = ()


# ---------------------------------------------------------------- past fact-checks


_IMPORT_CHUNK = 20_000  # rows handed to SQLite in one statement
_IMPORT_READ_AHEAD = 2  # chunks the reading thread may prepare ahead of the writer
_IMPORT_ENCODE = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
# One statement stores a whole chunk, given as one JSON array of rows: SQLite parses it without holding
# Python's lock, so the reading thread checks and folds the next chunk meanwhile. Rows get rowids
# :first, :first + 1, … above every stored one, so the chunk's rows are the rowid range its index entries need.
_IMPORT_INSERT = (
    "INSERT OR REPLACE INTO known_claims (rowid, id, text, folded, verdict, url, published, imported_at)"
    " SELECT :first + key, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, :stamp"
    " FROM json_each(CAST(:rows AS TEXT))")
_IMPORT_INDEX = "INSERT INTO known_claims_fts (rowid, folded) SELECT rowid, folded FROM known_claims WHERE rowid >= ?"
# A stored id imported again is replaced (deleted, inserted anew). With recursive triggers on, that delete fires
# this temporary trigger, which takes the old row out of the full-text index — if it is in it yet: rows of the
# chunk being inserted are indexed only after it.
_IMPORT_SETUP = (
    "CREATE TEMP TABLE known_claims_import (indexed INTEGER NOT NULL)",
    "CREATE TEMP TRIGGER known_claims_import_replaced AFTER DELETE ON main.known_claims"
    " WHEN old.rowid <= (SELECT indexed FROM temp.known_claims_import) BEGIN"
    " INSERT INTO known_claims_fts (known_claims_fts, rowid, folded) VALUES ('delete', old.rowid, old.folded);"
    " END",
)
_IMPORT_TEARDOWN = ("DROP TRIGGER temp.known_claims_import_replaced", "DROP TABLE temp.known_claims_import")
# FTS5 settings while the index grows by a million rows: a 64 MB in-memory buffer and no merging until 64
# segments pile up write each posting fewer times (index building takes about a third less CPU). The values
# before the import (FTS5's defaults unless set) are put back before the commit.
_IMPORT_FTS_SETTINGS = {"hashsize": 64 << 20, "automerge": 0, "crisismerge": 64}
_FTS_DEFAULTS = {"hashsize": 1 << 20, "automerge": 4, "crisismerge": 16}


class _Chunk(NamedTuple):
    first: int  # number of its first row in the input, counting from 1
    size: int
    rows: bytes  # a JSON array of [id, text, folded, verdict, url, published], UTF-8


def _known_row(row: dict[str, Any], number: int) -> list:
    get = row.get
    key, text = get("id"), get("text")
    if key is None or not isinstance(text, str) or not (text := nfc(text).strip()):
        raise ValueError(f"past fact-check {number} needs an id and a text")
    if not (key := (key if key.__class__ is str else str(key)).strip()):
        raise ValueError(f"past fact-check {number} needs an id and a text")
    verdict, url, published = get("verdict") or None, get("url") or None, get("published") or None
    out = [key, text, fold(text), verdict, url, published]
    # Text or nothing, the common case, is checked in one go; anything else is stored as its text.
    if ((verdict is not None and verdict.__class__ is not str) or (url is not None and url.__class__ is not str)
            or (published is not None and published.__class__ is not str)):
        out[3:] = [value if value is None or isinstance(value, str) else str(value) for value in out[3:]]
    return out


def _encoded(rows: list[list], first: int) -> _Chunk:
    try:
        return _Chunk(first, len(rows), _IMPORT_ENCODE(rows).encode("utf-8"))
    except UnicodeEncodeError:
        for offset, row in enumerate(rows):
            try:
                _IMPORT_ENCODE(row).encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError(f"past fact-check {first + offset} has text that is not valid Unicode"
                                 " (half of a surrogate pair)") from None
        raise


def _known_chunks(rows: Iterable[dict[str, Any]]) -> Iterator[_Chunk]:
    """The rows checked, folded and packed for `_IMPORT_INSERT`; ValueError names the first bad row."""
    chunk: list[list] = []
    first = 1
    for number, row in enumerate(rows, 1):
        chunk.append(_known_row(row, number))
        if len(chunk) == _IMPORT_CHUNK:
            yield _encoded(chunk, first)
            chunk, first = [], number + 1
    if chunk:
        yield _encoded(chunk, first)


_END = object()


@contextlib.contextmanager
def _read_ahead(items: Iterator[Any], depth: int) -> Iterator[Iterator[Any]]:
    """`items` produced on a helper thread, up to `depth` ahead; its exception is raised in the caller.

    Leaving the block early (an error while writing) stops the helper before its next item.
    """
    ready: queue.Queue = queue.Queue(depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in items:
                if stop.is_set():
                    return
                ready.put(item)
            ready.put(_END)
        except BaseException as error:  # noqa: BLE001 - handed over to the caller, raised there
            ready.put(error)

    def consume() -> Iterator[Any]:
        while (item := ready.get()) is not _END:
            if isinstance(item, BaseException):
                raise item
            yield item

    helper = threading.Thread(target=produce, name="import-reader", daemon=True)
    helper.start()
    try:
        yield consume()
    finally:
        stop.set()
        while helper.is_alive():  # unblock a helper waiting for room in the queue
            try:
                ready.get(timeout=0.05)
            except queue.Empty:
                pass
        helper.join()


def _set_fts(db: sqlite_utils.Database, settings: dict[str, int]) -> dict[str, int]:
    """Apply FTS5 settings to the past fact-checks' index; returns the ones they replace."""
    stored = dict(db.execute("SELECT k, v FROM known_claims_fts_config").fetchall())
    for name, value in settings.items():
        db.execute("INSERT INTO known_claims_fts (known_claims_fts, rank) VALUES (?, ?)", [name, value])
    return {name: stored.get(name, _FTS_DEFAULTS[name]) for name in settings}


def import_known_claims(db: sqlite_utils.Database, rows: Iterable[dict[str, Any]]) -> int:
    """Store past fact-checks (dicts with id, text and optional verdict, url, published); returns how many.

    One transaction: all rows or, on any error, none. An id already stored is replaced. `rows` is read on a
    helper thread (checked and folded there) while this one writes, chunk by chunk; a bad row raises
    ValueError naming its number, and an error of the reader itself (PastCheckError naming the file's line)
    comes through as it is. The full-text index is brought up to date after each chunk, never rebuilt whole.

    >>> import_known_claims(db, [{"id": "s-1", "text": "Wombats share burrows", "verdict": "False"}])  # doctest: +SKIP
    1
    """
    count = 0
    stamp = now()
    recursive = db.execute("PRAGMA recursive_triggers").fetchone()[0]
    db.execute("PRAGMA recursive_triggers = ON")
    try:
        with _read_ahead(_known_chunks(rows), _IMPORT_READ_AHEAD) as chunks, writing(db):
            base = db.execute("SELECT coalesce(max(rowid), 0) FROM known_claims").fetchone()[0]
            for statement in _IMPORT_SETUP:
                db.execute(statement)
            db.execute("INSERT INTO temp.known_claims_import (indexed) VALUES (?)", [base])
            usual = _set_fts(db, _IMPORT_FTS_SETTINGS)
            for chunk in chunks:
                first = base + chunk.first
                db.execute(_IMPORT_INSERT, {"first": first, "stamp": stamp, "rows": chunk.rows})
                db.execute(_IMPORT_INDEX, [first])
                db.execute("UPDATE temp.known_claims_import SET indexed = ?", [first + chunk.size - 1])
                count += chunk.size
            _set_fts(db, usual)
            for statement in _IMPORT_TEARDOWN:
                db.execute(statement)
    finally:
        db.execute(f"PRAGMA recursive_triggers = {int(recursive)}")
    forget_index(db)
    return count


# ---------------------------------------------------------------- the in-memory index, per database file


@dataclass
class _Cached:
    """Past fact-checks and claims in two indexes: editing a claim never rebuilds a million past fact-checks."""

    known: MatchIndex
    known_stamp: tuple
    claims: MatchIndex
    claims_stamp: tuple
    last_claim_id: int
    seen: tuple = ()  # (connection, data_version, total_changes) when last checked


_CACHE: dict[str, _Cached] = {}
_CACHE_LOCK = threading.Lock()


def _db_key(db: sqlite_utils.Database) -> str:
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] or f"memory:{id(db.conn)}"


def _known_stamp(db: sqlite_utils.Database) -> tuple:
    # A replaced row is deleted and inserted again, so it moves max(rowid) too.
    return tuple(db.execute("SELECT count(*), max(rowid) FROM known_claims").fetchone())


def _unchanged_since(db: sqlite_utils.Database) -> tuple:
    """Nothing written since the last look: no other connection committed and this one changed nothing."""
    return (id(db.conn), db.execute("PRAGMA data_version").fetchone()[0], db.conn.total_changes)


def _claims_stamp(db: sqlite_utils.Database, up_to: int | None = None) -> tuple:
    sql = "SELECT count(*), max(updated_at) FROM claims"
    params: list[Any] = []
    if up_to is not None:
        sql += " WHERE id <= ?"
        params.append(up_to)
    return tuple(db.execute(sql, params).fetchone())


def _add_claims(db: sqlite_utils.Database, index: MatchIndex, after_id: int) -> int:
    last = after_id
    for claim_id, text in db.execute("SELECT id, text FROM claims WHERE id > ? ORDER BY id", [after_id]):
        index.add(("claim", claim_id), text)
        last = claim_id
    return last


def _known_index(db: sqlite_utils.Database) -> MatchIndex:
    index = MatchIndex()
    keys, texts = [], []
    for k, text in db.execute("SELECT id, text FROM known_claims"):
        keys.append(("known", k))
        texts.append(text)
    index.add_many(zip(keys, normalize_all(texts, workers=min(4, os.cpu_count() or 1)), strict=True),
                   normalized=True)
    return index


def _indexes(db: sqlite_utils.Database) -> tuple[MatchIndex, MatchIndex]:
    """(past fact-checks, claims) indexes of `db`, rebuilt when changed, extended when claims were only added."""
    key = _db_key(db)
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
        if cached is not None and cached.seen == _unchanged_since(db):
            return cached.known, cached.claims
        known_stamp = _known_stamp(db)
        if cached is None or cached.known_stamp != known_stamp:
            known = _known_index(db)
        else:
            known = cached.known
        if cached is not None and _claims_stamp(db, cached.last_claim_id) == cached.claims_stamp:
            claims, last = cached.claims, _add_claims(db, cached.claims, cached.last_claim_id)
        else:
            claims = MatchIndex()
            last = _add_claims(db, claims, 0)
        cached = _CACHE[key] = _Cached(known, known_stamp, claims, _claims_stamp(db, last), last,
                                       _unchanged_since(db))
        return known, claims


def forget_index(db: sqlite_utils.Database) -> None:
    """Drop the cached index of `db` (it is rebuilt on the next match)."""
    key = _db_key(db)
    with _CACHE_LOCK:
        _CACHE.pop(key, None)
    forget_meaning_index(key)


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
                 min_score: float = 0.0, by_meaning: bool = False) -> list[MatchResult]:
    """The stored claims and past fact-checks most like `text`, best first, each a duplicate or related.

    A duplicate has close text and the same figures and polarity; "1,7 triệu" against "1,8 triệu" is related.
    With `by_meaning` (and the model installed) the 100 stored texts nearest in meaning join the 60 word
    candidates and all are ordered by meaning, character grams and word rank (`meaning_rerank`): a past
    fact-check worded differently can come first, as related unless text, figures and polarity agree. The first
    such match computes the vectors of every stored text (about 6 ms each, kept in `text_vectors`); past
    MEANING_INDEX_MAX texts only the word candidates are reordered. The claim-duplicate path leaves it off.

    >>> [m.id for m in find_matches(db, "Wombats share their burrows", limit=1)]  # doctest: +SKIP
    ['s-1']
    """
    known, claims = _indexes(db)
    query_norm = match_text(text)
    excluded = ("claim", exclude_claim_id)
    pool = [c for index in (known, claims) for c in index.candidates(query_norm, normalized=True, limit=_POOL + 1)
            if c.key != excluded]
    pool.sort(key=lambda c: c.bm25, reverse=True)  # stable: past fact-checks first among equals
    pool = pool[:_POOL]
    meaning = by_meaning and semantic.is_available()
    if meaning:
        scored, details = _by_meaning(db, text, query_norm, pool, known, claims, excluded)
    else:
        details = _details(db, [c.key for c in pool])
        pool = [c for c in pool if c.key in details]  # deleted since the index was built
        perfect = max(index.self_score(query_norm, normalized=True) for index in (known, claims))
        scored = rerank(query_norm, nfc(text), pool, [details[c.key]["text"] for c in pool], perfect_bm25=perfect)
    results = []
    for s in scored:
        if s.score < min_score or len(results) >= limit:
            break
        kind, key = s.key
        info = details[s.key]
        results.append(MatchResult(str(key), kind, s.score, str(s.relation), info["text"], info.get("verdict"),
                                   info.get("url"), round(s.closeness, 2)))
    return results


def _by_meaning(db: sqlite_utils.Database, text: str, query_norm: str, pool: list[Candidate], known: MatchIndex,
                claims: MatchIndex, excluded: tuple[str, Any]) -> tuple[list[Scored], dict]:
    """The word candidates and the stored texts nearest in meaning, ordered by `meaning_rerank`."""
    query_vector = semantic.encode([strip_social(text) or text])[0]
    index = meaning_index(db, _db_key(db), known, claims)
    nearest = index.nearest(query_vector, _MEANING_POOL + 1) if index is not None else []
    word_ranks = {c.key: rank for rank, c in enumerate(pool)}
    extra = [k for k, _ in nearest if k not in word_ranks and k != excluded][:_MEANING_POOL]
    details = _details(db, [c.key for c in pool] + extra)
    candidates = [c for c in pool if c.key in details]  # deleted since the index was built
    candidates += [Candidate(k, 0.0, match_text(details[k]["text"])) for k in extra if k in details]
    raw = [details[c.key]["text"] for c in candidates]
    keys = [c.key for c in candidates]
    if index is not None:
        similarities = index.cosines(keys, query_vector)
    else:
        similarities = (stored_vectors(db, raw) @ query_vector).tolist()
    scored = meaning_rerank(query_norm, nfc(text), candidates, similarities, [word_ranks.get(k) for k in keys], raw)
    return scored, details


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
    for claim_id in ids:
        if claim_id not in texts:
            continue
        for m in find_matches(db, texts[claim_id], limit=limit, exclude_claim_id=claim_id,
                              min_score=SUGGEST_MIN_MEANING_SCORE if by_meaning else SUGGEST_MIN_SCORE,
                              by_meaning=by_meaning):
            if (m.relation == "duplicate" or m.closeness >= SUGGEST_MIN_CLOSENESS or by_meaning
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
               c.id AS c_id, c.text AS c_text, c.rating AS c_rating, c.verdict AS c_verdict
        FROM claim_matches m
        LEFT JOIN known_claims k ON m.other_kind = 'known' AND k.id = m.other_id
        LEFT JOIN claims c ON m.other_kind = 'claim' AND c.id = CAST(m.other_id AS INTEGER)
        WHERE m.claim_id = :claim
        UNION ALL
        SELECT m.id, m.claim_id, 'claim', CAST(m.claim_id AS TEXT), m.score, m.relation, m.decision,
               NULL, NULL, NULL, NULL, c.id, c.text, c.rating, c.verdict
        FROM claim_matches m JOIN claims c ON c.id = m.claim_id
        WHERE m.other_kind = 'claim' AND m.other_id = CAST(:claim AS TEXT)
        """, {"claim": claim_id})
    out = []
    for r in sorted(rows, key=lambda r: (-r["score"], r["match_id"])):
        if r["decision"] == "rejected" and not include_rejected:
            continue
        if r["other_kind"] == "known":
            if r["k_text"] is None:
                continue
            out.append(Suggestion(r["match_id"], claim_id, "known", r["other_id"], None, r["k_text"], r["score"],
                                  r["relation"], r["decision"], r["k_verdict"], r["k_verdict"], r["k_url"],
                                  _host(r["k_url"]) or "a past fact-check", r["k_published"]))
        elif r["c_id"] is not None:
            out.append(Suggestion(r["match_id"], claim_id, "claim", str(r["c_id"]), r["c_id"], r["c_text"],
                                  r["score"], r["relation"], r["decision"], r["c_rating"], r["c_verdict"],
                                  None, f"claim #{r['c_id']}" if r["c_rating"] else None))
    return out


# ---------------------------------------------------------------- decisions and groups


def _group_of(db: sqlite_utils.Database, claim_id: int) -> list[dict[str, Any]]:
    root = db.execute("SELECT coalesce(canonical_id, id) FROM claims WHERE id = ?", [claim_id]).fetchone()
    if root is None:
        return []
    return list(db.query("SELECT id, canonical_id, rating, created_at FROM claims WHERE id = ? OR canonical_id = ?",
                         [root[0], root[0]]))


def _set_canonical(db: sqlite_utils.Database, members: list[dict[str, Any]], canonical: int | None,
                   reviewer: str) -> None:
    for m in members:
        target = None if m["id"] == canonical else canonical
        if m["canonical_id"] != target:
            db.execute("UPDATE claims SET canonical_id = ? WHERE id = ?", [target, m["id"]])
            record(db, entity="claim", entity_id=m["id"], claim_id=m["id"], action="group", field="canonical_id",
                   before=m["canonical_id"], after=target, reviewer=reviewer)


def _choose_canonical(members: list[dict[str, Any]]) -> int:
    """The claim with a verdict, else the earliest: its verdict is the one offered to the others."""
    return min(members, key=lambda m: (m["rating"] is None, m["created_at"], m["id"]))["id"]


def decide_match(db: sqlite_utils.Database, match_id: int, *, decision: str, reviewer: str) -> str:
    """Confirm or reject a suggestion; returns the decision stored.

    A rejection is remembered: the pair is never suggested again. Confirming a claim–claim match puts both
    claims in one duplicate group with one canonical claim (claims.canonical_id); rejecting a confirmed one
    takes the claim out of the group again. Both are written to the history.
    """
    if decision not in ("confirmed", "rejected"):
        raise ValueError(f"decision must be 'confirmed' or 'rejected', not {decision!r}")
    with writing(db):
        row = db.execute("SELECT claim_id, other_kind, other_id, decision FROM claim_matches WHERE id = ?",
                         [match_id]).fetchone()
        if row is None:
            raise LookupError(f"match {match_id} does not exist")
        claim_id, kind, other_id, before = row
        if before == decision:
            return decision
        db.execute("UPDATE claim_matches SET decision = ?, decided_by = ?, decided_at = ? WHERE id = ?",
                   [decision, reviewer, now(), match_id])
        record(db, entity="claim_match", entity_id=match_id, claim_id=claim_id, action=decision, field="decision",
               before=before, after=decision, reviewer=reviewer)
        if kind == "claim":
            other = int(other_id)
            if decision == "confirmed":
                members = {m["id"]: m for m in _group_of(db, claim_id) + _group_of(db, other)}
                _set_canonical(db, list(members.values()), _choose_canonical(list(members.values())), reviewer)
            elif before == "confirmed":
                _leave_group(db, claim_id, other, reviewer)
    return decision


def _leave_group(db: sqlite_utils.Database, claim_id: int, other: int, reviewer: str) -> None:
    """Undo a confirmation: the non-canonical one of the pair leaves the group."""
    group = _group_of(db, claim_id)
    ids = {m["id"] for m in group}
    if other not in ids:
        return
    canonical = next((m["id"] for m in group if m["canonical_id"] is None), None)
    leaving = other if claim_id == canonical else claim_id
    _set_canonical(db, [m for m in group if m["id"] == leaving], None, reviewer)
    rest = [m for m in group if m["id"] != leaving]
    if len(rest) == 1:
        _set_canonical(db, rest, None, reviewer)


def offer_verdict_to_duplicates(db: sqlite_utils.Database, canonical_id: int) -> list[int]:
    """Duplicates of `canonical_id` that lack its verdict: the page offers to copy it to them, never forces it."""
    row = db.execute("SELECT rating FROM claims WHERE id = ?", [canonical_id]).fetchone()
    if row is None or not row[0]:
        return []
    return [r[0] for r in db.execute(
        "SELECT id FROM claims WHERE canonical_id = ? AND (rating IS NULL OR rating != ?) ORDER BY id",
        [canonical_id, row[0]])]


def duplicate_groups(db: sqlite_utils.Database, *, suggested: bool = True) -> list[DuplicateGroup]:
    """Confirmed groups, then (with `suggested`) clusters of claims that look like duplicates of one centre.

    Suggested clusters are computed over every claim not yet in a confirmed group; a rejected pair is never
    put together. Each member is a duplicate of its cluster's centre, so near-misses cannot chain.
    """
    texts = dict(db.execute("SELECT id, text FROM claims").fetchall())
    confirmed: dict[int, list[int]] = {}
    for claim_id, canonical in db.execute("SELECT id, canonical_id FROM claims WHERE canonical_id IS NOT NULL"
                                          " ORDER BY id"):
        confirmed.setdefault(canonical, []).append(claim_id)
    groups = [DuplicateGroup(c, (c, *ms), True, tuple(texts.get(i, "") for i in (c, *ms)))
              for c, ms in sorted(confirmed.items())]
    if not suggested:
        return groups
    grouped = set(confirmed) | {i for ms in confirmed.values() for i in ms}
    rejected = {frozenset((a, int(b))) for a, b in db.execute(
        "SELECT claim_id, other_id FROM claim_matches WHERE other_kind = 'claim' AND decision = 'rejected'")}
    free = [(i, t) for i, t in texts.items() if i not in grouped]
    for centre, members in group_duplicates(free, forbidden=rejected, workers=min(2, os.cpu_count() or 1)):
        ids = (centre, *members)
        groups.append(DuplicateGroup(centre, ids, False, tuple(texts[i] for i in ids)))
    return groups


