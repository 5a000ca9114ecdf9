"""End to end in Debian's Chromium: an editor opens the Statistics page, downloads a table as CSV, and opens the
most quoted speaker's page."""
from __future__ import annotations

import pytest
from browser_support import SEEDS, chromium_missing, launch_chromium, running_app, sign_in, wait_for_text, wait_idle

from db.connection import open_database
from pipelines.ingest import ingest_paths

pytestmark = [pytest.mark.skipif(chromium_missing() is not None, reason=chromium_missing() or ""),
              pytest.mark.timeout(240)]


def test_statistics_page_csv_download_and_a_speakers_page(tmp_path):
    from playwright.sync_api import sync_playwright

    db_path = tmp_path / "desk.db"
    db = open_database(db_path)
    assert all(outcome.ok for outcome in ingest_paths(db, [SEEDS]))
    claims = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    db.close()
    with running_app(db_path) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page.set_default_timeout(30_000)
        sign_in(page, base, "Minh", role="editor")
        page.get_by_role("link", name="Statistics").click()
        wait_for_text(page, "Time to a verdict")
        wait_for_text(page, "By language")
        wait_idle(page)
        with page.expect_download() as download:  # the "By language" table's button, found by its widget key
            page.locator(".st-key-statistics_csv_languages button").click()
        data = download.value.path().read_bytes()
        assert data.startswith("\ufeff".encode())  # Excel reads the Vietnamese text as UTF-8
        lines = data.decode("utf-8-sig").splitlines()
        assert lines[0] == "language,ingested,check-worthy,dismissed,published"
        assert lines[1].startswith("vi,") and int(lines[1].split(",")[1]) == claims
        page.get_by_role("link", name="Speakers").click()  # the most quoted speaker first
        wait_for_text(page, "Published verdicts by rating")
        assert page.get_by_role("heading", name="Dmitry Peskov").count() == 1
        browser.close()
