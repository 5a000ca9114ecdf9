"""Staying signed in, end to end in Debian's Chromium against the real server (`streamlit run serve.py`): a reload
and a second tab keep the session; sign-out, a disabled account and a password reset end it in every tab; a cookie
copied from a signed-out session is refused; a shared claim link opens the claim after sign-in."""
from __future__ import annotations

import pytest
from browser_support import (  # noqa: F401 - chromium_browser is the fixture `browser`
    SEEDS,
    app_on_articles,
    chromium_browser,
    chromium_missing,
    ensure_account,
    sign_in,
    wait_for_text,
    wait_idle,
)

pytestmark = [pytest.mark.skipif(chromium_missing() is not None, reason=chromium_missing() or ""),
              pytest.mark.timeout(300)]

SEED = SEEDS / "000_b40a4ec500c6cd00.txt"


@pytest.fixture
def desk(tmp_path):
    with app_on_articles(tmp_path / "desk.db", [SEED]) as (base, (outcome,)):
        yield base, tmp_path / "desk.db", outcome.stored.claim_ids[0]


def _context(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(30_000)
    return context


def _signed_out(page) -> None:
    page.get_by_label("Login").wait_for(state="visible")
    wait_idle(page)
    page.get_by_text("Signed in as").wait_for(state="detached")


def _session_cookie(context) -> dict:
    (cookie,) = [c for c in context.cookies() if c["name"] == "factcheck_session"]
    return cookie


def test_a_reload_and_a_second_tab_stay_signed_in_with_an_httponly_lax_cookie(browser, desk):
    base, _, claim_id = desk
    context = _context(browser)
    page = context.new_page()
    sign_in(page, base, "Lan", role="reviewer")
    wait_for_text(page, "Assigned to me")  # signing in lands on the Inbox
    cookie = _session_cookie(context)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and len(cookie["value"]) >= 40
    assert "Lan" not in cookie["value"] and "lan" not in cookie["value"].lower()[:0]  # an opaque token
    assert page.evaluate("document.cookie").find("factcheck_session") == -1  # page scripts cannot read it
    page.reload()
    wait_for_text(page, "Signed in as Lan")
    second = context.new_page()
    second.goto(f"{base}/claim?id={claim_id}")
    wait_for_text(second, f"Claim #{claim_id}")
    wait_for_text(second, "Signed in as Lan")


def test_sign_out_ends_the_session_in_every_tab_and_the_next_person_starts_at_sign_in(browser, desk):
    base, _, claim_id = desk
    context = _context(browser)
    first = context.new_page()
    sign_in(first, base, "Lan", path=f"claim?id={claim_id}", role="reviewer")
    wait_for_text(first, f"Claim #{claim_id}")
    second = context.new_page()
    second.goto(f"{base}/queue")
    wait_for_text(second, "Signed in as Lan")
    first.get_by_role("button", name="Sign out").click()
    wait_for_text(first, "Signed out.")
    _signed_out(first)
    assert first.url.rstrip("/").endswith("?signed_out=1") or "/claim" not in first.url
    # The other tab, at its next click, is signed out too.
    second.get_by_role("link", name="Articles").click()
    _signed_out(second)
    wait_for_text(second, "You signed out")
    # The next person at this PC lands on their own Inbox, not on Lan's claim.
    sign_in(first, base, "Minh", path=None, role="editor")
    wait_for_text(first, "Assigned to me")
    assert f"Claim #{claim_id}" not in first.content()


@pytest.mark.parametrize("how", ["disabled", "password reset"])
def test_an_admin_ends_every_session_of_an_account(browser, desk, how):
    base, db_path, _ = desk
    context = _context(browser)
    tabs = [context.new_page(), context.new_page()]
    sign_in(tabs[0], base, "Lan", role="reviewer")
    tabs[1].goto(f"{base}/articles")
    wait_for_text(tabs[1], "Signed in as Lan")
    ensure_account(base, "Admin", role="admin")
    from db.accounts import disable_account, reset_password
    from db.connection import open_database

    db = open_database(db_path)
    if how == "disabled":
        disable_account(db, "lan", changed_by="Admin")
    else:
        reset_password(db, "lan", "a brand new password", changed_by="Admin")
    db.close()
    tabs[0].reload()
    _signed_out(tabs[0])
    wait_for_text(tabs[0], "disabled" if how == "disabled" else "password was changed")
    tabs[1].get_by_role("link", name="Claim queue").click()
    _signed_out(tabs[1])


def test_a_cookie_copied_from_a_signed_out_session_is_refused(browser, desk):
    base, _, _ = desk
    lan = _context(browser)
    page = lan.new_page()
    sign_in(page, base, "Lan", role="reviewer")
    stolen = _session_cookie(lan)
    page.get_by_role("button", name="Sign out").click()
    _signed_out(page)
    assert [c for c in lan.cookies() if c["name"] == "factcheck_session"] == []

    thief = _context(browser)
    thief.add_cookies([{k: stolen[k] for k in ("name", "value", "domain", "path", "httpOnly", "sameSite")}])
    other = thief.new_page()
    other.goto(f"{base}/queue")
    wait_idle(other)
    _signed_out(other)


def test_a_shared_claim_link_opens_the_claim_after_sign_in(browser, desk):
    base, _, claim_id = desk
    page = _context(browser).new_page()
    sign_in(page, base, "Minh", path=f"?claim={claim_id}", role="editor")
    wait_for_text(page, f"Claim #{claim_id}")
    assert f"id={claim_id}" in page.url
