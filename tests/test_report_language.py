"""Reports in the desk's language (or the one asked for): Vietnamese headings, labels, dates and rating names with no
English label left; English reports as before; `factcheck report --lang`, and the command's messages in the
language of its environment."""
from __future__ import annotations

import re

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file

from claims.model import Claim, Extraction
from conftest import PROJECT
from db.articles import store_article
from db.connection import open_database
from db.settings import set_setting
from evidence.markdown import render_markdown
from evidence.report import ReportScope, build_report
from evidence.review import save_review
from evidence.sources import attach_source
from factcheck.cli import main
from translations import use_language

SENTENCES = ["Xuất khẩu tăng 12% trong năm 2025.", "Hơn 1,7 triệu người đã rời bỏ nhà cửa."]


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    use_language("en")


@pytest.fixture
def vietnamese_db(db_path):
    db = open_database(db_path)
    text = " ".join(SENTENCES)
    claims, start = [], 0
    for sentence in SENTENCES:
        claims.append(Claim(text=sentence, start=start, end=start + len(sentence), checkworthy=True, score=0.9,
                            speaker="Bộ Công Thương"))
        start += len(sentence) + 1
    ids = store_article(db, text=text, extraction=Extraction(language="vi", claims=tuple(claims)),
                        title="Kinh tế quý IV", url="https://tin.example/kinh-te", published="2026-09-15").claim_ids
    attach_source(db, ids[0], url="https://gso.example/bao-cao", title="Báo cáo của Tổng cục Thống kê",
                  publisher="Tổng cục Thống kê", published="2026-01-06", stance="refutes",
                  excerpt="Xuất khẩu tăng 10,2%.", reviewer="Lan")
    claim = save_review(db, ids[0], expected_version=1, reviewer="Lan", rating="Mostly false",
                        verdict="Xuất khẩu chỉ tăng 10,2%.", rationale="Số liệu chính thức thấp hơn.",
                        status="drafted")
    save_review(db, ids[0], expected_version=claim.version, reviewer="Huy", status="published")
    save_review(db, ids[1], expected_version=1, reviewer="Lan", rating="Unverifiable",
                rationale="Chưa có số liệu chính thức.", status="drafted")
    yield db
    db.close()


def _english_label_words() -> set[str]:
    """Every word of four letters or more in the English labels reports are made of."""
    words: set[str] = set()
    for module in ("evidence/markdown.py", "evidence/report.py"):
        for _line, message, _comments, _context in extract_from_file(
                "python", PROJECT / module, keywords={**DEFAULT_KEYWORDS, "N_": None}):
            for text in (message if isinstance(message, tuple) else (message,)):
                words |= {w.lower() for w in re.findall(r"[A-Za-z]{4,}", re.sub(r"\{\w*\}", " ", text))}
    return words - {"https"}


def test_a_vietnamese_report_has_no_english_label_left(vietnamese_db):
    report = build_report(vietnamese_db, ReportScope(article_id=1), language="vi",
                          generated_at="2026-09-16T03:05:00+00:00")
    text = render_markdown(report)
    english = _english_label_words()
    assert {"summary", "speaker", "rating", "sources", "published", "corrections"} <= english
    # Addresses are not prose: a URL keeps its letters.
    prose = re.sub(r"\(https?://[^)]*\)|https?://\S+", " ", text)
    assert sorted({w for w in re.findall(r"[A-Za-z]+", prose) if w.lower() in english}) == []
    assert text.startswith("# Báo cáo kiểm chứng: Kinh tế quý IV\n")
    assert "Cập nhật lúc 03:05 16/9/2026 (UTC)." in text
    assert "Bài báo: [Kinh tế quý IV](https://tin.example/kinh-te), đăng ngày 15/9/2026." in text
    assert "- **Mức đánh giá:** Sai phần lớn" in text
    assert "| Nhận định | Kết luận | Ngày |" in text
    assert "Chưa kiểm chứng được (chưa đăng)" in text
    assert "**Người phát ngôn:** Bộ Công Thương" in text
    assert "đăng ngày 6/1/2026" in text


def test_the_report_speaks_the_desks_language_by_default(vietnamese_db):
    assert render_markdown(build_report(vietnamese_db, ReportScope(claim_id=1))).startswith("# Fact-check: claim 1")
    set_setting(vietnamese_db, "language", "vi", changed_by="admin")
    assert render_markdown(build_report(vietnamese_db, ReportScope(claim_id=1))).startswith(
        "# Kiểm chứng: nhận định 1")
    english = render_markdown(build_report(vietnamese_db, ReportScope(claim_id=1), language="en"))
    assert "- **Rating:** Mostly false" in english
    assert "published 2026-09-15" in english


def test_rendering_does_not_change_the_readers_language(vietnamese_db):
    use_language("en")
    render_markdown(build_report(vietnamese_db, ReportScope(), language="vi"))
    from translations import current_language

    assert current_language() == "en"


def test_report_command_takes_the_language(vietnamese_db, db_path, capsys):
    assert main(["report", "--db", str(db_path), "--claim", "1", "--lang", "vi"]) == 0
    assert capsys.readouterr().out.startswith("# Kiểm chứng: nhận định 1\n")
    assert main(["report", "--db", str(db_path), "--claim", "1", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("# Fact-check: claim 1\n")


def test_report_command_refuses_another_language_in_one_line(vietnamese_db, db_path, capsys):
    with pytest.raises(SystemExit):
        main(["report", "--db", str(db_path), "--lang", "fr"])
    assert "invalid choice: 'fr'" in capsys.readouterr().err


def test_the_command_speaks_the_language_of_its_environment(vietnamese_db, db_path, tmp_path, capsys,
                                                             monkeypatch):
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    target = tmp_path / "bao-cao.md"
    assert main(["report", "--db", str(db_path), "-o", str(target)]) == 0
    assert capsys.readouterr().err == f"đã ghi {target}: 2 nhận định (md)\n"
    assert main(["report", "--db", str(db_path), "--article", "9"]) == 1
    assert capsys.readouterr().err == "lỗi: report: không có bài báo 9\n"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main(["report", "--db", str(db_path), "--article", "9"]) == 1
    assert capsys.readouterr().err == "error: report: there is no article 9\n"


def test_account_commands_speak_vietnamese_too(db_path, capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "vi")
    assert main(["user", "list", "--db", str(db_path)]) == 0
    assert capsys.readouterr().out.startswith("chưa có tài khoản nào: hãy tạo quản trị viên đầu tiên")
    assert main(["user", "list", "--db", str(db_path), "--json"]) == 0
    assert capsys.readouterr().out == "[]\n"  # what machines read is the same in every language


@pytest.mark.parametrize(("environment", "language"), [
    ({"LANG": "vi_VN.UTF-8"}, "vi"), ({"LANGUAGE": "vi:en", "LANG": "en_US.UTF-8"}, "vi"),
    ({"LC_ALL": "C.UTF-8", "LANG": "vi_VN.UTF-8"}, "en"), ({"LANG": "fr_FR.UTF-8"}, "en"), ({}, "en"),
])
def test_the_command_line_language_is_read_as_gettext_reads_it(environment, language):
    from translations import language_from_environment

    assert language_from_environment(environment) == language


def test_ingest_reports_what_it_stored_in_vietnamese(db_path, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "vi")
    article = tmp_path / "bai.txt"
    article.write_text("Bộ Y tế cho biết hơn 1,7 triệu người đã được tiêm vắc xin trong tháng 3/2024.\n",
                       encoding="utf-8")
    assert main(["ingest", str(article), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert out == f"đã lưu: {article} → bài 1, 1 nhận định\n1 đã lưu, 0 đã có sẵn, 0 bị lỗi\n"
