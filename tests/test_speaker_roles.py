"""The speaker's role (the title written beside the name) is stored with the claim and shown beside the speaker on
the claim page and in the Markdown report."""
from __future__ import annotations

from app_support import make_app, open_page, texts

from db.claims import claims_for_article, get_claim
from evidence.markdown import render_markdown
from evidence.report import ReportScope, build_report
from pipelines.ingest import ingest_text

ARTICLE = ("Bà Trần Thu Trang, Giám đốc Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh, cho biết hơn 1.200 hộ dân ở "
           "bảy xã đã phải sơ tán từ ngày 10 đến 14/9. Theo bà, thiệt hại ước tính khoảng 300 tỷ đồng.")


def _ingested(db) -> list:
    outcome = ingest_text(db, ARTICLE, title="Lũ ở Hà Tĩnh")
    return claims_for_article(db, outcome.article_id)


def test_ingest_stores_the_speaker_and_the_role_for_every_attributed_claim(db):
    claims = _ingested(db)
    assert [(c.speaker, c.speaker_role) for c in claims] == [
        ("Trần Thu Trang", "Giám đốc Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh")] * 2
    row = db.execute("SELECT speaker, speaker_role FROM claims ORDER BY id LIMIT 1").fetchone()
    assert row == ("Trần Thu Trang", "Giám đốc Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh")


def test_claim_page_shows_the_role_beside_the_speaker(db, db_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    claim = _ingested(db)[0]
    at = open_page(make_app(), "claim", id=claim.id)
    assert not at.exception
    assert "Trần Thu Trang, Giám đốc Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh" in texts(at)


def test_markdown_report_shows_the_role_beside_the_speaker(db):
    claim = _ingested(db)[0]
    markdown = render_markdown(build_report(db, ReportScope(claim_id=claim.id)))
    assert "**Speaker:** Trần Thu Trang (Giám đốc Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh)" in markdown
    assert get_claim(db, claim.id).speaker_role == "Giám đốc Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh"


def test_the_migration_adds_the_column_only_when_it_is_missing(tmp_path):
    import sqlite_utils

    from db.migrations import migrate, schema_version

    database = sqlite_utils.Database(tmp_path / "older.db")
    migrate(database, stop_before="0017_speaker_roles")
    database.execute("ALTER TABLE claims ADD COLUMN speaker_role TEXT")  # as another migration may have added it
    migrate(database)
    assert "0017_speaker_roles" in schema_version(database)
    assert list(database["claims"].columns_dict).count("speaker_role") == 1
