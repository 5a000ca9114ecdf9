"""The desk's check-worthiness model: it learns from reviewers' decisions and labels files, lives in the database,
rescores stored claims without touching their review, and `train-checkworthiness` / `extract --db` keep the
contract. Every example is written here."""
from __future__ import annotations

import io
import json

import numpy as np
import pytest

from claims import extract_claims
from db.claims import ClaimFilter, claim_queue, claims_for_article, get_claim
from db.connection import open_database
from db.history import history_for_claim
from evidence.dismissal import dismiss_claim, restore_claim
from evidence.review import ReviewError, save_review
from factcheck.cli import main
from pipelines.desk_model import active_model, active_scorer, desk_decisions, train_desk_model, use_builtin
from pipelines.ingest import ingest_text

_ORGS = ["Sở Y tế", "Bộ Công Thương", "UBND tỉnh", "Công an thành phố", "Sở Giáo dục", "Hội Nông dân",
         "Ban Tuyên giáo", "Sở Giao thông", "Bộ Tài chính", "Tổng cục Thống kê", "Sở Du lịch", "Bộ Xây dựng"]
_PLACES = ["Hà Nội", "Đà Nẵng", "Cần Thơ", "Huế", "Nghệ An", "Long An", "Hải Phòng", "Bình Dương", "Quảng Ninh",
           "Lâm Đồng", "Phú Yên", "Gia Lai"]


def schedule(i: int) -> str:
    """A routine announcement: the rules see a time, a date and a name, the desk sees nothing to check."""
    return (f"Buổi họp báo của {_ORGS[i % 12]} bắt đầu lúc {7 + i % 5} giờ sáng ngày {1 + i % 27}/{1 + i % 12}"
            f" tại {_PLACES[i % 12]}.")


def statistic(i: int) -> str:
    return (f"Năm {2001 + i}, {_PLACES[i % 12]} ghi nhận {3 + i} nghìn ca sốt xuất huyết, tăng {10 + i}% so với"
            " năm trước.")


def _labels_file(tmp_path, rows, name="labels.jsonl"):
    path = tmp_path / name
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _good_labels(n: int = 12) -> list[dict]:
    """Labels as a desk gathers them, the two kinds mixed in time (the newest are held back to judge the model)."""
    return [row for i in range(n) for row in ({"text": statistic(i), "check_worthy": True},
                                              {"text": schedule(i), "check_worthy": False})]


@pytest.fixture
def desk(db):
    """Twenty-four articles, each a routine announcement and a statistic; the desk dismisses every announcement and
    takes every statistic into review."""
    for i in range(24):
        ingest_text(db, f"{schedule(i)} {statistic(i)}", title=f"Bản tin {i}")
    for claim in claim_queue(db, ClaimFilter(checkworthy=None), limit=100).claims:
        if claim.text.startswith("Buổi họp báo"):
            dismiss_claim(db, claim.id, expected_version=claim.version, reviewer="Lan")
        else:
            save_review(db, claim.id, expected_version=claim.version, reviewer="Lan", status="in_review")
    return db


def test_a_sentence_the_desk_keeps_dismissing_is_no_longer_flagged_once_the_desk_retrains(desk):
    fresh = schedule(40)
    before = extract_claims(fresh).claims[0]
    assert before.checkworthy  # the rules flag it: a time, a date, a name
    outcome = train_desk_model(desk, trained_by="Lan")
    assert outcome.model.from_desk == 48 and outcome.model.from_file == 0
    article = ingest_text(desk, f"{fresh} {statistic(40)}", title="Bản tin mới")
    announcement, figure = claims_for_article(desk, article.article_id)
    assert announcement.score < before.score and not announcement.checkworthy
    assert figure.checkworthy
    # the rules still give the reasons a reviewer reads
    assert announcement.reasons == before.reasons
    scored_by = desk.execute("SELECT scored_by FROM claims WHERE id = ?", [announcement.id]).fetchone()[0]
    assert scored_by == outcome.model.id


def test_desk_decisions_are_labels_and_restoring_undoes_a_dismissal(desk):
    decisions = desk_decisions(desk)
    assert sum(not d.check_worthy for d in decisions) == 24 and sum(d.check_worthy for d in decisions) == 24
    dismissed = claim_queue(desk, ClaimFilter(status="dismissed", checkworthy=None), limit=1).claims[0]
    restored = restore_claim(desk, dismissed.id, expected_version=dismissed.version, reviewer="Minh")
    assert restored.status == "new"
    assert sum(not d.check_worthy for d in desk_decisions(desk)) == 23
    actions = [e.action for e in history_for_claim(desk, dismissed.id)]
    assert actions[-2:] == ["dismissed", "restored"]


def test_dismissed_claims_leave_the_queue_and_a_verdict_cannot_be_dismissed(db):
    article = ingest_text(db, f"{statistic(1)} {statistic(2)}", title="Hai con số")
    first, second = claims_for_article(db, article.article_id)
    dismiss_claim(db, first.id, expected_version=first.version, reviewer="Lan")
    assert [c.id for c in claim_queue(db).claims] == [second.id]
    assert [c.id for c in claim_queue(db, ClaimFilter(status="dismissed")).claims] == [first.id]
    drafted = save_review(db, second.id, expected_version=second.version, reviewer="Lan", rating="False",
                          rationale="Sở Y tế công bố số khác.", status="drafted")
    with pytest.raises(ReviewError, match="cannot be dismissed"):
        dismiss_claim(db, second.id, expected_version=drafted.version, reviewer="Lan")


def test_retraining_rescores_stored_claims_but_never_moves_a_claim_under_review(db):
    for i in range(24):
        ingest_text(db, f"{schedule(i)} {statistic(i)}", title=f"Bản tin {i}")
    claims = claim_queue(db, ClaimFilter(checkworthy=None), limit=100).claims
    in_review = next(c for c in claims if c.text.startswith("Buổi họp báo"))
    save_review(db, in_review.id, expected_version=in_review.version, reviewer="Lan", status="in_review")
    # the desk's own newest decisions, on which the model is judged: twelve figures taken in, twelve announcements out
    for figure in [c for c in claims if not c.text.startswith("Buổi họp báo")][:12]:
        save_review(db, figure.id, expected_version=figure.version, reviewer="Lan", status="in_review")
    announcements = [c for c in claims if c.text.startswith("Buổi họp báo") and c.id != in_review.id]
    for announcement in announcements[:12]:
        dismiss_claim(db, announcement.id, expected_version=announcement.version, reviewer="Lan")
    waiting = announcements[12:]
    assert all(c.checkworthy for c in waiting)
    labels = [*_good_labels(), *({"text": schedule(i), "check_worthy": False} for i in range(20, 30))]
    from claims.checkworthiness_labels import parse_labels

    train_desk_model(db, parse_labels([json.dumps(r, ensure_ascii=False) for r in labels]))
    after = get_claim(db, in_review.id)
    assert after.status == "in_review" and after.checkworthy
    assert after.version == in_review.version + 1  # the review's save; a rescore is not an edit
    assert not any(get_claim(db, c.id).checkworthy for c in waiting)
    assert all(get_claim(db, c.id).status == "new" for c in waiting)
    # back to the rules: the same claims are flagged again, statuses untouched
    use_builtin(db, changed_by="Lan")
    assert all(get_claim(db, c.id).checkworthy for c in waiting)
    assert active_model(db) is None and active_scorer(db) == (None, None)


def test_train_command_prints_what_it_learned_from_and_a_held_back_figure(db_path, tmp_path, capsys):
    labels = _labels_file(tmp_path, _good_labels())
    assert main(["train-checkworthiness", str(labels), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "learned from 24 labelled sentences (12 check-worthy)" in out
    assert "held back (the newest decisions, by article: 5 sentences): model precision" in out
    assert "built-in rules precision" in out
    assert "now scores this database's claims" in out


def _extract(args, capsys) -> dict:
    assert main(["extract", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_extract_with_db_scores_with_that_databases_model_and_without_it_with_the_rules(db_path, tmp_path,
                                                                                          capsys):
    sentence = tmp_path / "one.txt"
    sentence.write_text(schedule(50), encoding="utf-8")
    empty_db = tmp_path / "empty.db"
    open_database(empty_db).close()
    builtin = _extract([str(sentence), "--all"], capsys)["claims"][0]
    assert _extract([str(sentence), "--all", "--db", str(empty_db)], capsys)["claims"][0] == builtin
    assert main(["train-checkworthiness", str(_labels_file(tmp_path, _good_labels())), "--db", str(db_path)]) == 0
    capsys.readouterr()
    learned = _extract([str(sentence), "--all", "--db", str(db_path)], capsys)["claims"][0]
    assert learned["score"] < builtin["score"] and learned["checkworthy"] is False
    assert learned["reasons"] == builtin["reasons"] and learned["start"] == builtin["start"]
    assert _extract([str(sentence), "--db", str(db_path)], capsys)["claims"] == []
    jsonl = _labels_file(tmp_path, [{"id": "a", "text": schedule(51)}], name="in.jsonl")
    assert main(["extract", "--jsonl", str(jsonl), "--all", "--db", str(db_path)]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["id"] == "a" and line["claims"][0]["checkworthy"] is False


def test_extract_with_a_missing_database_says_so_in_one_line(tmp_path, capsys):
    sentence = tmp_path / "one.txt"
    sentence.write_text(statistic(1), encoding="utf-8")
    assert main(["extract", str(sentence), "--db", str(tmp_path / "nowhere.db")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such database" in err
    assert not (tmp_path / "nowhere.db").exists()


@pytest.mark.parametrize(("rows", "message"), [
    ([{"text": "Giá xăng tăng 5%."}] * 3, "has no 'check_worthy' field"),
    ([{"check_worthy": True}], "has no 'text' field"),
    ([{"text": statistic(i), "check_worthy": True} for i in range(5)], "every sentence is check-worthy"),
    ([{"text": schedule(i), "check_worthy": False} for i in range(5)], "no sentence is check-worthy"),
    ([], "no labelled sentences"),
    (["{not json", '{"text": "x", "check_worthy": true}'], "line 1 is not JSON"),
    (['["a list"]'], "not a JSON object"),
    ([{"text": "Giá xăng tăng 5%.", "check_worthy": "yes"}], '"check_worthy" must be true or false'),
    ([{"text": 42, "check_worthy": True}], '"text" must be a non-empty string'),
])
def test_a_bad_labels_file_is_refused_in_one_line_and_the_previous_model_stays(db_path, tmp_path, capsys, rows,
                                                                                 message):
    assert main(["train-checkworthiness", str(_labels_file(tmp_path, _good_labels(), "good.jsonl")),
                 "--db", str(db_path)]) == 0
    capsys.readouterr()
    db = open_database(db_path)
    before = db.execute("SELECT id, parameters FROM checkworthiness_models WHERE active = 1").fetchone()
    labels_before = db.execute("SELECT count(*) FROM checkworthiness_labels").fetchone()[0]
    db.close()
    assert main(["train-checkworthiness", str(_labels_file(tmp_path, rows, "bad.jsonl")), "--db", str(db_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and message in captured.err
    assert "model was not changed" in captured.err
    db = open_database(db_path)
    assert db.execute("SELECT id, parameters FROM checkworthiness_models WHERE active = 1").fetchone() == before
    assert db.execute("SELECT count(*) FROM checkworthiness_labels").fetchone()[0] == labels_before
    db.close()


def test_a_labels_file_that_is_not_text_is_refused(db_path, tmp_path, capsys):
    bad = tmp_path / "labels.jsonl"
    bad.write_bytes(b"\xff\xfe\x00binary")
    assert main(["train-checkworthiness", str(bad), "--db", str(db_path)]) == 1
    assert "not UTF-8" in capsys.readouterr().err


def _old_format_blob() -> bytes:
    out = io.BytesIO()
    header = {"format_version": 1, "char": [2, 4, 2 ** 18], "intercept": 0.0, "threshold": 0.5}
    np.savez(out, header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8), weights=np.zeros(3))
    return out.getvalue()


def test_a_model_of_an_older_format_is_rebuilt_from_the_same_labels(db_path, tmp_path, capsys):
    assert main(["train-checkworthiness", str(_labels_file(tmp_path, _good_labels())), "--db", str(db_path)]) == 0
    capsys.readouterr()
    db = open_database(db_path)
    old_id = db.execute("SELECT id FROM checkworthiness_models WHERE active = 1").fetchone()[0]
    with db.conn:
        db.execute("UPDATE checkworthiness_models SET parameters = ?, format_version = 1 WHERE id = ?",
                   [_old_format_blob(), old_id])
    scorer, model_id = active_scorer(db)
    assert scorer is not None and model_id != old_id
    model = active_model(db)
    assert model.id == model_id and model.labels == 24 and "rebuilt" in model.trained_by
    db.close()
    sentence = tmp_path / "one.txt"
    sentence.write_text(schedule(60), encoding="utf-8")
    assert _extract([str(sentence), "--all", "--db", str(db_path)], capsys)["claims"][0]["checkworthy"] is False


def test_an_older_model_that_cannot_be_rebuilt_leaves_the_rules_scoring(db):
    with db.conn:
        db.execute("INSERT INTO checkworthiness_models (kind, format_version, parameters, threshold, labels,"
                   " positives, trained_at, active) VALUES ('ngram-logistic', 1, ?, 0.5, 0, 0, '2025-01-01', 1)",
                   [_old_format_blob()])
    assert active_scorer(db) == (None, None)
    stored = ingest_text(db, statistic(3), title="Một con số")
    assert claims_for_article(db, stored.article_id)[0].checkworthy
