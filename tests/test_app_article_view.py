"""The Article view: claims highlighted in the escaped text; a missed claim added, claims edited, split, merged."""
from __future__ import annotations

import pytest
from app_support import html_of, make_app, open_page, texts

from db.claims import claims_for_article, get_claim
from pipelines.ingest import ingest_text

HOSTILE = ("Ông An nói <script>alert('x')</script> rằng hơn 1,7 triệu người đã rời bỏ nhà cửa trong tháng 3/2022."
           " Bộ trưởng cho biết 90% người dân đã được tiêm vắc xin vào năm 2021 & sẽ tăng 25% vào năm 2023."
           " Trời hôm nay đẹp.")


@pytest.fixture
def article(db, db_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    stored = ingest_text(db, HOSTILE, title="Tin <i>nóng</i>")
    return stored.article_id


def _pick(at, article_id, claim_id):
    at.selectbox(key=f"article_pick_{article_id}").set_value(claim_id)
    return at.run()


def test_article_text_is_escaped_and_claims_are_highlighted(db, article):
    at = open_page(make_app(), "article", id=article)
    assert not at.exception
    page = html_of(at)
    assert "<script>" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&amp; sẽ tăng 25%" in page
    claims = claims_for_article(db, article)
    assert page.count("<mark") == len(claims) >= 2
    # The title is Markdown-escaped (an image in a title would load for every colleague); it reads as typed.
    assert "Tin \\<i\\>nóng\\</i\\>" in [s.value for s in at.subheader]


def test_colouring_by_verdict_shows_the_rating_legend(db, article):
    at = open_page(make_app(), "article", id=article)
    at.get("segmented_control")[0].set_value("verdict").run()
    assert not at.exception
    assert "Mostly false" in html_of(at) and "No verdict" in html_of(at)


def test_a_claims_tip_names_its_verdict_in_the_readers_language(db, article):
    from db.settings import set_setting
    from evidence.review import save_review

    claim = claims_for_article(db, article)[0]
    save_review(db, claim.id, expected_version=claim.version, reviewer="Lan", rating="Mostly false",
                rationale="Số liệu khác.", status="drafted")
    set_setting(db, "language", "vi", changed_by="admin")
    at = open_page(make_app(), "article", id=article)
    assert not at.exception
    assert f'title="#{claim.id} · Đã soạn kết luận · Sai phần lớn"' in html_of(at)


def test_adding_a_missed_claim_from_a_copied_passage(db, article):
    at = open_page(make_app(), "article", id=article)
    # Copied from the browser: other spacing than the article, which is fine.
    at.text_area(key="article_missed_passage").input("Trời  hôm nay\nđẹp.")
    at.button(key="FormSubmitter:article_add_claim_form-Add claim").click().run()
    assert not at.exception
    added = [c for c in claims_for_article(db, article) if c.origin == "reviewer"]
    assert [c.text for c in added] == ["Trời hôm nay đẹp."]
    assert f"Added claim #{added[0].id}" in texts(at)
    assert at.selectbox(key=f"article_pick_{article}").value == added[0].id


def test_a_passage_that_is_not_in_the_article_is_refused(db, article):
    at = open_page(make_app(), "article", id=article)
    before = len(claims_for_article(db, article))
    at.text_area(key="article_missed_passage").input("Câu này không có trong bài.")
    at.button(key="FormSubmitter:article_add_claim_form-Add claim").click().run()
    assert not at.exception
    assert at.error and "not in the article" in at.error[0].value
    assert len(claims_for_article(db, article)) == before


def test_editing_the_wording_keeps_the_original_span(db, article):
    first = claims_for_article(db, article)[0]
    at = _pick(open_page(make_app(), "article", id=article), article, first.id)
    at.text_area(key=f"article_wording_{first.id}_1").input("Hơn 1,7 triệu người rời bỏ nhà cửa.")
    at.button(key=f"FormSubmitter:article_edit_form_{first.id}_1-Save wording").click().run()
    assert not at.exception
    claim = get_claim(db, first.id)
    assert claim.text == "Hơn 1,7 triệu người rời bỏ nhà cửa." and claim.original_text == first.text
    assert "Original wording in the article" in texts(at)


def test_splitting_a_claim_at_the_words_the_reviewer_types(db, article):
    second = next(c for c in claims_for_article(db, article) if "& sẽ tăng" in c.text)
    at = _pick(open_page(make_app(), "article", id=article), article, second.id)
    at.text_input(key=f"article_split_at_{second.id}").input("sẽ tăng 25%")
    at.button(key=f"FormSubmitter:article_split_form_{second.id}_1-Split claim").click().run()
    assert not at.exception
    assert get_claim(db, second.id).status == "merged"
    texts_now = [c.text for c in claims_for_article(db, article)]
    assert any(t.endswith("năm 2021 &") for t in texts_now) and any(t.startswith("sẽ tăng 25%") for t in texts_now)


def test_merging_two_claims(db, article):
    first, second = claims_for_article(db, article)[:2]
    at = _pick(open_page(make_app(), "article", id=article), article, first.id)
    at.multiselect(key=f"article_merge_with_{first.id}").set_value([second.id])
    at.button(key=f"FormSubmitter:article_merge_form_{first.id}-Merge claims").click().run()
    assert not at.exception
    live = claims_for_article(db, article)
    assert first.id not in [c.id for c in live] and second.id not in [c.id for c in live]
    assert any(c.start == first.start and c.end == second.end for c in live)


def test_review_button_opens_the_claim_page(db, article):
    first = claims_for_article(db, article)[0]
    at = _pick(open_page(make_app(), "article", id=article), article, first.id)
    at.button(key=f"article_review_{first.id}").click().run()
    assert not at.exception
    assert at.query_params["id"] == str(first.id) and "Claim" in [t.value for t in at.title]


def test_no_articles_yet_says_where_to_add_one(db_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    at = open_page(make_app(), "article")
    assert not at.exception
    assert "add one on the Articles page" in texts(at)
