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
    language_selector,
    md_escape,
    require_reviewer,
    role_name,
    sign_out,
    signed_in,
    start_in_language,
)
from translations import _  # noqa: E402

try:
    db = database()
    # Before anything is shown: the signed-in account's language, or the desk's on the sign-in form.
    start_in_language(db)
    st.set_page_config(page_title=_("Fact-check workbench"), page_icon="🔎", layout="wide")
    # Signed out, the pages are not listed (the sign-in form is all there is); each still refuses to run unsigned.
    navigation = st.navigation(position="sidebar" if st.session_state.get("account_login") else "hidden", pages={
        _("Review"): [
            st.Page(PAGES["articles"], title=_("Articles"), icon="📰", url_path="articles",
                    default=True),
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
    name = require_reviewer(db)
    account = signed_in()
    with st.sidebar:
        st.caption(_("Signed in as **{name}** ({role})").format(
            name=md_escape(name), role=role_name(account.role.value if account else "reviewer")))
        language_selector(db)
        if st.button(_("Sign out"), key="app_sign_out", type="tertiary"):
            sign_out(_("Signed out."))
            st.rerun()
    navigation.run()
finally:
    # Also on st.rerun/st.switch_page/st.stop, which unwind through here as exceptions.
    close_database()
