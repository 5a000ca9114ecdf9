"""Similar claims and search in Debian's Chromium against the real server: why a pair was made, the warning when
linking different figures, no sentence of the claim's own article, a draft verdict shown as a draft, a verdict
adopted with its sources (on the claim and in the report), and the queue's search by words and figures."""
from __future__ import annotations

import pytest
from browser_support import chromium_missing, ensure_account, launch_chromium, running_app, sign_in, wait_for_text

pytestmark = [pytest.mark.skipif(chromium_missing() is not None, reason=chromium_missing() or ""),
              pytest.mark.timeout(300)]

DEATHS_52 = "Theo Bộ Nông nghiệp, ít nhất 52 người đã thiệt mạng vì lũ lụt ở miền Trung trong tuần qua."
DEATHS_48 = "Theo Bộ Nông nghiệp, ít nhất 48 người đã thiệt mạng vì lũ lụt ở miền Trung trong tuần qua."
AFFECTED = "Lũ lụt ảnh hưởng hơn 2,3 triệu người tại 7 tỉnh miền Trung, theo Ban chỉ đạo phòng chống thiên tai."
AFFECTED_AGAIN = "Theo Ban chỉ đạo phòng chống thiên tai, lũ lụt ảnh hưởng hơn 2.300.000 người ở 7 tỉnh miền Trung."
FRESH_ARTICLE = (AFFECTED_AGAIN + " Lũ lụt ở 7 tỉnh miền Trung cũng làm hư hại hơn 3.000 ngôi nhà, theo Ban chỉ đạo."
                 " Ban chỉ đạo phòng chống thiên tai cho biết lũ lụt ở 7 tỉnh miền Trung đã làm 52 người thiệt mạng.")
DA_NANG = "Đà Nẵng công bố kế hoạch năng lượng sạch cho năm 2030."
DA_NANG_FOLDED = "Ông ấy đã nói về năng lượng sạch tại hội nghị ở Hà Nội."


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """One desk for the module: the claims each test opens, stored before the server starts."""
    from db.connection import open_database
    from evidence.review import save_review
    from evidence.sources import attach_source
    from pipelines.ingest import ingest_text
    from pipelines.matching import suggest_matches
    from tests.matching_support import store_claims

    path = tmp_path_factory.mktemp("duplicates") / "browser.db"
    db = open_database(path)
    ids = {}
    [ids["52"]] = store_claims(db, DEATHS_52, title="Báo cáo lũ tuần trước")
    [ids["48"]] = store_claims(db, DEATHS_48, title="Báo cáo lũ hôm nay")
    [ids["affected"]] = store_claims(db, AFFECTED, title="Thiệt hại do lũ")
    attach_source(db, ids["affected"], url="https://phongchongthientai.example/bao-cao", stance="supports",
                  reviewer="Hoa", title="Báo cáo nhanh của Ban chỉ đạo")
    save_review(db, ids["affected"], expected_version=1, reviewer="Hoa", rating="True",
                rationale="Ban chỉ đạo's report [1] counts more than 2.3 million people.", status="drafted")
    save_review(db, ids["52"], expected_version=1, reviewer="Hoa", rating="Mostly true",
                rationale="Still being checked with the provinces.", status="drafted")
    ids["da_nang"], ids["da_nang_folded"] = store_claims(db, DA_NANG, DA_NANG_FOLDED, title="Năng lượng")
    suggest_matches(db, [ids["48"]])
    ids["fresh"] = ingest_text(db, FRESH_ARTICLE, title="Bài mới về lũ").claim_ids
    db.close()
    with running_app(path) as base:
        yield base, ids, path


@pytest.fixture
def page(desk):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        page = chromium.new_page(viewport={"width": 1400, "height": 1100})
        page.set_default_timeout(30_000)
        yield page
        chromium.close()


def _card(page, text: str):
    card = page.locator('[class*="st-key-similar_card_"]').filter(has_text=text).first
    card.wait_for()
    return card


def test_linking_a_pair_with_different_figures_asks_to_confirm_the_difference(desk, page):
    base, ids, _ = desk
    sign_in(page, base, "Lan", path=f"claim?id={ids['48']}")
    card = _card(page, "ít nhất 52 người")
    card.get_by_text("draft verdict").wait_for()
    assert "Why: different figure: ít nhất 48 người ≠ ít nhất 52 người" in card.inner_text()
    assert "draft verdict: Mostly true (not published)" in card.inner_text()  # drafted: not "already checked"
    assert "already checked" not in card.inner_text()
    card.get_by_role("button", name="Same claim").click()
    warning = wait_for_text(page, "These claims differ: different figure: ít nhất 48 người ≠ ít nhất 52 người")
    assert "Link them as the same claim anyway?" in warning.inner_text()
    page.get_by_role("button", name="Link anyway").click()
    wait_for_text(page, "as the same claim, despite: different figure")
    card = _card(page, "ít nhất 52 người")
    card.get_by_text("Decision:").wait_for()
    shown = card.inner_text()
    assert "Decision: You linked it as the same claim despite: different figure" in shown
    assert "engine: related, similarity" in shown  # what was measured, apart from what was decided


def test_a_freshly_ingested_article_gets_no_suggestion_from_its_own_sentences(desk, page):
    base, ids, _ = desk
    first = ids["fresh"][0]
    sign_in(page, base, "Lan", path=f"claim?id={first}")
    card = _card(page, "hơn 2,3 triệu người")  # the same claim in another article, found at ingest
    card.get_by_text("engine:").wait_for()
    text = card.inner_text()
    assert "Why: same figures: hơn 2.300.000 người = hơn 2,3 triệu người; 7" in text
    assert "article #" in text and "Thiệt hại do lũ" in text
    cards = page.locator('[class*="st-key-similar_card_"]')
    assert all("3.000 ngôi nhà" not in c and "52 người thiệt mạng" not in c for c in cards.all_inner_texts())
    expander = wait_for_text(page, "Elsewhere in this article")
    expander.click()
    wait_for_text(page, "3.000 ngôi nhà")


def test_adopting_a_verdict_shows_its_sources_on_the_claim_and_in_the_report(desk, page):
    from db.claims import get_claim
    from db.connection import open_database
    from evidence.review import save_review

    base, ids, path = desk
    ensure_account(base, "Minh", role="editor")
    db = open_database(path)
    save_review(db, ids["affected"], expected_version=get_claim(db, ids["affected"]).version, reviewer="Minh",
                status="published")
    db.close()
    first = ids["fresh"][0]
    sign_in(page, base, "Lan", path=f"claim?id={first}")
    card = _card(page, "hơn 2,3 triệu người")
    card.get_by_text("already checked: True").wait_for()
    card.get_by_role("button", name="Same claim").click()
    wait_for_text(page, "as the same claim.")
    _card(page, "hơn 2,3 triệu người").get_by_role("button", name="Adopt its verdict").click()
    wait_for_text(page, "Adopted the verdict True from claim")
    wait_for_text(page, "with its 1 source")
    wait_for_text(page, "Báo cáo nhanh của Ban chỉ đạo")  # in the claim's Evidence
    page.get_by_role("link", name="Reports").click()
    page.get_by_text("One claim", exact=True).click()
    page.get_by_label("Claim number").fill(str(first))
    page.get_by_label("Claim number").press("Enter")
    preview = page.locator('[data-testid="stMarkdownContainer"]').filter(has_text="Adopted from claim")
    preview.first.wait_for()
    report = preview.first.inner_text()
    assert "Báo cáo nhanh của Ban chỉ đạo" in report and "No sources attached" not in report


def test_search_ranks_the_query_s_diacritics_first_and_reads_figures(desk, page):
    base, ids, _ = desk
    sign_in(page, base, "Lan", path="queue")
    search = page.get_by_label("Search claims")
    search.fill("Đà Nẵng")
    search.press("Enter")
    wait_for_text(page, "2 claims match")
    wait_for_text(page, "First the 1 written with your diacritics, then 1 with the same letters")
    body = page.content()
    assert body.index("Đà Nẵng công bố") < body.index("Ông ấy đã nói")
    search.fill("2.3 million")
    search.press("Enter")
    wait_for_text(page, "claims match")
    wait_for_text(page, "Lũ lụt ảnh hưởng hơn 2,3 triệu người")
    search.fill("Hà Nội")
    search.press("Enter")
    wait_for_text(page, "1 claim matches")
