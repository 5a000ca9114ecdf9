"""Reports page: choose a scope, preview the Markdown report, download it or the ClaimReview and CSV exports."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from app_pages.components import database, md_escape
from evidence.formats import REPORT_FORMATS, render_report, report_bytes
from evidence.report import ScopeNotFound, build_report
from translations import _

SCOPES = {"all": "Every claim with a verdict", "article": "One article", "claim": "One claim",
          "since": "Verdicts published since a date"}


def _scope(db):
    from app_pages.article_picker import article_picker
    from evidence.report import ReportScope

    kind = st.radio("Report on", list(SCOPES), format_func=SCOPES.get, horizontal=True, key="reports_kind")
    if kind == "article":
        article_id, _exists = article_picker(db, key="reports_article", label=_("Article"),
                                             wanted=st.session_state.get("article_current_id"))
        if article_id is None:
            st.info(_("No articles yet."))
            return None, kind
        return ReportScope(article_id=article_id), f"article-{article_id}"
    if kind == "claim":
        default = st.session_state.get("claim_current_id")
        claim_id = st.number_input("Claim number", min_value=1, step=1, value=default, key="reports_claim")
        if not claim_id:
            st.info("Type the number of a claim (shown on its page, e.g. #12).")
            return None, kind
        return ReportScope(claim_id=int(claim_id)), f"claim-{int(claim_id)}"
    if kind == "since":
        since = st.date_input("Published since", value=dt.date.today() - dt.timedelta(days=30),
                              key="reports_since", format="YYYY-MM-DD")
        return ReportScope(since=since), f"since-{since.isoformat()}"
    return ReportScope(), "all-verdicts"


st.title("Reports")
_db = database()

_report_scope, _slug = _scope(_db)
if _report_scope is not None:
    try:
        _report = build_report(_db, _report_scope)
    except ScopeNotFound as error:
        st.error(md_escape(str(error)))
        st.stop()
    _downloads = st.container(horizontal=True)
    for _format in REPORT_FORMATS.values():  # the formats `factcheck report` writes, with the same bytes
        _downloads.download_button(_(_format.label), report_bytes(_report, _format.name),
                                   file_name=f"factcheck-{_slug}.{_format.extension}", mime=_format.media_type,
                                   key=f"reports_download_{_format.name}", icon="⬇️")
    _text = render_report(_report, "md")
    _preview, _source = st.tabs(["Preview", "Markdown source"])
    # The renderer escapes user text (claims, rationales, titles), so its Markdown is shown without raw HTML.
    _preview.markdown(_text)
    _source.code(_text, language="markdown")
