"""How long a reviewer waits for the Article view of a very long article, in Debian's Chromium: the real server, an
article of N claims, the page until every highlight is drawn, then opening one claim from it.

    .venv/bin/python bench/article_view.py [--claims 1000 3000 10000]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]

import browser_support as support  # noqa: E402

from db.connection import open_database  # noqa: E402
from pipelines.ingest import ingest_text  # noqa: E402


def long_article(claims: int) -> str:
    """An article of `claims` attributed sentences with a figure and a date each: every one is a claim."""
    return " ".join(f"Ông Nguyễn Văn An cho biết giá xăng đã tăng {i % 90 + 1}% trong tháng {i % 12 + 1}/2022"
                    f" tại tỉnh số {i}." for i in range(claims))


def measure(claims: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "long.db"
        db = open_database(db_path)
        stored = ingest_text(db, long_article(claims), title="A long article")
        db.close()
        with support.running_app(db_path) as base, sync_playwright() as playwright:
            browser = support.launch_chromium(playwright)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                support.sign_in(page, base, "Lan", path="articles")
                started = time.perf_counter()
                page.goto(f"{base}/article?id={stored.article_id}&reviewer=Lan")
                support.wait_for_text(page, "check-worthy claims reviewed")
                page.locator("mark").last.wait_for()
                support.wait_idle(page)
                shown = time.perf_counter() - started
                started = time.perf_counter()
                page.get_by_role("button", name="Review this claim").click()
                support.wait_for_text(page, "Why it was flagged")
                support.wait_idle(page)
                opened = time.perf_counter() - started
            finally:
                browser.close()
    return {"claims": stored.claims, "article_view_s": round(shown, 1), "open_claim_s": round(opened, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, nargs="+", default=[1_000, 3_000, 10_000])
    args = ap.parse_args()
    missing = support.chromium_missing()
    if missing:
        print(missing, file=sys.stderr)
        return 1
    for n in args.claims:
        figures = measure(n)
        print(f"{figures['claims']:,} claims: article view drawn in {figures['article_view_s']} s, "
              f"a claim opened from it in {figures['open_claim_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
