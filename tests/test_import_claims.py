"""Past fact-checks: JSON Lines or CSV in, matched by `factcheck match`; bad input named by line, never a traceback."""
from __future__ import annotations

import json
import unicodedata

import pytest

from claims.past_checks import PastCheckError, parse_past_checks, read_past_checks
from db.matching import import_known_claims
from factcheck.cli import main
from tests.matching_support import store_claims


def _write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_jsonl_and_csv_archives_read_the_same(tmp_path):
    jsonl = _write_jsonl(tmp_path / "a.jsonl", [{"id": 1, "text": "Giá xăng tăng", "verdict": "Sai", "url": ""}])
    csv = tmp_path / "a.csv"
    csv.write_text("ID,Text,Verdict\n1,Giá xăng tăng,Sai\n", encoding="utf-8")
    assert list(read_past_checks(jsonl)) == list(read_past_checks(csv)) == [
        {"id": "1", "text": "Giá xăng tăng", "verdict": "Sai", "url": None, "published": None}]


def test_text_is_nfc_normalised_on_the_way_in():
    decomposed = unicodedata.normalize("NFD", "Điện Kremlin")
    [row] = parse_past_checks(json.dumps({"id": "x", "text": decomposed}))
    assert row["text"] == unicodedata.normalize("NFC", "Điện Kremlin")


@pytest.mark.parametrize("content, message", [
    ('{"id": "1", "text": "ok"}\n{"id": "2"}\n', "line 2: no text"),
    ('{"id": "1", "text": "ok"}\nnot json\n', "line 2: not JSON"),
    ('{"text": "no id"}\n', "line 1: no id"),
    ("id,verdict\n1,Sai\n", "line 1: the CSV header needs text"),
    ("id,text\n1,ok\n2,\n", "line 3: no text"),
])
def test_bad_rows_are_reported_with_their_line(content, message):
    with pytest.raises(PastCheckError, match=message):
        list(parse_past_checks(content))


def test_importing_again_replaces_by_id(db):
    import_known_claims(db, [{"id": "a", "text": "Giá xăng tăng 5%"}])
    import_known_claims(db, [{"id": "a", "text": "Giá xăng tăng 6%", "verdict": "Sai"}])
    assert db.execute("SELECT text, verdict FROM known_claims").fetchall() == [("Giá xăng tăng 6%", "Sai")]
    assert db.execute("SELECT rowid FROM known_claims_fts WHERE known_claims_fts MATCH 'xang'").fetchall()


def test_import_then_match_follows_the_command_contract(tmp_path, db_path, capsys):
    archive = _write_jsonl(tmp_path / "past.jsonl", [
        {"id": "sn-1", "text": "Wombats are inviting other animals into their burrows to escape the fires."},
        {"id": "sn-2", "text": "90% of the city's buses run on electricity."},
    ])
    assert main(["import-claims", str(archive), "--db", str(db_path)]) == 0
    queries = _write_jsonl(tmp_path / "q.jsonl", [
        {"id": "q1", "text": "Wombats invite animals into burrows to escape fires https://t.co/x"
                             " — Someone (@someone) January 14, 2020"},
        {"id": "q2", "text": "9% of the city's buses run on electricity"},
        {"id": "q3", "text": "Kangaroos can swim"},
    ])
    capsys.readouterr()
    assert main(["match", "--db", str(db_path), "--jsonl", str(queries), "--limit", "1"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ["q1", "q2", "q3"]
    assert lines[0]["matches"][0]["id"] == "sn-1" and lines[0]["matches"][0]["relation"] == "duplicate"
    assert lines[1]["matches"][0] == {"id": "sn-2", "score": lines[1]["matches"][0]["score"],
                                      "relation": "related", "kind": "known"}
    assert all(0 <= m["score"] <= 100 for line in lines for m in line["matches"])
    assert all(len(line["matches"]) <= 1 for line in lines)


def test_match_reports_claims_by_their_number(db, db_path, tmp_path, capsys):
    [claim] = store_claims(db, "Giá xăng tăng 5% trong tháng ba.")
    queries = _write_jsonl(tmp_path / "q.jsonl", [{"id": 7, "text": "Giá xăng tăng 5 % trong tháng ba"}])
    assert main(["match", "--db", str(db_path), "--jsonl", str(queries)]) == 0
    [line] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert line == {"id": 7, "matches": [{"id": str(claim), "score": line["matches"][0]["score"],
                                          "relation": "duplicate", "kind": "claim"}]}


def test_bad_archive_is_a_one_line_error(tmp_path, db_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "ok"}\n{"id": "2", "text": ""}\n', encoding="utf-8")
    assert main(["import-claims", str(bad), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "line 2" in err and "Traceback" not in err
    assert main(["import-claims", str(tmp_path / "missing.csv"), "--db", str(db_path)]) == 1


def test_a_bad_match_line_is_reported_and_the_others_answered(tmp_path, db_path, capsys):
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": "a", "text": "Giá xăng"}\nnot json\n{"id": "c"}\n', encoding="utf-8")
    assert main(["match", "--db", str(db_path), "--jsonl", str(queries)]) == 1
    captured = capsys.readouterr()
    assert [json.loads(x)["id"] for x in captured.out.splitlines()] == ["a", None, "c"]
    assert "line 2" in captured.err and "line 3" in captured.err
