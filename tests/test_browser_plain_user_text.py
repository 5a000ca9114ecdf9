"""In Debian's Chromium: an address inside text a user or a page wrote (an article's title, a claim, a source's
title, a feed's title) is shown as text, never as a link; the links the app makes itself (a source's URL, the
article's URL) stay links."""
from __future__ import annotations

import pytest
from browser_support import chromium_missing, launch_chromium, running_app
from test_browser_offline import SOURCE_URL, hostile_desk, pages

pytestmark = [pytest.mark.skipif(chromium_missing() is not None, reason=chromium_missing() or ""),
              pytest.mark.timeout(300)]


def test_addresses_in_user_text_are_not_links(tmp_path) -> None:
    from playwright.sync_api import sync_playwright

    db_path = tmp_path / "plain.db"
    article_id, claim_id = hostile_desk(db_path)
    links: dict[str, list[str]] = {}
    with running_app(db_path) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(30_000)
            for name in pages(page, base, article_id, claim_id):
                if name in ("article view", "claim", "articles", "claim queue"):  # the hostile text is shown, as text
                    assert "evil.example" in page.inner_text("body"), name
                links[name] = page.eval_on_selector_all("a[href]", "anchors => anchors.map(a => a.href)")
        finally:
            browser.close()
    assert {"article view", "claim", "articles", "claim queue", "reports", "desk"} <= set(links)
    made_from_user_text = {name: [h for h in hrefs if "evil.example" in h] for name, hrefs in links.items()}
    assert made_from_user_text == {name: [] for name in links}
    assert "https://news.example/giaxang" in links["article view"]  # links the app made
    assert SOURCE_URL in links["claim"]
