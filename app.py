"""The workbench in the browser: the router and shared frame (database per run, the reviewer's name, navigation)."""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run app.py` puts the project on sys.path; AppTest and other launch directories may not.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from app_pages.components import PAGES, close_database, database, require_reviewer  # noqa: E402

st.set_page_config(page_title="Fact-check workbench", page_icon=":material/fact_check:", layout="wide")

navigation = st.navigation({
    "Review": [
        st.Page(PAGES["articles"], title="Articles", icon=":material/newspaper:", url_path="articles", default=True),
        st.Page(PAGES["article"], title="Article view", icon=":material/article:", url_path="article"),
        st.Page(PAGES["queue"], title="Claim queue", icon=":material/checklist:", url_path="queue"),
        st.Page(PAGES["claim"], title="Claim", icon=":material/fact_check:", url_path="claim"),
    ],
    "Publish": [
        st.Page(PAGES["reports"], title="Reports", icon=":material/summarize:", url_path="reports"),
    ],
})

try:
    db = database()
    name = require_reviewer(db)
    with st.sidebar:
        st.caption(f"Reviewing as **{name}**")
        if st.button("Change reviewer", key="app_change_reviewer", type="tertiary"):
            del st.session_state["reviewer"]
            st.query_params.pop("reviewer", None)
            st.rerun()
    navigation.run()
finally:
    # Also on st.rerun/st.switch_page/st.stop, which unwind through here as exceptions.
    close_database()
