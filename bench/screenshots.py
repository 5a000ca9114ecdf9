"""Screenshots of the main pages for the README: the real server on a temporary database with the sample articles,
a scripted review, and Debian's Chromium (driven by Playwright) writing docs/screenshots/*.png. The desk works in
Vietnamese, so the pictures are in Vietnamese; one (*-en.png) shows an account that reads English.

    .venv/bin/python bench/screenshots.py [--out docs/screenshots]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]

from browser_support import (  # noqa: E402
    SEEDS,
    chromium_missing,
    interface_text,
    launch_chromium,
    running_app,
    sign_in,
    wait_for_text,
    wait_idle,
)

VIEWPORT = {"width": 1440, "height": 1000}
# Pages whose point is further down (evidence and history on the claim) get a taller picture.
TALL = {"claim": 2000, "claim-en": 2000, "article": 1300, "desk": 2000}


def scripted_review(db_path: Path) -> dict[str, int]:
    """The sample articles, with a few claims reviewed the way a desk would: sources, verdicts, one published."""
    from db.claims import ClaimFilter, claim_queue
    from db.connection import open_database
    from db.known_claims import import_known_claims
    from evidence.review import save_review
    from evidence.sources import attach_source
    from pipelines.ingest import ingest_paths

    db = open_database(db_path)
    try:
        # Two past fact-checks from a (made-up) archive, so the claim page shows "already checked by …".
        import_known_claims(db, [
            {"id": "demo-1", "text": "Hơn 1,7 triệu người đã rời bỏ nhà cửa kể từ khi xung đột ở Ukraine bắt đầu.",
             "verdict": "Đúng", "url": "https://kiemchung.example/ukraine-1-7-trieu", "published": "2022-03-10"},
            {"id": "demo-2", "text": "Hơn 1,8 triệu người đã rời bỏ nhà cửa trong tháng đầu của cuộc xung đột.",
             "verdict": "Chưa kiểm chứng được", "url": "https://kiemchung.example/ukraine-1-8-trieu"},
        ])
        from db.settings import set_setting

        for key, value in {"language": "vi", "publisher_name": "Kiểm Chứng Tin Tức",
                           "publisher_url": "https://kiemchung.example",
                           "review_url_pattern": "https://kiemchung.example/kiem-chung/{id}"}.items():
            set_setting(db, key, value, changed_by="Lan")
        outcomes = list(ingest_paths(db, [SEEDS], added_by="Lan"))
        first_article = outcomes[0].stored.article_id
        best = claim_queue(db, ClaimFilter(article_id=first_article), limit=4).claims
        showcase = best[0]
        attach_source(db, showcase.id, url="https://www.unhcr.org/ukraine-emergency", stance="supports",
                      reviewer="Lan", title="Ukraine emergency: refugee data", publisher="UNHCR",
                      published="2022-03-08", excerpt="More than 1.7 million people have fled Ukraine.")
        attach_source(db, showcase.id, url="https://data.unhcr.org/en/situations/ukraine", stance="context",
                      reviewer="Minh", title="Operational data portal", publisher="UNHCR",
                      archive_url="https://web.archive.org/web/2022/https://data.unhcr.org/en/situations/ukraine")
        saved = save_review(db, showcase.id, expected_version=showcase.version, reviewer="Lan", status="in_review",
                            assignee="Lan")
        saved = save_review(db, showcase.id, expected_version=saved.version, reviewer="Lan", rating="Mostly true",
                            rationale="UNHCR ghi nhận 1,7 triệu người tị nạn tính đến ngày 8/3; bài báo tính số người"
                                      " rời bỏ nhà cửa, gồm cả những người sơ tán trong lãnh thổ Ukraine.",
                            status="drafted")
        save_review(db, showcase.id, expected_version=saved.version, reviewer="Minh", status="published")
        if len(best) > 1:
            save_review(db, best[1].id, expected_version=best[1].version, reviewer="Minh", assignee="Minh",
                        status="in_review")
        if len(best) > 2:
            save_review(db, best[2].id, expected_version=best[2].version, reviewer="Lan", rating="Unverifiable",
                        rationale="Chưa có văn bản công khai nào nêu các điều kiện này.", status="drafted")
        return {"article": first_article, "claim": showcase.id}
    finally:
        db.close()


def english_reader(db_path: Path) -> str:
    """Minh, an editor of the same desk who reads the workbench in English."""
    from app_support import ensure_account

    from db.account_language import set_account_language
    from db.connection import open_database

    account = ensure_account("Minh", role="editor", db_path=db_path)
    db = open_database(db_path)
    try:
        set_account_language(db, account.login, "en", changed_by="Minh")
    finally:
        db.close()
    return account.name


def vi(message: str) -> str:
    return interface_text("vi", message)


def shoot(out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "screenshots.db"
        ids = scripted_review(db_path)
        minh = english_reader(db_path)
        with running_app(db_path) as base, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
                page.set_default_timeout(30_000)
                # (file, address, text to wait for, who, the language the sign-in form and the page speak)
                shots = [
                    ("inbox", "", vi("Inbox"), "Lan", "vi"),
                    ("articles", "articles", vi("Add an article"), "Lan", "vi"),
                    ("article", f"article?id={ids['article']}", vi("Add a claim the engine missed"), "Lan", "vi"),
                    ("queue", "queue", vi("Claim queue"), "Lan", "vi"),
                    ("claim", f"claim?id={ids['claim']}", vi("History"), "Lan", "vi"),
                    ("reports", "reports", vi("Download Markdown"), "Lan", "vi"),
                    ("desk", "desk", vi("Rating scale"), "Lan", "vi"),
                    ("statistics", "statistics", vi("Time to a verdict"), "Lan", "vi"),
                    ("speakers", "speakers", vi("Published verdicts by rating"), "Lan", "vi"),
                    ("claim-en", f"claim?id={ids['claim']}", "History", minh, "en"),
                ]
                for name, path, marker, who, language in shots:
                    page.set_viewport_size(VIEWPORT)
                    # Each picture signs in afresh (no session cookie carried over), so another account can follow;
                    # the form speaks the desk's language whatever the account reads.
                    page.context.clear_cookies()
                    sign_in(page, base, who, path=path, language="vi",
                            expect=None if language == "vi" else f"Signed in as {who}")
                    wait_for_text(page, marker)
                    wait_idle(page)
                    # A page opened right after signing in may run once more (its widgets drawn as placeholders
                    # meanwhile): let that run start and end before the picture.
                    page.wait_for_timeout(1500)
                    wait_idle(page)
                    if name == "statistics":  # figures, tables and the chart are drawn after the headings
                        page.locator("[data-testid='stMetricValue']").first.wait_for()
                        page.wait_for_timeout(2000)
                    if name.startswith("claim"):
                        # Text areas fill in just after the run ends; the picture should show the saved rationale.
                        page.wait_for_function("() => [...document.querySelectorAll('textarea')]"
                                               ".some(t => t.value.startsWith('UNHCR'))")
                    page.set_viewport_size({**VIEWPORT, "height": TALL.get(name, VIEWPORT["height"])})
                    tables = page.locator("[data-testid='stDataFrame']:visible")  # not those in a hidden tab
                    if tables.count():
                        # A table is drawn on a canvas once it is in view: give the taller page time to draw it.
                        tables.last.scroll_into_view_if_needed()
                        page.wait_for_timeout(1500)
                        page.evaluate("window.scrollTo(0, 0); document.querySelectorAll("
                                      "'[data-testid=stMain], section.main').forEach(e => e.scrollTo(0, 0))")
                        page.wait_for_timeout(1500)
                    page.mouse.move(0, 0)  # no hover highlight in the picture
                    target = out / f"{name}.png"
                    page.screenshot(path=str(target))
                    written.append(target)
            finally:
                browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    missing = chromium_missing()
    if missing:
        print(f"cannot take screenshots: {missing}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    for path in shoot(args.out):
        print(f"wrote {path.relative_to(PROJECT) if path.is_relative_to(PROJECT) else path}")
    print(f"{time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
