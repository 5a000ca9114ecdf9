"""In Debian's Chromium: no page of the app asks any host but the app's own for anything (no icon font, no emoji
image, nothing), across every page a signed-in editor opens."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from browser_support import chromium_missing, launch_chromium, running_app, sign_in, wait_for_text, wait_idle

from db.connection import open_database
from evidence.sources import attach_source
from pipelines.feeds import add_feed
from pipelines.ingest import ingest_text

pytestmark = [pytest.mark.skipif(chromium_missing() is not None, reason=chromium_missing() or ""),
              pytest.mark.timeout(300)]

# A title, a feed title and claims with addresses in them, as a hostile page or feed would write them.
HOSTILE_TITLE = "Giá xăng http://evil.example/title và www.evil.example"
HOSTILE_TEXT = ("Bộ Tài chính cho biết giá xăng tăng 5% trong năm 2023, theo http://evil.example/claim.\n"
                "Lạm phát tháng 2 tăng 4,2% so với cùng kỳ, xem www.evil.example/lam-phat hoặc tin@evil.example.")
SOURCE_URL = "https://source.example/report"


def hostile_desk(db_path) -> tuple[int, int]:
    """An article, its claims, a source (a link the app makes) and a watched feed, each with addresses in it."""
    db = open_database(db_path)
    try:
        stored = ingest_text(db, HOSTILE_TEXT, title=HOSTILE_TITLE, url="https://news.example/giaxang")
        claim_id = next(r["id"] for r in db.query("SELECT id FROM claims WHERE article_id = ? AND text LIKE"
                                                   " '%evil.example/claim%'", [stored.article_id]))
        attach_source(db, claim_id, url=SOURCE_URL, stance="supports", reviewer="Lan",
                      title="Báo cáo tại http://evil.example/source-title")
        feed = add_feed(db, "https://feeds.example/rss.xml")
        db.execute("UPDATE feeds SET title = ? WHERE id = ?", ["Tin nhanh www.evil.example/feed", feed.id])
        return stored.article_id, claim_id
    finally:
        db.close()


def pages(page, base: str, article_id: int, claim_id: int):
    """Open each page in turn; yield its name once it has finished drawing."""
    sign_in(page, base, "Lan", path=f"article?id={article_id}")
    wait_for_text(page, "Giá xăng http")
    yield "article view"
    page.goto(f"{base}/claim?id={claim_id}")  # the session cookie keeps Lan signed in
    wait_for_text(page, "[1] Báo cáo tại")
    yield "claim"
    # Every other page the navigation lists, so that a page added later is checked too.
    listed = page.eval_on_selector_all('[data-testid="stSidebarNav"] a',
                                       "links => links.map(a => [a.innerText.trim().split('\\n').pop(), a.href])")
    for link, address in [(name, href) for name, href in listed if name not in ("Article view", "Claim")]:
        page.get_by_role("link", name=link, exact=True).click()
        page.wait_for_url(re.compile(re.escape(address) + r"(\?.*)?$"))  # a page may note its choice in the query
        page.get_by_role("heading", level=1).first.wait_for()
        wait_idle(page)
        if link == "Articles":
            page.get_by_text("Watched feeds (1)").click()
            wait_for_text(page, "Tin nhanh")
        elif link == "Claim queue":
            wait_for_text(page, "Bộ Tài chính cho biết")
        yield link.lower()


def test_no_page_asks_another_host_for_anything(tmp_path) -> None:
    from playwright.sync_api import sync_playwright

    db_path = tmp_path / "offline.db"
    article_id, claim_id = hostile_desk(db_path)
    asked: list[str] = []
    with running_app(db_path) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.on("request", lambda request: asked.append(request.url))
            page = context.new_page()
            page.set_default_timeout(30_000)
            seen = list(pages(page, base, article_id, claim_id))
        finally:
            browser.close()
    assert seen[:2] == ["article view", "claim"]
    assert {"articles", "claim queue", "reports", "desk"} <= set(seen)
    own = urlsplit(base).netloc
    elsewhere = sorted({url for url in asked if urlsplit(url).scheme in ("http", "https", "ws", "wss")
                        and urlsplit(url).netloc != own})
    assert elsewhere == []
    assert any(urlsplit(url).netloc == own for url in asked)  # the recording saw the app's own requests
