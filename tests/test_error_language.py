"""Errors the reader can fix are said in the reader's language, however deep in the library they are raised."""
from __future__ import annotations

import pytest

from claims.reading import UnreadableArticle, decode_article
from db.accounts import AccountError, add_account
from evidence.sources import InvalidSource, attach_source
from fetching.urls import InvalidURL, check_url
from translations import N_, use_language


@pytest.fixture
def vietnamese():
    use_language("vi")
    yield
    use_language("en")


def test_a_malformed_address_is_explained_in_vietnamese_with_the_field_named(vietnamese):
    with pytest.raises(InvalidURL) as refused:
        check_url("javascript:alert(1)", what=N_("feed URL"))
    assert str(refused.value) == ("địa chỉ nguồn tin phải bắt đầu bằng http:// hoặc https:// (đang là giao thức"
                                  " javascript)")


def test_an_unreadable_upload_is_explained_in_vietnamese(vietnamese):
    with pytest.raises(UnreadableArticle) as refused:
        decode_article(b"\x00\x01\x02 binary", name="anh.txt")
    assert str(refused.value) == "là tệp nhị phân (có byte NUL), không phải văn bản"


def test_a_weak_password_is_refused_in_vietnamese(db, vietnamese):
    with pytest.raises(AccountError) as refused:
        add_account(db, "lan", role="reviewer", password="aaaaaaaaaaaa", created_by="admin")
    assert str(refused.value) == "mật khẩu chỉ lặp lại một ký tự thì bị đoán ra ngay: hãy chọn mật khẩu khác"


def test_a_source_date_that_is_no_date_is_refused_in_vietnamese(seeded_db, vietnamese):
    claim_id = seeded_db.execute("SELECT min(id) FROM claims").fetchone()[0]
    with pytest.raises(InvalidSource) as refused:
        attach_source(seeded_db, claim_id, url="https://unhcr.example/a", stance="supports", reviewer="Lan",
                      published="31/2/2022")
    assert str(refused.value) == "ngày đăng '31/2/2022' không phải một ngày có thật theo dạng YYYY-MM-DD"


def test_in_english_the_same_errors_read_in_english():
    with pytest.raises(InvalidURL) as refused:
        check_url("javascript:alert(1)", what=N_("feed URL"))
    assert str(refused.value) == "the feed URL must start with http:// or https:// (got javascript scheme)"


def test_a_step_the_role_does_not_allow_is_refused_in_vietnamese(seeded_db, vietnamese):
    from evidence.review import ReviewError, save_review

    add_account(seeded_db, "lan", role="reviewer", password="mot cau mat khau dai", created_by="admin")
    claim_id = seeded_db.execute("SELECT min(id) FROM claims").fetchone()[0]
    drafted = save_review(seeded_db, claim_id, expected_version=1, reviewer="lan", rating="True",
                          rationale="Nguồn chính thức.", status="drafted")
    with pytest.raises(ReviewError) as refused:
        save_review(seeded_db, claim_id, expected_version=drafted.version, reviewer="lan", status="published")
    assert str(refused.value) == "lan không được đăng: việc này cần vai trò biên tập viên trở lên"
