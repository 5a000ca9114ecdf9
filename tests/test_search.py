"""Searching claims: folded full text first, fuzzy for typos; any string at all is a valid query."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.search import search_claims
from factcheck.cli import main
from tests.matching_support import store_claims


@pytest.fixture
def claims_db(db):
    store_claims(db, "Điện Kremlin khẳng định không có kế hoạch tấn công.",
                 "Giá xăng tăng 5% trong tháng ba.",
                 "Thủ tướng phát biểu tại Đà Nẵng về kinh tế.")
    return db


def test_words_without_diacritics_find_the_claim(claims_db):
    [hit] = search_claims(claims_db, "dien kremlin")
    assert hit["text"].startswith("Điện Kremlin") and hit["how"] == "text"


def test_a_typo_is_found_by_the_fuzzy_fallback(claims_db):
    hits = search_claims(claims_db, "Kremlim")
    assert hits and hits[0]["text"].startswith("Điện Kremlin") and hits[0]["how"] == "fuzzy"


def test_filters_narrow_the_results(claims_db):
    assert search_claims(claims_db, "gia xang", status="published") == []
    assert len(search_claims(claims_db, "gia xang", status="new")) == 1


@pytest.mark.parametrize("query", [
    '"', '""', "'", "*", "kremlin*", "NEAR(", "NEAR(a b", "AND(", "a AND", "OR", "NOT", "-", "-kremlin",
    "(", ")", "((kremlin", "[", "{", "^", ":", "folded:kremlin", "'; DROP TABLE claims; --", "1=1 OR",
    "\x00", "  ", "", "🙂", "a" * 5000,
])
def test_hostile_queries_never_raise(claims_db, query):
    assert isinstance(search_claims(claims_db, query), list)
    assert claims_db.execute("SELECT count(*) FROM claims").fetchone()[0] == 3


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_a_valid_query(claims_db, query):
    assert isinstance(search_claims(claims_db, query, limit=5), list)


def test_pages_do_not_repeat_results(claims_db):
    first = search_claims(claims_db, "tang", limit=1)
    second = search_claims(claims_db, "tang", limit=1, offset=1)
    assert not ({r["id"] for r in first} & {r["id"] for r in second})


def test_search_command_prints_json(claims_db, db_path, capsys):
    assert main(["search", '"dien (kremlin*', "--db", str(db_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["results"] and out["results"][0]["text"].startswith("Điện")
