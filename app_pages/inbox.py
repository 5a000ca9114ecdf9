"""Inbox: what waits for the signed-in person (assigned claims, their drafts, verdicts to publish, notes for them,
what others changed since their last visit). The landing page once signed in."""
from __future__ import annotations

import streamlit as st

from app_pages.components import database, md_escape, open_claim, rating_names, short, signed_in
from translations import _, ngettext


def _since(db, account) -> str | None:
    """When this person last looked at the inbox before this visit (kept for the visit, so the list holds still
    while they work through it)."""
    from db.inbox import last_inbox_visit, mark_inbox_visit

    if "inbox_since" not in st.session_state:
        st.session_state["inbox_since"] = last_inbox_visit(db, account.id)
        mark_inbox_visit(db, account.id)
    return st.session_state["inbox_since"]


def _claim_rows(claims, key: str, extra=None) -> None:
    for claim in claims:
        text_col, button_col = st.columns([8, 1], vertical_alignment="center")
        details = [f"#{claim.id}", claim.status.label]
        if claim.rating:
            details.append(md_escape(rating_names(database()).get(claim.rating, claim.rating)))
        if claim.updated_by:
            details.append(_("last changed by {name}").format(name=md_escape(claim.updated_by)))
        if extra:
            details.append(extra(claim))
        text_col.markdown(md_escape(short(claim.text, 160)))
        text_col.caption(" · ".join(details))
        if button_col.button(_("Open"), key=f"inbox_{key}_{claim.id}", width="stretch"):
            open_claim(claim.id)


def _section(title: str, claims, key: str, empty: str, extra=None) -> None:
    st.subheader(f"{title} ({len(claims)})", anchor=False)
    if not claims:
        st.caption(empty)
        return
    with st.container(border=True):
        _claim_rows(claims, key, extra)


def _page() -> None:
    from db.inbox import inbox
    from evidence.permissions import Action, can

    st.title(_("Inbox"))
    db = database()
    account = signed_in()
    if account is None:
        st.info(_("Sign in with an account to see your inbox."))
        return
    may_publish = can(db, account, Action.PUBLISH)
    since = _since(db, account)
    found = inbox(db, account.id, may_publish=may_publish, since=since)
    st.caption(_("Since your last visit ({when}).").format(when=since[:16].replace("T", " ") + " UTC")
               if since else _("Your first visit: everything is new."))
    _section(_("Assigned to me"), found.assigned, "assigned", _("Nothing is assigned to you."))
    _section(_("My drafts"), found.drafts, "drafts", _("You have no verdicts waiting for an editor."))
    if may_publish:
        _section(_("Waiting to be published"), found.to_publish, "publish",
                 _("No verdict by someone else is waiting for an editor."),
                 extra=lambda c: _("drafted by {name}").format(name=md_escape(c.drafted_by or "?")))
    st.subheader(_("New notes for me ({n})").format(n=len(found.notes)), anchor=False)
    if not found.notes:
        st.caption(_("No new notes mention you or your claims."))
    else:
        counts = {c.id: n for c, n in found.notes}
        with st.container(border=True):
            _claim_rows([c for c, _n in found.notes], "notes", extra=lambda c: ngettext(
                "{n} new note", "{n} new notes", counts[c.id]).format(n=counts[c.id]))
    _section(_("Changed by others since my last visit"), found.changed, "changed",
             _("Nobody changed your claims since your last visit."))
    if may_publish:
        _rechecks(db)


def _rechecks(db) -> None:
    """Published verdicts to check again: a claim about the present that has aged, or a source changed or gone."""
    from db.claims import get_claim
    from db.rechecks import verdicts_to_recheck

    reasons = {"present": _("speaks of the present (“{detail}”) and has aged"),
               "changed": _("a source has changed since its copy was kept"), "gone": _("a source has gone")}
    stale = verdicts_to_recheck(db)
    why = {r.claim_id: reasons[r.reason].format(detail=r.detail) for r in stale}
    claims = [c for c in (get_claim(db, claim_id) for claim_id in dict.fromkeys(r.claim_id for r in stale)) if c]
    _section(_("Verdicts to re-check"), claims, "recheck", _("No published verdict needs checking again."),
             extra=lambda c: md_escape(why[c.id]))


_page()
