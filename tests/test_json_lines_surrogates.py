"""Half of a surrogate pair ("\\ud800") in a JSON line is refused by its line number in one line, as
`import-claims` does, by `extract --jsonl` and `train-checkworthiness`; the good lines around it are still read."""
from __future__ import annotations

import json

from cli_support import factcheck

HALF = '"Giá xăng tăng 5% \\ud800 trong năm 2023."'


def test_extract_jsonl_refuses_the_line_and_extracts_the_others(tmp_path, db_path) -> None:
    lines = tmp_path / "in.jsonl"
    lines.write_text('{"id": 1, "text": "Giá xăng tăng 5% trong năm 2023."}\n'
                     f'{{"id": 2, "text": {HALF}}}\n'
                     '{"id": 3, "text": "Lạm phát tháng 2 tăng 4,2% so với cùng kỳ năm trước."}\n', encoding="utf-8")
    result = factcheck("extract", "--jsonl", str(lines), db=db_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.splitlines() == [f"error: {lines}: line 2: a \\u escape that is half a character"]
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, None, 3]
    assert out[1]["error"] == "line 2: a \\u escape that is half a character"
    assert out[0]["claims"] and out[2]["claims"]


def test_train_checkworthiness_refuses_the_labels_file_in_one_line(tmp_path, db_path) -> None:
    labels = tmp_path / "labels.jsonl"
    good = [json.dumps({"text": f"Giá xăng tăng {i}% trong năm 2023.", "check_worthy": True}) for i in range(5)]
    good += [json.dumps({"text": f"Hôm nay trời đẹp lần {i}.", "check_worthy": False}) for i in range(5)]
    labels.write_text("\n".join([*good, f'{{"text": {HALF}, "check_worthy": true}}']) + "\n", encoding="utf-8")
    result = factcheck("train-checkworthiness", str(labels), db=db_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {labels}: line 11: a \\u escape that is half a character")


def test_match_jsonl_refuses_the_line_in_one_line(tmp_path, db_path) -> None:
    lines = tmp_path / "in.jsonl"
    lines.write_text(f'{{"id": 7, "text": {HALF}}}\n', encoding="utf-8")
    result = factcheck("match", "--jsonl", str(lines), db=db_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.splitlines() == [f"error: {lines}: line 1: a \\u escape that is half a character"]
    assert json.loads(result.stdout) == {"id": None, "error": "line 1: a \\u escape that is half a character",
                                         "matches": []}
