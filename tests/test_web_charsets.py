"""Pages in every charset a server may declare or send: an unknown or broken declaration (`charset=undefined`)
falls back to detection, a byte-order mark outranks the declaration, an undeclared Shift_JIS page is read right, and
a page that decodes to noise is refused in one line; `ingest URL`, `watch` and `check-links` go on past any of them."""
from __future__ import annotations

import os

import pytest
from cli_support import factcheck
from test_web_feeds import RSS, article, rss
from test_web_sources import SOURCE, _attach_fetched, _publish
from web_support import LocalSite, local_site

from db.connection import open_database
from pipelines.feeds import feed_items
from pipelines.ingest import ingest_text

GOOD = article("Giá xăng tăng", "Giá xăng RON 95 tăng 1.200 đồng mỗi lít từ ngày 8/3.")
JAPANESE = ("<html><head><title>ガソリン価格が上昇</title></head><body><article><h1>ガソリン価格が上昇</h1>"
            "<p>経済産業省によると、レギュラーガソリンの全国平均価格は一リットルあたり百七十五円となり、"
            "前の週より二円高くなった。政府は補助金を続ける方針だと説明している。</p>"
            "<p>専門家は、原油価格の動きと円安が今後も価格に影響すると話している。</p></article></body></html>")


@pytest.fixture
def site():
    with local_site() as running:
        yield running


def serve(site: LocalSite, path: str, body: bytes, kind: str) -> str:
    site.pages[path] = (kind, body)
    return site.url + path


def titles(db_path) -> list[str]:
    db = open_database(db_path)
    try:
        return [r["title"] for r in db.query("SELECT title FROM articles ORDER BY id")]
    finally:
        db.close()


@pytest.mark.parametrize("kind, body", [
    ("text/html; charset=undefined", GOOD),
    ("text/html", GOOD.replace('<meta charset="utf-8">', '<meta charset="undefined">')),
    ("text/html; charset=base64", GOOD),
    ("text/html; charset=rot13", GOOD),
    ("text/html; charset=no-such-charset", GOOD),
])
def test_ingest_url_reads_a_page_whose_charset_is_unknown_or_not_text(db_path, site: LocalSite, kind, body) -> None:
    url = serve(site, "/a.html", body.encode("utf-8"), kind)
    result = factcheck("ingest", url, "--allow-private", db=db_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert titles(db_path) == ["Giá xăng tăng"]


def test_a_byte_order_mark_outranks_the_declared_charset(db_path, site: LocalSite) -> None:
    little = serve(site, "/le.html", b"\xff\xfe" + GOOD.encode("utf-16-le"), "text/html; charset=iso-8859-1")
    big = serve(site, "/be.html", b"\xfe\xff" + GOOD.replace("Giá xăng", "Giá vàng").encode("utf-16-be"),
                "text/html")
    result = factcheck("ingest", little, big, "--allow-private", db=db_path)
    assert result.returncode == 0, result.stderr
    assert titles(db_path) == ["Giá xăng tăng", "Giá vàng tăng"]


def test_an_undeclared_shift_jis_page_is_read_as_japanese(db_path, site: LocalSite) -> None:
    url = serve(site, "/jp.html", JAPANESE.encode("shift_jis"), "text/html")
    result = factcheck("ingest", url, "--allow-private", db=db_path)
    assert result.returncode == 0, result.stderr
    assert titles(db_path) == ["ガソリン価格が上昇"]


def test_a_page_that_decodes_to_noise_is_refused_in_one_line(db_path, site: LocalSite) -> None:
    noise = serve(site, "/noise.html", os.urandom(20000), "text/html; charset=undefined")
    good = serve(site, "/a.html", GOOD.encode("utf-8"), "text/html; charset=utf-8")
    result = factcheck("ingest", noise, good, "--allow-private", db=db_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {noise}: ") and "readable text" in lines[0], lines
    assert titles(db_path) == ["Giá xăng tăng"]  # the good page after it is stored


def test_watch_records_a_bad_item_and_reads_the_items_and_feeds_after_it(db_path, site: LocalSite) -> None:
    serve(site, "/undefined.html", GOOD.replace("Giá xăng", "Giá điện").encode(), "text/html; charset=undefined")
    serve(site, "/noise.html", os.urandom(20000), "text/html; charset=undefined")
    site.page("/after.html", article("Lạm phát", "Lạm phát tháng 2 tăng 4,2% so với cùng kỳ năm trước."))
    site.page("/other.html", article("Xuất khẩu", "Xuất khẩu gạo đạt 6,2 triệu tấn trong năm 2021."))
    first = site.page("/one.xml", rss("/undefined.html", "/noise.html", "/after.html", base=site.url), RSS)
    second = site.page("/two.xml", rss("/other.html", base=site.url), RSS)
    result = factcheck("watch", first, second, "--once", "--allow-private", db=db_path)
    assert "Traceback" not in result.stderr, result.stderr
    assert f"{first}: 3 new items, 2 stored, 0 already stored, 1 failed" in result.stdout
    assert f"{second}: 1 new items, 1 stored" in result.stdout
    assert titles(db_path) == ["Giá điện tăng", "Lạm phát", "Xuất khẩu"]
    db = open_database(db_path)
    try:
        outcomes = {item.url: item.outcome for item in feed_items(db)}
    finally:
        db.close()
    assert outcomes[site.url + "/noise.html"].startswith("failed: ") and "readable text" in \
        outcomes[site.url + "/noise.html"]


def test_check_links_goes_on_past_a_page_with_a_broken_charset(db, db_path, monkeypatch, site: LocalSite) -> None:
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    stored = ingest_text(db, "Người phát ngôn cho biết hơn 1,7 triệu người đã rời bỏ nhà cửa.", title="Peskov")
    claim_id = next(r["id"] for r in db.query("SELECT id FROM claims WHERE article_id = ?", [stored.article_id]))
    _attach_fetched(db, claim_id, site.page("/first.html", SOURCE))
    _attach_fetched(db, claim_id, site.page("/second.html", SOURCE.replace("BOLD", "OTHER")))
    _publish(db, claim_id)
    serve(site, "/first.html", os.urandom(20000), "text/html; charset=undefined")
    site.page("/second.html", SOURCE.replace("BOLD", "OTHER").replace("1,7 triệu", "2 triệu"))
    result = factcheck("check-links", "--allow-private", db=db_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    out = result.stdout
    assert f"error: {site.url}/first.html" in out and "readable text" in out
    assert f"FLAGGED changed: {site.url}/second.html" in out
