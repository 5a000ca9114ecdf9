"""`factcheck report`: the scope options, the three formats, -o FILE, and clear errors for unknown ids."""
from __future__ import annotations

import csv
import io
import json

import pytest
from cli_support import factcheck, one_line_error

from claims.model import Claim, Extraction
from db.articles import store_article
from db.connection import open_database
from evidence.review import save_review
from factcheck.cli import main


@pytest.fixture
def report_db(db_path):
    db = open_database(db_path)
    sentences = ["Exports grew 12%.", "Imports fell 3%."]
    claims = tuple(Claim(text=s, start=i * 18, end=i * 18 + len(s), checkworthy=True, score=0.9)
                   for i, s in enumerate(sentences))
    ids = store_article(db, text=" ".join(sentences), extraction=Extraction(language="en", claims=claims),
                        title="Trade figures", url="https://news.example/trade", published="2024-03-01").claim_ids
    claim = save_review(db, ids[0], expected_version=1, reviewer="Lan", rating="False", rationale="It fell.",
                        status="drafted")
    save_review(db, ids[0], expected_version=claim.version, reviewer="Lan", status="published")
    db.close()
    return db_path


def test_markdown_report_of_an_article_goes_to_stdout(report_db, capsys):
    assert main(["report", "--db", str(report_db), "--article", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Fact-check report: Trade figures\n")
    assert "| 1: Exports grew 12%. | False |" in out


def test_output_file_is_written_and_identical_to_stdout(report_db, tmp_path, capsys):
    target = tmp_path / "report.md"
    assert main(["report", "--db", str(report_db), "--claim", "1", "-o", str(target)]) == 0
    assert main(["report", "--db", str(report_db), "--claim", "1"]) == 0
    assert target.read_text(encoding="utf-8") == capsys.readouterr().out


def test_claimreview_format_prints_published_verdicts_as_json(report_db, capsys):
    assert main(["report", "--db", str(report_db), "--format", "claimreview",
                 "--publisher-url", "https://checks.example"]) == 0
    reviews = json.loads(capsys.readouterr().out)
    assert [(r["claimReviewed"], r["url"]) for r in reviews] == [("Exports grew 12%.",
                                                                  "https://checks.example/claims/1")]


def test_csv_format_written_to_a_file_keeps_crlf_rows(report_db, tmp_path):
    target = tmp_path / "report.csv"
    assert main(["report", "--db", str(report_db), "--since", "2000-01-01", "--format", "csv", "-o",
                 str(target)]) == 0
    data = target.read_bytes()
    assert data.count(b"\r\n") == 2
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark, for Excel
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [r["claim_id"] for r in rows] == ["1"]


@pytest.mark.parametrize("args, message", [(["--article", "7"], "there is no article 7"),
                                           (["--claim", "99"], "there is no claim 99")])
def test_unknown_article_or_claim_is_a_clear_error(report_db, capsys, args, message):
    assert main(["report", "--db", str(report_db), *args]) == 1
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_scope_options_exclude_each_other(report_db, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "--db", str(report_db), "--article", "1", "--claim", "1"])
    assert exit_info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_a_bad_since_date_is_refused(report_db, capsys):
    with pytest.raises(SystemExit):
        main(["report", "--db", str(report_db), "--since", "yesterday"])
    assert "not a date in the form YYYY-MM-DD" in capsys.readouterr().err


def test_report_refuses_to_write_over_the_database(report_db):
    before = report_db.read_bytes()
    one_line_error(factcheck("report", "--db", report_db, "-o", report_db), "database itself")
    one_line_error(factcheck("report", "--db", report_db, "-o", report_db, "--force"), "database itself")
    assert report_db.read_bytes() == before
    assert open_database(report_db).execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_report_refuses_an_existing_file_unless_forced(report_db, tmp_path):
    target = tmp_path / "report.md"
    target.write_text("my notes", encoding="utf-8")
    one_line_error(factcheck("report", "--db", report_db, "-o", target), "already exists", "--force")
    assert target.read_text(encoding="utf-8") == "my notes"
    done = factcheck("report", "--db", report_db, "-o", target, "--force")
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8").startswith("# Fact-check report")
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []
