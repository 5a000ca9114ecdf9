"""The store: migrations recorded, WAL, foreign keys, append-only history, folded full-text search."""
from __future__ import annotations

import sqlite3

import pytest

from claims.model import Claim, Extraction
from db.articles import store_article
from db.claims import ClaimFilter, claim_queue
from db.connection import open_database
from db.history import record
from db.migrations import MIGRATIONS, schema_version


def _store(db, *texts: str) -> int:
    body = " ".join(texts)
    claims, start = [], 0
    for text in texts:
        claims.append(Claim(text=text, start=start, end=start + len(text), checkworthy=True, score=0.9))
        start += len(text) + 1
    return store_article(db, text=body, extraction=Extraction("vi", tuple(claims)), title="t").article_id


def test_a_new_database_records_every_migration_in_order(db):
    assert schema_version(db) == [m.name for m in MIGRATIONS._migrations]


def test_opening_twice_applies_nothing_again(db_path):
    open_database(db_path).close()
    again = open_database(db_path)
    assert len(schema_version(again)) == len(MIGRATIONS._migrations)


def test_the_database_runs_in_wal_mode_with_foreign_keys(db):
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO claims (article_id, text, original_text, start, \"end\", created_at, updated_at)"
                   " VALUES (999, 'x', 'x', 0, 1, 'now', 'now')")


def test_history_cannot_be_edited_or_deleted(db):
    entry = record(db, entity="article", entity_id=1, action="ingested", reviewer="Lan")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE history SET reviewer = 'Mallory' WHERE id = ?", [entry])
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM history WHERE id = ?", [entry])


@pytest.mark.parametrize("query", ["dien kremlin", "ĐIỆN KREMLIN", "Điện", "đien kremlin", "Dien"])
def test_search_ignores_case_and_every_vietnamese_diacritic_including_d_stroke(db, query):
    _store(db, "Người phát ngôn Điện Kremlin cho biết 1,7 triệu người.", "Trời hôm nay đẹp.")
    found = claim_queue(db, ClaimFilter(search=query, checkworthy=None)).claims
    assert [c.text for c in found] == ["Người phát ngôn Điện Kremlin cho biết 1,7 triệu người."]


@pytest.mark.parametrize("query", ['"', "*", "NEAR(", "AND(", "-", "a OR", "'; DROP TABLE claims; --", "((", "^"])
def test_any_search_string_is_a_valid_query_of_words(db, query):
    _store(db, "Nga kiểm soát tới 90% lãnh thổ.")
    alone = claim_queue(db, ClaimFilter(search=query, checkworthy=None))
    assert (alone.total, alone.claims) == (0, [])  # no word of the claim in it
    # Search syntax is no syntax: signs are passed over, words in it (NEAR, AND, OR, DROP…) are words to find.
    beside = claim_queue(db, ClaimFilter(search=f"{query} kiem soat", checkworthy=None))
    has_words = any(ch.isalpha() for ch in query)
    assert [c.text for c in beside.claims] == ([] if has_words else ["Nga kiểm soát tới 90% lãnh thổ."])
    assert beside.total == len(beside.claims)
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == 1


def test_a_failed_store_leaves_nothing_half_written(db):
    good = Claim(text="Hơn 1,7 triệu người.", start=0, end=20, checkworthy=True, score=0.9)
    # A malformed quantity fails after the article row and the first claim row were written.
    broken = Claim(text=good.text, start=0, end=20, checkworthy=True, score=0.5, quantities=(object(),))
    with pytest.raises(AttributeError):
        store_article(db, text=good.text, extraction=Extraction("vi", (good, broken)), title="t")
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM history").fetchone()[0] == 0
