"""One table of report formats: the Reports page offers exactly its formats, and each download is the bytes
`factcheck report --format` writes (ClaimReview with `</script>` escaped in both)."""
from __future__ import annotations

import json

import pytest
from app_support import make_app, open_page
from test_ingest import factcheck

from db.claims import ClaimFilter, claim_queue, update_claim
from evidence.formats import REPORT_FORMATS, report_bytes
from evidence.report import ReportScope, build_report
from evidence.review import save_review
from evidence.sources import attach_source
from factcheck.report_commands import FORMATS

HOSTILE = "Hơn 1,7 triệu người </script><script>alert(1)</script> <!-- đã rời bỏ nhà cửa & hơn."


@pytest.fixture
def published(seeded_db, db_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    claim = claim_queue(seeded_db, ClaimFilter(), limit=1).claims[0]
    attach_source(seeded_db, claim.id, url="https://gso.gov.vn/bao-cao", stance="refutes", reviewer="Lan",
                  title="Báo cáo </script>")
    edited = update_claim(seeded_db, claim.id, expected_version=1, reviewer="Lan", changes={"text": HOSTILE})
    saved = save_review(seeded_db, claim.id, expected_version=edited.version, reviewer="Lan", rating="Mostly false",
                        rationale="The UN figure differs.", status="drafted")
    save_review(seeded_db, claim.id, expected_version=saved.version, reviewer="Lan", status="published")
    return seeded_db


def test_the_command_offers_the_formats_of_the_table() -> None:
    assert FORMATS == tuple(REPORT_FORMATS)


@pytest.mark.parametrize("name", list(REPORT_FORMATS))
def test_each_download_is_the_bytes_the_command_writes(published, db_path, name) -> None:
    offered = report_bytes(build_report(published, ReportScope()), name)
    written = factcheck("report", "--format", name, db=db_path)
    assert written.returncode == 0, written.stderr
    assert offered == written.stdout
    assert b"Mostly false" in offered


def test_the_claimreview_download_cannot_close_a_script_element(published) -> None:
    offered = report_bytes(build_report(published, ReportScope()), "claimreview")
    assert b"</script" not in offered.lower() and b"<!--" not in offered
    (review,) = json.loads(offered)
    assert review["reviewRating"]["alternateName"] == "Mostly false"
    assert "</script><script>alert(1)</script>" in json.dumps(review, ensure_ascii=False)


def test_the_reports_page_offers_exactly_the_formats_of_the_table(published) -> None:
    at = open_page(make_app(), "reports")
    assert not at.exception
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == [f.label for f in REPORT_FORMATS.values()]
