"""Reports page: choose a scope and a language, preview the Markdown report, the ClaimReview JSON-LD and the CSV side
by side, and download any of them (or an Excel workbook)."""
from __future__ import annotations

import csv
import datetime as dt
import io

import streamlit as st

from app_pages.components import database, date_input_format, md_escape, show_error
from claims.errors import WorkbenchError
from evidence.formats import REPORT_FORMATS, render_report, report_bytes
from evidence.report import build_report
from translations import LANGUAGE_NAMES, N_, _

SCOPES = {"all": N_("Every claim with a verdict"), "article": N_("One article"), "claim": N_("One claim"),
          "since": N_("Verdicts published since a date")}


def _scope(db):
    from app_pages.article_picker import article_picker
    from evidence.report import ReportScope

    shown = {key: _(label) for key, label in SCOPES.items()}
    kind = st.radio(_("Report on"), list(SCOPES), format_func=shown.get, horizontal=True, key="reports_kind")
    if kind == "article":
        article_id, _exists = article_picker(db, key="reports_article", label=_("Article"),
                                             wanted=st.session_state.get("article_current_id"))
        if article_id is None:
            st.info(_("No articles yet."))
            return None, kind
        return ReportScope(article_id=article_id), f"article-{article_id}"
    if kind == "claim":
        default = st.session_state.get("claim_current_id")
        claim_id = st.number_input(_("Claim number"), min_value=1, step=1, value=default, key="reports_claim")
        if not claim_id:
            st.info(_("Type the number of a claim (shown on its page, e.g. #12)."))
            return None, kind
        return ReportScope(claim_id=int(claim_id)), f"claim-{int(claim_id)}"
    if kind == "since":
        since = st.date_input(_("Published since"), value=dt.date.today() - dt.timedelta(days=30),
                              key="reports_since", format=date_input_format())
        return ReportScope(since=since), f"since-{since.isoformat()}"
    return ReportScope(), "all-verdicts"


def _language(db) -> str:
    from db.settings import get_setting

    languages = list(LANGUAGE_NAMES)
    desk = get_setting(db, "language")
    return st.segmented_control(_("Report language"), languages, default=desk, format_func=LANGUAGE_NAMES.get,
                                key="reports_language") or desk


def _csv_preview(text: str) -> None:
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch")
    else:
        st.caption(_("No claims in this scope."))
    with st.expander(_("CSV text")):
        st.code(text.removeprefix("\ufeff"), language=None)


def _claimreview_preview(db, report, desk, text: str) -> None:
    import json

    from evidence.claimreview import claimreview_problems, publication_warnings

    for warning in publication_warnings(desk):
        st.warning(warning)
    reviews = json.loads(text)
    if not reviews:
        st.info(_("ClaimReview carries published verdicts only: none in this scope yet."))
    for review in reviews:
        for problem in claimreview_problems(review):
            st.error(_("ClaimReview of {url}: {problem}").format(url=md_escape(review.get("url")),
                                                                  problem=md_escape(problem)))
    st.code(text, language="json")


st.title(_("Reports"))
_db = database()
from evidence.claimreview import publishing_desk  # noqa: E402

_report_scope, _slug = _scope(_db)
_report_language = _language(_db)
if _report_scope is not None:
    try:
        _report = build_report(_db, _report_scope, language=_report_language)
    except WorkbenchError as error:
        show_error(error)
        st.stop()
    _desk = publishing_desk(_db)
    _markdown = render_report(_report, "md")
    _jsonld = render_report(_report, "claimreview", desk=_desk)
    _csv = render_report(_report, "csv")
    _name = f"factcheck-{_slug}-{_report_language}"
    _downloads = st.container(horizontal=True)
    for _format in REPORT_FORMATS.values():  # the formats `factcheck report` writes, with the same bytes
        _downloads.download_button(_(_format.label), report_bytes(_report, _format.name, desk=_desk),
                                   file_name=f"{_name}.{_format.extension}", mime=_format.media_type,
                                   key=f"reports_download_{_format.name}", icon="⬇️")
    _preview, _source, _claimreview, _table = st.tabs([_("Preview"), _("Markdown source"), _("ClaimReview"),
                                                      _("CSV")])
    # The renderer escapes user text (claims, rationales, titles), so its Markdown is shown without raw HTML.
    _preview.markdown(_markdown)
    _source.code(_markdown, language="markdown")
    with _claimreview:
        _claimreview_preview(_db, _report, _desk, _jsonld)
    with _table:
        _csv_preview(_csv)
