"""A reviewer and her editor through a morning's work, in Debian's Chromium against the real server: each one's
inbox, the hand-over and the send-back, a note with a mention reaching the other's inbox, Next open claim visiting
each open claim of an article once, Undo after Dismiss, and a bulk assign of 25 claims."""
from __future__ import annotations

import re

import pytest
from browser_support import (  # noqa: F401 - chromium_browser is the fixture `browser`
    SEEDS,
    app_on_articles,
    choose,
    chromium_browser,
    chromium_missing,
    ensure_account,
    sign_in,
    wait_for_text,
    wait_idle,
)

pytestmark = [pytest.mark.skipif(chromium_missing() is not None, reason=chromium_missing() or ""),
              pytest.mark.timeout(400)]


@pytest.fixture
def desk(tmp_path):
    """Both sample articles; yields (base URL, database path, the claim ids of the first article)."""
    with app_on_articles(tmp_path / "desk.db", [SEEDS]) as (base, outcomes):
        ensure_account(base, "Lan", role="reviewer")
        ensure_account(base, "Minh", role="editor")
        yield base, tmp_path / "desk.db", list(outcomes[0].stored.claim_ids)


def _page(browser):
    page = browser.new_context(viewport={"width": 1400, "height": 1100}).new_page()
    page.set_default_timeout(30_000)
    return page


def _db(db_path):
    from db.connection import open_database

    return open_database(db_path)


def _claim_number(page) -> int:
    page.get_by_text(re.compile(r"Claim #\d+ · version")).first.wait_for()
    wait_idle(page)
    return int(re.search(r"Claim #(\d+) · version", page.inner_text("body")).group(1))


def test_the_inbox_of_a_reviewer_and_of_an_editor(browser, desk):
    from evidence.review import save_review

    base, db_path, ids = desk
    db = _db(db_path)
    assigned = save_review(db, ids[0], expected_version=1, reviewer="Minh", assignee="Lan")
    save_review(db, ids[1], expected_version=1, reviewer="Lan", rating="False", rationale="The census says less.",
                status="drafted")
    db.close()
    lan = _page(browser)
    sign_in(lan, base, "Lan")
    wait_for_text(lan, "Assigned to me (1)")
    wait_for_text(lan, "My drafts (1)")
    wait_for_text(lan, "Changed by others since my last visit (1)")
    assert "Waiting to be published" not in lan.inner_text("body")  # a reviewer publishes nothing
    wait_for_text(lan, "Inbox: 1 assigned · 1 drafts")  # the sidebar's counts
    wait_idle(lan)
    lan.locator(f".st-key-inbox_assigned_{assigned.id} button").click()
    wait_for_text(lan, f"Claim #{assigned.id} · version")

    minh = _page(browser)
    sign_in(minh, base, "Minh")
    wait_for_text(minh, "Waiting to be published (1)")
    wait_for_text(minh, "drafted by Lan")
    wait_for_text(minh, "Assigned to me (0)")


def test_hand_over_send_back_and_a_mention_in_the_other_inbox(browser, desk):
    from evidence.review import save_review

    base, db_path, ids = desk
    db = _db(db_path)
    save_review(db, ids[2], expected_version=1, reviewer="Lan", rating="False", rationale="The census says less.",
                status="drafted")
    db.close()
    lan = _page(browser)
    sign_in(lan, base, "Lan", path=f"claim?id={ids[2]}")
    wait_for_text(lan, "Who may publish: Minh")
    wait_for_text(lan, "A reviewer cannot publish")
    lan.get_by_role("button", name="Ready for an editor").click()
    wait_for_text(lan, "Handed to an editor: it waits in their inbox.")
    assert lan.get_by_role("button", name="Publish", exact=True).count() == 0

    minh = _page(browser)
    sign_in(minh, base, "Minh")
    wait_for_text(minh, "Waiting to be published (1)")
    wait_idle(minh)
    minh.locator(f".st-key-inbox_publish_{ids[2]} button").click()
    wait_for_text(minh, "Ready for an editor · drafted by Lan")
    minh.get_by_label("Send back with a note").fill("@lan cite the 2023 table, please.")
    minh.get_by_role("button", name="Send back").click()
    wait_for_text(minh, "Sent back to review with your note.")
    wait_for_text(minh, "Sent back to review")  # the history says it in words

    lan.goto(base)  # the Inbox is the app's main page
    wait_for_text(lan, "New notes for me (1)")
    wait_for_text(lan, "1 new note")
    wait_idle(lan)
    lan.locator(f".st-key-inbox_notes_{ids[2]} button").click()
    wait_for_text(lan, "cite the 2023 table, please.")
    wait_for_text(lan, "mentions Lan")

    from db.claims import get_claim
    from db.history import history_for_claim

    db = _db(db_path)
    steps = [(e.action, e.reviewer) for e in history_for_claim(db, ids[2])]
    assert get_claim(db, ids[2]).status == "in_review"
    assert steps[-2:] == [("handed_over", "Lan"), ("sent_back", "Minh")]
    db.close()


def test_next_open_claim_visits_each_open_claim_of_an_article_once(browser, desk):
    from db.claims import claims_for_article, get_claim
    from evidence.review import save_review

    base, db_path, ids = desk
    db = _db(db_path)
    save_review(db, ids[3], expected_version=1, reviewer="Lan", rating="True", rationale="Matches the census.",
                status="drafted")
    article_id = get_claim(db, ids[0]).article_id
    open_ids = [c.id for c in claims_for_article(db, article_id) if c.status in ("new", "in_review")]
    db.close()
    page = _page(browser)
    sign_in(page, base, "Lan", path=f"article?id={article_id}")
    page.get_by_role("button", name="Review this claim").click()
    visited = [_claim_number(page)]
    while True:
        nxt = page.get_by_role("button", name="Next open claim →")
        left = page.get_by_text("No open claims left in this order")
        nxt.or_(left).first.wait_for()
        wait_idle(page)  # the claim page has finished drawing: the button is not replaced under the click
        if left.count():
            break
        nxt.click()
        page.wait_for_function(f"() => !document.body.innerText.includes('Claim #{visited[-1]} · version')")
        visited.append(_claim_number(page))
        assert len(visited) <= len(open_ids) + 1
    assert sorted(visited) == sorted(open_ids) and len(set(visited)) == len(visited)


def test_undo_after_dismiss_and_a_click_in_the_article_selects_a_claim(browser, desk):
    base, db_path, ids = desk
    page = _page(browser)
    sign_in(page, base, "Lan", path=f"claim?id={ids[4]}")
    page.get_by_role("button", name="Dismiss: not worth checking").click()
    wait_for_text(page, "Dismissed: not worth checking.")
    page.get_by_role("button", name="Undo").click()
    wait_for_text(page, "Undone: the claim is back, New.")
    from db.claims import get_claim

    db = _db(db_path)
    claim = get_claim(db, ids[4])
    db.close()
    assert claim.status == "new"

    page.goto(f"{base}/article?id={claim.article_id}")
    page.get_by_role("link", name=f"#{ids[5]}", exact=True).click()
    wait_for_text(page, f"Claim #{ids[5]} ·")  # the side panel now shows the clicked claim


def test_a_bulk_assign_of_25_claims(browser, desk):
    base, db_path, _ = desk
    page = _page(browser)
    sign_in(page, base, "Lan", path="queue")
    choose(page, "Check-worthiness", "Any")
    wait_for_text(page, "showing 1–25 of")
    page.get_by_role("button", name="Select all on this page").click()
    wait_for_text(page, "25 claims selected")
    choose(page, "Assign to", "Minh")
    page.get_by_role("button", name="Assign selected").click()
    wait_for_text(page, "Assigned 25 claims to Minh.")
    db = _db(db_path)
    assigned = db.execute("SELECT count(*) FROM claims WHERE assignee = 'Minh'").fetchone()[0]
    history = db.execute("SELECT count(*) FROM history WHERE reviewer = 'Lan' AND field = 'assignee'").fetchone()[0]
    db.close()
    assert assigned == 25 and history == 25
