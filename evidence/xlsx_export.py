"""A Report as an Excel workbook (.xlsx, through openpyxl): one row per claim, headings, dates and rating names in
the report's language, for the editors who open exports in a spreadsheet rather than a tool.

Every cell of text is written as text (cell type "s"), so a claim starting with "=" shows as typed and never runs
as a formula: the same guard the CSV keeps with its apostrophe, without the apostrophe.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from claims.workflow import status_label
from evidence.report import Report, ReportClaim
from translations import N_, _, format_datetime, language_in_use

__all__ = ["XLSX_MIME", "render_xlsx"]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_COLUMNS = (N_("Claim"), N_("Article"), N_("Article address"), N_("Speaker"), N_("Claim as checked"),
            N_("What the article said"), N_("Status"), N_("Rating"), N_("Verdict"), N_("Rationale"),
            N_("First published"), N_("Published"), N_("Reviewed by"), N_("Sources"))
_EPOCH = dt.datetime(2000, 1, 1)  # zip dates start in 1980
_MODIFIED = re.compile(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_WIDTHS = (8, 40, 30, 20, 60, 60, 16, 18, 40, 60, 20, 20, 20, 60)


def _row(claim: ReportClaim) -> list[object]:
    sources = "\n".join(f"[{s.number}] {s.title or s.url} — {s.url}" for s in claim.sources)
    return [claim.id, claim.article.title, claim.article.url or "", claim.speaker or "", claim.text,
            claim.original_text, status_label(claim.status), claim.rating_name or claim.rating or "",
            claim.verdict or "", claim.rationale or "", format_datetime(claim.first_published_at),
            format_datetime(claim.published_at), ", ".join(claim.reviewers), sources]


def _moment(value: str | None) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value) if value else _EPOCH
    except ValueError:
        moment = _EPOCH
    return (moment.astimezone(dt.UTC) if moment.tzinfo else moment).replace(tzinfo=None, microsecond=0)


def render_xlsx(report: Report) -> bytes:
    """The report's claims as the bytes of an .xlsx workbook with one sheet.

    >>> Path("bao-cao.xlsx").write_bytes(render_xlsx(report))  # doctest: +SKIP
    """
    with language_in_use(report.language):
        book = Workbook()
        sheet = book.active
        sheet.title = _("Verdicts")
        sheet.append([_(name) for name in _COLUMNS])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for claim in report.claims:
            sheet.append(_row(claim))
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text stays text, even "=HYPERLINK(…)"
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        for index, width in enumerate(_WIDTHS):
            sheet.column_dimensions[chr(ord("A") + index)].width = width
        sheet.freeze_panes = "A2"
        # The same report gives the same bytes: the workbook's own dates are the report's, not the clock's.
        moment = _moment(report.generated_at)
        book.properties.created = book.properties.modified = moment
    out = io.BytesIO()
    book.save(out)
    return _stamped(out.getvalue(), moment)


def _stamped(workbook: bytes, moment: dt.datetime) -> bytes:
    """The workbook with every part dated `moment`: a zip records when each part was written, which would make two
    renderings of one report differ."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            stamped = zipfile.ZipInfo(part.filename, date_time=moment.timetuple()[:6])
            stamped.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(part.filename)
            if part.filename == "docProps/core.xml":  # openpyxl dates the save itself "modified" now
                content = _MODIFIED.sub(rf"\g<1>{moment:%Y-%m-%dT%H:%M:%SZ}\g<2>", content.decode("utf-8")).encode()
            target.writestr(stamped, content)
    return out.getvalue()
