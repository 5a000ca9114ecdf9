"""Kept copies beyond the fetch panel: an article fetched by URL opens its copy on the Article page (after the page
has gone), and a source typed by hand with its URL gets a copy fetched when it is saved."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from app_support import make_app, open_page, texts
from web_support import LocalSite, local_site

from db.captures import get_capture, ingest_url
from db.ingest import ingest_text

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Hơn 1,7 triệu người rời nhà</title>
<meta name="author" content="Nguyễn Lan"><meta property="og:site_name" content="Báo Thử">
<meta property="article:published_time" content="2022-03-08"><script>window.kept = "SCRIPT-MARKER";</script>
</head><body><article><h1>Hơn 1,7 triệu người rời nhà</h1>
<p>Người phát ngôn Điện Kremlin Dmitry Peskov hôm 7/3 cho biết hơn 1,7 triệu người đã rời bỏ nhà cửa.</p>
<p>Các chuyến tàu sơ tán vẫn tiếp tục chạy <b>BOLD-MARKER</b> trong đêm qua tới biên giới phía tây.</p>
</article></body></html>"""


@pytest.fixture
def site() -> Iterator[LocalSite]:
    with local_site() as running:
        yield running


def _never_rendered(at) -> None:
    """The captured HTML appears only as text: no st.html/markdown element carries its markup or script."""
    code = "\n".join(str(c.value) for c in at.code)
    assert "SCRIPT-MARKER" in code and "<b>BOLD-MARKER</b>" in code
    for element in [*at.get("html"), *at.markdown]:
        assert "SCRIPT-MARKER" not in str(element.value) and "<b>BOLD-MARKER</b>" not in str(element.value)


def test_an_article_fetched_by_url_opens_its_kept_copy_after_the_page_has_gone(db, db_path, monkeypatch,
                                                                             site: LocalSite) -> None:
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    outcome = ingest_url(db, site.page("/article.html", PAGE), allow_private=True)
    assert outcome.ok, outcome.error
    capture = get_capture(db, next(db.query("SELECT capture_id FROM articles"))["capture_id"])
    site.stop()  # the page has gone

    at = open_page(make_app(), "article", id=outcome.stored.article_id)
    assert not at.exception
    page = texts(at)
    assert f"Copy kept on {capture['fetched_at'][:10]}" in page
    assert "By Nguyễn Lan · Báo Thử" in page
    assert any("hơn 1,7 triệu người đã rời bỏ nhà cửa" in str(t.value) for t in at.text)  # the kept main text
    assert [b.proto.label for b in at.get("download_button")] == \
        ["Download the HTML (as plain text)"]
    _never_rendered(at)


def test_a_pasted_article_has_no_kept_copy(db, db_path, monkeypatch) -> None:
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    stored = ingest_text(db, "Hơn 1,7 triệu người đã rời bỏ nhà cửa, theo ông Peskov.", title="Dán")
    at = open_page(make_app(), "article", id=stored.article_id)
    assert not at.exception
    assert "Copy kept on" not in texts(at) and not at.code

