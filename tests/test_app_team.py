"""The Claim page and the Inbox (AppTest): assignees picked from desk accounts, Assign to me, notes shown escaped,
the history in words, a nested claim drawn inside its outer claim."""
from __future__ import annotations

import pytest
from app_support import ensure_account, html_of, make_app, open_page, texts

from db.claims import ClaimFilter, claim_queue, get_claim
from db.notes import add_note
from evidence.review import save_review


@pytest.fixture
def claim_id(seeded_db, db_path, monkeypatch) -> int:
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    return claim_queue(seeded_db, ClaimFilter(), limit=1).claims[0].id


def test_assignees_are_desk_accounts_and_old_names_stay_shown(seeded_db, claim_id):
    ensure_account("Minh", role="editor")
    save_review(seeded_db, claim_id, expected_version=1, reviewer="Lan", assignee="lan typo")
    at = open_page(make_app("Lan", role="reviewer"), "claim", id=claim_id)
    assignee = next(w for w in at.selectbox if w.key == f"claim_{claim_id}_2_assignee")
    assert assignee.options == ["— nobody —", "Lan", "Minh", "lan typo"] and assignee.value == "lan typo"
    at.button(key="claim_assign_me").click().run()
    assert get_claim(seeded_db, claim_id).assignee == "Lan"
    assert "Assigned to you." in texts(at)


def test_a_note_is_shown_escaped_with_its_author_and_mentions(seeded_db, claim_id):
    ensure_account("Minh", role="editor")
    ensure_account("Lan", role="reviewer")
    add_note(seeded_db, claim_id, author="Minh", text="@lan ![x](http://127.0.0.1:9/t.png) **bold** <b>tag</b>")
    at = open_page(make_app("Lan", role="reviewer"), "claim", id=claim_id)
    shown = texts(at)
    assert "mentions Lan" in shown
    # No image, no bold, no HTML: every Markdown character is escaped, so the note reads exactly as typed.
    assert r"\!\[x\]\(http" in shown and r"\*\*bold\*\* \<b\>tag\</b\>" in shown


def test_the_history_is_in_words(seeded_db, claim_id):
    save_review(seeded_db, claim_id, expected_version=1, reviewer="Lan", assignee="Lan")
    at = open_page(make_app("Lan"), "claim", id=claim_id)
    (table,) = [d.value for d in at.dataframe]
    row = table.iloc[0].to_dict()
    assert (row["What"], row["Fields"], row["Before"], row["After"]) == ("Changed", "Assignee", "Assignee: —",
                                                                         "Assignee: Lan")


def test_a_claim_added_inside_another_is_drawn_nested_and_clickable(seeded_db, claim_id):
    from db.claim_edits import add_claim_from_passage

    outer = get_claim(seeded_db, claim_id)
    inner_id = add_claim_from_passage(seeded_db, outer.article_id, outer.start + 5, outer.start + 25, reviewer="Lan")
    at = open_page(make_app("Lan"), "article", id=outer.article_id)
    page = html_of(at)
    outer_at, inner_at = page.index(f"select={outer.id}"), page.index(f"select={inner_id}")
    assert outer_at < inner_at < page.index(f">#{outer.id}</a>")  # the inner claim sits inside the outer one


def test_the_inbox_lands_for_a_reviewer_without_errors(seeded_db, claim_id):
    save_review(seeded_db, claim_id, expected_version=1, reviewer="Minh", assignee="Lan")
    at = open_page(make_app("Lan", role="reviewer"), "inbox")
    assert not at.exception
    shown = texts(at)
    assert "Assigned to me (1)" in shown and "Waiting to be published" not in shown
    assert "Inbox: 1 assigned" in shown


def test_a_dismissal_in_the_queue_leaves_its_notice_in_place_with_undo(seeded_db, claim_id):
    at = open_page(make_app("Lan"), "queue")
    at.button(key=f"queue_dismiss_{claim_id}").click().run()
    assert not at.exception and get_claim(seeded_db, claim_id).status == "dismissed"
    assert f"Claim #{claim_id} dismissed: not worth checking." in texts(at)
    at.button(key="queue_undo_dismiss").click().run()
    assert get_claim(seeded_db, claim_id).status == "new"
    assert f"Undone: claim #{claim_id} is back in the queue." in texts(at)


def test_saved_filters_set_the_queue_again(seeded_db, claim_id):
    at = open_page(make_app("Lan"), "queue")
    at.selectbox(key="queue_status").set_value("in_review").run()
    at.text_input(key="queue_saved_name").input("In review").run()
    at.button(key="queue_saved_save").click().run()
    at.selectbox(key="queue_status").set_value("Any").run()
    at.button(key="queue_saved_apply").click().run()
    assert not at.exception and at.selectbox(key="queue_status").value == "in_review"
