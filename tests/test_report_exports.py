"""ClaimReview JSON-LD for published verdicts, and CSV that spreadsheets cannot turn into formulas."""
from __future__ import annotations

import csv
import io
import json

import pytest

from claims.model import Claim, Extraction
from db.articles import store_article
from evidence.claimreview import render_claimreview, render_claimreview_json
from evidence.csv_export import CSV_COLUMNS, defuse_formula, render_csv
from evidence.report import ReportScope, build_report
from evidence.review import save_review
from evidence.sources import attach_source
from pipelines.ingest import ingest_text


def store(db, sentences: list[str], *, speaker: str | None = None, url: str | None = "https://www.news.example/a"):
    text, claims = "", []
    for sentence in sentences:
        claims.append(Claim(text=sentence, start=len(text), end=len(text) + len(sentence), checkworthy=True,
                            score=0.9, speaker=speaker))
        text += sentence + " "
    return list(store_article(db, text=text.strip(), extraction=Extraction(language="en", claims=tuple(claims)),
                              title="Sample article", url=url, published="2024-03-01").claim_ids)


def verdict(db, claim_id: int, rating: str, *, publish: bool = True, rationale: str = "Checked."):
    claim = save_review(db, claim_id, expected_version=1, reviewer="Lan", rating=rating, rationale=rationale,
                        verdict=f"{rating} verdict", status="drafted")
    if publish:
        claim = save_review(db, claim_id, expected_version=claim.version, reviewer="Lan", status="published")
    return claim


def test_claimreview_lists_only_published_verdicts_with_schema_org_fields(db):
    published, drafted = store(db, ["Exports grew 12%.", "Imports fell 3%."], speaker="Nguyễn Văn A")
    claim = verdict(db, published, "Mostly false")
    verdict(db, drafted, "True", publish=False)

    reviews = render_claimreview(build_report(db, ReportScope(article_id=1)), publisher_name="Kiểm chứng",
                                 publisher_url="https://checks.example")
    assert len(reviews) == 1
    review = reviews[0]
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "Exports grew 12%."
    assert review["url"] == f"https://checks.example/claims/{published}"
    assert review["author"] == {"@type": "Organization", "name": "Kiểm chứng", "url": "https://checks.example"}
    assert review["datePublished"] == claim.first_published_at[:10]
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Mostly false", "ratingValue": 3,
                                      "bestRating": 6, "worstRating": 2}
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Nguyễn Văn A"}
    assert item["datePublished"] == "2024-03-01"
    assert item["appearance"]["@type"] == "CreativeWork"
    assert item["appearance"]["url"] == "https://www.news.example/a"


def test_unverifiable_verdict_has_a_label_but_no_number(db):
    (claim_id,) = store(db, ["Exports grew 12%."])
    verdict(db, claim_id, "Unverifiable")
    rating = render_claimreview(build_report(db, ReportScope()))[0]["reviewRating"]
    assert rating == {"@type": "Rating", "alternateName": "Unverifiable"}


def test_claim_without_speaker_is_attributed_to_the_outlet(db):
    (claim_id,) = store(db, ["Exports grew 12%."])
    verdict(db, claim_id, "True")
    author = render_claimreview(build_report(db, ReportScope()))[0]["itemReviewed"]["author"]
    assert author == {"@type": "Organization", "name": "news.example", "url": "https://www.news.example"}


def test_a_correction_sets_date_modified(db):
    (claim_id,) = store(db, ["Exports grew 12%."])
    claim = verdict(db, claim_id, "True")
    claim = save_review(db, claim_id, expected_version=claim.version, reviewer="Minh", rating="False",
                        rationale="Corrected.")
    review = render_claimreview(build_report(db, ReportScope()))[0]
    assert review["dateModified"] == claim.published_at[:10]
    assert review["reviewRating"]["alternateName"] == "False"


def test_claimreview_json_is_a_json_list(db):
    (claim_id,) = store(db, ["Exports grew 12%."])
    verdict(db, claim_id, "True")
    text = render_claimreview_json(build_report(db, ReportScope()))
    assert text.endswith("\n")
    assert [r["@type"] for r in json.loads(text)] == ["ClaimReview"]


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\",\"y\")"])
def test_formula_like_cells_get_a_leading_apostrophe(cell):
    assert defuse_formula(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["1,7 triệu", "a=b", "", 5, None])
def test_other_cells_are_unchanged(cell):
    assert defuse_formula(cell) == cell


def read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")  # the byte-order mark Excel needs to read UTF-8
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_csv_has_one_row_per_claim_with_its_sources_and_defused_formulas(db):
    hostile = '=HYPERLINK("http://evil.example","click"), "quoted"\nnext line'
    first, second = store(db, [hostile, "Imports fell 3%."])
    verdict(db, first, "False", rationale="-2 is wrong, @everyone")
    for n in (1, 2):
        attach_source(db, first, url=f"https://stats.example/{n}", stance="refutes", reviewer="Lan",
                      title=f"+Table {n}", accessed="2024-03-02")

    text = render_csv(build_report(db, ReportScope(article_id=1)))
    assert "\r\n" in text
    rows = read_csv(text)
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["claim_id"] for r in rows] == [str(first), str(second)]
    assert rows[0]["claim_text"] == "'" + hostile
    assert rows[0]["rationale"] == "'-2 is wrong, @everyone"
    assert rows[0]["rating_value"] == "2"
    assert rows[0]["source_count"] == "2"
    assert rows[0]["source_urls"] == "https://stats.example/1\nhttps://stats.example/2"
    assert rows[0]["sources"].splitlines()[0].startswith("[1] +Table 1 — ")
    assert rows[1]["rating"] == ""
    assert not [v for row in rows for v in row.values() if v[:1] in ("=", "+", "-", "@")]


@pytest.mark.parametrize("cell", ["＝HYPERLINK(\"http://x\")", "＋1", "－1", "＠SUM(A1)", " =1+1", "\u3000=1"])
def test_csv_defuses_full_width_and_space_led_formulas(cell):
    assert defuse_formula(cell) == "'" + cell


def test_claimreview_json_cannot_close_the_script_element_it_is_embedded_in(db):
    article = ingest_text(db, "The minister said that exports rose 12% in 2023 </script><script>alert(1)</script>"
                              " & more.", title="Exports")
    claim_id = db.execute("SELECT id FROM claims WHERE article_id = ? ORDER BY start", [article.article_id]
                          ).fetchone()[0]
    save_review(db, claim_id, expected_version=1, reviewer="Lan", rating="False",
                rationale="No <b>such</b> rise & </script>", status="drafted")
    save_review(db, claim_id, expected_version=2, reviewer="Minh", status="published")
    text = render_claimreview_json(build_report(db, ReportScope()))
    assert "<" not in text and ">" not in text and "&" not in text
    reviews = json.loads(text)
    assert reviews[0]["reviewRating"]["alternateName"] == "False"
    assert "</script><script>" in reviews[0]["claimReviewed"]
