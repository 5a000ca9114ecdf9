"""A Report as CSV: one row per claim, its verdict and its sources, for spreadsheets and other tools.

One row per claim (not per claim–source pair) so that counting rows counts claims; a claim's sources share
cells, one source per line inside the cell, numbered as in the Markdown report. Quoting follows RFC 4180 (the
csv module, CRLF line ends). A cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab
or a carriage return) gets a leading apostrophe, so a hostile claim cannot become a formula. Timestamps stay ISO 8601
(UTC, as stored) for the tools that read them; column names and codes (status, rating label) stay as they are for
them too, and `rating_name` gives the rating as the report's language names it.

The text starts with a UTF-8 byte-order mark: without it Excel on Windows reads UTF-8 as the local code page and
shows "LÅ© lá»¥t" for "Lũ lụt". Python reads it back with encoding="utf-8-sig".
"""
from __future__ import annotations

import csv
import io

from evidence.report import Report, ReportClaim

__all__ = ["BOM", "CSV_COLUMNS", "render_csv", "rows", "defuse_formula", "table_csv"]

CSV_COLUMNS = ("claim_id", "article_id", "article_title", "article_url", "article_published", "speaker",
               "claim_text", "original_text", "status", "rating", "rating_value", "verdict", "rationale",
               "first_published_at", "published_at", "reviewers", "corrections", "source_count", "sources",
               "source_urls", "rating_name")
BOM = "\ufeff"

# Spreadsheets read the full-width forms (＝ ＋ － ＠) as the ASCII signs too, and skip leading spaces.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def defuse_formula(value: object) -> object:
    """A text cell that starts like a formula, prefixed with an apostrophe; anything else unchanged.

    >>> defuse_formula("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    """
    if isinstance(value, str) and value.lstrip(" \u3000\u00a0").startswith(_FORMULA_START):
        return "'" + value
    return value


def _sources(claim: ReportClaim) -> str:
    lines = []
    for s in claim.sources:
        parts = [s.title or "Untitled source", s.publisher, s.published, s.url,
                 f"archived {s.archive_url}" if s.archive_url else None,
                 f"accessed {s.accessed}" if s.accessed else None, s.stance,
                 f"“{s.excerpt}”" if s.excerpt else None]
        lines.append(f"[{s.number}] " + " — ".join(p for p in parts if p))
    return "\n".join(lines)


def _row(claim: ReportClaim) -> list[object]:
    return [claim.id, claim.article.id, claim.article.title, claim.article.url or "",
            claim.article.published or "", claim.speaker or "", claim.text, claim.original_text, claim.status,
            claim.rating or "", "" if claim.rating_value is None else claim.rating_value, claim.verdict or "",
            claim.rationale or "", claim.first_published_at or "", claim.published_at or "",
            "; ".join(claim.reviewers), len(claim.corrections), len(claim.sources), _sources(claim),
            "\n".join(s.url for s in claim.sources), claim.rating_name or ""]


def rows(report: Report) -> list[list[object]]:
    """One row per claim, in CSV_COLUMNS order, formula-like text defused."""
    return [[defuse_formula(cell) for cell in _row(claim)] for claim in report.claims]


def render_csv(report: Report, *, bom: bool = True) -> str:
    """The report's claims as CSV text with a header row, after a byte-order mark for Excel (unless bom=False).

    >>> render_csv(report).splitlines()[0]  # doctest: +SKIP
    'claim_id,article_id,article_title,...'
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows(report))
    return (BOM if bom else "") + buffer.getvalue()


def table_csv(rows: list[dict[str, object]]) -> str:
    """Rows of plain values (a statistics table) as CSV with a header and a UTF-8 byte-order mark for Excel.

    >>> table_csv([{"language": "vi", "ingested": 4}]).splitlines()
    ['\\ufefflanguage,ingested', 'vi,4']
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = list(rows[0]) if rows else []
    writer.writerow(columns)
    for row in rows:
        writer.writerow([defuse_formula("" if row.get(c) is None else row.get(c)) for c in columns])
    return BOM + buffer.getvalue()
