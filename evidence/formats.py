"""The formats a report is written in: one table that `factcheck report --format` and the Reports page both use, so a
download holds exactly the bytes the command writes (ClaimReview's `</script>` escaped alike)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from evidence.report import Report

__all__ = ["ReportFormat", "REPORT_FORMATS", "render_report", "report_bytes"]


def _markdown(report: Report, **_: Any) -> str:
    from evidence.markdown import render_markdown

    return render_markdown(report)


def _claimreview(report: Report, *, publisher_name: str | None = None, publisher_url: str | None = None) -> str:
    from evidence.claimreview import DEFAULT_PUBLISHER_NAME, DEFAULT_PUBLISHER_URL, render_claimreview_json

    return render_claimreview_json(report, publisher_name=publisher_name or DEFAULT_PUBLISHER_NAME,
                                   publisher_url=publisher_url or DEFAULT_PUBLISHER_URL)


def _csv(report: Report, **_: Any) -> str:
    from evidence.csv_export import render_csv

    return render_csv(report)


@dataclass(frozen=True)
class ReportFormat:
    """One way to write a report: its name on the command line, the Reports page's download label, the file's
    extension and media type, and the renderer (report → text)."""

    name: str
    label: str
    extension: str
    media_type: str
    render: Callable[..., str]


REPORT_FORMATS: dict[str, ReportFormat] = {f.name: f for f in (
    ReportFormat("md", "Download Markdown", "md", "text/markdown", _markdown),
    ReportFormat("claimreview", "Download ClaimReview JSON-LD", "jsonld", "application/ld+json", _claimreview),
    ReportFormat("csv", "Download CSV", "csv", "text/csv", _csv),
)}


def render_report(report: Report, name: str, *, publisher_name: str | None = None,
                  publisher_url: str | None = None) -> str:
    """The report as text in the format `name` (a key of REPORT_FORMATS); KeyError for another name.

    >>> render_report(report, "claimreview").startswith("[")  # doctest: +SKIP
    True
    """
    return REPORT_FORMATS[name].render(report, publisher_name=publisher_name, publisher_url=publisher_url)


def report_bytes(report: Report, name: str, **publisher: str | None) -> bytes:
    """The bytes of a report file as the command writes it and the page offers it: the text in UTF-8."""
    return render_report(report, name, **publisher).encode("utf-8")
