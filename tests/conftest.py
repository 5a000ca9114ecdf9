"""Fixtures shared by every test: a real SQLite file per test (copied from a template made once per session), the
project's own sample articles, and which tests are slow."""
from __future__ import annotations

import os
import shutil
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

# A module that starts a browser, a local web server or a subprocess is slow as a whole, and so is a test marked
# @pytest.mark.slow (a big database, thousands of generated cases); `pytest -m "not slow"` is the quick loop (about
# a minute), `make test` runs everything. A test of what a command prints runs it in-process (cli_support.py).
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


@pytest.fixture(scope="session")
def _database_templates(tmp_path_factory) -> dict[str, Path]:
    """A new database, and one with the sample articles ingested, made once: each test gets its own copy of one,
    as a new file, instead of running every migration (and ingesting the samples) again."""
    from pipelines.ingest import ingest_paths

    folder = tmp_path_factory.mktemp("templates")
    empty, seeded = folder / "empty.db", folder / "seeded.db"
    open_database(empty).close()
    shutil.copy(empty, seeded)
    database = open_database(seeded)
    outcomes = list(ingest_paths(database, [SEEDS]))
    assert all(o.ok for o in outcomes), outcomes
    database.close()
    return {"empty": empty, "seeded": seeded}


@pytest.fixture
def db(db_path: Path, request, _database_templates):
    template = _database_templates["seeded" if "seeded_db" in request.fixturenames else "empty"]
    shutil.copy(template, db_path)
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def seeded_db(db):
    """The two sample articles ingested, as `make run` loads them."""
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(list(SEEDS.iterdir()))
    return db


# One short Vietnamese article: a figure, a date, a speaker; two claims.
ARTICLE = ("Người phát ngôn Điện Kremlin cho biết hơn 1,7 triệu người đã tham gia ngày 8/3. "
           "Bộ Y tế cho biết khoảng 90% dân số đã được tiêm chủng.")


@pytest.fixture
def loaded(db_path):
    """A database file holding ARTICLE, so that a test can show that what it refused lost nothing."""
    from pipelines.ingest import ingest_text

    database = open_database(db_path)
    ingest_text(database, ARTICLE, title="Kremlin")
    database.close()
    return db_path


@pytest.fixture
def full_db(db_path):
    """A database with something in every table: samples, verdicts, corrections, sources, splits, merges,
    matches."""
    from store_support import fill_every_table

    database = fill_every_table(db_path)
    yield database
    database.close()


@pytest.fixture(scope="session", autouse=True)
def _light_password_hashing():
    """argon2id at its lightest cost for the accounts tests make by the hundred (a sign-in or an account per page
    test): the same algorithm and checks, without 0.1 s of deliberate work per hash. PRODUCTION_HASHER is what
    the workbench uses (test_accounts_cli checks its cost)."""
    from argon2 import PasswordHasher

    from db import accounts

    global PRODUCTION_HASHER
    PRODUCTION_HASHER = accounts._HASHER
    accounts._HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    yield
    accounts._HASHER = PRODUCTION_HASHER


PRODUCTION_HASHER = None


@pytest.fixture
def production_password_hashing(monkeypatch):
    """The workbench's own argon2 cost, for a test whose point is what happens while passwords are checked."""
    from db import accounts

    monkeypatch.setattr(accounts, "_HASHER", PRODUCTION_HASHER)


from browser_support import chromium_browser  # noqa: E402, F401 - the `browser` fixture, for every browser test


@pytest.fixture(autouse=True)
def english_interface():
    """Each test starts with the interface in English, whatever language the test before it used."""
    from translations import use_language

    use_language("en")
    yield
