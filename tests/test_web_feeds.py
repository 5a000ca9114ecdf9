"""Feeds and articles by URL in the app: new items of an RSS/Atom feed are ingested once (`factcheck watch` and the
Articles page), and an article is fetched from its address on the Articles page."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest
from app_support import make_app, open_page, texts
from cli_support import factcheck
from web_support import LocalSite, local_site

from conftest import PROJECT
from db.settings import set_setting
from pipelines.feeds import check_feeds, feed_items, list_feeds

RSS = "application/rss+xml"


def article(title: str, sentence: str) -> str:
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="2022-03-08"></head><body><article><h1>{title}</h1>'
            f"<p>{sentence}</p><p>Các cơ quan chức năng cho biết sẽ tiếp tục theo dõi tình hình trong những ngày"
            f" tới và công bố số liệu mới khi có.</p></article></body></html>")


def rss(*paths: str, base: str) -> str:
    items = "".join(f"<item><title>Tin {p}</title><link>{base}{p}</link><guid>{base}{p}</guid></item>"
                    for p in paths)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Báo Thử</title>'
            f"<link>{base}/</link>{items}</channel></rss>")


def atom(*paths: str, base: str) -> str:
    entries = "".join(f'<entry><title>Tin {p}</title><id>tag:test,2022:{p}</id><link href="{p}"/>'
                      f"<updated>2022-03-08T00:00:00Z</updated></entry>" for p in paths)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Thử'
            f"</title><id>tag:test,2022:feed</id><updated>2022-03-08T00:00:00Z</updated>{entries}</feed>")


@pytest.fixture
def site():
    with local_site() as running:
        running.page("/a1.html", article("Giá xăng tăng", "Giá xăng RON 95 tăng 1.200 đồng mỗi lít từ ngày 8/3."))
        running.page("/a2.html", article("Lạm phát", "Lạm phát tháng 2 tăng 4,2% so với cùng kỳ năm trước."))
        running.page("/a3.html", article("Xuất khẩu", "Xuất khẩu gạo đạt 6,2 triệu tấn trong năm 2021."))
        yield running


def _articles(db) -> list[str]:
    return [r["title"] for r in db.query("SELECT title FROM articles ORDER BY id")]


def test_a_feed_is_ingested_once_and_only_new_items_are_taken_later(db, site: LocalSite) -> None:
    feed = site.page("/rss.xml", rss("/a1.html", "/a2.html", base=site.url), RSS)
    (first,) = check_feeds(db, [feed], allow_private=True)
    assert (first.error, first.new, first.stored) == (None, 2, 2)
    assert _articles(db) == ["Giá xăng tăng", "Lạm phát"]
    assert list_feeds(db)[0].title == "Báo Thử"
    fetched = len(site.requests)
    (again,) = check_feeds(db, allow_private=True)  # every watched feed
    assert (again.new, again.stored) == (0, 0)
    assert len(site.requests) == fetched + 1  # only the feed itself: seen items are not fetched again
    site.page("/rss.xml", rss("/a3.html", "/a1.html", "/a2.html", base=site.url), RSS)
    (third,) = check_feeds(db, allow_private=True)
    assert (third.new, third.stored) == (1, 1)
    assert _articles(db) == ["Giá xăng tăng", "Lạm phát", "Xuất khẩu"]
    assert sorted(i.outcome for i in feed_items(db)) == ["stored"] * 3


def test_an_item_that_fails_is_recorded_with_its_reason_and_tried_again(db, site: LocalSite) -> None:
    feed = site.page("/rss.xml", rss("/later.html", base=site.url), RSS)
    (first,) = check_feeds(db, [feed], allow_private=True)
    assert first.failed == 1 and "HTTP 404" in first.failures[0]
    assert feed_items(db)[0].outcome.startswith("failed: ") and _articles(db) == []
    site.page("/later.html", article("Đến muộn", "Giá điện tăng 3% từ ngày 4/5."))
    db.execute("UPDATE feed_items SET retry_after = '2000-01-01'")  # its wait is over (tests/test_feeds_bounds.py)
    (second,) = check_feeds(db, allow_private=True)
    assert (second.new, second.retried, second.stored) == (0, 1, 1) and _articles(db) == ["Đến muộn"]


def test_an_atom_feed_and_an_item_already_stored(db, site: LocalSite) -> None:
    feed = site.page("/atom.xml", atom("/a1.html", base=site.url), "application/atom+xml")
    check_feeds(db, [site.page("/rss.xml", rss("/a1.html", base=site.url), RSS)], allow_private=True)
    (checked,) = check_feeds(db, [feed], allow_private=True)
    assert (checked.new, checked.already_stored, checked.stored) == (1, 1, 0)  # the same page from another feed
    assert _articles(db) == ["Giá xăng tăng"]


@pytest.mark.parametrize(("path", "body", "kind", "reason"), [
    ("/page.html", "<html><body>not a feed</body></html>", "text/html", "content type is text/html"),
    ("/broken.xml", "this is not xml at all", "application/xml", "not an RSS or Atom feed"),
    ("/missing.xml", None, None, "HTTP 404"),
])
def test_a_feed_that_cannot_be_read_gets_a_one_line_reason_and_stores_nothing(db, site: LocalSite, path, body,
                                                                              kind, reason) -> None:
    url = site.page(path, body, kind) if body else site.url + path
    (checked,) = check_feeds(db, [url], allow_private=True)
    assert reason in (checked.error or "") and "\n" not in checked.error
    assert list_feeds(db)[0].last_error == checked.error
    assert _articles(db) == [] and feed_items(db) == []


def test_a_feed_at_a_loopback_address_is_refused_by_default(db, site: LocalSite) -> None:
    (checked,) = check_feeds(db, [site.page("/rss.xml", rss("/a1.html", base=site.url), RSS)])
    assert "loopback address 127.0.0.1" in (checked.error or "") and _articles(db) == []


def test_factcheck_watch_once_then_again(db_path, site: LocalSite) -> None:
    feed = site.page("/rss.xml", rss("/a1.html", "/a2.html", base=site.url), RSS)
    first = factcheck("watch", feed, "--once", "--allow-private", db=db_path)
    assert first.returncode == 0, first.stderr
    assert f"{feed}: 2 new items, 2 stored" in first.stdout
    again = factcheck("watch", "--once", "--allow-private", db=db_path)  # the feeds the desk watches
    assert f"{feed}: 0 new items" in again.stdout
    refused = factcheck("watch", "--once", db=db_path)
    assert refused.returncode == 1 and "loopback" in refused.stderr and "Traceback" not in refused.stderr
    bad = factcheck("watch", "ftp://example.com/feed", "--once", db=db_path)
    assert bad.returncode == 1 and "http" in bad.stderr and "Traceback" not in bad.stderr


def test_factcheck_watch_loops_at_its_interval(db_path, site: LocalSite) -> None:
    feed = site.page("/rss.xml", rss("/a1.html", base=site.url), RSS)
    watcher = subprocess.Popen([sys.executable, "-m", "factcheck", "watch", feed, "--interval", "1",
                                "--allow-private", "--db", str(db_path)], cwd=PROJECT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while site.requests.count("/rss.xml") < 3 and time.monotonic() < deadline and watcher.poll() is None:
            time.sleep(0.2)
    finally:
        watcher.terminate()
        out, err = watcher.communicate(timeout=30)
    assert site.requests.count("/rss.xml") >= 3, err
    assert site.requests.count("/a1.html") == 1  # fetched once however many times the feed was read
    assert out.count(b"0 new items") >= 1


def test_the_articles_page_fetches_an_article_by_url(db, db_path, monkeypatch, site: LocalSite) -> None:
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    at = open_page(make_app(), "articles")
    at.text_input(key="articles_fetch_url").input(site.url + "/a1.html")
    at.button(key="FormSubmitter:articles_add_form-Add article and find claims").click().run()
    assert not at.exception
    assert "Could not add" in at.error[0].value and "loopback address 127.0.0.1" in at.error[0].value
    assert _articles(db) == []
    set_setting(db, "allow_private_addresses", True, changed_by="Lan")
    for path, reason in (("/nothing.html", "HTTP 404"), ("/rss.xml", "content type is application/rss+xml")):
        site.page("/rss.xml", rss(base=site.url), RSS)
        at.text_input(key="articles_fetch_url").input(site.url + path)
        at.button(key="FormSubmitter:articles_add_form-Add article and find claims").click().run()
        assert reason in at.error[0].value and "\n" not in at.error[0].value
    site.redirects["/short"] = "/a1.html"
    at.text_input(key="articles_fetch_url").input(site.url + "/short")
    at.button(key="FormSubmitter:articles_add_form-Add article and find claims").click().run()
    assert not at.exception and not at.error
    assert "a copy of the page is kept" in texts(at)
    row = next(db.query("SELECT title, url, published, capture_id FROM articles"))
    assert (row["title"], row["url"], row["published"]) == ("Giá xăng tăng", site.url + "/a1.html", "2022-03-08")
    assert row["capture_id"] is not None


def test_the_articles_page_watches_a_feed_and_checks_it(db, db_path, monkeypatch, site: LocalSite) -> None:
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    set_setting(db, "allow_private_addresses", True, changed_by="Lan")
    feed = site.page("/rss.xml", rss("/a1.html", "/a2.html", base=site.url), RSS)
    at = open_page(make_app(), "articles")
    at.text_input(key="articles_feed_url").input("javascript:alert(1)")
    at.button(key="FormSubmitter:articles_feed_form-Watch feed").click().run()
    assert "Not watched" in at.error[0].value and list_feeds(db) == []
    at.text_input(key="articles_feed_url").input(feed)
    at.button(key="FormSubmitter:articles_feed_form-Watch feed").click().run()
    assert [f.url for f in list_feeds(db)] == [feed]
    at.button(key="articles_check_feeds").click().run()
    assert not at.exception
    assert "Báo Thử: 2 new, 2 stored" in texts(at)
    assert _articles(db) == ["Giá xăng tăng", "Lạm phát"]
    table = at.dataframe[0].value
    assert sorted(table["Outcome"]) == ["stored", "stored"]
    at.button(key="articles_check_feeds").click().run()
    assert "Báo Thử: 0 new" in texts(at) and len(_articles(db)) == 2
