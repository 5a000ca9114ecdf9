"""Helpers for the AppTest tests of the Streamlit pages: the app on a real SQLite file, signed in as a reviewer."""
from __future__ import annotations

import functools
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

__all__ = ["APP", "PAGES", "SEEDS", "PASSWORD", "make_app", "ensure_account", "open_page", "texts", "html_of"]

PROJECT = Path(__file__).resolve().parent.parent
APP = PROJECT / "app.py"
SEEDS = PROJECT / "seeds"
PAGES = {name: f"app_pages/{name}.py" for name in ("inbox", "articles", "article", "queue", "claim", "reports",
                                                   "statistics", "speakers")}


@functools.cache
def _installed_components():
    """Streamlit's registry of installed custom components, made once for every AppTest: each AppTest would
    otherwise read the metadata of every installed package again (0.4 s, more than most pages take to run)."""
    from streamlit.components.v2.component_manager import BidiComponentManager

    manager = BidiComponentManager()
    manager.discover_and_register_components(start_file_watching=False)
    return manager


def make_app(reviewer: str | None = "Lan", *, role: str = "editor") -> AppTest:
    """The whole app (router and frame), signed in as an account named `reviewer` (made with `role` if the desk
    does not have it yet), or signed out for None. The caller has set $FACTCHECK_DB. A generous timeout: ingest
    extracts."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at._bidi_component_manager = _installed_components()  # type: ignore[attr-defined]
    if reviewer:
        account = ensure_account(reviewer, role=role)
        at.session_state["account_login"] = account.login
        at.session_state["last_active"] = time.time()
    return at


PASSWORD = "correct horse battery"


def ensure_account(name: str, *, role: str = "editor", password: str = PASSWORD, db_path: Path | None = None):
    """The account named `name` in the database at `db_path` (else $FACTCHECK_DB), made if new (its login: the
    name without spaces, lower-cased)."""
    from db.accounts import account_by_name, add_account
    from db.connection import open_database, resolve_db_path

    db = open_database(resolve_db_path(db_path))
    try:
        return account_by_name(db, name) or add_account(db, "".join(name.split()).lower(), role=role,
                                                          password=password, name=name)
    finally:
        db.close()


def open_page(at: AppTest, page: str, **query: object) -> AppTest:
    """Show `page` with the given query parameters. No run of the default page first: each page's url_path in
    app.py is its file's name, which is how AppTest names a page before the app has run."""
    at.switch_page(PAGES[page])
    at.query_params.clear()
    for key, value in query.items():
        at.query_params[key] = str(value)
    return at.run()


def html_of(at: AppTest) -> str:
    """The raw HTML the run passed to st.html (highlighted article text, claim context)."""
    return "\n".join(str(e.value) for e in at.get("html"))


def texts(at: AppTest) -> str:
    """Every piece of visible text the run produced, joined: for asserting what a reviewer would read."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "error", "warning", "success", "info",
                 "text", "code"):
        parts.extend(str(e.value) for e in getattr(at, kind))
    parts.extend(str(e.value) for e in at.get("html"))
    parts.extend(e.proto.text for e in at.get("progress"))
    return "\n".join(parts)
