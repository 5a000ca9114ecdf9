"""Fixtures shared by every test: a real SQLite file per test, and the project's own sample articles."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from db.connection import open_database

# No test reaches outside this machine: the app's fetches (a source typed by hand keeps a copy of its page) go only
# to the local servers the tests start. Set before any app subprocess starts, so it inherits it too.
os.environ.setdefault("FACTCHECK_OFFLINE", "1")
# The app computes vectors by meaning on a background thread; tests turn it on where they test it.
os.environ.setdefault("FACTCHECK_VECTORS", "off")

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"

# A module that starts a browser, a local web server or a subprocess is slow as a whole; `pytest -m "not slow"` is
# the quick loop (about a minute), `make test` runs everything.
_SLOW_SIGNS = ("browser_support", "web_support", "import subprocess", "sentence model")


def pytest_collection_modifyitems(config, items) -> None:
    slow_modules: dict[Path, bool] = {}
    for item in items:
        path = Path(str(item.fspath))
        if path not in slow_modules:
            source = path.read_text(encoding="utf-8")
            slow_modules[path] = any(sign in source for sign in _SLOW_SIGNS)
        if slow_modules[path]:
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workbench.db"


@pytest.fixture
def db(db_path: Path):
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def seeded_db(db):
    """The two sample articles ingested, as `make run` loads them."""
    from pipelines.ingest import ingest_paths

    outcomes = list(ingest_paths(db, [SEEDS]))
    assert all(o.ok for o in outcomes), outcomes
    return db



from browser_support import chromium_browser  # noqa: E402, F401 - the `browser` fixture, for every browser test


@pytest.fixture(autouse=True)
def english_interface():
    """Each test starts with the interface in English, whatever language the test before it used."""
    from translations import use_language

    use_language("en")
    yield
