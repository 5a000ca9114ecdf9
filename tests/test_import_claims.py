"""Past fact-checks: JSON Lines or CSV in, matched by `factcheck match`; bad input named by line, never a traceback."""
from __future__ import annotations

import csv
import io
import json
import unicodedata

import pytest
from cli_support import factcheck, one_line_error

from claims.past_checks import PastCheckError, parse_past_checks, read_past_checks
from db.connection import open_database
from db.known_claims import import_known_claims
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
    assert _found(db, "xang") == ["a"]


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
                                      "relation": "related", "kind": "known", "why": "different figure: 9% ≠ 90%"}
    assert all(0 <= m["score"] <= 100 for line in lines for m in line["matches"])
    assert all(len(line["matches"]) <= 1 for line in lines)


def test_match_finds_a_past_fact_check_worded_in_other_words(db_path, tmp_path, capsys):
    archive = _write_jsonl(tmp_path / "past.jsonl", [
        {"id": "pf-guns", "text": "A new law lets children buy weapons.", "verdict": "False"},
        {"id": "pf-rice", "text": "Rice exports fell by a third last year.", "verdict": "True"},
    ])
    assert main(["import-claims", str(archive), "--db", str(db_path)]) == 0
    queries = _write_jsonl(tmp_path / "q.jsonl", [{"id": "q", "text": "Kids may legally purchase firearms now!"}])
    capsys.readouterr()
    assert main(["match", "--db", str(db_path), "--jsonl", str(queries), "--limit", "1"]) == 0
    [line] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(m["id"], m["relation"]) for m in line["matches"]] == [("pf-guns", "related")]


def test_match_reports_claims_by_their_number(db, db_path, tmp_path, capsys):
    [claim] = store_claims(db, "Giá xăng tăng 5% trong tháng ba.")
    queries = _write_jsonl(tmp_path / "q.jsonl", [{"id": 7, "text": "Giá xăng tăng 5 % trong tháng ba"}])
    assert main(["match", "--db", str(db_path), "--jsonl", str(queries)]) == 0
    [line] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert line == {"id": 7, "matches": [{"id": str(claim), "score": line["matches"][0]["score"],
                                          "relation": "duplicate", "kind": "claim",
                                          "why": "same figures: 5 % = 5%"}]}


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


def _found(db, word):
    """The past fact-checks matching finds by this word (the in-memory word index, as `find_matches` searches)."""
    from db.match_index import word_indexes

    known, _ = word_indexes(db)
    return sorted(key for _, key in (c.key for c in known.candidates(word, limit=100_000, pool=100_000,
                                                                      posting_budget=10**6)))


def test_reimported_and_repeated_ids_are_found_by_their_new_words_only(db):
    import_known_claims(db, [{"id": "a", "text": "Giá xăng tăng"}, {"id": "b", "text": "Giá điện tăng"}])
    import_known_claims(db, [{"id": "a", "text": "Giá gạo giảm"}, {"id": "c", "text": "Giá gạo tăng"},
                             {"id": "c", "text": "Giá muối tăng"}])
    assert dict(db.execute("SELECT id, text FROM known_claims").fetchall()) == {
        "a": "Giá gạo giảm", "b": "Giá điện tăng", "c": "Giá muối tăng"}
    assert _found(db, "xang") == [] and _found(db, "gao") == ["a"] and _found(db, "muoi") == ["c"]
    assert _found(db, "tang") == ["b", "c"]


def test_a_large_import_spans_chunks_and_replaces_ids_across_them(db):
    rows = [{"id": f"k{i}", "text": f"Tuyên bố số {i} về giá xăng"} for i in range(60_000)]
    rows[55_000] = {"id": "k7", "text": "Tuyên bố thay thế về giá điện"}  # replaces a row of the first chunk
    assert import_known_claims(db, rows) == 60_000
    assert db.execute("SELECT count(*) FROM known_claims").fetchone()[0] == 59_999
    assert _found(db, "dien") == ["k7"]
    assert len(_found(db, "xang")) == 59_998


def test_a_bad_row_late_in_a_large_import_stores_nothing(db):
    import_known_claims(db, [{"id": "kept", "text": "Đã có từ trước"}])
    rows = [{"id": f"k{i}", "text": f"Tuyên bố số {i}"} for i in range(60_000)] + [{"id": "x", "text": " "}]
    with pytest.raises(ValueError, match="past fact-check 60001 needs an id and a text"):
        import_known_claims(db, rows)
    assert db.execute("SELECT id FROM known_claims").fetchall() == [("kept",)]
    assert _found(db, "tuyen") == []
    assert import_known_claims(db, rows[:10]) == 10  # the connection is usable again


def test_an_import_leaves_the_connection_as_it_found_it(db):
    db.execute("PRAGMA recursive_triggers = OFF")
    import_known_claims(db, [{"id": "a", "text": "Giá xăng tăng"}])
    assert db.execute("PRAGMA recursive_triggers").fetchone()[0] == 0
    assert db.execute("SELECT name FROM sqlite_temp_master").fetchall() == []


def test_an_import_inside_a_transaction_commits_with_it(db):
    from db.connection import writing

    with pytest.raises(RuntimeError), writing(db):
        import_known_claims(db, [{"id": "a", "text": "Giá xăng tăng"}])
        raise RuntimeError("the outer write fails")
    assert db.execute("SELECT count(*) FROM known_claims").fetchone()[0] == 0
    with writing(db):
        import_known_claims(db, [{"id": "a", "text": "Giá xăng tăng"}])
    assert _found(db, "xang") == ["a"]


def test_a_bad_line_in_an_archive_file_is_named_and_nothing_is_stored(tmp_path, db):
    rows = [{"id": f"k{i}", "text": f"Tuyên bố số {i}"} for i in range(60_000)]
    archive = _write_jsonl(tmp_path / "past.jsonl", rows)
    with open(archive, "a", encoding="utf-8") as f:
        f.write('{"id": "bad", "text": "ok"\n')
    with pytest.raises(PastCheckError, match="past.jsonl, line 60001: not JSON"):
        import_known_claims(db, read_past_checks(archive))
    assert db.execute("SELECT count(*) FROM known_claims").fetchone()[0] == 0


def test_bytes_that_are_not_utf8_are_named_by_line(tmp_path):
    archive = tmp_path / "past.jsonl"
    archive.write_bytes(b'{"id": "1", "text": "ok"}\n' * 3 + b'{"id": "4", "text": "\xff"}\n')
    with pytest.raises(PastCheckError, match="line 4: not UTF-8"):
        list(read_past_checks(archive))


def test_half_a_surrogate_pair_is_named_by_line(db):
    with pytest.raises(PastCheckError, match="line 2: a \\\\u escape"):
        list(parse_past_checks('{"id": "1", "text": "ok"}\n{"id": "2", "text": "x\\ud800"}\n', kind="jsonl"))
    with pytest.raises(ValueError, match="past fact-check 2 has text that is not valid Unicode"):
        import_known_claims(db, [{"id": "1", "text": "ok"}, {"id": "2", "text": "x\ud800"}])


def test_line_separators_inside_json_text_do_not_split_a_line(tmp_path):
    archive = tmp_path / "past.jsonl"
    text = "Câu một\u2028câu hai\x85câu ba"
    archive.write_text(json.dumps({"id": "1", "text": text}, ensure_ascii=False) + "\r\n"
                       + json.dumps({"id": "2", "text": "ok"}) + "\r\n", encoding="utf-8")
    assert [r["text"] for r in read_past_checks(archive)] == [text, "ok"]


def test_an_archive_with_a_byte_order_mark_and_no_known_suffix_is_read(tmp_path):
    archive = tmp_path / "past.txt"
    archive.write_bytes("\ufeff\n".encode() + b'{"id": 1, "text": "ok"}\n')
    assert [r["id"] for r in read_past_checks(archive)] == ["1"]
    csv = tmp_path / "past.dat"
    csv.write_bytes("\ufeffid,text\n1,\"two\nlines\"\n".encode())
    assert [r["text"] for r in read_past_checks(csv)] == ["two\nlines"]


def test_an_archive_file_imports_exactly_as_the_same_rows_given_by_a_program(tmp_path):
    # Rows read from a file are checked and cleaned once, by the reader; the import takes them as they are.
    from db.connection import open_database

    rows = [{"id": 7, "text": "  Giá xăng \"tăng\" 1,7 triệu \\ đồng\tở Đà Nẵng ", "verdict": "", "url": "  "},
            {"id": "nfd", "text": unicodedata.normalize("NFD", "Điện Kremlin ĐÃ nói"), "verdict": " Sai "},
            {"id": " sp ", "text": "Straße Ελληνικά Привет 😀", "published": "2020-01-01", "extra": 1}]
    archive = _write_jsonl(tmp_path / "past.jsonl", rows)
    stored = []
    for name, given in (("file", read_past_checks(archive)), ("program", [dict(r) for r in read_past_checks(archive)])):
        db = open_database(tmp_path / f"{name}.db")
        assert import_known_claims(db, given) == 3
        stored.append((db.execute("SELECT rowid, id, text, folded, verdict, url, published FROM known_claims"
                                  " ORDER BY rowid").fetchall(),
                       _found(db, "dien"), _found(db, "strasse")))
    assert stored[0] == stored[1]
    assert stored[0][0][0][1:] == ("7", 'Giá xăng "tăng" 1,7 triệu \\ đồng\tở Đà Nẵng',
                                   'gia xang "tang" 1,7 trieu \\ dong\to da nang', None, None, None)
    assert stored[0][1] == ["nfd"] and stored[0][2] == ["sp"]


def test_a_whole_number_id_too_big_for_64_bits_is_kept_exactly(tmp_path, db):
    archive = tmp_path / "past.jsonl"
    archive.write_text('{"id": 123456789012345678901234567890, "text": "Giá xăng tăng"}\n'
                       '{"id": 7, "text": "Giá điện tăng", "verdict": 1.5}\n', encoding="utf-8")
    rows = read_past_checks(archive)
    assert next(rows)["id"] == "123456789012345678901234567890"
    with pytest.raises(PastCheckError, match="line 2: verdict must be text, not float"):
        next(rows)


def _known_count(db_path) -> int:
    db = open_database(db_path)
    try:
        return db.execute("SELECT count(*) FROM known_claims").fetchone()[0]
    finally:
        db.close()


def _archive_csv(path, rows: int, *, broken_row: int | None = None):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "text", "verdict"])
    for i in range(1, rows + 1):
        writer.writerow([f"pf-{i}", f"Claim {i}: the ministry counted {i * 7} new cases", "False"])
    lines = buffer.getvalue().splitlines(keepends=True)
    if broken_row is not None:
        lines[broken_row] = lines[broken_row].replace("Claim", '"Claim', 1)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_a_csv_row_with_an_unclosed_quote_imports_nothing_and_names_its_line(tmp_path, db_path):
    archive = _archive_csv(tmp_path / "archive.csv", 1000, broken_row=10)
    done = factcheck("import-claims", archive, "--db", db_path)
    one_line_error(done, "archive.csv", "line 11", "unclosed quote")
    assert _known_count(db_path) == 0


def test_an_unclosed_quote_closed_far_below_is_still_caught(tmp_path, db_path):
    archive = _archive_csv(tmp_path / "archive.csv", 300, broken_row=10)
    text = archive.read_text(encoding="utf-8").splitlines(keepends=True)
    text[200] = text[200].replace("Claim", 'Claim "quoted', 1)  # a stray quote far below closes the field
    archive.write_text("".join(text), encoding="utf-8")
    done = factcheck("import-claims", archive, "--db", db_path)
    one_line_error(done, "line 11", "unclosed quote")
    assert _known_count(db_path) == 0


@pytest.mark.slow  # a thousand vectors by meaning computed after the import: the full suite's
def test_a_sound_csv_of_a_thousand_rows_imports_a_thousand(tmp_path, db_path):
    done = factcheck("import-claims", _archive_csv(tmp_path / "archive.csv", 1000), "--db", db_path)
    assert done.returncode == 0, done.stderr
    assert "imported 1000" in done.stdout
    assert _known_count(db_path) == 1000


@pytest.mark.parametrize(("line", "words"), [
    ('{"id": "n\\u0000ul", "text": "Wombats share burrows"}', ["line 1", "NUL"]),
    ('{"id": "x", "text": "Wombats share\\u0000 burrows"}', ["line 1", "NUL"]),
    ('{"id": "x", "text": "Wombats share burrows", "verdict": {"rating": "False"}}', ["line 1", "verdict", "text"]),
    ('{"id": "x", "text": "Wombats share burrows", "url": 123}', ["line 1", "url"]),
    ('{"id": "x", "text": "Wombats share burrows", "published": 2020}', ["line 1", "published"]),
    ('{"id": [1], "text": "Wombats share burrows"}', ["line 1", "id"]),
    ('{"id": true, "text": "Wombats share burrows"}', ["line 1", "id"]),
])
def test_an_archive_line_with_nul_or_a_wrong_type_is_refused_whole(tmp_path, db_path, line, words):
    archive = tmp_path / "archive.jsonl"
    archive.write_text('{"id": "ok-1", "text": "A sound line first"}\n' + line + "\n", encoding="utf-8")
    words = [w.replace("line 1", "line 2") for w in words]
    one_line_error(factcheck("import-claims", archive, "--db", db_path), "archive.jsonl", *words)
    assert _known_count(db_path) == 0


def test_the_same_id_twice_in_one_archive_is_named_and_nothing_imported(tmp_path, db_path):
    archive = tmp_path / "archive.jsonl"
    archive.write_text('{"id": 7, "text": "Wombats share burrows"}\n{"id": "8", "text": "Koalas sleep"}\n'
                       '{"id": "7", "text": "Wombats do not share burrows"}\n', encoding="utf-8")
    one_line_error(factcheck("import-claims", archive, "--db", db_path), "line 3", "'7'", "line 1")
    assert _known_count(db_path) == 0


def test_a_csv_with_the_same_id_twice_is_refused(tmp_path, db_path):
    archive = tmp_path / "archive.csv"
    archive.write_text("id,text\na,One claim\nb,Another\na,A third\n", encoding="utf-8")
    one_line_error(factcheck("import-claims", archive, "--db", db_path), "line 4", "'a'")
    assert _known_count(db_path) == 0


def test_deeply_nested_json_gets_one_line(tmp_path, db_path):
    archive = tmp_path / "deep.jsonl"
    archive.write_text('{"id": "x", "text": ' + "[" * 100_000 + "]" * 100_000 + "}\n", encoding="utf-8")
    one_line_error(factcheck("import-claims", archive, "--db", db_path), "nested too deeply")
    one_line_error(factcheck("match", "--jsonl", archive, "--db", db_path), "nested too deeply")
