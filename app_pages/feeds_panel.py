"""Articles page section: the desk's watched RSS/Atom feeds, their items, and a check run by hand.

`factcheck watch` (cron or a loop) does the same checks unattended; this is where a desk adds feeds and sees what
came in.
"""
from __future__ import annotations

import streamlit as st

from app_pages.components import flash, md_escape, reviewer, show_error
from claims.errors import WorkbenchError
from translations import _, format_datetime

__all__ = ["feeds_section"]


def _summary(checks) -> str:
    parts = []
    for c in checks:
        name = md_escape(c.feed.title or c.feed.url)
        if c.error:
            parts.append(_("{feed}: could not be read: {reason}").format(feed=name, reason=md_escape(c.error)))
        else:
            parts.append(_("{feed}: {new} new, {stored} stored, {already} already stored, {failed} failed").format(
                feed=name, new=c.new, stored=c.stored, already=c.already_stored, failed=c.failed)
                + md_escape(c.later()))
    return _("Feeds checked. {outcomes}.").format(outcomes="; ".join(parts))


def feeds_section(db) -> None:
    from pipelines.feeds import add_feed, check_feeds, feed_items, list_feeds, remove_feed

    feeds = list_feeds(db)
    with st.expander(_("Watched feeds ({n})").format(n=len(feeds)), expanded=False):
        st.caption(_("New items of these RSS/Atom feeds are fetched and added as articles, each once. "
                     "`factcheck watch --once` checks them from cron; the button checks them now."))
        with st.form("articles_feed_form", clear_on_submit=True):
            address, action = st.columns([5, 1.4], vertical_alignment="bottom")
            url = address.text_input(_("Feed URL (RSS or Atom)"), key="articles_feed_url",
                                     placeholder="https://…/rss")
            if action.form_submit_button(_("Watch feed"), width="stretch"):
                try:
                    added = add_feed(db, url, added_by=reviewer())
                except WorkbenchError as error:
                    show_error(error, _("Not watched: {reason}."))
                else:
                    flash("articles", "success", _("Watching {address}. Check feeds to take its items.").format(
                        address=md_escape(added.url)))
                    st.rerun()
        if not feeds:
            st.caption(_("No feeds watched yet."))
            return
        if st.button(_("Check feeds now"), key="articles_check_feeds", type="primary"):
            with st.spinner(_("Reading the feeds and fetching new items…")):
                checks = check_feeds(db, added_by=reviewer())
            failed = any(c.error or c.failed for c in checks)
            flash("articles", "warning" if failed else "success", _summary(checks))
            st.rerun()
        for feed in feeds:
            with st.container(border=True):
                head, action = st.columns([8, 1.4], vertical_alignment="top")
                checked = _("last checked {when}").format(when=format_datetime(feed.checked_at)) \
                    if feed.checked_at else _("not checked yet")
                head.markdown(f"**{md_escape(feed.title or feed.url)}**  \n{md_escape(feed.url)} · {checked}")
                if feed.last_error:
                    head.warning(_("Last check failed: {reason}").format(reason=md_escape(feed.last_error)))
                if action.button(_("Stop watching"), key=f"articles_remove_feed_{feed.id}", type="tertiary"):
                    remove_feed(db, feed.id)
                    flash("articles", "info", _("Stopped watching {address}.").format(address=md_escape(feed.url)))
                    st.rerun()
                items = feed_items(db, feed.id, limit=20)
                if items:
                    st.dataframe([{_("Item"): i.url or i.item_key, _("Outcome"): i.outcome.replace("_", " "),
                                   _("Article"): i.article_id, _("Seen"): format_datetime(i.seen_at)}
                                  for i in items], hide_index=True, width="stretch")
