"""The workbench in the browser: the router and shared frame (database per run, who is signed in, language,
navigation)."""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run app.py` puts the project on sys.path; AppTest and other launch directories may not.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from app_pages.components import (  # noqa: E402
    PAGES,
    close_database,
    database,
    go_to,
    inbox_counts_caption,
    language_selector,
    md_escape,
    no_english_hints,
    open_claim,
    require_reviewer,
    resume_session,
    role_name,
    sign_out,
    signed_in,
    start_in_language,
)
from app_pages.session_routes import END_PATH, routes_mounted  # noqa: E402
from translations import _  # noqa: E402

# Signed out, the pages are not listed (the sign-in form is all there is); each still refuses to run unsigned.
try:
    _listed = resume_session(database())
    # Before anything is shown: the signed-in account's language, or the desk's on the sign-in form.
    start_in_language(database())
except BaseException:
    close_database()
    raise
st.set_page_config(page_title=_("Fact-check workbench"), page_icon="🔎", layout="wide")
no_english_hints()
navigation = st.navigation(position="sidebar" if _listed else "hidden", pages={
    _("Review"): [
        st.Page(PAGES["inbox"], title=_("Inbox"), icon="📥", url_path="inbox", default=True),
        st.Page(PAGES["articles"], title=_("Articles"), icon="📰", url_path="articles"),
        st.Page(PAGES["article"], title=_("Article view"), icon="📄", url_path="article"),
        st.Page(PAGES["queue"], title=_("Claim queue"), icon="📋", url_path="queue"),
        st.Page(PAGES["claim"], title=_("Claim"), icon="⚖️", url_path="claim"),
    ],
    _("Publish"): [
        st.Page(PAGES["reports"], title=_("Reports"), icon="📊", url_path="reports"),
    ],
    _("Desk"): [
        st.Page(PAGES["desk"], title=_("Desk"), icon="👥", url_path="desk"),
        st.Page(PAGES["statistics"], title=_("Statistics"), url_path="statistics"),
        st.Page(PAGES["speakers"], title=_("Speakers"), url_path="speakers"),
    ],
})


def _return_to() -> str:
    """This page's own address, to come back to after signing in (a claim link sent by a colleague, say)."""
    from urllib.parse import urlencode

    query = {k: v for k, v in st.query_params.to_dict().items() if k != "signed_out"}
    return f"/{navigation.url_path}" + (f"?{urlencode(query)}" if query else "")


try:
    db = database()
    name = require_reviewer(db, return_to=_return_to())
    account = signed_in()
    if not _listed:
        st.rerun()  # signed in by the identity provider in this run: draw again with the pages listed
    with st.sidebar:
        st.caption(_("Signed in as **{name}** ({role})").format(
            name=md_escape(name), role=role_name(account.role.value if account else "reviewer")))
        if account is not None:
            st.caption(inbox_counts_caption(db, account))
        language_selector(db)
        if st.button(_("Sign out"), key="app_sign_out", type="tertiary"):
            sign_out()
            if routes_mounted():
                go_to(END_PATH)  # clears the cookie, then the sign-in page
            st.switch_page(PAGES["inbox"], query_params={"signed_out": "1"})
    st.query_params.pop("signed_out", None)
    shared = st.query_params.get("claim")  # "?claim=N" on any page: the link a colleague sent
    if shared and shared.isdigit() and navigation.url_path != "claim":
        open_claim(int(shared))
    navigation.run()
finally:
    # Also on st.rerun/st.switch_page/st.stop, which unwind through here as exceptions.
    close_database()
