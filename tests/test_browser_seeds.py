"""What a new user sees after `make run`: both sample articles listed, one opened with its claims highlighted,
still open and signed in after a reload."""
from __future__ import annotations

import pytest
from browser_support import SEEDS, chromium_missing, launch_chromium, running_app, sign_in, wait_for_text

from db.connection import open_database
from pipelines.ingest import default_title, ingest_paths

pytestmark = [pytest.mark.skipif(chromium_missing() is not None, reason=chromium_missing() or ""),
              pytest.mark.timeout(180)]


def test_sample_articles_and_their_claims_show_in_the_browser(tmp_path):
    from playwright.sync_api import expect, sync_playwright

    db_path = tmp_path / "seeded.db"
    db = open_database(db_path)
    outcomes = list(ingest_paths(db, [SEEDS]))
    db.close()
    titles = [default_title(path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]
    with running_app(db_path) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            sign_in(page, base, "Lan", path="articles")
            for title, outcome in zip(titles, outcomes, strict=True):
                wait_for_text(page, title[:60])
                wait_for_text(page, f"{outcome.stored.claims} claims")
            page.get_by_role("button", name="Open").last.click()
            wait_for_text(page, "check-worthy claims reviewed")
            marks = page.locator("mark")
            marks.first.wait_for()
            highlighted = marks.count()
            assert highlighted >= min(o.stored.claims for o in outcomes) - 1
            # A reload keeps the session (its cookie) and shows the same article again.
            page.reload()
            wait_for_text(page, "Signed in as Lan")
            wait_for_text(page, "check-worthy claims reviewed")
            # The header is drawn before the highlighted text: wait for the marks rather than count them at once.
            expect(page.locator("mark")).to_have_count(highlighted, timeout=30_000)
        finally:
            browser.close()
