"""Articles page: add an article (paste or upload) and see every article with its claims and review progress."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from app_pages.components import (
    database,
    date_input_format,
    flash,
    md_escape,
    open_article,
    reviewer,
    show_error,
    show_flash,
    uploader_in_reader_language,
)
from app_pages.feeds_panel import feeds_section
from claims.errors import WorkbenchError
from translations import _, format_date, ngettext

UPLOAD_TYPES = ["txt", "md", "markdown", "html", "htm"]


def _add_article_form(db) -> None:
    from claims.reading import decode_article
    from pipelines.ingest import ingest_text

    uploader_in_reader_language(UPLOAD_TYPES)
    with st.form("articles_add_form", clear_on_submit=False):
        st.subheader(_("Add an article"), anchor=False)
        pasted = st.text_area(_("Paste the article text"), key="articles_text", height=180,
                              placeholder=_("Paste the article here, or upload a file below."))
        upload = st.file_uploader(_("…or upload a .txt, .md or .html file"), type=UPLOAD_TYPES,
                                  key="articles_upload")
        fetch_url = st.text_input(_("…or fetch it from its web address (title, date and a kept copy come from the"
                                    " page)"), key="articles_fetch_url", placeholder="https://…")
        left, middle, right = st.columns([2, 2, 1])
        title = left.text_input(_("Title (optional)"), key="articles_title")
        url = middle.text_input(_("Source URL (optional)"), key="articles_url", placeholder="https://…")
        published = right.date_input(_("Publication date (optional)"), value=None, key="articles_published",
                                     max_value=dt.date.today() + dt.timedelta(days=1), format=date_input_format())
        submitted = st.form_submit_button(_("Add article and find claims"), type="primary")
    if not submitted:
        return
    if fetch_url.strip():
        _add_by_url(db, fetch_url.strip(), other_input=upload is not None or bool((pasted or "").strip()),
                    title=title, published=published)
        return
    name = _("pasted text")
    try:
        if upload is not None:
            name = upload.name
            article = decode_article(upload.getvalue(), name=upload.name)
            text, found_title = article.text, article.title
        else:
            text, found_title = pasted, None
        if not (text or "").strip():
            st.error(_("Paste the article's text or upload a file first."))
            return
        with st.spinner(_("Finding claims…")):
            stored = ingest_text(db, text, title=title or found_title, url=url or None, published=published,
                                 source_name=upload.name if upload is not None else None, added_by=reviewer())
    except WorkbenchError as error:
        show_error(error, _("Could not add {name}: it {reason}."), name=md_escape(name))
        return
    if stored.already_stored:
        flash("articles", "info", _already_stored(stored))
    else:
        flash("articles", "success", ngettext("Added article #{id} with {n} claim.", "Added article #{id} with {n}"
                                              " claims.", stored.claims).format(id=stored.article_id, n=stored.claims))
    for key in ("articles_text", "articles_title", "articles_url"):
        st.session_state.pop(key, None)
    st.session_state["articles_last_added"] = stored.article_id
    st.rerun()


def _add_by_url(db, url: str, *, other_input: bool, title: str, published) -> None:
    from pipelines.url_ingest import ingest_url

    if other_input:
        st.error(_("Give the article one way: pasted text, a file, or a web address to fetch, not several."))
        return
    with st.spinner(_("Fetching the page and finding claims…")):
        outcome = ingest_url(db, url, title=title or None, published=published, added_by=reviewer())
    if not outcome.ok or outcome.stored is None:
        st.error(_("Could not add {address}: {reason}").format(address=md_escape(url),
                                                                reason=md_escape(outcome.error)))
        return
    stored = outcome.stored
    if stored.already_stored:
        flash("articles", "info", _already_stored(stored))
    else:
        flash("articles", "success", ngettext(
            "Fetched and added article #{id} with {n} claim; a copy of the page is kept.",
            "Fetched and added article #{id} with {n} claims; a copy of the page is kept.",
            stored.claims).format(id=stored.article_id, n=stored.claims))
    for key in ("articles_fetch_url", "articles_title"):
        st.session_state.pop(key, None)
    st.session_state["articles_last_added"] = stored.article_id
    st.rerun()


def _already_stored(stored) -> str:
    return ngettext("This article is already stored (article #{id}, {n} claim); nothing was added.",
                    "This article is already stored (article #{id}, {n} claims); nothing was added.",
                    stored.claims).format(id=stored.article_id, n=stored.claims)


def _article_list(db) -> None:
    from db.articles import article_summaries, count_articles

    total = count_articles(db)
    st.subheader(_("Articles ({n})").format(n=total), anchor=False)
    if total == 0:
        st.info(_("No articles yet. Paste one above to start."))
        return
    per_page = 20
    pages = max(1, -(-total // per_page))
    page = st.pagination(pages, key="articles_page") if pages > 1 else 1
    for summary in article_summaries(db, limit=per_page, offset=(page - 1) * per_page):
        with st.container(border=True):
            head, progress_col, action = st.columns([6, 3, 1.4], vertical_alignment="center")
            facts = [f"#{summary.id}", summary.language]
            if summary.published:
                facts.append(_("published {date}").format(date=format_date(summary.published)))
            facts.append(ngettext("{n} claim, {worthy} check-worthy", "{n} claims, {worthy} check-worthy",
                                  summary.claims).format(n=summary.claims, worthy=summary.checkworthy))
            head.markdown(f"**{md_escape(summary.title)}**  \n" + " · ".join(facts))
            if summary.url:
                head.caption(md_escape(summary.url))
            done = summary.reviewed / summary.checkworthy if summary.checkworthy else 0.0
            progress = _("{reviewed} of {total} reviewed, {published} published").format(
                reviewed=summary.reviewed, total=summary.checkworthy, published=summary.published_verdicts)
            progress_col.progress(min(done, 1.0), text=progress)
            if action.button(_("Open"), key=f"articles_open_{summary.id}", width="stretch"):
                open_article(summary.id)


st.title(_("Articles"))
show_flash("articles")
_db = database()
_add_article_form(_db)
feeds_section(_db)
_article_list(_db)
