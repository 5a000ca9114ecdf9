"""How the workbench is served for a desk: `streamlit run serve.py` runs app.py and mounts the two addresses that
set and clear the sign-in cookie (app_pages/session_routes.py), so a reload or a new tab stays signed in."""
import streamlit as st

from app_pages.session_routes import session_routes

app = st.App("app.py", routes=session_routes())
