"""Kept copies beyond the fetch panel: an article fetched by URL opens its copy on the Article page (after the page
has gone), and a source typed by hand with its URL gets a copy fetched when it is saved."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from app_support import make_app, open_page, texts
from cli_support import factcheck
from web_support import LocalSite, local_site

from db.captures import AlreadyKept, get_capture, private_allowed
from db.history import history_for_claim
from db.settings import set_setting
from db.sources import sources_for_claim
from evidence.sources import InvalidSource
from evidence.web_sources import attach_source_keeping_copy, keep_copy_now
from fetching.web import FetchError, fetch_page
from pipelines.ingest import ingest_text
from pipelines.url_ingest import ingest_url

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



ATTACH = "FormSubmitter:claim_{id}_source_form-Attach source"


@pytest.fixture
def claim_id(db, db_path, monkeypatch) -> int:
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    stored = ingest_text(db, "Ông Peskov cho biết hơn 1,7 triệu người đã rời bỏ nhà cửa.", title="Peskov")
    return next(db.query("SELECT id FROM claims WHERE article_id = ?", [stored.article_id]))["id"]


def _type_source(at, claim_id: int, url: str, *, keep: bool = True):
    at.text_input(key="claim_source_url").input(url)
    at.text_input(key="claim_source_title").input("Typed by hand")
    if not keep:
        at.checkbox(key="claim_source_keep").uncheck()
    return at.button(key=ATTACH.format(id=claim_id)).click().run()


def test_a_source_typed_by_hand_keeps_a_copy_fetched_when_it_is_saved(db, site: LocalSite, claim_id) -> None:
    set_setting(db, "private_networks", "127.0.0.1/32", changed_by="Lan")
    url = site.page("/typed.html", PAGE)
    at = open_page(make_app(), "claim", id=claim_id)
    assert at.checkbox(key="claim_source_keep").value is True  # on by default
    at = _type_source(at, claim_id, url)
    assert not at.exception and not at.error and not at.warning
    assert "Source attached with a kept copy of the page." in texts(at)
    (source,) = sources_for_claim(db, claim_id)
    assert source.title == "Typed by hand" and source.capture_id is not None  # the reviewer's title is kept
    capture = get_capture(db, source.capture_id)
    assert capture["final_url"] == url and "hơn 1,7 triệu người" in capture["text"]
    assert [e.after.get("kept_copy") for e in history_for_claim(db, claim_id)] == [source.capture_id]
    site.stop()
    at = open_page(make_app(), "claim", id=claim_id)
    assert f"Copy kept on {capture['fetched_at'][:10]}" in texts(at)
    _never_rendered(at)


def test_a_refused_fetch_still_saves_the_source_and_says_why_in_one_line(db, site: LocalSite, claim_id) -> None:
    at = open_page(make_app(), "claim", id=claim_id)
    at = _type_source(at, claim_id, site.page("/typed.html", PAGE))  # loopback: refused by default
    assert not at.exception and not at.error
    (warning,) = at.warning
    assert warning.value.startswith("Source attached. No copy of the page was kept:")
    assert "loopback address 127.0.0.1" in warning.value and "\n" not in warning.value
    assert site.requests == []
    set_setting(db, "allow_private_addresses", True, changed_by="Lan")
    at = _type_source(at, claim_id, site.url + "/missing.html")
    assert "No copy of the page was kept: the server answered HTTP 404" in at.warning[0].value
    sources = sources_for_claim(db, claim_id)
    assert [s.capture_id for s in sources] == [None, None]
    assert db.execute("SELECT count(*) FROM page_captures").fetchone()[0] == 0


def test_unticked_nothing_is_fetched(db, site: LocalSite, claim_id) -> None:
    set_setting(db, "allow_private_addresses", True, changed_by="Lan")
    at = _type_source(open_page(make_app(), "claim", id=claim_id), claim_id, site.page("/typed.html", PAGE),
                      keep=False)
    assert not at.exception and not at.warning and "Source attached." in texts(at)
    assert site.requests == [] and sources_for_claim(db, claim_id)[0].capture_id is None


def test_the_source_and_its_copy_are_stored_together_or_not_at_all(db, site: LocalSite, claim_id) -> None:
    url = site.page("/typed.html", PAGE)
    with pytest.raises(InvalidSource, match="publication date"):  # fetched, then refused: nothing stored
        attach_source_keeping_copy(db, claim_id, url=url, stance="supports", reviewer="Lan", published="31/2",
                                   allow_private=True)
    with pytest.raises(LookupError):
        attach_source_keeping_copy(db, 999999, url=url, stance="supports", reviewer="Lan", allow_private=True)
    assert db.execute("SELECT count(*) FROM page_captures").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM sources").fetchone()[0] == 0
    fetched = len(site.requests)
    with pytest.raises(InvalidSource, match="must start with http"):  # a bad URL is not fetched at all
        attach_source_keeping_copy(db, claim_id, url="javascript:alert(1)", stance="supports", reviewer="Lan")
    assert len(site.requests) == fetched
    attached = attach_source_keeping_copy(db, claim_id, url=url, stance="supports", reviewer="Lan",
                                          allow_private=True)
    assert attached.kept_copy and attached.no_copy_reason is None
    assert sources_for_claim(db, claim_id)[0].capture_id is not None


def test_offline_no_name_is_looked_up_and_no_public_address_is_reached(db, monkeypatch) -> None:
    """FACTCHECK_OFFLINE=1 (the suite sets it): a source typed with a public URL is saved without a copy, and the
    name is not even looked up."""
    monkeypatch.setenv("FACTCHECK_OFFLINE", "1")
    stored = ingest_text(db, "Ông Peskov cho biết hơn 1,7 triệu người đã rời bỏ nhà cửa.", title="Peskov")
    claim = next(db.query("SELECT id FROM claims WHERE article_id = ?", [stored.article_id]))["id"]
    attached = attach_source_keeping_copy(db, claim, url="https://gso.gov.vn/bao-cao", stance="supports",
                                          reviewer="Lan")
    assert not attached.kept_copy
    assert attached.no_copy_reason == ("gso.gov.vn: fetching from the internet is off (FACTCHECK_OFFLINE=1); refused"
                                       " (only allowed private addresses, given as IP addresses or localhost)")
    with pytest.raises(FetchError, match="public address 8.8.8.8: fetching from the internet is off"):
        fetch_page("http://8.8.8.8/", allow_private=private_allowed(db))


def test_a_source_without_a_copy_can_keep_one_later_and_never_replaces_it(db, site: LocalSite, claim_id) -> None:
    url = site.page("/typed.html", PAGE)
    at = _type_source(open_page(make_app(), "claim", id=claim_id), claim_id, url, keep=False)
    (source,) = sources_for_claim(db, claim_id)
    button = f"claim_keep_copy_{source.link_id}"
    at.button(key=button).click().run()  # loopback is refused by default: one line, nothing kept
    assert not at.exception
    assert at.error[0].value.startswith("No copy kept: ") and "loopback" in at.error[0].value
    assert db.execute("SELECT count(*) FROM page_captures").fetchone()[0] == 0

    set_setting(db, "allow_private_addresses", True, changed_by="Lan")
    at.button(key=button).click().run()
    assert not at.exception and not at.error
    (source,) = sources_for_claim(db, claim_id)
    assert source.capture_id is not None and f"Copy kept on {source.captured_at[:10]}" in texts(at)
    assert "Kept a copy of the page." in texts(at)
    assert not any(b.key == button for b in at.button)  # the copy is kept: no button any more
    assert [e.action for e in history_for_claim(db, claim_id)] == ["source_added", "copy_kept"]
    with pytest.raises(AlreadyKept):
        keep_copy_now(db, source.source_id, url, reviewer="Lan")
    assert db.execute("SELECT count(*) FROM page_captures").fetchone()[0] == 1


def test_factcheck_kept_copy_prints_a_sources_and_an_articles_copy_after_the_page_has_gone(db, db_path,
                                                                                           site: LocalSite,
                                                                                           claim_id) -> None:
    kept = attach_source_keeping_copy(db, claim_id, url=site.page("/typed.html", PAGE), stance="supports",
                                      reviewer="Lan", allow_private=True)
    bare = attach_source_keeping_copy(db, claim_id, url=site.url + "/other.html", stance="context",
                                      reviewer="Lan", keep_copy=False)
    article = ingest_url(db, site.page("/article.html", PAGE.replace("Peskov", "Lavrov")), allow_private=True)
    site.stop()
    source_of = {s.link_id: s.source_id for s in sources_for_claim(db, claim_id)}

    text = factcheck("kept-copy", "--source", str(source_of[kept.link_id]), db=db_path)
    assert text.returncode == 0, text.stderr
    out = text.stdout
    assert out.startswith(f"# {site.url}/typed.html · HTTP 200 · kept ") and "hơn 1,7 triệu người" in out
    assert "SCRIPT-MARKER" not in out  # the main text only
    html = factcheck("kept-copy", "--article", str(article.stored.article_id), "--html", db=db_path)
    assert html.returncode == 0 and 'window.kept = "SCRIPT-MARKER"' in html.stdout and "Lavrov" in html.stdout
    for args, message in (((["--source", str(source_of[bare.link_id])]), "has no kept copy"),
                          ((["--source", "999"]), "source 999 does not exist"),
                          ((["--article", "999"]), "article 999 does not exist")):
        refused = factcheck("kept-copy", *args, db=db_path)
        assert refused.returncode == 1 and message in refused.stderr and refused.stderr.count("\n") == 1
