"""Widgets for pages from the web: fetch a source by URL, the suggested passage, the link flag, and the kept copy
(a source's on the claim page, an article's on the Article page: the same widget).

The kept HTML is never rendered: it is shown as escaped text (st.code) and offered as a plain-text download.
"""
from __future__ import annotations

import datetime as dt

import streamlit as st

from app_pages.components import md_escape, show_error
from claims.errors import WorkbenchError
from translations import N_, _, format_date, format_datetime

__all__ = ["source_draft", "forget_source_draft", "source_fetch_panel", "kept_copy", "kept_page", "link_flag"]

_DRAFT = "claim_source_draft"
_LINK_WORDS = {"changed": N_("The page has changed since the copy was kept; link checked {when}."),
               "gone": N_("The page has gone; link checked {when}.")}


def _when(stamp: str) -> str:
    """"2026-12-03T08:35:55+00:00" → "2026-12-03 08:35 UTC" (or "08:35 3/12/2026 (UTC)")."""
    return format_datetime(stamp)


def source_draft(claim_id: int):
    """The page fetched for this claim's source form, if the reviewer fetched one and has not attached it yet."""
    kept = st.session_state.get(_DRAFT)
    return kept[1] if kept and kept[0] == claim_id else None


def forget_source_draft() -> None:
    st.session_state.pop(_DRAFT, None)
    st.session_state.pop("claim_fetch_url", None)


def _use_quote(text: str) -> None:
    st.session_state["claim_source_excerpt"] = text


def source_fetch_panel(db, claim) -> None:
    """Fetch a page by URL: fill the source form from it and suggest the sentences to quote."""
    from evidence.web_sources import draft_source

    address, action = st.columns([5, 1.4], vertical_alignment="bottom")
    url = address.text_input(_("Fetch the source from its URL (the form below is filled from the page, and a copy"
                               " is kept)"), key="claim_fetch_url", placeholder="https://…")
    if action.button(_("Fetch page"), key="claim_fetch_button", width="stretch"):
        if not url.strip():
            st.error(_("Give the page's URL first."))
            return
        try:
            with st.spinner(_("Fetching the page…")):
                draft = draft_source(db, url, claim_text=claim.text)
        except WorkbenchError as error:
            show_error(error, _("Could not fetch the page: {reason}"))
            return
        st.session_state[_DRAFT] = (claim.id, draft)
        st.session_state["claim_source_url"] = draft.page.final_url
        st.session_state["claim_source_title"] = draft.title or ""
        st.session_state["claim_source_publisher"] = draft.publisher or ""
        st.session_state["claim_source_published"] = (dt.date.fromisoformat(draft.published)
                                                      if draft.published else None)
    draft = source_draft(claim.id)
    if draft is None:
        return
    page = draft.page
    st.caption(_("Fetched {address} at {when} (HTTP {status}): the copy is kept when you attach the source.").format(
        address=md_escape(page.final_url), when=_when(page.fetched_at), status=page.status))
    if not draft.passage:
        st.caption(_("No sentence of the page states the claim's figures, dates or names: quote it by hand."))
        return
    st.markdown(_("**Suggested passage**: the page's sentences with the claim's figures, dates or names"))
    for number, sentence in enumerate(draft.passage):
        quote, use = st.columns([4, 1.6], vertical_alignment="center")
        quote.markdown(f"> {md_escape(sentence.text)}")
        quote.caption(" · ".join(md_escape(r) for r in sentence.reasons))
        use.button(_("Use as quote"), key=f"claim_use_passage_{number}", on_click=_use_quote,
                   args=(sentence.text,))


def link_flag(source) -> None:
    """What the latest `factcheck check-links` found, when it is something a reviewer must look at."""
    if source.link_outcome is None:
        return
    when = format_date((source.link_checked_at or "")[:10])
    if source.link_flagged:
        message = _(_LINK_WORDS[source.link_outcome]).format(when=when)
        if source.link_detail:
            message += f" ({md_escape(source.link_detail)})"
        st.warning(message, icon="⚠️")
    elif source.link_outcome == "error":
        st.caption(_("The last link check ({when}) could not reach the page: {reason}").format(
            when=when, reason=md_escape(source.link_detail or "")))
    else:
        st.caption(_("Link checked {when}: unchanged.").format(when=when))


def kept_copy(db, source) -> None:
    """A source's kept copy; without one, a button to keep a copy of the page now."""
    if source.capture_id:
        kept_page(db, source.capture_id, key=f"claim_kept_html_{source.link_id}")
        return
    if st.button(_("Keep a copy of the page now"), key=f"claim_keep_copy_{source.link_id}", type="tertiary",
                 icon="🗄️"):
        _keep_copy_now(db, source)


def _keep_copy_now(db, source) -> None:
    from app_pages.components import flash, reviewer
    from evidence.web_sources import keep_copy_now

    try:
        with st.spinner(_("Fetching the page…")):
            keep_copy_now(db, source.source_id, source.url, reviewer=reviewer())
    except WorkbenchError as error:
        show_error(error, _("No copy kept: {reason}"))
        return
    flash("claim", "success", _("Kept a copy of the page."))
    st.rerun()


def kept_page(db, capture_id: int | None, *, key: str) -> None:
    """"Copy kept on <date>" and the kept copy itself: its main text, and its HTML as escaped text only.

    `key` tells this copy's download button apart from the others on the page.
    """
    from db.captures import get_capture

    if not capture_id:
        return
    capture = get_capture(db, capture_id)
    if capture is None:
        return
    day = format_date(capture["fetched_at"][:10])
    st.caption(_("Copy kept on {date}").format(date=day))
    with st.expander(_("Open the kept copy ({date})").format(date=day)):
        st.caption(_("{address} · HTTP {status} · fetched {when} · text SHA-256 {digest}…").format(
            address=md_escape(capture["final_url"]), status=capture["http_status"],
            when=_when(capture["fetched_at"]), digest=capture["content_hash"][:16]))
        byline = " · ".join(md_escape(x) for x in (capture.get("author"), capture.get("site_name")) if x)
        if byline:
            st.caption(_("By {byline}").format(byline=byline) if capture.get("author") else byline)
        text_tab, html_tab = st.tabs([_("Main text"), _("HTML source (as text)")])
        with text_tab, st.container(height=320):
            st.text(capture["text"])
        with html_tab:
            st.download_button(_("Download the HTML (as plain text)"), data=capture["html"].encode("utf-8"),
                               file_name=f"kept-copy-{capture['id']}.html.txt", mime="text/plain", key=key)
            st.code(capture["html"][:200_000], language="html", wrap_lines=True, height=320)
