"""The formats a report is written in: one table that `factcheck report --format` and the Reports page both use, so a
download holds exactly the bytes the command writes (ClaimReview's `</script>` escaped alike)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from evidence.report import Report
from translations import N_

__all__ = ["ReportFormat", "REPORT_FORMATS", "render_report", "report_bytes"]


def _markdown(report: Report, **_: Any) -> str:
    from evidence.markdown import render_markdown

    return render_markdown(report)


def _claimreview(report: Report, *, publisher_name: str | None = None, publisher_url: str | None = None,
                 desk: Any = None) -> str:
    from evidence.claimreview import render_claimreview_json

    return render_claimreview_json(report, desk=desk, publisher_name=publisher_name, publisher_url=publisher_url)


def _csv(report: Report, **_: Any) -> str:
    from evidence.csv_export import render_csv

    return render_csv(report)


def _xlsx(report: Report, **_: Any) -> bytes:
    from evidence.xlsx_export import render_xlsx

    return render_xlsx(report)


@dataclass(frozen=True)
class ReportFormat:
    """One way to write a report: its name on the command line, the Reports page's download label, the file's
    extension and media type, and the renderer (report → text). The label is marked for the catalogue: the page
    shows _(label)."""

    name: str
    label: str
    extension: str
    media_type: str
    render: Callable[..., str | bytes]


REPORT_FORMATS: dict[str, ReportFormat] = {f.name: f for f in (
    ReportFormat("md", N_("Download Markdown"), "md", "text/markdown", _markdown),
    ReportFormat("claimreview", N_("Download ClaimReview JSON-LD"), "jsonld", "application/ld+json", _claimreview),
    ReportFormat("csv", N_("Download CSV"), "csv", "text/csv", _csv),
    ReportFormat("xlsx", N_("Download Excel workbook"), "xlsx",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _xlsx),
)}


def render_report(report: Report, name: str, *, publisher_name: str | None = None,
                  publisher_url: str | None = None, desk: Any = None) -> str | bytes:
    """The report in the format `name` (a key of REPORT_FORMATS): text, or bytes for a workbook; KeyError for another
    name.

    >>> render_report(report, "claimreview").startswith("[")  # doctest: +SKIP
    True
    """
    if name == "claimreview":
        return _claimreview(report, publisher_name=publisher_name, publisher_url=publisher_url, desk=desk)
    return REPORT_FORMATS[name].render(report)


def report_bytes(report: Report, name: str, **publisher: Any) -> bytes:
    """The bytes of a report file as the command writes it and the page offers it: the text in UTF-8 (the CSV's
    byte-order mark included)."""
    rendered = render_report(report, name, **publisher)
    return rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")
