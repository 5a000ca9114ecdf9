"""The rating scale and the publication settings on the Desk page, and the scale's names on the Claim page
(AppTest): an editor renames a step in Vietnamese and the claim shows it; the help lists one definition per line."""
from __future__ import annotations

import pytest
from app_support import make_app, open_page, texts

from db.claims import ClaimFilter, claim_queue
from db.connection import open_database
from db.ratings import named_scale
from db.settings import get_setting, set_setting
from translations import use_language


@pytest.fixture
def vietnamese_desk(seeded_db, db_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    set_setting(seeded_db, "language", "vi", changed_by="admin")
    yield claim_queue(seeded_db, ClaimFilter(), limit=1).claims[0].id
    use_language("en")


def _desk(role: str = "editor"):
    at = make_app("Lan", role=role).run()
    at.switch_page("app_pages/desk.py")
    return at.run()


def test_an_editor_renames_a_step_and_the_claim_page_shows_it(vietnamese_desk, db_path):
    at = _desk()
    assert not at.exception
    assert "Thang đánh giá" in [s.value for s in at.subheader]
    at.text_input(key="desk_scale_vi_Mostly false_name").input("Phần lớn là sai")
    at.button(key="FormSubmitter:desk_scale_form_vi-Lưu thang đánh giá").click().run()
    assert not at.exception
    assert "Đã lưu thang đánh giá." in [s.value for s in at.success]
    db = open_database(db_path)
    assert [r.name for r in named_scale(db, "vi")][3] == "Phần lớn là sai"
    db.close()
    at = open_page(make_app("Lan"), "claim", id=vietnamese_desk)
    rating = next(s for s in at.selectbox if s.key and s.key.endswith("_rating"))
    assert rating.label == "Verdict rating" or rating.options  # the label itself is translated with the page
    assert "Phần lớn là sai" in rating.options and "— chưa có kết luận —" in rating.options
    # One definition per line: a Markdown list, each step on its own line.
    lines = rating.help.splitlines()
    assert len(lines) == 6 and lines[0].startswith("- **Đúng**: ")


def test_a_reviewer_sees_the_scale_but_cannot_change_it(vietnamese_desk):
    at = _desk(role="reviewer")
    assert not at.exception
    assert at.text_input(key="desk_scale_vi_True_name").disabled
    assert at.text_input(key="desk_setting_publisher_name").disabled


def test_an_editor_sets_the_publication_settings(vietnamese_desk, db_path):
    at = _desk()
    assert any("tên ví dụ" in w.value for w in at.warning)
    at.text_input(key="desk_setting_publisher_name").input("Báo Kiểm Chứng")
    at.text_input(key="desk_setting_publisher_url").input("https://kiemchung.vn")
    at.text_input(key="desk_setting_review_url_pattern").input("https://kiemchung.vn/kiem-chung/{id}")
    at.button(key="FormSubmitter:desk_publication_form-Lưu thiết lập xuất bản").click().run()
    assert not at.exception
    assert "Đã lưu thiết lập xuất bản." in [s.value for s in at.success]
    assert not any("ví dụ" in w.value for w in at.warning)
    db = open_database(db_path)
    assert get_setting(db, "review_url_pattern") == "https://kiemchung.vn/kiem-chung/{id}"
    db.close()


def test_a_pattern_without_the_claims_number_is_refused_and_nothing_saved(vietnamese_desk, db_path):
    at = _desk()
    at.text_input(key="desk_setting_publisher_name").input("Báo Kiểm Chứng")
    at.text_input(key="desk_setting_review_url_pattern").input("https://kiemchung.vn/kiem-chung/")
    at.button(key="FormSubmitter:desk_publication_form-Lưu thiết lập xuất bản").click().run()
    assert not at.exception
    assert at.error and at.error[0].value.startswith("Chưa lưu thiết lập xuất bản: địa chỉ bài kiểm chứng")
    db = open_database(db_path)
    assert get_setting(db, "publisher_name") == "Fact-check workbench"
    db.close()
    assert "Thang đánh giá" in texts(at)
