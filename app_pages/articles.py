"""Articles page: add an article (paste or upload) and see every article with its claims and review progress."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from app_pages.components import database, flash, md_escape, open_article, reviewer, show_flash
from app_pages.feeds_panel import feeds_section

UPLOAD_TYPES = ["txt", "md", "markdown", "html", "htm"]


def _add_article_form(db) -> None:
    from claims.reading import UnreadableArticle, decode_article
    from pipelines.ingest import ingest_text

    with st.form("articles_add_form", clear_on_submit=False):
        st.subheader("Add an article", anchor=False)
        pasted = st.text_area("Paste the article text", key="articles_text", height=180,
                              placeholder="Paste the article here, or upload a file below.")
        upload = st.file_uploader("…or upload a .txt, .md or .html file", type=UPLOAD_TYPES, key="articles_upload")
        fetch_url = st.text_input("…or fetch it from its web address (title, date and a kept copy come from the page)",
                                  key="articles_fetch_url", placeholder="https://…")
        left, middle, right = st.columns([2, 2, 1])
        title = left.text_input("Title (optional)", key="articles_title")
        url = middle.text_input("Source URL (optional)", key="articles_url", placeholder="https://…")
        published = right.date_input("Publication date (optional)", value=None, key="articles_published",
                                     max_value=dt.date.today() + dt.timedelta(days=1), format="YYYY-MM-DD")
        submitted = st.form_submit_button("Add article and find claims", type="primary")
    if not submitted:
        return
    if fetch_url.strip():
        _add_by_url(db, fetch_url.strip(), other_input=upload is not None or bool((pasted or "").strip()),
                    title=title, published=published)
        return
    name = "pasted text"
    try:
        if upload is not None:
            name = upload.name
            article = decode_article(upload.getvalue(), name=upload.name)
            text, found_title = article.text, article.title
        else:
            text, found_title = pasted, None
        if not (text or "").strip():
            st.error("Paste the article's text or upload a file first.")
            return
        with st.spinner("Finding claims…"):
            stored = ingest_text(db, text, title=title or found_title, url=url or None, published=published,
                                 source_name=upload.name if upload is not None else None, added_by=reviewer())
    except UnreadableArticle as error:
        st.error(f"Could not add {md_escape(name)}: it {md_escape(str(error))}.")
        return
    if stored.already_stored:
        flash("articles", "info", f"This article is already stored (article #{stored.article_id},"
                                  f" {stored.claims} claims); nothing was added.")
    else:
        flash("articles", "success", f"Added article #{stored.article_id} with {stored.claims} claims.")
    for key in ("articles_text", "articles_title", "articles_url"):
        st.session_state.pop(key, None)
    st.session_state["articles_last_added"] = stored.article_id
    st.rerun()


def _add_by_url(db, url: str, *, other_input: bool, title: str, published) -> None:
    from pipelines.url_ingest import ingest_url

    if other_input:
        st.error("Give the article one way: pasted text, a file, or a web address to fetch, not several.")
        return
    with st.spinner("Fetching the page and finding claims…"):
        outcome = ingest_url(db, url, title=title or None, published=published, added_by=reviewer())
    if not outcome.ok or outcome.stored is None:
        st.error(f"Could not add {md_escape(url)}: {md_escape(outcome.error)}")
        return
    stored = outcome.stored
    if stored.already_stored:
        flash("articles", "info", f"This article is already stored (article #{stored.article_id},"
                                  f" {stored.claims} claims); nothing was added.")
    else:
        flash("articles", "success", f"Fetched and added article #{stored.article_id} with {stored.claims} claims;"
                                     " a copy of the page is kept.")
    for key in ("articles_fetch_url", "articles_title"):
        st.session_state.pop(key, None)
    st.session_state["articles_last_added"] = stored.article_id
    st.rerun()


def _article_list(db) -> None:
    from db.articles import article_summaries, count_articles

    total = count_articles(db)
    st.subheader(f"Articles ({total})", anchor=False)
    if total == 0:
        st.info("No articles yet. Paste one above to start.")
        return
    per_page = 20
    pages = max(1, -(-total // per_page))
    page = st.pagination(pages, key="articles_page") if pages > 1 else 1
    for summary in article_summaries(db, limit=per_page, offset=(page - 1) * per_page):
        with st.container(border=True):
            head, progress_col, action = st.columns([6, 3, 1.4], vertical_alignment="center")
            when = f" · published {summary.published}" if summary.published else ""
            head.markdown(f"**{md_escape(summary.title)}**  \n"
                          f"#{summary.id} · {summary.language}{when} · {summary.claims} claims,"
                          f" {summary.checkworthy} check-worthy")
            if summary.url:
                head.caption(md_escape(summary.url))
            done = summary.reviewed / summary.checkworthy if summary.checkworthy else 0.0
            progress_col.progress(min(done, 1.0), text=f"{summary.reviewed} of {summary.checkworthy} reviewed,"
                                                       f" {summary.published_verdicts} published")
            if action.button("Open", key=f"articles_open_{summary.id}", width="stretch"):
                open_article(summary.id)


st.title("Articles")
show_flash("articles")
_db = database()
_add_article_form(_db)
feeds_section(_db)
_article_list(_db)
