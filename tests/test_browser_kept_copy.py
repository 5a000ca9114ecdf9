"""In Debian's Chromium: a source's kept copy opens on the claim page after its server stopped, and the captured
HTML stays text: its script never runs and its markup is never drawn."""
from __future__ import annotations

import pytest
from browser_support import chromium_missing, launch_chromium, running_app, sign_in, wait_for_text
from web_support import local_site

from db.connection import open_database
from evidence.sources import attach_source
from evidence.web_sources import draft_source
from pipelines.ingest import ingest_text

pytestmark = [pytest.mark.skipif(chromium_missing() is not None, reason=chromium_missing() or ""),
              pytest.mark.timeout(240)]

HOSTILE = """<!doctype html><html><head><meta charset="utf-8"><title>Người tị nạn</title>
<script>window.keptScriptRan = true; document.title = "SCRIPT RAN";</script></head><body><article>
<p>Cao ủy Liên Hợp Quốc xác nhận hơn 1,7 triệu người đã rời bỏ nhà cửa kể từ đầu tháng ba năm nay.</p>
<p>Các chuyến tàu sơ tán vẫn chạy <b id="kept-bold">BOLD-MARKER</b> trong đêm <img src=x onerror="window.keptImg=1">
qua tới biên giới phía tây của đất nước.</p></article></body></html>"""


def test_the_kept_copy_is_shown_as_text_after_the_page_has_gone(tmp_path):
    from playwright.sync_api import sync_playwright

    db_path = tmp_path / "kept.db"
    db = open_database(db_path)
    stored = ingest_text(db, "Ông Peskov cho biết hơn 1,7 triệu người đã rời bỏ nhà cửa.", title="Peskov")
    claim_id = next(db.query("SELECT id FROM claims WHERE article_id = ?", [stored.article_id]))["id"]
    with local_site() as site:
        draft = draft_source(db, site.page("/a.html", HOSTILE), claim_text="x", allow_private=True)
        attach_source(db, claim_id, url=draft.page.final_url, stance="supports", reviewer="Lan", page=draft.page)
    db.close()  # the site has stopped: the page is gone

    with running_app(db_path) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(30_000)
            sign_in(page, base, "Lan", path=f"claim?id={claim_id}")
            wait_for_text(page, "Copy kept on")
            page.get_by_text("Open the kept copy").click()
            wait_for_text(page, "hơn 1,7 triệu người đã rời bỏ nhà cửa")
            page.get_by_role("tab", name="HTML source (as text)").click()
            wait_for_text(page, "window.keptScriptRan = true")
            assert page.locator("#kept-bold").count() == 0  # the markup was not drawn
            assert page.evaluate("() => [window.keptScriptRan, window.keptImg]") == [None, None]
            assert "SCRIPT RAN" not in page.title()
        finally:
            browser.close()
