"""The world's fact-checks as schema.org ClaimReview: `factcheck import-claims` reads JSON-LD pages, `@graph`
documents and Fact Check Tools API responses, `factcheck watch --claimreview` reads feeds of them; each past
fact-check keeps its publisher, url, rating, language and date; a bad review is refused by name, a re-import
updates, and the claim page names who checked a matching claim."""
from __future__ import annotations

import json

import pytest
from app_support import make_app, open_page, texts
from cli_support import factcheck
from web_support import local_site

from claims.claimreview_items import ClaimReviewError, parse_claimreview
from db.connection import open_database
from db.known_claims import import_known_claims
from pipelines.claimreview_feeds import check_claimreview_feed
from pipelines.ingest import ingest_text


def review(n: int, claim: str, rating: str, *, publisher: str = "Kiểm Chứng VN", language: str = "vi",
           date: str = "2024-03-08") -> dict:
    return {"@context": "https://schema.org", "@type": "ClaimReview",
            "url": f"https://kiemchung.example/fact-checks/{n}", "claimReviewed": claim,
            "reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": rating},
            "author": {"@type": "Organization", "name": publisher, "url": "https://kiemchung.example"},
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Nguyễn Văn An"}},
            "datePublished": f"{date}T09:30:00+07:00", "inLanguage": language}


def page(*blocks: object) -> str:
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(b, ensure_ascii=False)}</script>'
                      for b in blocks)
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>Kiểm chứng</title>{scripts}</head>'
            f"<body><article><p>Bài kiểm chứng.</p></article></body></html>")


def stored(db_path) -> dict[str, dict]:
    db = open_database(db_path)
    try:
        return {r["id"]: r for r in db.query("SELECT id, text, verdict, url, published, language, publisher,"
                                             " publisher_url, claimant FROM known_claims")}
    finally:
        db.close()


def test_a_json_ld_page_is_imported_with_publisher_rating_language_and_date(tmp_path, db_path):
    html = tmp_path / "fact-check.html"
    organisation = {"@context": "https://schema.org", "@type": "Organization", "name": "Kiểm Chứng VN"}
    html.write_text(page(organisation, review(1, "Giá xăng tăng 30% trong tháng 3.", "Sai")), encoding="utf-8")
    result = factcheck("import-claims", str(html), db=db_path)
    assert result.returncode == 0, result.stderr
    assert "imported 1 past fact-checks" in result.stdout
    row = stored(db_path)["https://kiemchung.example/fact-checks/1"]
    assert row == {"id": "https://kiemchung.example/fact-checks/1", "text": "Giá xăng tăng 30% trong tháng 3.",
                   "verdict": "Sai", "url": "https://kiemchung.example/fact-checks/1", "published": "2024-03-08",
                   "language": "vi", "publisher": "Kiểm Chứng VN", "publisher_url": "https://kiemchung.example",
                   "claimant": "Nguyễn Văn An"}


def test_a_graph_document_gives_each_review_it_holds(tmp_path, db_path):
    document = tmp_path / "graph.json"
    document.write_text(json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Kiểm Chứng VN"},
        review(2, "Xuất khẩu gạo đạt 9 triệu tấn.", "Gần đúng"),
        review(3, "Rice exports doubled last year.", "False", language="en-GB", publisher="Check Desk"),
    ]}, ensure_ascii=False, indent=2), encoding="utf-8")
    result = factcheck("import-claims", str(document), db=db_path)
    assert result.returncode == 0, result.stderr
    rows = stored(db_path)
    assert [(r["verdict"], r["publisher"], r["language"]) for r in rows.values()] == [
        ("Gần đúng", "Kiểm Chứng VN", "vi"), ("False", "Check Desk", "en")]


def test_a_fact_check_tools_api_response_gives_one_past_check_per_review(tmp_path, db_path):
    response = {"claims": [
        {"text": "Vaccines contain microchips", "claimant": "Social media posts", "claimDate": "2021-01-05T00:00:00Z",
         "claimReview": [
             {"publisher": {"name": "FactCheck.org", "site": "factcheck.org"},
              "url": "https://www.factcheck.org/2021/01/microchips/", "title": "No microchips",
              "reviewDate": "2021-01-07T00:00:00Z", "textualRating": "False", "languageCode": "en"},
             {"publisher": {"name": "AFP Fact Check", "site": "factcheck.afp.com"},
              "url": "https://factcheck.afp.com/microchips", "title": "No",
              "reviewDate": "2021-01-09T00:00:00Z", "textualRating": "Sai", "languageCode": "vi"}]},
        {"text": "Lạm phát năm 2023 là 10%", "claimant": "Một tài khoản Facebook",
         "claimReview": [{"publisher": {"name": "Kiểm Chứng VN", "site": "kiemchung.example"},
                          "url": "https://kiemchung.example/lam-phat", "reviewDate": "2024-01-02T00:00:00Z",
                          "textualRating": "Sai", "languageCode": "vi"}]}],
        "nextPageToken": "CAE"}
    document = tmp_path / "claims-search.json"
    document.write_text(json.dumps(response, ensure_ascii=False), encoding="utf-8")
    result = factcheck("import-claims", str(document), db=db_path)
    assert result.returncode == 0, result.stderr
    rows = stored(db_path)
    assert sorted(rows) == ["https://factcheck.afp.com/microchips", "https://kiemchung.example/lam-phat",
                            "https://www.factcheck.org/2021/01/microchips/"]
    afp = rows["https://factcheck.afp.com/microchips"]
    assert (afp["text"], afp["verdict"], afp["publisher"], afp["publisher_url"], afp["published"],
            afp["language"], afp["claimant"]) == ("Vaccines contain microchips", "Sai", "AFP Fact Check",
                                                  "factcheck.afp.com", "2021-01-09", "vi", "Social media posts")


@pytest.mark.parametrize(("broken", "named"), [
    ({"claimReviewed": None}, "item 2 (https://kiemchung.example/fact-checks/2): no claim reviewed"),
    ({"url": None}, "item 2: no url"),
    ({"datePublished": "hôm qua"}, "item 2 (https://kiemchung.example/fact-checks/2): the date 'hôm qua' is not"),
    ({"reviewRating": "Sai"}, "item 2 (https://kiemchung.example/fact-checks/2): reviewRating must be an object"),
])
def test_a_malformed_review_is_refused_by_name_and_nothing_is_imported(tmp_path, db_path, broken, named):
    bad = {**review(2, "Giá điện tăng 8%.", "Đúng"), **broken}
    document = tmp_path / "reviews.json"
    document.write_text(json.dumps([review(1, "Giá xăng tăng 30%.", "Sai"), bad, review(3, "Lạm phát 4%.", "Đúng")],
                                   ensure_ascii=False), encoding="utf-8")
    result = factcheck("import-claims", str(document), db=db_path)
    assert result.returncode == 1
    message = result.stderr
    assert message.count("\n") == 1 and named in message and str(document) in message
    assert stored(db_path) == {}  # not even item 1


def test_a_page_without_claimreview_and_a_broken_json_ld_block_are_refused():
    with pytest.raises(ClaimReviewError, match="no ClaimReview found"):
        parse_claimreview(page({"@type": "NewsArticle", "headline": "Tin"}), name="tin.html")
    with pytest.raises(ClaimReviewError, match="tin.html: JSON-LD block 1 is not JSON"):
        parse_claimreview('<html><script type="application/ld+json">{"@type": </script></html>', name="tin.html")


def test_a_reimport_updates_each_past_check_instead_of_adding_one(tmp_path, db_path):
    document = tmp_path / "reviews.json"
    document.write_text(json.dumps([review(1, "Giá xăng tăng 30%.", "Chưa rõ")], ensure_ascii=False),
                        encoding="utf-8")
    assert factcheck("import-claims", str(document), db=db_path).returncode == 0
    corrected = review(1, "Giá xăng tăng 30% trong tháng 3.", "Sai", date="2024-03-10")
    document.write_text(json.dumps([corrected, review(2, "Giá điện tăng 8%.", "Đúng")], ensure_ascii=False),
                        encoding="utf-8")
    assert factcheck("import-claims", str(document), db=db_path).returncode == 0
    rows = stored(db_path)
    assert len(rows) == 2
    first = rows["https://kiemchung.example/fact-checks/1"]
    assert (first["text"], first["verdict"], first["published"]) == ("Giá xăng tăng 30% trong tháng 3.", "Sai",
                                                                      "2024-03-10")


def test_a_feed_of_pages_and_a_json_feed_are_read_from_a_local_server(db, db_path):
    with local_site() as site:
        site.page("/checks/1.html", page(review(1, "Giá xăng tăng 30% trong tháng 3.", "Sai")))
        site.page("/checks/2.html", page({"@context": "https://schema.org",
                                          "@graph": [review(2, "Lạm phát năm 2023 là 10%.", "Sai")]}))
        site.page("/checks/3.html", page({"@type": "NewsArticle"}))  # no review on this page: named, skipped
        items = "".join(f"<item><title>{n}</title><link>{site.url}/checks/{n}.html</link></item>" for n in (1, 2, 3))
        feed = site.page("/feed.xml", f'<?xml version="1.0"?><rss version="2.0"><channel><title>Kiểm chứng'
                                      f"</title>{items}</channel></rss>", "application/rss+xml")
        result = factcheck("watch", "--claimreview", feed, "--once", "--allow-private", db=db_path)
        out, err = result.stdout, result.stderr
        assert f"{feed}: 2 past fact-checks imported (new or updated), 1 items failed" in out
        assert f"{site.url}/checks/3.html: no ClaimReview found" in err
        assert {r["verdict"] for r in stored(db_path).values()} == {"Sai"}
        # A JSON feed (here the array another desk's archive gives); read again, it updates.
        site.page("/reviews.json", json.dumps([review(4, "Giá điện tăng 8%.", "Đúng")], ensure_ascii=False),
                  "application/json")
        first = check_claimreview_feed(db, f"{site.url}/reviews.json", allow_private=True)
        again = check_claimreview_feed(db, f"{site.url}/reviews.json", allow_private=True)
    assert (first.imported, again.imported, first.error) == (1, 1, None)
    assert len(stored(db_path)) == 3


def test_a_claimreview_feed_on_a_loopback_address_is_refused_by_default(db):
    with local_site() as site:
        url = site.page("/reviews.json", json.dumps([review(1, "Giá xăng tăng 30%.", "Sai")]), "application/json")
        checked = check_claimreview_feed(db, url)
    assert checked.imported == 0 and "loopback address" in (checked.error or "")
    assert site.requests == []  # refused before any request was sent
    assert db.execute("SELECT count(*) FROM known_claims").fetchone()[0] == 0


def test_match_and_the_claim_page_name_the_publisher_of_a_matching_past_check(db, db_path, monkeypatch, tmp_path):
    import_known_claims(db, parse_claimreview(json.dumps(
        [review(1, "Bộ Y tế cho biết hơn 1,7 triệu người đã được tiêm chủng trong tháng 3.", "Sai")])))
    claim_id = ingest_text(db, "Bộ Y tế cho biết hơn 1,7 triệu người đã được tiêm chủng trong tháng 3.",
                           title="Tiêm chủng").claim_ids[0]
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    at = open_page(make_app(), "claim", id=claim_id)
    assert not at.exception
    page = texts(at).replace("\\", "")
    assert "past fact-check · Kiểm Chứng VN · 2024-03-08" in page and "already checked: **Sai**" in page
    query = tmp_path / "q.jsonl"
    query.write_text(json.dumps({"id": "q", "text": "Bộ Y tế cho biết hơn 1,7 triệu người đã được tiêm chủng"
                                 " trong tháng 3."}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = factcheck("match", "--db", str(db_path), "--jsonl", str(query), db=db_path)
    best = json.loads(result.stdout.splitlines()[0])["matches"][0]
    assert (best["id"], best["publisher"]) == ("https://kiemchung.example/fact-checks/1", "Kiểm Chứng VN")
