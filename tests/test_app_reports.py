"""The Reports page: a scope chosen, the Markdown previewed, each format offered for download."""
from __future__ import annotations

import datetime as dt

import pytest
from app_support import make_app, open_page, texts

from db.claims import ClaimFilter, claim_queue
from evidence.formats import render_report
from evidence.report import ReportScope, build_report
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


@pytest.fixture
def two_published(published, seeded_db):
    """Besides `published` (in the first sample article), a verdict published on a claim of the other article."""
    other = next(c for c in claim_queue(seeded_db, ClaimFilter(), limit=100).claims
                 if c.article_id != published.article_id)
    saved = save_review(seeded_db, other.id, expected_version=1, reviewer="Lan", rating="True",
                        rationale="Checked.", status="drafted")
    save_review(seeded_db, other.id, expected_version=saved.version, reviewer="Lan", status="published")
    return published, other


def _markdown_source(at) -> str:
    (source,) = [c.value for c in at.code if c.language == "markdown"]
    return source


@pytest.mark.parametrize("kind", ["all", "article", "claim", "since", "since tomorrow"])
def test_every_scope_reports_its_own_claims_and_no_others(two_published, seeded_db, kind):
    first, other = two_published
    at = open_page(make_app(), "reports")
    at.radio(key="reports_kind").set_value(kind.split()[0]).run()
    scope, shown = ReportScope(), {first.id, other.id}
    if kind == "article":  # the other claim's article: not the page's default choice
        at.selectbox(key="reports_article").set_value(other.article_id).run()
        scope, shown = ReportScope(article_id=other.article_id), {other.id}
    if kind == "claim":
        at.number_input(key="reports_claim").set_value(first.id).run()
        scope, shown = ReportScope(claim_id=first.id), {first.id}
    if kind == "since":
        scope = ReportScope(since=dt.date.today() - dt.timedelta(days=30))  # the page's default
    if kind == "since tomorrow":
        tomorrow = dt.date.today() + dt.timedelta(days=1)
        at.date_input(key="reports_since").set_value(tomorrow).run()
        scope, shown = ReportScope(since=tomorrow), set()
    assert not at.exception
    expected = build_report(seeded_db, scope, language="en")
    assert {c.id for c in expected.claims if c.status == "published"} == shown
    # What the page previews (and offers for download: the same report object) is the report of that scope.
    assert _markdown_source(at) == render_report(expected, "md").rstrip("\n")  # st.code drops the last newline
    source = _markdown_source(at)
    for claim in (first, other):
        assert (claim.text[:40] in source) == (claim.id in shown), (kind, claim.id)
    assert ("Mostly false" in source) == (first.id in shown)
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
