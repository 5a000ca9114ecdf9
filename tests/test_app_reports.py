"""The Reports page: a scope chosen, the Markdown previewed, each format offered for download."""
from __future__ import annotations

import pytest
from app_support import make_app, open_page, texts

from db.claims import ClaimFilter, claim_queue
from evidence.review import save_review
from evidence.sources import attach_source


@pytest.fixture
def published(seeded_db, db_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    claim = claim_queue(seeded_db, ClaimFilter(), limit=1).claims[0]
    attach_source(seeded_db, claim.id, url="https://gso.gov.vn/bao-cao", stance="refutes", reviewer="Lan",
                  title="Báo cáo | dân số")
    saved = save_review(seeded_db, claim.id, expected_version=1, reviewer="Lan", rating="Mostly false",
                        rationale="The UN figure differs <b>a lot</b>.", status="drafted")
    save_review(seeded_db, claim.id, expected_version=saved.version, reviewer="Lan", status="published")
    return claim


def test_report_preview_shows_the_published_verdict(published):
    at = open_page(make_app(), "reports")
    assert not at.exception
    page = texts(at)
    assert "Mostly false" in page and "gso.gov.vn" in page
    assert "<b>a lot</b>" not in "\n".join(m.value for m in at.markdown if "Mostly false" in m.value)


@pytest.mark.parametrize("kind", ["article", "claim", "since"])
def test_every_scope_renders(published, kind):
    at = open_page(make_app(), "reports")
    at.radio(key="reports_kind").set_value(kind).run()
    if kind == "claim":
        at.number_input(key="reports_claim").set_value(published.id).run()
    if kind == "article":
        at.selectbox(key="reports_article").set_value(published.article_id).run()
    assert not at.exception
    assert "Mostly false" in texts(at)
    assert at.get("download_button")


def test_a_claim_that_does_not_exist_is_named(published):
    at = open_page(make_app(), "reports")
    at.radio(key="reports_kind").set_value("claim").run()
    at.number_input(key="reports_claim").set_value(987654).run()
    assert not at.exception
    assert at.error and "987654" in at.error[0].value


def test_claimreview_and_csv_are_previewed_beside_the_markdown(published):
    at = open_page(make_app(), "reports")
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Preview", "Markdown source", "ClaimReview", "CSV"]
    claimreview = [c.value for c in at.code if c.language == "json"]
    assert len(claimreview) == 1 and '"@type": "ClaimReview"' in claimreview[0]
    assert '"inLanguage": "en"' in claimreview[0]
    assert any("example name" in w.value for w in at.warning)  # the desk has not set its publisher yet
    assert at.dataframe  # the CSV as a table
    assert {b.proto.label for b in at.get("download_button")} >= {"Download CSV", "Download Excel workbook"}


def test_a_report_in_vietnamese_on_an_english_interface(published):
    at = open_page(make_app(), "reports")
    at.segmented_control(key="reports_language").set_value("vi").run()
    assert not at.exception
    page = texts(at)
    assert "Sai phần lớn" in page and "## Tóm tắt" in page
    assert '"alternateName": "Sai phần lớn"' in "\n".join(c.value for c in at.code)
    assert "Report language" in [w.label for w in at.segmented_control]
