"""A claim's status, a pair's relation and a reviewer's match decision each have one label, read the same on the
queue, on the claim page and in a report, in Vietnamese as in English."""
from __future__ import annotations

import pytest
from app_support import make_app, open_page, texts

from claims.workflow import MatchDecision, Relation, Status, status_label
from db.claims import ClaimFilter, claim_queue
from db.settings import set_setting
from evidence.dismissal import dismiss_claim
from evidence.markdown import render_markdown
from evidence.report import ReportScope, build_report
from evidence.review import save_review
from translations import language_in_use

CLOSED_SETS = (Status, Relation, MatchDecision)


@pytest.mark.parametrize("closed_set", CLOSED_SETS, ids=lambda e: e.__name__)
@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_member_has_its_own_label_in_each_language(closed_set, language):
    with language_in_use(language):
        labels = [member.label for member in closed_set]
    assert all(label.strip() for label in labels)
    assert len(set(labels)) == len(labels), labels  # two statuses never read alike


@pytest.mark.parametrize("closed_set", CLOSED_SETS, ids=lambda e: e.__name__)
def test_labels_are_translated_and_values_stay_the_stored_words(closed_set):
    with language_in_use("en"):
        english = {member: member.label for member in closed_set}
    with language_in_use("vi"):
        vietnamese = {member: member.label for member in closed_set}
    assert all(vietnamese[m] != english[m] for m in closed_set), vietnamese
    assert [m.value for m in Status] == ["new", "in_review", "drafted", "ready", "published", "merged", "dismissed"]
    assert [m.value for m in Relation] == ["duplicate", "related"]
    assert [m.value for m in MatchDecision] == ["suggested", "confirmed", "rejected"]


def test_a_stored_status_reads_as_its_label_and_anything_else_as_it_is():
    with language_in_use("vi"):
        assert status_label("ready") == Status.READY.label == "Chờ biên tập viên duyệt"
    assert status_label("in_review") == "In review"
    assert status_label("archived") == "archived"


def _claim_in(db, status: Status) -> int:
    """The first claim of the queue, moved to `status` (a drafted verdict, or dismissed) the way a reviewer would."""
    claim = claim_queue(db, ClaimFilter(), limit=1).claims[0]
    if status is Status.DISMISSED:
        dismiss_claim(db, claim.id, expected_version=claim.version, reviewer="Lan")
    else:
        save_review(db, claim.id, expected_version=claim.version, reviewer="Lan", rating="False",
                    rationale="Tổng cục Thống kê says otherwise.", status=status)
    return claim.id


@pytest.mark.parametrize(("language", "status", "label"), [
    ("en", Status.DRAFTED, "Verdict drafted"), ("vi", Status.DRAFTED, "Đã soạn kết luận"),
    ("en", Status.DISMISSED, "Dismissed"), ("vi", Status.DISMISSED, "Đã bỏ qua")])
def test_queue_claim_page_and_report_show_the_same_status_label(seeded_db, db_path, monkeypatch, language, status,
                                                                label):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    claim_id = _claim_in(seeded_db, status)
    set_setting(seeded_db, "language", language, changed_by="admin")
    with language_in_use(language):
        assert status.label == label

    queue = open_page(make_app(), "queue")
    queue.selectbox(key="queue_status").set_value(status.value).run()  # a dismissed claim is listed when asked for
    assert not queue.exception
    assert f"#{claim_id} · {label}" in texts(queue)

    page = open_page(make_app(), "claim", id=claim_id)
    assert not page.exception
    assert f":blue-badge[{label}]" in texts(page)
    if status is Status.DRAFTED:
        status_box = next(w for w in page.selectbox if w.key.endswith("_status"))
        assert status_box.options[0] == label  # the claim's current status, first among its moves

    report = render_markdown(build_report(seeded_db, ReportScope(claim_id=claim_id), language=language))
    status_line = next(line for line in report.splitlines() if line.startswith("- **") and label in line)
    if status is Status.DRAFTED:  # a report also tells its reader the verdict is not final
        assert status_line.endswith("not published" if language == "en" else "chưa đăng")
