"""The workbench in the browser: the router and shared frame (database per run, who is signed in, navigation)."""
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
    md_escape,
    require_reviewer,
    sign_out,
    signed_in,
)

st.set_page_config(page_title="Fact-check workbench", page_icon="🔎", layout="wide")

# Signed out, the pages are not listed (the sign-in form is all there is); each still refuses to run unsigned.
navigation = st.navigation(position="sidebar" if st.session_state.get("account_login") else "hidden", pages={
    "Review": [
        st.Page(PAGES["articles"], title="Articles", icon="📰", url_path="articles", default=True),
        st.Page(PAGES["article"], title="Article view", icon="📄", url_path="article"),
        st.Page(PAGES["queue"], title="Claim queue", icon="📋", url_path="queue"),
        st.Page(PAGES["claim"], title="Claim", icon="⚖️", url_path="claim"),
    ],
    "Publish": [
        st.Page(PAGES["reports"], title="Reports", icon="📊", url_path="reports"),
    ],
    "Desk": [
        st.Page(PAGES["desk"], title="Desk", icon="👥", url_path="desk"),
        st.Page(PAGES["statistics"], title="Statistics", url_path="statistics"),
        st.Page(PAGES["speakers"], title="Speakers", url_path="speakers"),
    ],
})

try:
    db = database()
    name = require_reviewer(db)
    account = signed_in()
    with st.sidebar:
        st.caption(f"Signed in as **{md_escape(name)}** ({account.role.value if account else 'reviewer'})")
        if st.button("Sign out", key="app_sign_out", type="tertiary"):
            sign_out("Signed out.")
            st.rerun()
    navigation.run()
finally:
    # Also on st.rerun/st.switch_page/st.stop, which unwind through here as exceptions.
    close_database()
