"""Reports page: choose a scope, preview the Markdown report, download it or the ClaimReview and CSV exports."""
from __future__ import annotations

import datetime as dt
import importlib
import json
from collections.abc import Callable

import streamlit as st

from app_pages.components import database, md_escape
from translations import _

SCOPES = {"all": "Every claim with a verdict", "article": "One article", "claim": "One claim",
          "since": "Verdicts published since a date"}
# The renderers of the reports work, by module and the names they may carry; a missing one hides its download.
RENDERERS = {
    "markdown": ("evidence.markdown", ("render_markdown",)),
    "claimreview": ("evidence.claimreview", ("render_claimreview", "render_jsonld", "claimreview_json",
                                             "render")),
    "csv": ("evidence.csv_export", ("render_csv", "csv_text", "render")),
}


def renderer(kind: str) -> Callable | None:
    module_name, names = RENDERERS[kind]
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    return next((getattr(module, n) for n in names if callable(getattr(module, n, None))), None)


def _as_text(rendered) -> str:
    if isinstance(rendered, bytes):
        return rendered.decode("utf-8")
    if isinstance(rendered, str):
        return rendered
    return json.dumps(rendered, ensure_ascii=False, indent=2)


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
try:
    from evidence.report import ScopeNotFound, build_report
except ImportError:
    st.info("Reports are not available in this installation yet.")
    st.stop()

_report_scope, _slug = _scope(_db)
if _report_scope is not None:
    try:
        _report = build_report(_db, _report_scope)
    except ScopeNotFound as error:
        st.error(md_escape(str(error)))
        st.stop()
    _downloads = st.container(horizontal=True)
    _markdown = renderer("markdown")
    _text = _as_text(_markdown(_report)) if _markdown else None
    if _text is not None:
        _downloads.download_button("Download Markdown", _text, file_name=f"factcheck-{_slug}.md",
                                   mime="text/markdown", key="reports_download_md", icon=":material/download:")
    _jsonld = renderer("claimreview")
    if _jsonld is not None:
        _downloads.download_button("Download ClaimReview JSON-LD", _as_text(_jsonld(_report)),
                                   file_name=f"factcheck-{_slug}.jsonld", mime="application/ld+json",
                                   key="reports_download_jsonld", icon=":material/download:")
    _csv = renderer("csv")
    if _csv is not None:
        _downloads.download_button("Download CSV", _as_text(_csv(_report)), file_name=f"factcheck-{_slug}.csv",
                                   mime="text/csv", key="reports_download_csv", icon=":material/download:")
    if _text is None:
        st.info("The Markdown renderer is not installed yet.")
    else:
        _preview, _source = st.tabs(["Preview", "Markdown source"])
        # The renderer escapes user text (claims, rationales, titles), so its Markdown is shown without raw HTML.
        _preview.markdown(_text)
        _source.code(_text, language="markdown")
