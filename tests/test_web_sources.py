"""Sources by URL: the form filled from the page, its copy kept with the source, shown after the page has gone,
the suggested passage, and `check-links` flagging a changed or vanished page (on the claim page and the report)."""
from __future__ import annotations

import datetime as dt

import pytest
from app_support import make_app, open_page, texts
from cli_support import factcheck
from web_support import LocalSite, local_site

from db.captures import get_capture
from db.claims import get_claim
from db.settings import set_setting
from db.sources import sources_for_claim
from evidence.markdown import render_markdown
from evidence.report import ReportScope, build_report
from evidence.review import save_review
from evidence.sources import attach_source
from evidence.web_sources import draft_source
from fetching.web import FetchError
from pipelines.ingest import ingest_text
from pipelines.link_checks import check_links

ARTICLE = ("Người phát ngôn Điện Kremlin Dmitry Peskov cho biết hơn 1,7 triệu người đã rời bỏ nhà cửa.\n"
           "Thời tiết hôm nay đẹp.")
SOURCE = """<!doctype html><html><head><meta charset="utf-8"><title>Người tị nạn vượt mốc 1,7 triệu</title>
<meta property="og:site_name" content="Cao ủy Tị nạn"><meta property="article:published_time" content="2022-03-08">
<script>window.kept = "SCRIPT-MARKER";</script></head><body><article>
<h1>Người tị nạn vượt mốc 1,7 triệu</h1>
<p>Giá lương thực trong khu vực tăng mạnh trong tuần qua, theo các tổ chức cứu trợ địa phương.</p>
<p>Theo ông Dmitry Peskov, khoảng 1,8 triệu người đã rời bỏ nhà cửa ở miền đông đất nước này.</p>
<p>Cao ủy Liên Hợp Quốc về người tị nạn xác nhận hơn 1,7 triệu người đã rời bỏ nhà cửa kể từ đầu tháng.</p>
<p>Các chuyến tàu sơ tán vẫn tiếp tục chạy <b>BOLD-MARKER</b> trong đêm qua tới biên giới phía tây.</p>
</article></body></html>"""
CHANGED = SOURCE.replace("hơn 1,7 triệu người", "hơn 2 triệu người")


@pytest.fixture
def site():
    with local_site() as running:
        yield running


@pytest.fixture
def claim_id(db, db_path, monkeypatch) -> int:
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    stored = ingest_text(db, ARTICLE, title="Peskov")
    return next(r["id"] for r in db.query("SELECT id FROM claims WHERE article_id = ? AND text LIKE '%1,7%'",
                                          [stored.article_id]))


def test_a_source_url_fills_title_publisher_date_and_suggests_the_passage(db, site: LocalSite, claim_id) -> None:
    url = site.page("/unhcr.html", SOURCE)
    draft = draft_source(db, url, claim_text=get_claim(db, claim_id).text, allow_private=True)
    assert (draft.title, draft.publisher, draft.published) == ("Người tị nạn vượt mốc 1,7 triệu", "Cao ủy Tị nạn",
                                                               "2022-03-08")
    assert "hơn 1,7 triệu người" in draft.passage[0].text
    assert "1,8 triệu" not in draft.passage[0].text


def test_a_source_url_is_refused_at_a_loopback_address_by_default(db, site: LocalSite, claim_id) -> None:
    url = site.page("/unhcr.html", SOURCE)
    with pytest.raises(FetchError, match="loopback address 127.0.0.1"):
        draft_source(db, url, claim_text="x")
    set_setting(db, "allow_private_addresses", True, changed_by="Lan")  # the desk's intranet setting
    assert draft_source(db, url, claim_text="x").page.status == 200


def test_the_kept_copy_is_stored_with_the_source_or_not_at_all(db, site: LocalSite, claim_id) -> None:
    draft = draft_source(db, site.page("/unhcr.html", SOURCE), claim_text="x", allow_private=True)
    attach_source(db, claim_id, url=draft.page.final_url, stance="supports", reviewer="Lan", title=draft.title,
                  page=draft.page)
    (source,) = sources_for_claim(db, claim_id)
    capture = get_capture(db, source.capture_id)
    assert capture["http_status"] == 200 and "SCRIPT-MARKER" in capture["html"]
    assert "hơn 1,7 triệu người" in capture["text"] and source.captured_at == capture["fetched_at"]
    with pytest.raises(LookupError):
        attach_source(db, 999999, url=draft.page.final_url, stance="supports", reviewer="Lan", page=draft.page)
    assert db.execute("SELECT count(*) FROM page_captures").fetchone()[0] == 1


def _fetch_in_the_app(at, url):
    at.text_input(key="claim_fetch_url").input(url)
    return at.button(key="claim_fetch_button").click().run()


def test_the_claim_page_fetches_a_source_keeps_it_and_shows_it_after_the_server_stopped(db, site: LocalSite,
                                                                                          claim_id) -> None:
    set_setting(db, "allow_private_addresses", True, changed_by="Lan")
    url = site.page("/unhcr.html", SOURCE)
    at = _fetch_in_the_app(open_page(make_app(), "claim", id=claim_id), url)
    assert not at.exception and not at.error
    assert at.text_input(key="claim_source_title").value == "Người tị nạn vượt mốc 1,7 triệu"
    assert at.text_input(key="claim_source_publisher").value == "Cao ủy Tị nạn"
    assert at.date_input(key="claim_source_published").value == dt.date(2022, 3, 8)
    assert "Suggested passage" in texts(at)
    at.button(key="claim_use_passage_0").click().run()
    assert "hơn 1,7 triệu người" in at.text_area(key="claim_source_excerpt").value
    at.button(key=f"FormSubmitter:claim_{claim_id}_source_form-Attach source").click().run()
    assert not at.exception and not at.error
    (source,) = sources_for_claim(db, claim_id)
    assert source.capture_id is not None and "hơn 1,7 triệu người" in (source.excerpt or "")

    site.stop()  # the page has gone: nothing answers at that address any more
    at = open_page(make_app(), "claim", id=claim_id)
    assert not at.exception
    page = texts(at)
    assert f"Copy kept on {source.captured_at[:10]}" in page
    assert any("hơn 1,7 triệu người" in str(t.value) for t in at.text)  # the kept main text
    code = "\n".join(str(c.value) for c in at.code)
    assert "SCRIPT-MARKER" in code and "<b>BOLD-MARKER</b>" in code  # the HTML only as text
    assert all("SCRIPT-MARKER" not in str(h.value) for h in at.get("html"))  # never rendered


def test_a_page_that_cannot_be_fetched_gives_one_line_and_fills_nothing(db, site: LocalSite, claim_id) -> None:
    at = _fetch_in_the_app(open_page(make_app(), "claim", id=claim_id), site.url + "/missing.html")
    assert not at.exception
    assert "loopback" in at.error[0].value and "\n" not in at.error[0].value  # the default refuses 127.0.0.1
    set_setting(db, "allow_private_addresses", True, changed_by="Lan")
    at = _fetch_in_the_app(open_page(make_app(), "claim", id=claim_id), site.url + "/missing.html")
    assert "HTTP 404" in at.error[0].value
    assert at.text_input(key="claim_source_title").value == ""
    assert db.execute("SELECT count(*) FROM page_captures").fetchone()[0] == 0


def _publish(db, claim_id: int) -> None:
    claim = save_review(db, claim_id, expected_version=get_claim(db, claim_id).version, reviewer="Lan",
                        rating="True", rationale="UNHCR counts 1,7 triệu.", status="drafted")
    save_review(db, claim_id, expected_version=claim.version, reviewer="Lan", status="published")


def _attach_fetched(db, claim_id: int, url: str) -> None:
    draft = draft_source(db, url, claim_text="x", allow_private=True)
    attach_source(db, claim_id, url=url, stance="supports", reviewer="Lan", page=draft.page)


def test_check_links_finds_unchanged_changed_and_gone_pages(db, site: LocalSite, claim_id) -> None:
    _attach_fetched(db, claim_id, site.page("/unhcr.html", SOURCE))
    _attach_fetched(db, claim_id, site.page("/other.html", SOURCE.replace("BOLD", "OTHER")))
    assert check_links(db, allow_private=True) == []  # nothing published yet: nothing to check
    _publish(db, claim_id)
    assert [c.outcome for c in check_links(db, allow_private=True)] == ["unchanged", "unchanged"]
    site.page("/unhcr.html", SOURCE.replace("<head>", "<head><!-- a new advert -->"))  # markup only
    site.page("/other.html", CHANGED)
    assert [c.outcome for c in check_links(db, allow_private=True)] == ["unchanged", "changed"]
    del site.pages["/unhcr.html"]
    checks = check_links(db, allow_private=True)
    assert [(c.outcome, c.http_status) for c in checks] == [("gone", 404), ("changed", 200)]
    assert [c.flagged for c in checks] == [True, True]
    assert check_links(db)[0].outcome == "error"  # the default refuses loopback: no verdict on the page


def test_factcheck_check_links_flags_a_changed_page_and_the_claim_page_and_report_show_it(db, db_path,
                                                                                         site: LocalSite,
                                                                                         claim_id) -> None:
    _attach_fetched(db, claim_id, site.page("/unhcr.html", SOURCE))
    _publish(db, claim_id)
    site.page("/unhcr.html", CHANGED)
    refused = factcheck("check-links", db=db_path)
    assert refused.returncode == 0 and "error: " in refused.stdout and "loopback" in refused.stdout
    result = factcheck("check-links", "--allow-private", db=db_path)
    assert result.returncode == 0, result.stderr
    assert "FLAGGED changed: " + site.url + "/unhcr.html" in result.stdout
    assert "1 flagged" in result.stdout
    at = open_page(make_app(), "claim", id=claim_id)
    assert not at.exception
    assert any("The page has changed since the copy was kept" in w.value for w in at.warning)
    report = render_markdown(build_report(db, ReportScope(claim_id=claim_id)))
    kept_on = sources_for_claim(db, claim_id)[0].captured_at[:10]
    assert f"Copy kept on {kept_on} (the page has changed since)" in report
