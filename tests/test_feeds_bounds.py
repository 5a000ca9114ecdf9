"""One check of a feed is bounded: a time limit per feed, a cap on the items taken (the rest at the next check), a
growing wait before a failed item is tried again, and counts that say what happened; one item per guid."""
from __future__ import annotations

import time

import pytest
from cli_support import factcheck
from test_web_charsets import titles
from test_web_feeds import RSS, article, rss
from web_support import LocalSite, local_site

from fetching.feeds import MAX_ITEMS_PER_CHECK
from pipelines.feeds import check_feeds, feed_items


@pytest.fixture
def site():
    with local_site() as running:
        yield running


def _linkless(count: int) -> str:
    items = "".join(f"<item><title>Tin số {i}</title><description>Bản tin {i}</description></item>"
                    for i in range(count))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Lớn</title>{items}</channel></rss>'


def test_trickling_pages_cannot_hold_a_check_past_its_time_limit(db_path, site: LocalSite) -> None:
    paths = [f"/slow{i}.html" for i in range(6)]
    for path in paths:
        site.page(path, article("Chậm", "Giá xăng RON 95 tăng 1.200 đồng mỗi lít từ ngày 8/3."))
        site.delays[path] = 10.0
    feed = site.page("/rss.xml", rss(*paths, base=site.url), RSS)
    started = time.monotonic()
    result = factcheck("watch", feed, "--once", "--allow-private", "--feed-time", "3", db=db_path)
    took = time.monotonic() - started
    assert took < 20, took  # six pages of ten seconds each held a check for a minute
    out = result.stdout
    assert f"{feed}: 1 new items, 0 stored, 0 already stored, 1 failed, 5 left for the next check" in out, out
    assert "timed out" in result.stderr


def test_a_huge_feed_is_taken_a_capped_number_of_items_at_a_time(db_path, site: LocalSite) -> None:
    feed = site.page("/big.xml", _linkless(10_000), RSS)
    first = factcheck("watch", feed, "--once", "--allow-private", db=db_path)
    cap = MAX_ITEMS_PER_CHECK
    assert (f"{feed}: {cap} new items, 0 stored, 0 already stored, {cap} failed,"
            f" {10_000 - cap} left for the next check") in first.stdout, first.stdout
    second = factcheck("watch", "--once", "--allow-private", db=db_path)
    assert (f"{feed}: {cap} new items, 0 stored, 0 already stored, {cap} failed, {cap} waiting to be retried later,"
            f" {10_000 - 2 * cap} left for the next check") in second.stdout, second.stdout


def test_a_capped_check_takes_the_rest_at_the_next_checks(db_path, site: LocalSite) -> None:
    paths = [f"/a{i}.html" for i in range(5)]
    for i, path in enumerate(paths):
        site.page(path, article(f"Tin {i}", f"Giá xăng RON 95 tăng {i + 1}.200 đồng mỗi lít từ ngày 8/3."))
    feed = site.page("/rss.xml", rss(*paths, base=site.url), RSS)
    runs = [factcheck("watch", feed, "--once", "--allow-private", "--max-items", "2", db=db_path).stdout
            for _ in range(4)]
    assert [run.split(": ", 1)[1].strip() for run in runs] == [
        "2 new items, 2 stored, 0 already stored, 0 failed, 3 left for the next check",
        "2 new items, 2 stored, 0 already stored, 0 failed, 1 left for the next check",
        "1 new items, 1 stored, 0 already stored, 0 failed",
        "0 new items, 0 stored, 0 already stored, 0 failed"]
    assert titles(db_path) == [f"Tin {i}" for i in range(5)]


def test_a_failed_item_waits_longer_after_each_failure(db, site: LocalSite) -> None:
    feed = site.page("/rss.xml", rss("/later.html", base=site.url), RSS)
    (first,) = check_feeds(db, [feed], allow_private=True)
    assert (first.new, first.failed) == (1, 1)
    (waiting,) = check_feeds(db, allow_private=True)  # straight away: not fetched again
    assert (waiting.new, waiting.retried, waiting.waiting) == (0, 0, 1)
    assert site.requests.count("/later.html") == 1
    (item,) = feed_items(db)
    first_wait = item.retry_after
    db.execute("UPDATE feed_items SET retry_after = '2000-01-01'")  # the wait is over
    (again,) = check_feeds(db, allow_private=True)
    assert (again.new, again.retried, again.failed) == (0, 1, 1) and site.requests.count("/later.html") == 2
    (item,) = feed_items(db)
    assert item.attempts == 2 and item.retry_after > first_wait  # waits longer (10 minutes, then 20, up to a day)
    site.page("/later.html", article("Đến muộn", "Giá điện tăng 3% từ ngày 4/5."))
    db.execute("UPDATE feed_items SET retry_after = '2000-01-01'")
    (stored,) = check_feeds(db, allow_private=True)
    assert (stored.retried, stored.stored) == (1, 1)
    (item,) = feed_items(db)
    assert (item.outcome, item.attempts, item.retry_after) == ("stored", 0, None)


def test_a_guid_repeated_within_a_feed_is_one_item(db, site: LocalSite) -> None:
    site.page("/a1.html", article("Giá xăng tăng", "Giá xăng RON 95 tăng 1.200 đồng mỗi lít từ ngày 8/3."))
    site.page("/a2.html", article("Lạm phát", "Lạm phát tháng 2 tăng 4,2% so với cùng kỳ năm trước."))
    items = (f"<item><title>Một</title><link>{site.url}/a1.html</link><guid>tin-1</guid></item>"
             f"<item><title>Hai</title><link>{site.url}/a2.html</link><guid>tin-1</guid></item>")
    feed = site.page("/rss.xml", f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}'
                                 "</channel></rss>", RSS)
    (check,) = check_feeds(db, [feed], allow_private=True)
    assert (check.new, check.stored) == (1, 1)
    assert [r["title"] for r in db.query("SELECT title FROM articles")] == ["Giá xăng tăng"]
    (item,) = feed_items(db)
    assert item.item_key.endswith("tin-1") and (item.url, item.article_id) == (f"{site.url}/a1.html", 1)
