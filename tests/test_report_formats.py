"""One table of report formats: the Reports page offers exactly its formats, and each download is the bytes
`factcheck report --format` writes (ClaimReview with `</script>` escaped in both)."""
from __future__ import annotations

import io
import json

import pytest
from app_support import make_app, open_page
from cli_support import factcheck
from test_app_reports import published  # noqa: F401, F811 - the fixture, shared

from db.claims import get_claim, update_claim
from evidence.formats import REPORT_FORMATS, report_bytes
from evidence.report import ReportScope, build_report
from factcheck.report_commands import FORMATS

HOSTILE = "Hơn 1,7 triệu người </script><script>alert(1)</script> <!-- đã rời bỏ nhà cửa & hơn."


@pytest.fixture
def hostile(published, seeded_db):  # noqa: F811 - the fixture imported above
    """The published claim of the Reports page's tests, reworded with a script element's end in it."""
    claim = get_claim(seeded_db, published.id)
    update_claim(seeded_db, claim.id, expected_version=claim.version, reviewer="Lan", changes={"text": HOSTILE})
    return seeded_db


def test_the_command_offers_the_formats_of_the_table() -> None:
    assert FORMATS == tuple(REPORT_FORMATS)


@pytest.mark.parametrize("name", list(REPORT_FORMATS))
def test_each_download_is_the_bytes_the_command_writes(hostile, db_path, name) -> None:
    offered = report_bytes(build_report(hostile, ReportScope()), name)
    written = factcheck("report", "--format", name, db=db_path)
    assert written.returncode == 0, written.stderr
    assert offered == written.stdout_bytes
    if name == "xlsx":  # a workbook is compressed: read the rating back from its cells
        from openpyxl import load_workbook

        offered = "\n".join(str(cell.value) for row in load_workbook(io.BytesIO(offered)).active.iter_rows()
                             for cell in row).encode()
    assert b"Mostly false" in offered


def test_the_claimreview_download_cannot_close_a_script_element(hostile) -> None:
    offered = report_bytes(build_report(hostile, ReportScope()), "claimreview")
    assert b"</script" not in offered.lower() and b"<!--" not in offered
    (review,) = json.loads(offered)
    assert review["reviewRating"]["alternateName"] == "Mostly false"
    assert "</script><script>alert(1)</script>" in json.dumps(review, ensure_ascii=False)


def test_the_reports_page_offers_exactly_the_formats_of_the_table(hostile) -> None:
    at = open_page(make_app(), "reports")
    assert not at.exception
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == [f.label for f in REPORT_FORMATS.values()]
