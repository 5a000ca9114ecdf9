"""Accounts that could be taken for another are refused: a login or name equal to another's once width and case are
set aside, or a word spelt in two scripts; and the password rule refuses what is guessed first."""
from __future__ import annotations

import pytest
from cli_support import factcheck

from db.accounts import AccountError, add_account, authenticate, list_accounts

SECRET = "a long enough secret"


@pytest.fixture
def lan(db):
    return add_account(db, "lan", role="editor", password=SECRET, name="Lan")


@pytest.mark.parametrize(("login", "name", "words"), [
    ("lan2", "LAN", "the name 'Lan' exists already"),
    ("lan3", "ＬＡＮ", "the name 'Lan' exists already"),  # full-width letters
    ("LAN", "Lan Anh", "the login lan exists already"),
    ("ｌａｎ", "Lan Anh", "the login lan exists already"),
    ("lan4", "Lаn", "mixes letters of different scripts (cyrillic, latin)"),  # a Cyrillic а
    ("lаn", "Lan Anh", "mixes letters of different scripts (cyrillic, latin)"),
])
def test_a_look_alike_login_or_name_is_refused(db, lan, login, name, words) -> None:
    with pytest.raises(AccountError) as refused:
        add_account(db, login, role="editor", password=SECRET, name=name)
    assert words in str(refused.value)
    assert [a.login for a in list_accounts(db)] == ["lan"]


@pytest.mark.parametrize("name", ["Nguyễn Thị Lan", "Trần Văn-Minh", "Дмитрий Песков", "東京タワー", "Peskov 2"])
def test_names_in_one_script_a_word_are_accepted(db, name) -> None:
    assert add_account(db, "login" + str(len(list_accounts(db))), role="reviewer", password=SECRET,
                       name=name).name == name


@pytest.mark.parametrize(("password", "words"), [
    (" " * 12, "at least 10 characters"),
    ("   short     ", "at least 10 characters"),
    ("aaaaaaaaaaaa", "one character repeated"),
    ("Password123", "commonest"),
    ("1234567890", "commonest"),
    ("  qwertyuiop  ", "commonest"),
])
def test_the_password_rule_refuses_what_is_guessed_first(db, password, words) -> None:
    with pytest.raises(AccountError, match=words):
        add_account(db, "lan", role="editor", password=password)
    assert list_accounts(db) == []


def test_user_add_refuses_a_common_password_in_one_line(db_path) -> None:
    done = factcheck("user", "add", "lan", "--role", "editor", "--db", db_path, stdin="password123\n")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "commonest" in done.stderr
    added = factcheck("user", "add", "lan", "--role", "editor", "--db", db_path, stdin=SECRET + "\n")
    assert added.returncode == 0, added.stderr


def test_signing_in_is_unchanged_for_an_account_made_before(db, lan) -> None:
    assert authenticate(db, "lan", SECRET).name == "Lan"
