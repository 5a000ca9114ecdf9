"""The language each account reads the workbench in: its own choice, else the desk's, else its browser's; the
sign-in form speaks the desk's language; switching takes effect at once."""
from __future__ import annotations

import pytest
from app_support import PASSWORD, ensure_account, make_app, texts

from db.account_language import account_language, chosen_language, set_account_language
from db.settings import set_setting
from translations import use_language


@pytest.fixture
def app_db(db_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    yield db_path
    use_language("en")


def test_an_account_follows_the_desk_until_it_chooses(db):
    from db.accounts import add_account

    add_account(db, "lan", role="reviewer", password=PASSWORD, name="Lan")
    assert account_language(db, "lan") == "en"
    set_setting(db, "language", "vi", changed_by="admin")
    assert account_language(db, "lan") == "vi"
    set_account_language(db, "lan", "en", changed_by="Lan")
    assert (chosen_language(db, "lan"), account_language(db, "lan")) == ("en", "en")
    set_account_language(db, "lan", None, changed_by="Lan")
    assert account_language(db, "lan") == "vi"


def test_with_nothing_chosen_the_readers_browser_language_decides(db):
    from db.accounts import add_account

    add_account(db, "lan", role="reviewer", password=PASSWORD, name="Lan")
    assert account_language(db, None, browser="vi-VN") == "vi"  # the sign-in form, for a Vietnamese browser
    assert account_language(db, "lan", browser="vi") == "vi"
    assert account_language(db, "lan", browser="fr-FR") == "en"  # a language the workbench does not speak
    set_setting(db, "language", "en", changed_by="admin")  # a desk that chose English keeps it
    assert account_language(db, "lan", browser="vi-VN") == "en"
    set_account_language(db, "lan", "vi", changed_by="Lan")  # and an account's own choice beats both
    assert account_language(db, "lan", browser="en-US") == "vi"


def test_an_unknown_language_is_refused_in_one_line(db):
    from db.accounts import add_account

    add_account(db, "lan", role="reviewer", password=PASSWORD, name="Lan")
    with pytest.raises(ValueError, match="one of vi, en"):
        set_account_language(db, "lan", "fr", changed_by="Lan")
    with pytest.raises(ValueError, match="one of vi, en"):
        set_setting(db, "language", "Vietnamese", changed_by="admin")


def test_the_sign_in_form_speaks_the_desks_language(app_db):
    from db.connection import open_database

    ensure_account("Lan", role="reviewer")
    db = open_database(app_db)
    set_setting(db, "language", "vi", changed_by="admin")
    db.close()
    at = make_app(reviewer=None).run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Bàn kiểm chứng thông tin"]
    assert at.text_input(key="signin_login").label == "Tên đăng nhập"
    at.text_input(key="signin_login").input("lan")
    at.text_input(key="signin_password").input("not the password")
    at.button[0].click().run()
    assert [e.value for e in at.error if e.value.startswith("Chưa đăng nhập được: sai tên đăng nhập hoặc mật khẩu")]


def test_an_account_switches_to_english_and_back(app_db):
    from db.connection import open_database

    ensure_account("Lan", role="reviewer")
    db = open_database(app_db)
    set_setting(db, "language", "vi", changed_by="admin")
    db.close()
    at = make_app("Lan", role="reviewer").run()
    assert not at.exception
    assert "Đang đăng nhập: **Lan** (người kiểm chứng)" in texts(at)
    at.selectbox(key="app_language").set_value("en").run()
    assert not at.exception
    assert "Signed in as **Lan** (reviewer)" in texts(at)
    db = open_database(app_db)
    assert chosen_language(db, "lan") == "en"
    db.close()
    at.selectbox(key="app_language").set_value("desk").run()
    assert "Đang đăng nhập: **Lan** (người kiểm chứng)" in texts(at)
