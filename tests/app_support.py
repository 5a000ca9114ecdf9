"""Helpers for the AppTest tests of the Streamlit pages: the app on a real SQLite file, signed in as a reviewer."""
from __future__ import annotations

import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

__all__ = ["APP", "PAGES", "SEEDS", "PASSWORD", "make_app", "ensure_account", "open_page", "texts", "html_of"]

PROJECT = Path(__file__).resolve().parent.parent
APP = PROJECT / "app.py"
SEEDS = PROJECT / "seeds"
PAGES = {name: f"app_pages/{name}.py" for name in ("inbox", "articles", "article", "queue", "claim", "reports",
                                                   "statistics", "speakers")}


def make_app(reviewer: str | None = "Lan", *, role: str = "editor") -> AppTest:
    """The whole app (router and frame), signed in as an account named `reviewer` (made with `role` if the desk
    does not have it yet), or signed out for None. The caller has set $FACTCHECK_DB. A generous timeout: ingest
    extracts."""
    at = AppTest.from_file(str(APP), default_timeout=60)
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
    """Run the app once (so navigation is registered), then show `page` with the given query parameters."""
    if not getattr(at, "_ran_once", False):
        at.run()
        at._ran_once = True  # type: ignore[attr-defined]
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
