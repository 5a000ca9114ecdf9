"""Articles page section: the desk's watched RSS/Atom feeds, their items, and a check run by hand.

`factcheck watch` (cron or a loop) does the same checks unattended; this is where a desk adds feeds and sees what
came in.
"""
from __future__ import annotations

import streamlit as st

from app_pages.components import flash, md_escape, reviewer

__all__ = ["feeds_section"]


def _summary(checks) -> str:
    parts = []
    for c in checks:
        name = md_escape(c.feed.title or c.feed.url)
        if c.error:
            parts.append(f"{name}: could not be read: {md_escape(c.error)}")
        else:
            parts.append(f"{name}: {c.new} new, {c.stored} stored, {c.already_stored} already stored,"
                         f" {c.failed} failed{md_escape(c.later())}")
    return "Feeds checked. " + "; ".join(parts) + "."


def feeds_section(db) -> None:
    from pipelines.feeds import InvalidFeed, add_feed, check_feeds, feed_items, list_feeds, remove_feed

    feeds = list_feeds(db)
    with st.expander(f"Watched feeds ({len(feeds)})", expanded=False):
        st.caption("New items of these RSS/Atom feeds are fetched and added as articles, each once. "
                   "`factcheck watch --once` checks them from cron; the button checks them now.")
        with st.form("articles_feed_form", clear_on_submit=True):
            address, action = st.columns([5, 1.4], vertical_alignment="bottom")
            url = address.text_input("Feed URL (RSS or Atom)", key="articles_feed_url", placeholder="https://…/rss")
            if action.form_submit_button("Watch feed", width="stretch"):
                try:
                    added = add_feed(db, url, added_by=reviewer())
                except InvalidFeed as error:
                    st.error(f"Not watched: {md_escape(str(error))}.")
                else:
                    flash("articles", "success", f"Watching {md_escape(added.url)}. Check feeds to take its items.")
                    st.rerun()
        if not feeds:
            st.caption("No feeds watched yet.")
            return
        if st.button("Check feeds now", key="articles_check_feeds", type="primary"):
            with st.spinner("Reading the feeds and fetching new items…"):
                checks = check_feeds(db, added_by=reviewer())
            failed = any(c.error or c.failed for c in checks)
            flash("articles", "warning" if failed else "success", _summary(checks))
            st.rerun()
        for feed in feeds:
            with st.container(border=True):
                head, action = st.columns([8, 1.4], vertical_alignment="top")
                checked = f"last checked {feed.checked_at[:16].replace('T', ' ')}" if feed.checked_at \
                    else "not checked yet"
                head.markdown(f"**{md_escape(feed.title or feed.url)}**  \n{md_escape(feed.url)} · {checked}")
                if feed.last_error:
                    head.warning(f"Last check failed: {md_escape(feed.last_error)}")
                if action.button("Stop watching", key=f"articles_remove_feed_{feed.id}", type="tertiary"):
                    remove_feed(db, feed.id)
                    flash("articles", "info", f"Stopped watching {md_escape(feed.url)}.")
                    st.rerun()
                items = feed_items(db, feed.id, limit=20)
                if items:
                    st.dataframe([{"Item": i.url or i.item_key, "Outcome": i.outcome.replace("_", " "),
                                   "Article": i.article_id, "Seen": i.seen_at[:16].replace("T", " ")}
                                  for i in items], hide_index=True, width="stretch")
