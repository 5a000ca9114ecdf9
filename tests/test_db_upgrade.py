"""A database made by the first schema version upgrades in place to the latest without losing a row."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from claims.folding import fold
from claims.model import Claim, Extraction
from db.articles import store_article
from db.claims import ClaimFilter, VersionConflict, claim_queue, get_claim, update_claim
from db.connection import open_database
from db.history import history_for_claim
from db.migrations import MIGRATIONS, schema_version
from db.ratings import rating_scale
from db.sources import sources_for_claim
from evidence.review import save_review
from evidence.sources import attach_source

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCHEMA_V1 = FIXTURES / "schema_v1.db"
FIRST_VERSION = "0001_articles_claims_history"
V1_TABLES = ("articles", "claims", "quantities", "claim_dates", "reviewers", "history")


def _rows(path: Path, table: str) -> list[dict]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]
    finally:
        conn.close()


@pytest.fixture
def v1_path(tmp_path: Path) -> Path:
    copy = tmp_path / "v1.db"
    shutil.copyfile(SCHEMA_V1, copy)
    return copy


@pytest.fixture
def upgraded(v1_path: Path):
    db = open_database(v1_path)
    yield db
    db.close()


def test_the_fixture_was_made_by_the_first_schema_version_only(v1_path):
    assert [r["name"] for r in _rows(v1_path, "_sqlite_migrations")] == [FIRST_VERSION]
    tables = {r["name"] for r in _rows(v1_path, "sqlite_master") if r["type"] == "table"}
    assert set(V1_TABLES) <= tables
    assert not {"sources", "rating_scale", "known_claims", "claims_fts"} & tables
    assert "folded" not in _rows(v1_path, "claims")[0]


def test_the_fixture_is_what_its_script_makes(tmp_path, v1_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_schema_v1", FIXTURES / "make_schema_v1.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    remade = module.make(tmp_path / "remade.db")
    for table in V1_TABLES:
        assert _rows(remade, table) == _rows(v1_path, table), table


def test_opening_a_first_version_database_applies_every_later_migration(upgraded):
    assert schema_version(upgraded) == [m.name for m in MIGRATIONS._migrations]
    assert upgraded.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert upgraded.execute("PRAGMA foreign_key_check").fetchall() == []
    # The search index agrees with the claims it indexes (raises "database disk image is malformed" otherwise).
    upgraded.execute("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
    assert "text_vectors" not in upgraded.table_names()  # made by 0006, unused since, dropped by 0013
    assert "known_claims_fts" not in upgraded.table_names()  # made by 0003, never searched, dropped by 0014


def test_every_row_of_the_first_version_survives_the_upgrade_unchanged(v1_path):
    before = {table: _rows(v1_path, table) for table in V1_TABLES}
    open_database(v1_path).close()
    for table in V1_TABLES:
        after = _rows(v1_path, table)
        assert len(after) == len(before[table]), table
        # New columns may be added; every old column keeps its value in every row.
        for old, new in zip(before[table], after, strict=True):
            assert {k: new[k] for k in old} == old, table


def test_the_upgrade_fills_the_folded_copy_of_every_claim(upgraded):
    for claim_id, text, folded in upgraded.execute("SELECT id, text, folded FROM claims"):
        assert folded == fold(text), claim_id
        assert folded


@pytest.mark.parametrize(("query", "claim_id"), [("dien kremlin", 1), ("ĐIỆN Kremlin", 1), ("viet nam", 2),
                                                 ("unemployment", 3)])
def test_full_text_search_finds_upgraded_claims_by_a_folded_query(upgraded, query, claim_id):
    found = claim_queue(upgraded, ClaimFilter(search=query, checkworthy=None)).claims
    assert [c.id for c in found] == [claim_id]


def test_upgraded_claims_keep_their_verdicts_and_history(upgraded):
    claim = get_claim(upgraded, 1)
    assert claim is not None
    assert (claim.status, claim.rating, claim.version, claim.speaker) == ("published", "False", 3, "Dmitry Peskov")
    assert [q.text for q in claim.quantities] == ["hơn 1,7 triệu người"]
    assert [d.value for d in claim.dates] == ["2024-03-08"]
    assert [e.entity_id for e in history_for_claim(upgraded, 1)] == ["1@2", "1@3"]
    edited = get_claim(upgraded, 2)
    assert edited is not None and edited.edited


def test_new_features_work_on_an_upgraded_database(upgraded):
    assert [r.label for r in rating_scale(upgraded)][0] == "True"
    link = attach_source(upgraded, 1, url="https://mvd.ru/report", stance="refutes", reviewer="Lan",
                         published="2024-03-10", excerpt="1,2 triệu người")
    assert [s.link_id for s in sources_for_claim(upgraded, 1)] == [link]
    # Correcting a verdict published before the upgrade: stays published, the history shows the correction.
    corrected = save_review(upgraded, 1, expected_version=3, reviewer="Lan", rating="Mostly false",
                            rationale="Bộ Nội vụ Nga sau đó sửa thành 1,5 triệu người.")
    assert (corrected.status, corrected.rating, corrected.version) == ("published", "Mostly false", 4)
    # A conflict is explained from history written both before and after the upgrade.
    with pytest.raises(VersionConflict, match="Lan"):
        update_claim(upgraded, 1, expected_version=2, reviewer="Minh", changes={"assignee": "Minh"})
    text = "Giá xăng tăng 5% trong tháng Ba."
    stored = store_article(upgraded, text=text, title="Giá xăng",
                           extraction=Extraction("vi", (Claim(text=text, start=0, end=len(text), checkworthy=True,
                                                              score=0.9),)))
    assert stored.article_id == 3
    found = claim_queue(upgraded, ClaimFilter(search="gia xang", checkworthy=None)).claims
    assert [c.id for c in found] == [stored.claim_ids[0]]


def test_opening_the_upgraded_database_again_changes_nothing(v1_path):
    open_database(v1_path).close()
    first = {table: _rows(v1_path, table) for table in (*V1_TABLES, "_sqlite_migrations")}
    open_database(v1_path).close()
    assert {table: _rows(v1_path, table) for table in first} == first
