"""A desk's working day in the library: sessions and what revokes them, the hand-over to an editor, notes with
mentions, the inbox, walking the open claims, bulk changes, saved filters and the history in words."""
from __future__ import annotations

import datetime as dt

import pytest

from claims.model import Claim, Extraction
from claims.workflow import Status
from db.accounts import add_account, disable_account, reset_password
from db.articles import store_article
from db.claims import ClaimFilter, VersionConflict, get_claim, next_open_claim
from db.history import history_for_claim
from db.inbox import inbox, inbox_counts, mark_inbox_visit
from db.notes import NoteError, add_note, notes_for_claim
from db.sessions import check_session, redeem_grant, revoke_session, session_by_token, start_session
from evidence.handover import hand_over, send_back, who_may_publish
from evidence.review import ReviewError, save_review

PASSWORD = "correct horse battery"
SENTENCES = [f"Năm 2023 tỉnh số {i} có {i},5 triệu dân, theo Tổng cục Thống kê." for i in range(1, 7)]


@pytest.fixture
def desk(db):
    lan = add_account(db, "lan", role="reviewer", password=PASSWORD, name="Lan")
    minh = add_account(db, "minh", role="editor", password=PASSWORD, name="Minh")
    hoa = add_account(db, "hoa", role="admin", password=PASSWORD, name="Hoa")
    text = " ".join(SENTENCES)
    claims, at = [], 0
    for i, sentence in enumerate(SENTENCES):
        start = text.index(sentence, at)
        claims.append(Claim(text=sentence, start=start, end=start + len(sentence), checkworthy=True,
                            score=0.9 - i / 100))
        at = start + len(sentence)
    ids = store_article(db, text=text, title="Dân số", extraction=Extraction("vi", tuple(claims))).claim_ids
    return lan, minh, hoa, list(ids)


def _draft(db, claim_id: int, who: str = "Lan"):
    return save_review(db, claim_id, expected_version=get_claim(db, claim_id).version, reviewer=who,
                       rating="False", rationale="Tổng cục Thống kê says otherwise.", status=Status.DRAFTED)


def test_a_session_is_an_opaque_token_that_sign_out_a_disabled_account_and_a_new_password_revoke(db, desk):
    lan, _, hoa, _ = desk
    tokens = []
    for _ in range(3):
        session_id, grant = start_session(db, lan.id)
        token = redeem_grant(db, grant)
        assert token and "lan" not in token.lower() and redeem_grant(db, grant) is None  # the grant works once
        assert session_by_token(db, token) == session_id
        assert check_session(db, session_id, idle_minutes=60).ended is None
        tokens.append(session_id)
    assert db.execute("SELECT count(*) FROM sign_in_sessions WHERE token_hash = ?", [token]).fetchone()[0] == 0
    revoke_session(db, tokens[0], because="signed_out")
    assert check_session(db, tokens[0], idle_minutes=60).ended == "signed_out"
    reset_password(db, "lan", "another long password", changed_by="Hoa")
    assert check_session(db, tokens[1], idle_minutes=60).ended == "password_reset"
    session_id, _grant = start_session(db, lan.id)
    disable_account(db, "lan", changed_by="Hoa")
    assert check_session(db, session_id, idle_minutes=60).ended == "disabled"


def test_an_idle_session_ends_and_stays_ended(db, desk):
    lan = desk[0]
    session_id, _ = start_session(db, lan.id)
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=61)).isoformat()
    db.execute("UPDATE sign_in_sessions SET last_seen_at = ? WHERE id = ?", [old, session_id])
    db.conn.commit()
    assert check_session(db, session_id, idle_minutes=60).ended == "idle"
    assert check_session(db, session_id, idle_minutes=600).ended == "idle"  # revoked, not revived


def test_a_reviewer_hands_over_and_an_editor_sends_back_with_a_note_then_publishes(db, desk):
    lan, minh, hoa, ids = desk
    claim = _draft(db, ids[0])
    assert who_may_publish(db, claim) == ["Hoa", "Minh"]  # editors and admins, never the drafter
    ready = hand_over(db, ids[0], expected_version=claim.version, reviewer="Lan")
    assert ready.status == "ready"
    with pytest.raises(ReviewError, match="Lan may not publish"):
        save_review(db, ids[0], expected_version=ready.version, reviewer="Lan", status=Status.PUBLISHED)
    with pytest.raises(ReviewError, match="note"):
        send_back(db, ids[0], expected_version=ready.version, editor="Minh", note="  ")
    with pytest.raises(ReviewError, match="editor"):
        send_back(db, ids[0], expected_version=ready.version, editor="Lan", note="Change it")
    back = send_back(db, ids[0], expected_version=ready.version, editor="Minh", note="Cite the 2023 census table.")
    assert back.status == "in_review"
    assert [n.text for n in notes_for_claim(db, ids[0])] == ["Cite the 2023 census table."]
    again = hand_over(db, ids[0], expected_version=_draft(db, ids[0]).version, reviewer="Lan")
    published = save_review(db, ids[0], expected_version=again.version, reviewer="Minh", status=Status.PUBLISHED)
    assert published.status == "published"
    steps = [(e.action, e.reviewer) for e in history_for_claim(db, ids[0])]
    assert ("handed_over", "Lan") in steps and ("sent_back", "Minh") in steps and steps[-1] == ("updated", "Minh")


def test_the_drafter_may_not_publish_a_handed_over_verdict(db, desk):
    _, minh, _, ids = desk
    claim = _draft(db, ids[1], who="Minh")
    ready = hand_over(db, ids[1], expected_version=claim.version, reviewer="Minh")
    assert "Minh" not in who_may_publish(db, ready)
    with pytest.raises(ReviewError, match="another editor must publish"):
        save_review(db, ids[1], expected_version=ready.version, reviewer="Minh", status=Status.PUBLISHED)


def test_a_note_mentions_accounts_by_login_and_empty_notes_are_refused(db, desk):
    _, _, _, ids = desk
    note = add_note(db, ids[0], author="Minh", text="@lan xem lại số liệu, cc @HOA. @nobody")
    assert set(note.mentions) == {"Hoa", "Lan"}  # "@nobody" is no account; "@HOA" is hoa
    with pytest.raises(NoteError, match="empty"):
        add_note(db, ids[0], author="Minh", text=" \n ")
    with pytest.raises(NoteError, match="does not exist"):
        add_note(db, 999_999, author="Minh", text="hello")


def test_the_inbox_of_a_reviewer_and_of_an_editor(db, desk):
    lan, minh, _, ids = desk
    mark_inbox_visit(db, lan.id)
    mark_inbox_visit(db, minh.id)
    since_lan = db.execute("SELECT seen_at FROM inbox_visits WHERE account_id = ?", [lan.id]).fetchone()[0]
    save_review(db, ids[0], expected_version=1, reviewer="Minh", assignee="Lan")
    save_review(db, ids[1], expected_version=1, reviewer="Minh", assignee="lan")  # a login typed before: still hers
    _draft(db, ids[2])
    _draft(db, ids[3], who="Minh")
    add_note(db, ids[4], author="Minh", text="@lan can you take this one?")
    for_lan = inbox(db, lan.id, may_publish=False, since=since_lan)
    assert [c.id for c in for_lan.assigned] == [ids[1], ids[0]]
    assert [c.id for c in for_lan.drafts] == [ids[2]] and for_lan.to_publish == []
    assert [(c.id, n) for c, n in for_lan.notes] == [(ids[4], 1)]
    assert {c.id for c in for_lan.changed} == {ids[0], ids[1]}  # Minh assigned them after her last visit
    assert inbox_counts(db, lan.id, may_publish=False, since=since_lan) == for_lan.counts
    assert (for_lan.counts.assigned, for_lan.counts.drafts, for_lan.counts.notes) == (2, 1, 1)
    for_minh = inbox(db, minh.id, may_publish=True, since=None)
    assert [c.id for c in for_minh.to_publish] == [ids[2]]  # Lan's draft, never his own
    assert [c.id for c in for_minh.drafts] == [ids[3]] and for_minh.notes == []


def test_next_open_claim_walks_the_queue_order_once_and_says_when_none_are_left(db, desk):
    _, _, _, ids = desk
    _draft(db, ids[2])
    order = ClaimFilter(article_id=get_claim(db, ids[0]).article_id, checkworthy=None)
    visited: list[int] = []
    while (found := next_open_claim(db, order, sort="article", skip=visited)) is not None:
        assert found not in visited
        visited.append(found)
    assert visited == [i for i in ids if i != ids[2]]
    by_score = []
    while (found := next_open_claim(db, ClaimFilter(), sort="score", skip=by_score)) is not None:
        by_score.append(found)
    assert by_score == [i for i in ids if i != ids[2]]  # scores fall with the sentence order here


def test_bulk_assign_dismiss_and_reports_what_it_could_not_change(db, desk):
    from evidence.bulk import assign_claims, dismiss_claims

    _, _, _, ids = desk
    _draft(db, ids[0])
    outcome = assign_claims(db, ids, "Minh", reviewer="Lan")
    assert sorted(outcome.changed) == sorted(ids) and not outcome.refused
    assert {get_claim(db, i).assignee for i in ids} == {"Minh"}
    outcome = dismiss_claims(db, ids[:3], reviewer="Lan")
    assert outcome.changed == ids[1:3] and [i for i, _why in outcome.refused] == [ids[0]]


def test_saved_filters_belong_to_one_account(db, desk):
    from db.saved_filters import delete_filter, save_filter, saved_filters

    lan, minh, _, _ = desk
    save_filter(db, lan.id, "Mine, new", {"queue_status": "new", "queue_assignee": "Lan"})
    save_filter(db, lan.id, "Mine, new", {"queue_status": "in_review"})
    assert saved_filters(db, lan.id) == {"Mine, new": {"queue_status": "in_review"}}
    assert saved_filters(db, minh.id) == {}
    delete_filter(db, lan.id, "Mine, new")
    assert saved_filters(db, lan.id) == {}


def test_history_and_conflicts_are_in_words(db, desk):
    from db.change_words import action_words, change_words

    _, _, _, ids = desk
    saved = save_review(db, ids[0], expected_version=1, reviewer="Lan", assignee="Lan")
    entry = history_for_claim(db, ids[0])[-1]
    assert change_words(entry.before, entry.after) == [("Assignee", "—", "Lan")]
    _draft(db, ids[0])
    entry = history_for_claim(db, ids[0])[-1]
    words = dict((label, (before, after)) for label, before, after in change_words(entry.before, entry.after))
    assert words["Status"] == ("New", "Verdict drafted") and words["Drafted by"] == ("—", "Lan")
    assert action_words("handed_over") == "Handed to an editor"
    with pytest.raises(VersionConflict) as conflict:
        save_review(db, ids[0], expected_version=saved.version, reviewer="Minh", assignee="Minh")
    message = str(conflict.value)
    assert "Status: New → Verdict drafted" in message and "None" not in message and "drafted_by" not in message


def test_notes_never_reach_a_published_report(db, desk):
    from evidence.claimreview import render_claimreview_json
    from evidence.csv_export import render_csv
    from evidence.markdown import render_markdown
    from evidence.report import ReportScope, build_report

    _, _, _, ids = desk
    claim = _draft(db, ids[0])
    add_note(db, ids[0], author="Lan", text="Internal: the source asked not to be named <b>@minh</b>")
    save_review(db, ids[0], expected_version=claim.version, reviewer="Minh", status=Status.PUBLISHED)
    report = build_report(db, ReportScope())
    assert [c.id for c in report.claims] == [ids[0]]
    for text in (render_markdown(report), render_csv(report), render_claimreview_json(report)):
        assert "Internal" not in text and "asked not to be named" not in text


def test_records_of_sessions_that_ended_over_a_month_ago_are_pruned(db, desk):
    lan = desk[0]
    old_id, _ = start_session(db, lan.id)
    long_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(days=40)).isoformat()
    db.execute("UPDATE sign_in_sessions SET expires_at = ? WHERE id = ?", [long_ago, old_id])
    db.conn.commit()
    start_session(db, lan.id)
    kept = [r[0] for r in db.execute("SELECT expires_at FROM sign_in_sessions")]
    assert len(kept) == 1 and kept[0] > dt.datetime.now(dt.UTC).isoformat()  # only the new one
