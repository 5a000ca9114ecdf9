"""The desk's labels: judged on its own newest articles (labels of another kind of text do not switch a model on),
stored once per text with the latest label winning, capped per file, listed and removed with `factcheck labels`,
and two trainings at once both end up in the model. Every example is written here."""
from __future__ import annotations

import json
import threading

from desk_support import PLACES, decide_as_the_rules_do

from db.connection import open_database
from factcheck.cli import main
from pipelines.desk_model import active_model, latest_model, stored_labels, train_desk_model
from pipelines.ingest import ingest_text

_STATES = ["Ohio", "Iowa", "Texas", "Maine", "Utah", "Idaho", "Kansas", "Nevada", "Oregon", "Vermont", "Alaska",
           "Georgia"]


def _debate_labels() -> list[dict]:
    """English debate sentences: another kind of text than the desk's Vietnamese news."""
    return [row for i, state in enumerate(_STATES) for row in (
        {"text": f"We created {i + 2} million jobs in {state} in {2001 + i}, more than any other state.",
         "check_worthy": True},
        {"text": f"I want to thank the wonderful people of {state} for being with us tonight.",
         "check_worthy": False})]


def _file(tmp_path, rows, name="labels.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_desk_whose_labels_come_from_another_kind_of_text_keeps_the_rules_scores(db, db_path, tmp_path, capsys):
    decide_as_the_rules_do(db)
    assert main(["train-checkworthiness", str(_file(tmp_path, _debate_labels())), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "did not beat the built-in rules there beyond chance, so the built-in rules keep scoring" in out
    assert active_model(db) is None
    model = latest_model(db)
    assert model.from_file == 24 and model.from_desk == 24 and model.rules_f1 == 1.0 and not model.beat_the_rules
    # every stored claim keeps exactly the rules' score
    assert db.execute("SELECT count(*) FROM claims WHERE scored_by IS NOT NULL OR score != rule_score"
                      ).fetchone()[0] == 0
    fresh = ingest_text(db, "Năm 2030, tỉnh số 40 ghi nhận 9 nghìn ca sốt xuất huyết.", title="Mới")
    assert db.execute("SELECT count(*) FROM claims WHERE article_id = ? AND scored_by IS NULL",
                      [fresh.article_id]).fetchone()[0] == 1


def test_training_the_same_file_twice_stores_each_text_once_and_a_new_label_wins(db, db_path, tmp_path, capsys):
    rows = _debate_labels()
    path = _file(tmp_path, rows)
    for _ in range(2):
        assert main(["train-checkworthiness", str(path), "--db", str(db_path)]) == 0
    assert "(0 new from" in capsys.readouterr().out.splitlines()[-3]
    assert len(stored_labels(db)) == 24
    assert latest_model(db).labels == 24
    flipped = [{**rows[1], "check_worthy": True}, {**rows[1], "check_worthy": False}, rows[3] | {"check_worthy": True}]
    assert main(["train-checkworthiness", str(_file(tmp_path, [*rows, *flipped], "again.jsonl")),
                 "--db", str(db_path), "--reviewer", "Lan"]) == 0
    assert "(0 new from" in capsys.readouterr().out and len(stored_labels(db)) == 24
    labels = {label.text: label for label in stored_labels(db)}
    assert labels[rows[1]["text"]].check_worthy is False  # the file's later line of the same text
    assert labels[rows[3]["text"]].check_worthy is True and labels[rows[3]["text"]].added_by == "Lan"
    relabelled = db.execute("SELECT before, after, reviewer FROM history WHERE entity = 'checkworthiness_label'"
                            " AND action = 'relabelled'").fetchall()
    assert relabelled == [('{"check_worthy": false}', '{"check_worthy": true}', "Lan")]


def test_a_labels_file_over_the_cap_is_refused_in_one_line_and_nothing_is_stored(db, db_path, tmp_path, capsys):
    rows = [{"text": f"Câu số {i}.", "check_worthy": i % 2 == 0} for i in range(50_001)]
    assert main(["train-checkworthiness", str(_file(tmp_path, rows)), "--db", str(db_path)]) != 0
    err = capsys.readouterr().err.strip()
    assert "more than 50,000 labelled sentences" in err and len(err.splitlines()) == 1
    assert stored_labels(db) == [] and latest_model(db) is None


def test_labels_are_listed_and_removed_by_id_or_all(db, db_path, tmp_path, capsys):
    assert main(["train-checkworthiness", str(_file(tmp_path, _debate_labels())), "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["labels", "list", "--json", "--db", str(db_path)]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(listed) == 24 and listed[0]["text"] == _debate_labels()[0]["text"] and listed[0]["check_worthy"]
    assert main(["labels", "remove", str(listed[0]["id"]), str(listed[1]["id"]), "--db", str(db_path)]) == 0
    assert "2 labels removed" in capsys.readouterr().out
    assert main(["labels", "list", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "22 labelled sentences stored" in out and listed[0]["text"] not in out
    assert main(["labels", "remove", "--db", str(db_path)]) != 0
    assert "give the ids to remove" in capsys.readouterr().err
    assert main(["labels", "remove", "--all", "--db", str(db_path)]) == 0
    assert stored_labels(db) == []
    assert db.execute("SELECT count(*) FROM history WHERE entity = 'checkworthiness_label' AND action = 'removed'"
                      ).fetchone()[0] == 24


def test_two_trainings_at_once_both_end_up_in_the_model(db, db_path):
    from claims.checkworthiness_labels import parse_labels

    first = _debate_labels()
    second = [{"text": f"Năm {1990 + i}, tỉnh {p} có {i + 2} nghìn học sinh bỏ học." if i % 2 else
               f"Chúng tôi xin chúc các bạn ở {p} một ngày vui lần thứ {i}.", "check_worthy": bool(i % 2)}
              for i, p in enumerate(PLACES * 2)]
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def training(rows: list[dict]) -> None:
        own = open_database(db_path)
        try:
            start.wait()
            train_desk_model(own, parse_labels([json.dumps(r, ensure_ascii=False) for r in rows]))
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)
        finally:
            own.close()

    threads = [threading.Thread(target=training, args=(rows,)) for rows in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    assert len(stored_labels(db)) == 48
    assert latest_model(db).from_file == 48  # the model stored last learned from both files
