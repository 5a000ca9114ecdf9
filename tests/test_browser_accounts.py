"""Accounts end to end in Debian's Chromium against the real server: signing in, a wrong password, a disabled
account, a reviewer who cannot publish, an editor who publishes someone else's draft, sign-out; and user text with
Markdown in it (an image pointing at a tracking URL) never makes a colleague's browser fetch anything."""
from __future__ import annotations

import pytest
from browser_support import (
    SEEDS,
    choose,
    chromium_missing,
    ensure_account,
    free_port,
    running_app,
    sign_in,
    wait_for_text,
    wait_idle,
)

pytestmark = [pytest.mark.skipif(chromium_missing() is not None, reason=chromium_missing() or ""),
              pytest.mark.timeout(300)]

SEED = SEEDS / "000_b40a4ec500c6cd00.txt"


@pytest.fixture
def desk(tmp_path):
    """The app on a database with the first sample article; yields (base URL, database path, first claim id)."""
    from db.connection import open_database
    from pipelines.ingest import ingest_paths

    db_path = tmp_path / "desk.db"
    db = open_database(db_path)
    (outcome,) = ingest_paths(db, [SEED])
    db.close()
    with running_app(db_path) as base:
        yield base, db_path, outcome.stored.claim_ids[0]


def _page(browser):
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.set_default_timeout(30_000)
    return page


def _status_options(page) -> list[str]:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    combobox = page.get_by_role("combobox", name="Status", exact=True).first
    for _ in range(5):  # a save reruns the page: a list opened during the rerun closes with it, so open it again
        wait_idle(page)
        combobox.click()
        try:
            page.get_by_role("option").first.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    options = [o.inner_text().strip() for o in page.get_by_role("option").all()]
    page.keyboard.press("Escape")
    assert options, "the Status list did not open"
    return options


def _save(page, *, rating: str | None = None, rationale: str | None = None, status: str | None = None) -> None:
    if rating:
        choose(page, "Verdict rating", rating)
    if rationale:
        page.get_by_label("Rationale (required with a rating)").fill(rationale)
    if status:
        choose(page, "Status", status)
    page.get_by_role("button", name="Save review").click()


def test_sign_in_wrong_password_disabled_account_and_sign_out(browser, desk):
    base, db_path, _ = desk
    page = _page(browser)
    login = ensure_account(base, "Nguyễn Lan", role="reviewer")
    sign_in(page, base, "Nguyễn Lan", password="not the password", expect="wrong login or password")
    assert page.get_by_role("link", name="Claim queue").count() == 0  # signed out, no page is listed

    sign_in(page, base, "Nguyễn Lan")
    wait_for_text(page, "Signed in as Nguyễn Lan (reviewer)")
    ensure_account(base, "Admin", role="admin")
    other = _page(browser)  # a new session whose address names someone: it is asked to sign in, as no one
    other.goto(f"{base}/articles?reviewer=Admin&account_login=admin&account=admin")
    other.get_by_label("Login").wait_for()
    assert "Signed in as" not in other.content()
    page.get_by_role("button", name="Sign out").click()
    wait_for_text(page, "Signed out.")
    page.get_by_label("Login").wait_for(state="visible")  # the sign-in form is back, drawn after the message

    from db.accounts import disable_account
    from db.connection import open_database

    db = open_database(db_path)
    disable_account(db, login, changed_by="Admin")
    db.close()
    sign_in(page, base, "Nguyễn Lan", expect="is disabled")
    page.get_by_label("Login").wait_for(state="visible")  # the sign-in form is back, drawn after the message


def test_a_reviewer_drafts_and_another_editor_publishes(browser, desk):
    base, db_path, claim_id = desk
    lan = _page(browser)
    sign_in(lan, base, "Lan", path=f"claim?id={claim_id}", role="reviewer")
    wait_for_text(lan, f"Claim #{claim_id} · version 1")
    _save(lan, rating="False", rationale="The ministry counted fewer.", status="Verdict drafted")
    wait_for_text(lan, "Saved: Verdict drafted, False.")
    assert "Published" not in _status_options(lan)  # a reviewer is not offered publishing

    minh = _page(browser)
    sign_in(minh, base, "Minh", path=f"claim?id={claim_id}", role="editor")
    wait_for_text(minh, f"Claim #{claim_id} · version 2")
    assert "Published" in _status_options(minh)
    _save(minh, status="Published")
    wait_for_text(minh, "Saved: Published, False.")

    from db.claims import get_claim
    from db.connection import open_database
    from db.history import history_for_claim

    db = open_database(db_path)
    claim = get_claim(db, claim_id)
    assert (claim.status, claim.drafted_by) == ("published", "Lan")
    by_status = {e.after["status"]: e.reviewer for e in history_for_claim(db, claim_id)
                 if isinstance(e.after, dict) and "status" in e.after}
    assert by_status["drafted"] == "Lan" and by_status["published"] == "Minh"


def test_an_editor_may_not_publish_their_own_draft(browser, desk):
    base, _, claim_id = desk
    minh = _page(browser)
    sign_in(minh, base, "Minh", path=f"claim?id={claim_id}", role="editor")
    _save(minh, rating="True", rationale="Checked against the census.", status="Verdict drafted")
    wait_for_text(minh, "Saved: Verdict drafted, True.")
    _save(minh, status="Published")
    wait_for_text(minh, "another editor must publish it")


def test_markdown_in_user_text_never_makes_a_browser_fetch_it(browser, tmp_path):
    """A reviewer's name, an article title, an edited claim's original wording, an assignee, a verdict's
    rationale and a conflict message all carry an image pointing at a tracking URL; no page requests it."""
    from db.connection import open_database
    from evidence.review import save_review
    from pipelines.ingest import ingest_text

    tracker = f"http://127.0.0.1:{free_port()}/t.png"
    image = f"![x]({tracker})"
    db_path = tmp_path / "hostile.db"
    db = open_database(db_path)
    stored = ingest_text(db, f"{SEED.read_text(encoding='utf-8')}", title=f"Tin {image} [link]({tracker})")
    claim_id = stored.claim_ids[0]
    db.close()
    with running_app(db_path) as base:
        evil = f"Evil {image}"
        ensure_account(base, evil, role="editor")
        db = open_database(db_path)
        save_review(db, claim_id, expected_version=1, reviewer=evil, assignee=image, text=f"Edited {image}")
        db.close()
        requests: list[str] = []
        page = _page(browser)
        page.on("request", lambda request: requests.append(request.url))
        sign_in(page, base, "Lan", path=f"claim?id={claim_id}")
        wait_for_text(page, f"Claim #{claim_id} · version 2")
        wait_for_text(page, "last changed by Evil")
        db = open_database(db_path)
        save_review(db, claim_id, expected_version=2, reviewer=evil, rating="False", rationale=image)
        db.close()
        _save(page, rating="True", rationale="Mine.")
        wait_for_text(page, "while you were editing it")
        page.get_by_role("button", name="Article #").first.click()
        wait_for_text(page, "check-worthy claims reviewed")
        for link in ("Articles", "Claim queue", "Reports", "Desk"):
            page.get_by_role("link", name=link).click()
            wait_idle(page)
            wait_for_text(page, "Signed in as Lan")
        page.get_by_role("button", name="Sign out").click()  # the next person on this browser
        page.get_by_label("Login").wait_for(state="visible")
        sign_in(page, base, evil, path=f"claim?id={claim_id}")
        wait_idle(page)
    assert [url for url in requests if url.startswith(tracker.rsplit("/", 1)[0])] == []
