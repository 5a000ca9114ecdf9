"""Shared pieces of the end-to-end tests and the screenshot command: the real server on a temporary database,
Debian's Chromium driven by Playwright (never a downloaded browser), and a few ways to work Streamlit widgets.
"""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

__all__ = ["chromium_browser", "app_on_articles", "CHROMIUM", "CHROMIUM_ARGS", "PROJECT", "SEEDS",
           "chromium_missing", "free_port", "running_app", "launch_chromium", "interface_text", "sign_in",
           "ensure_account", "PASSWORD", "choose", "wait_for_text", "wait_idle"]

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
TIMEOUT_MS = 30_000


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here, or None (make test installs Debian's chromium package)."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (make test installs Debian's chromium package)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright for Python is not installed"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_DATABASES: dict[str, Path] = {}  # base URL → the database its server uses, so sign_in can make accounts
PASSWORD = "correct horse battery"


@contextlib.contextmanager
def running_app(db_path: Path, *, port: int | None = None, log_path: Path | None = None) -> Iterator[str]:
    """Start `streamlit run serve.py` (the app with its session-cookie addresses) on 127.0.0.1 with
    FACTCHECK_DB=db_path; yield its base URL; stop it after."""
    port = port or free_port()
    streamlit = Path(sys.executable).parent / "streamlit"
    command = [str(streamlit) if streamlit.exists() else sys.executable, *([] if streamlit.exists() else
                                                                         ["-m", "streamlit"]),
               "run", "serve.py", "--server.port", str(port), "--server.address", "127.0.0.1",
               "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    env = {**os.environ, "FACTCHECK_DB": str(db_path)}
    log = open(log_path or db_path.with_suffix(".server.log"), "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    _DATABASES[base] = db_path
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {process.returncode}; see {log.name}")
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not answer on {base} within 60 s; see {log.name}")
            time.sleep(0.2)  # polling the server's health, not waiting on the page
        yield base
    finally:
        # Only the server this helper started: its own process group.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)



def wait_idle(page) -> None:
    """Wait until Streamlit has finished the current script run (its status widget gone)."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=TIMEOUT_MS)


def wait_for_text(page, text: str, *, timeout: int = TIMEOUT_MS):
    """The first visible element showing `text`; fails with Playwright's message after `timeout` ms."""
    locator = page.get_by_text(text, exact=False).first
    locator.wait_for(state="visible", timeout=timeout)
    return locator


def ensure_account(base: str, name: str, *, role: str = "editor", password: str = PASSWORD) -> str:
    """The login of the account named `name` in the database of the app at `base` (made if new)."""
    from app_support import ensure_account as ensure

    return ensure(name, role=role, password=password, db_path=_DATABASES[base]).login


def sign_in(page, base: str, name: str, path: str | None = "", *, role: str = "editor", password: str = PASSWORD,
            expect: str | None = None, language: str = "en") -> None:
    """Open the app and sign in as the account named `name` (made with `role` if the desk has no such account).

    `expect` is the text to wait for instead of the signed-in sidebar (a refusal, say); path None signs in on the
    page as it is (after a reload, say)."""
    from app_pages.components import no_autolink

    login = ensure_account(base, name, role=role)
    if path is not None:
        page.goto(f"{base}/{path}")
    field = page.get_by_label(interface_text(language, "Login"))
    field.wait_for(timeout=TIMEOUT_MS)
    field.fill(login)
    page.get_by_label(interface_text(language, "Password"), exact=True).fill(password)
    page.get_by_role("button", name=interface_text(language, "Sign in")).click()
    signed_in = interface_text(language, "Signed in as **{name}** ({role})").split("{name}")[0].replace("**", "")
    wait_for_text(page, expect or f"{signed_in}{no_autolink(name)}")  # as the app shows a name
    wait_idle(page)


def interface_text(language: str, message: str) -> str:
    """The interface's text for `message` in `language`, as the catalogue has it."""
    from translations import _, language_in_use

    with language_in_use(language):
        return _(message)


def choose(page, label: str, option: str) -> None:
    """Pick `option` in the st.selectbox labelled `label` (retrying if the list was still closing from another)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    combobox = page.get_by_role("combobox", name=label, exact=True).first
    combobox.wait_for(timeout=TIMEOUT_MS)
    for _ in range(5):
        combobox.click()
        choice = page.get_by_role("option", name=option, exact=True).first
        try:
            choice.wait_for(timeout=3_000)
            choice.click()
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            continue
        if combobox.input_value() == option:
            return
    raise AssertionError(f"could not choose {option!r} in the selectbox {label!r}")


@contextlib.contextmanager
def app_on_articles(db_path: Path, paths: list[Path]) -> Iterator[tuple[str, list]]:
    """The app on a new database holding the articles at `paths`: yields (base URL, the ingest outcomes)."""
    from db.connection import open_database
    from pipelines.ingest import ingest_paths

    db = open_database(db_path)
    outcomes = list(ingest_paths(db, paths))
    db.close()
    with running_app(db_path) as base:
        yield base, outcomes


@pytest.fixture(name="browser")
def chromium_browser():
    """One headless Chromium per test (a test module imports this fixture by name)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()
