"""Web figures against a local 127.0.0.1 server: fetching and reading a page, the suggested passage on a long
page, `check-links` over many published sources, and one feed check that ingests many new items.

    .venv/bin/python bench/web.py [--sources 50] [--items 50]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]

from web_support import local_site  # noqa: E402

from claims.passage import suggest_passage  # noqa: E402
from db.connection import open_database  # noqa: E402
from evidence.review import save_review  # noqa: E402
from evidence.sources import attach_source  # noqa: E402
from fetching.web import fetch_page  # noqa: E402
from pipelines.feeds import check_feeds  # noqa: E402
from pipelines.ingest import ingest_text  # noqa: E402
from pipelines.link_checks import check_links  # noqa: E402

CLAIM = "Người phát ngôn Dmitry Peskov cho biết hơn 1,7 triệu người đã rời bỏ nhà cửa từ ngày 24/2."


def page(n: int, paragraphs: int) -> str:
    body = [f"<p>Đoạn {i} (trang {n}): giá xăng RON 95 tăng {i % 90 + 1}% tại tỉnh số {i}, theo ông Nguyễn Văn An,"
            f" trong tháng {i % 12 + 1}/2022.</p>" for i in range(paragraphs)]
    body.insert(paragraphs // 2, "<p>Liên Hợp Quốc xác nhận hơn 1,7 triệu người đã rời bỏ nhà cửa.</p>")
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>Trang {n}</title></head><body><article>'
            + "".join(body) + "</article></body></html>")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--items", type=int, default=50)
    args = parser.parse_args()
    with local_site() as site, tempfile.TemporaryDirectory() as tmp:
        url = site.page("/long.html", page(0, 600))
        times, text = [], ""
        for _ in range(10):
            start = time.perf_counter()
            text = fetch_page(url, allow_private=True).text
            times.append(time.perf_counter() - start)
        size = len(site.pages["/long.html"][1]) / 1024
        print(f"fetch and read a {size:.0f} KB page (600 paragraphs): median {statistics.median(times) * 1000:.0f} ms")
        times = []
        for _ in range(10):
            start = time.perf_counter()
            best = suggest_passage(CLAIM, text)[0]
            times.append(time.perf_counter() - start)
        assert "hơn 1,7 triệu người" in best.text
        print(f"suggested passage over its {text.count(chr(10)) + 1} sentences: median"
              f" {statistics.median(times) * 1000:.0f} ms (the 1,7 triệu sentence first)")

        db = open_database(Path(tmp) / "bench.db")
        stored = ingest_text(db, CLAIM, title="Peskov")
        claim_id = next(db.query("SELECT id FROM claims WHERE article_id = ?", [stored.article_id]))["id"]
        for n in range(args.sources):
            fetched = fetch_page(site.page(f"/s{n}.html", page(n, 40)), allow_private=True)
            attach_source(db, claim_id, url=fetched.url, stance="supports", reviewer="Lan", page=fetched)
        saved = save_review(db, claim_id, expected_version=1, reviewer="Lan", rating="True", rationale="x",
                            status="drafted")
        save_review(db, claim_id, expected_version=saved.version, reviewer="Lan", status="published")
        for n in range(0, args.sources, 5):
            site.page(f"/s{n}.html", page(n, 41))
        start = time.perf_counter()
        checks = check_links(db, allow_private=True)
        took = time.perf_counter() - start
        flagged = sum(c.flagged for c in checks)
        print(f"check-links over {len(checks)} published sources: {took:.2f} s ({took / len(checks) * 1000:.0f} ms"
              f" each), {flagged} flagged as changed (expected {len(range(0, args.sources, 5))})")

        items = "".join(f"<item><link>{site.page(f'/i{n}.html', page(1000 + n, 20))}</link></item>"
                        for n in range(args.items))
        feed = site.page("/rss.xml", f"<rss version='2.0'><channel><title>F</title>{items}</channel></rss>",
                         "application/rss+xml")
        start = time.perf_counter()
        (first,) = check_feeds(db, [feed], allow_private=True)
        took = time.perf_counter() - start
        start = time.perf_counter()
        (again,) = check_feeds(db, allow_private=True)
        again_took = time.perf_counter() - start
        print(f"watch: a feed of {args.items} new items ingested in {took:.2f} s ({first.stored} stored);"
              f" the next check with nothing new took {again_took * 1000:.0f} ms ({again.new} new)")
        db.close()


if __name__ == "__main__":
    main()
