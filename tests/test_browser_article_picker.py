"""End to end in Debian's Chromium on a desk of more than 500 articles: article #1 opens from its claim and from
the queue's Article filter (the pickers used to offer only the newest 500 and open the newest instead)."""
from __future__ import annotations

import pytest
from browser_support import choose, chromium_missing, launch_chromium, running_app, sign_in, wait_for_text

from bench.ingest_scale import desk_articles, write_articles

pytestmark = [pytest.mark.skipif(chromium_missing() is not None, reason=chromium_missing() or ""),
              pytest.mark.timeout(300)]


@pytest.fixture
def desk(tmp_path):
    from db.connection import open_database
    from pipelines.ingest import ingest_paths

    write_articles(tmp_path / "articles", desk_articles(620, seed=4, mean_bytes=400))
    db = open_database(tmp_path / "desk.db")
    assert all(o.ok for o in ingest_paths(db, [tmp_path / "articles"]))
    first = db.execute("SELECT title FROM articles WHERE id = 1").fetchone()[0]
    claim_id = db.execute("SELECT min(id) FROM claims WHERE article_id = 1 AND checkworthy = 1").fetchone()[0]
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 620
    db.close()
    with running_app(tmp_path / "desk.db") as base:
        yield base, first, claim_id


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(30_000)
        yield page
        chromium.close()


def _label(title: str) -> str:
    from app_pages.components import short

    return f"#1 · {short(title, 80)}"


def _article_page_shows_article_1(page, title: str) -> None:
    page.wait_for_url("**/article?id=1", timeout=30_000)
    combobox = page.get_by_role("combobox", name="Article", exact=True).first
    combobox.wait_for()
    assert combobox.input_value() == _label(title)
    wait_for_text(page, title[:40])


def test_article_1_opens_from_its_claim(page, desk):
    base, title, claim_id = desk
    sign_in(page, base, "Lan", path=f"claim?id={claim_id}")
    wait_for_text(page, f"Claim #{claim_id}")
    page.get_by_role("button", name="Article #1:").first.click()
    _article_page_shows_article_1(page, title)


def test_article_1_opens_from_the_queue_and_a_missing_number_is_said(page, desk):
    base, title, claim_id = desk
    sign_in(page, base, "Lan", path="queue")
    wait_for_text(page, "check-worthy claims reviewed")
    page.get_by_label("Find an article").first.fill("#1")
    page.keyboard.press("Enter")
    choose(page, "Article", _label(title))
    wait_for_text(page, "check-worthy claims reviewed")
    page.get_by_role("button", name="Review", exact=True).first.click()
    wait_for_text(page, "Why it was flagged")
    page.get_by_role("button", name="Article #1:").first.click()
    _article_page_shows_article_1(page, title)

    page.goto(f"{base}/article?id=99999")  # a new page load: the session cookie keeps Lan signed in
    wait_for_text(page, "Article #99999 does not exist")
    assert page.url.endswith("article?id=99999")
