"""The Articles page: the reviewer signs in, adds an article by pasting or uploading, and sees the list."""
from __future__ import annotations

import pytest
from app_support import make_app, open_page, texts

from db.articles import article_summaries
from db.connection import open_database

ARTICLE = ("Bộ Y tế cho biết hơn 1,7 triệu người đã được tiêm vắc xin trong tháng 3/2022."
           " Ông Nguyễn Văn An nói: \"Tỷ lệ tiêm chủng đã tăng 25% so với năm ngoái\"."
           " The ministry said 90% of adults had received two doses by March 2022.")


@pytest.fixture
def app_db(db_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    return db_path


def _stored(db_path):
    db = open_database(db_path)
    try:
        return article_summaries(db)
    finally:
        db.close()


def test_pasting_an_article_stores_it_with_its_claims_and_lists_it(app_db):
    at = open_page(make_app(), "articles")
    at.text_area(key="articles_text").input(ARTICLE)
    at.text_input(key="articles_title").input("Tiêm chủng <b>tháng 3</b>")
    at.text_input(key="articles_url").input("https://example.vn/tiem-chung")
    at.button(key="FormSubmitter:articles_add_form-Add article and find claims").click().run()
    assert not at.exception
    (summary,) = _stored(app_db)
    assert summary.title == "Tiêm chủng <b>tháng 3</b>" and summary.claims >= 2
    assert f"Added article #{summary.id} with {summary.claims} claims" in texts(at)
    assert "Tiêm chủng \\<b\\>tháng 3\\</b\\>" in texts(at)  # shown as typed, never as HTML


def test_pasting_the_same_article_twice_stores_it_once(app_db):
    at = open_page(make_app(), "articles")
    for _ in range(2):
        at.text_area(key="articles_text").input(ARTICLE)
        at.button(key="FormSubmitter:articles_add_form-Add article and find claims").click().run()
    assert not at.exception
    assert len(_stored(app_db)) == 1
    assert "already stored" in texts(at)


def test_article_url_that_is_not_http_is_refused_with_the_reason(app_db):
    at = open_page(make_app(), "articles")
    at.text_area(key="articles_text").input(ARTICLE)
    at.text_input(key="articles_url").input("javascript:alert(1)")
    at.button(key="FormSubmitter:articles_add_form-Add article and find claims").click().run()
    assert not at.exception
    assert at.error and "http" in at.error[0].value
    assert _stored(app_db) == []


def test_uploaded_html_is_reduced_to_its_text(app_db):
    page = (f"<html><head><title>Tin tức</title></head><body><nav>Menu</nav><article><h1>Tiêm chủng</h1>"
            f"<p>{ARTICLE}</p></article></body></html>").encode()
    at = open_page(make_app(), "articles")
    at.file_uploader(key="articles_upload").upload("tin.html", page, "text/html")
    at.button(key="FormSubmitter:articles_add_form-Add article and find claims").click().run()
    assert not at.exception
    (summary,) = _stored(app_db)
    assert summary.claims >= 2


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.txt", b"   \n", "is empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
])
def test_unreadable_upload_is_explained_and_nothing_is_stored(app_db, name, content, reason):
    at = open_page(make_app(), "articles")
    at.file_uploader(key="articles_upload").upload(name, content, "text/plain")
    at.button(key="FormSubmitter:articles_add_form-Add article and find claims").click().run()
    assert not at.exception
    assert at.error and name in at.error[0].value and reason in at.error[0].value
    assert _stored(app_db) == []


@pytest.mark.parametrize(("name", "content", "said"), [
    ("empty.txt", b"   \n", "Không thêm được empty.txt: trống."),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
     "Không thêm được photo.txt: là tệp nhị phân (có byte NUL), không phải văn bản."),
])
def test_on_a_vietnamese_desk_an_unreadable_upload_is_explained_in_vietnamese(app_db, name, content, said):
    from db.settings import set_setting

    db = open_database(app_db)
    set_setting(db, "language", "vi", changed_by="admin")
    db.close()
    at = open_page(make_app(), "articles")
    at.file_uploader(key="articles_upload").upload(name, content, "text/plain")
    at.button(key="FormSubmitter:articles_add_form-Thêm bài và tìm nhận định").click().run()
    assert not at.exception
    assert [e.value.replace("\\", "") for e in at.error] == [said]  # Markdown escapes aside


def test_article_list_opens_the_article_view(app_db):
    at = open_page(make_app(), "articles")
    at.text_area(key="articles_text").input(ARTICLE)
    at.button(key="FormSubmitter:articles_add_form-Add article and find claims").click().run()
    (summary,) = _stored(app_db)
    at.button(key=f"articles_open_{summary.id}").click().run()
    assert not at.exception
    assert "Article view" in [t.value for t in at.title]
