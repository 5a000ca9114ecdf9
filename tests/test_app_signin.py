"""Signing in (AppTest): identity only from the signed-in account; query parameters name no one; passwords are
never kept in clear; many wrong passwords slow the next attempt; sign-out and idle timeout."""
from __future__ import annotations

import logging
import time

import pytest
from app_support import PASSWORD, SEEDS, ensure_account, make_app, open_page, texts

from db.accounts import authenticate, disable_account, wait_before_next_attempt
from db.connection import open_database


@pytest.fixture
def app_db(db_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    return db_path


def _sign_in(at, login: str, password: str):
    at.text_input(key="signin_login").input(login)
    at.text_input(key="signin_password").input(password)
    return at.button[0].click().run()


def test_no_page_shows_until_someone_signs_in(app_db):
    ensure_account("Nguyễn Lan", role="reviewer")
    at = make_app(reviewer=None).run()
    assert not at.exception
    assert "Articles" not in [t.value for t in at.title]
    _sign_in(at, "nguyễnlan", PASSWORD)
    assert not at.exception
    assert "Inbox" in [t.value for t in at.title]  # the landing page once signed in
    assert at.session_state["reviewer"] == "Nguyễn Lan"
    assert "Signed in as **Nguyễn Lan** (reviewer)" in texts(at)


def test_a_wrong_password_is_refused_in_one_line(app_db):
    ensure_account("Lan")
    at = _sign_in(make_app(reviewer=None).run(), "lan", "not the password")
    assert not at.exception
    assert at.error and "wrong login or password" in at.error[0].value
    assert "Articles" not in [t.value for t in at.title]


def test_a_disabled_account_cannot_sign_in_and_an_open_session_ends(app_db):
    ensure_account("Lan")
    ensure_account("Admin", role="admin")
    at = open_page(make_app("Lan"), "articles")
    assert "Articles" in [t.value for t in at.title]
    db = open_database(app_db)
    disable_account(db, "lan", changed_by="Admin")
    at.run()
    assert "Articles" not in [t.value for t in at.title]
    assert "disabled" in texts(at)
    _sign_in(at, "lan", PASSWORD)
    assert at.error and "disabled" in at.error[0].value


@pytest.mark.parametrize("param", ["reviewer", "account", "account_login", "user", "login", "name"])
def test_no_query_parameter_changes_who_is_acting(app_db, param):
    ensure_account("Minh", role="admin")
    at = make_app("Lan")
    at.query_params[param] = "Minh"
    at.run()
    assert at.session_state["reviewer"] == "Lan"
    assert "Signed in as **Lan**" in texts(at)
    signed_out = make_app(reviewer=None)
    signed_out.query_params[param] = "Minh"
    signed_out.run()
    assert "Articles" not in [t.value for t in signed_out.title]
    assert signed_out.text_input(key="signin_login")


def test_sign_out_returns_to_the_sign_in_form(app_db):
    at = make_app("Lan").run()
    at.button(key="app_sign_out").click().run()
    assert not at.exception
    assert at.text_input(key="signin_login")
    assert "reviewer" not in at.session_state


def test_after_sign_out_nothing_of_the_last_person_is_left(app_db, db_path):
    from pipelines.ingest import ingest_paths

    db = open_database(db_path)
    (outcome,) = ingest_paths(db, [SEEDS / "000_b40a4ec500c6cd00.txt"])
    db.close()
    ensure_account("Minh", role="editor")
    at = open_page(make_app("Lan"), "claim", id=outcome.stored.claim_ids[0])
    assert f"Claim #{outcome.stored.claim_ids[0]}" in texts(at)
    at.button(key="app_sign_out").click().run()
    assert "Signed out." in texts(at) and f"Claim #{outcome.stored.claim_ids[0]}" not in texts(at)
    # Nothing of Lan's visit is left for the next person (the browser test sees them land on their Inbox).
    assert not [k for k in ("claim_current_id", "claim_loaded_versions", "reviewer") if k in at.session_state]
    _sign_in(at, "minh", PASSWORD)
    assert "Signed in as **Minh**" in texts(at)


def test_an_idle_session_is_signed_out(app_db):
    at = make_app("Lan")
    at.session_state["last_active"] = time.time() - 2 * 3600  # the desk's default timeout is an hour
    at.run()
    assert at.text_input(key="signin_login")
    assert "without activity" in texts(at)


def test_twenty_wrong_passwords_slow_the_next_attempt_even_with_the_right_one(app_db, caplog):
    ensure_account("Lan")
    db = open_database(app_db)
    caplog.set_level(logging.DEBUG)
    refused = []
    for _ in range(20):
        try:
            authenticate(db, "lan", "guess-guess-guess")
        except Exception as error:  # noqa: BLE001 - SignInRefused, asserted below
            refused.append(str(error))
    assert len(refused) == 20
    assert any("try again in" in r for r in refused)
    assert wait_before_next_attempt(db, "lan") > 30
    at = _sign_in(make_app(reviewer=None).run(), "lan", PASSWORD)
    assert at.error and "too many wrong passwords" in at.error[0].value
    assert "Articles" not in [t.value for t in at.title]
    assert "guess-guess-guess" not in caplog.text and PASSWORD not in caplog.text


def test_passwords_are_stored_only_as_argon2_hashes(app_db):
    ensure_account("Lan")
    at = _sign_in(make_app(reviewer=None).run(), "lan", PASSWORD)
    assert "Inbox" in [t.value for t in at.title]
    db = open_database(app_db)
    hashed = db.execute("SELECT password_hash FROM accounts WHERE login = 'lan'").fetchone()[0]
    assert hashed.startswith("$argon2id$")
    db.close()
    raw = b"".join(p.read_bytes() for p in app_db.parent.glob(app_db.name + "*"))
    assert PASSWORD.encode() not in raw
    assert "signin_password" not in at.session_state or at.session_state["signin_password"] in ("", PASSWORD)
