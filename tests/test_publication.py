"""Publishing in the desk's language: the rating scale named per language (old verdicts keep their rating), the
desk's publication settings in ClaimReview (speaker as author, outlet as appearance, inLanguage, placeholders
warned about), and exports Excel opens (CSV with a byte-order mark, .xlsx read back by openpyxl)."""
from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook

from claims.model import Claim, Extraction
from db.articles import store_article
from db.ratings import Rating, named_scale, rating_scale, set_rating_names, set_rating_scale
from db.settings import set_setting
from evidence.claimreview import (
    claimreview_problems,
    publication_warnings,
    publishing_desk,
    render_claimreview,
    render_claimreview_json,
)
from evidence.csv_export import render_csv
from evidence.markdown import render_markdown
from evidence.report import ReportScope, build_report
from evidence.review import save_review
from evidence.xlsx_export import render_xlsx
from factcheck.cli import main

VIETNAMESE_SCALE = ["Đúng", "Đúng phần lớn", "Nửa đúng nửa sai", "Sai phần lớn", "Sai", "Chưa kiểm chứng được"]


def _store(db, sentences, *, speaker=None, url="https://vnexpress.example/kinh-te-123.html"):
    claims, start = [], 0
    for sentence in sentences:
        claims.append(Claim(text=sentence, start=start, end=start + len(sentence), checkworthy=True, score=0.9,
                            speaker=speaker))
        start += len(sentence) + 1
    return store_article(db, text=" ".join(sentences), extraction=Extraction(language="vi", claims=tuple(claims)),
                         title="Xuất khẩu quý III", url=url, published="2026-09-15").claim_ids


def _publish(db, claim_id, rating, rationale="Số liệu của Tổng cục Thống kê khác."):
    claim = save_review(db, claim_id, expected_version=1, reviewer="Lan", rating=rating, rationale=rationale,
                        verdict="Xuất khẩu chỉ tăng 10,2%.", status="drafted")
    return save_review(db, claim_id, expected_version=claim.version, reviewer="Huy", status="published")


def _ready_desk(db):
    for key, value in {"publisher_name": "Báo Kiểm Chứng", "publisher_url": "https://kiemchung.vn",
                       "publisher_logo": "https://kiemchung.vn/logo.png",
                       "review_url_pattern": "https://kiemchung.vn/kiem-chung/{id}", "language": "vi"}.items():
        set_setting(db, key, value, changed_by="Biên tập")


def test_the_vietnamese_scale_is_the_desks_default(db):
    assert [r.name for r in named_scale(db, "vi")] == VIETNAMESE_SCALE
    assert [r.name for r in named_scale(db, "en")] == [r.label for r in rating_scale(db)]
    assert all(r.definition for r in named_scale(db, "vi"))


def test_renaming_a_step_keeps_old_verdicts_on_it(db):
    (claim_id,) = _store(db, ["Xuất khẩu tăng 12% trong quý III."])
    _publish(db, claim_id, "Mostly false")
    set_rating_names(db, "vi", {"Mostly false": ("Phần lớn sai", "Có yếu tố đúng nhưng gây hiểu lầm.")},
                     changed_by="Biên tập")
    report = build_report(db, ReportScope(claim_id=claim_id), language="vi")
    assert report.claims[0].rating == "Mostly false"
    assert "**Mức đánh giá:** Phần lớn sai" in render_markdown(report)
    assert "Phần lớn sai" in [r.name for r in named_scale(db, "vi")]


@pytest.mark.parametrize(("names", "message"), [
    ({"Mostly false": ("", None)}, "needs a name"),
    ({"Mostly false": ("Sai", None)}, "same name"),
    ({"Pants on fire": ("Bịa đặt", None)}, "not on the rating scale"),
])
def test_a_bad_scale_is_refused_in_one_line_and_nothing_changes(db, names, message):
    with pytest.raises(ValueError, match=message):
        set_rating_names(db, "vi", names, changed_by="Biên tập")
    assert [r.name for r in named_scale(db, "vi")] == VIETNAMESE_SCALE


def test_a_label_taken_off_the_scale_loses_its_names(db):
    kept = [r for r in rating_scale(db) if r.label != "Half true"]
    set_rating_scale(db, [Rating(r.label, r.position, r.value, r.description) for r in kept])
    assert "Nửa đúng nửa sai" not in [r.name for r in named_scale(db, "vi")]


def test_claimreview_uses_the_desks_publication_settings_and_language(db):
    _ready_desk(db)
    (claim_id,) = _store(db, ["Xuất khẩu tăng 12% trong quý III."], speaker="Nguyễn Văn An")
    _publish(db, claim_id, "Mostly false")
    report = build_report(db, ReportScope())
    (review,) = json.loads(render_claimreview_json(report, desk=publishing_desk(db)))
    assert review["url"] == f"https://kiemchung.vn/kiem-chung/{claim_id}"
    assert review["inLanguage"] == "vi"
    assert review["author"] == {"@type": "Organization", "name": "Báo Kiểm Chứng", "url": "https://kiemchung.vn",
                                "logo": "https://kiemchung.vn/logo.png", "image": "https://kiemchung.vn/logo.png"}
    assert review["reviewRating"]["alternateName"] == "Sai phần lớn"
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Nguyễn Văn An"}
    appearance = review["itemReviewed"]["appearance"]
    assert (appearance["url"], appearance["datePublished"]) == ("https://vnexpress.example/kinh-te-123.html",
                                                                 "2026-09-15")
    assert appearance["publisher"]["name"] == "vnexpress.example"
    assert claimreview_problems(review) == []
    assert publication_warnings(publishing_desk(db)) == []


def test_the_speakers_role_and_an_organisation_as_author(db):
    columns = {row[1] for row in db.execute("PRAGMA table_info(claims)")}
    if "speaker_role" not in columns:  # the column where speakers' roles are kept, on a schema that has it
        db.execute("ALTER TABLE claims ADD COLUMN speaker_role TEXT")
    person, = _store(db, ["Xuất khẩu tăng 12% trong quý III."], speaker="Nguyễn Hồng Diên")
    ministry, = _store(db, ["Nhập khẩu giảm 3%."], speaker="Bộ Công Thương", url="https://tuoitre.example/a.html")
    db.execute("UPDATE claims SET speaker_role = 'Bộ trưởng Bộ Công Thương' WHERE id = ?", [person])
    db.conn.commit()
    _publish(db, person, "True")
    _publish(db, ministry, "False")
    authors = [r["itemReviewed"]["author"] for r in render_claimreview(build_report(db, ReportScope()))]
    assert authors == [{"@type": "Person", "name": "Nguyễn Hồng Diên", "jobTitle": "Bộ trưởng Bộ Công Thương"},
                       {"@type": "Organization", "name": "Bộ Công Thương"}]


def test_placeholders_are_warned_about_in_the_command(db, db_path, capsys):
    (claim_id,) = _store(db, ["Xuất khẩu tăng 12% trong quý III."])
    _publish(db, claim_id, "True")
    assert main(["report", "--db", str(db_path), "--format", "claimreview"]) == 0
    captured = capsys.readouterr()
    assert "example name “Fact-check workbench”" in captured.err
    assert "example site (factcheck.example.org)" in captured.err
    assert json.loads(captured.out)[0]["url"] == f"https://factcheck.example.org/claims/{claim_id}"
    _ready_desk(db)
    assert main(["report", "--db", str(db_path), "--format", "claimreview"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert json.loads(captured.out)[0]["url"] == f"https://kiemchung.vn/kiem-chung/{claim_id}"


@pytest.mark.parametrize(("key", "value", "message"), [
    ("review_url_pattern", "https://kiemchung.vn/kiem-chung/", "needs {id}"),
    ("publisher_url", "javascript:alert(1)", "address"),
    ("publisher_logo", "ftp://kiemchung.vn/logo.png", "address"),
])
def test_publication_settings_refuse_what_cannot_be_published(db, key, value, message):
    with pytest.raises(ValueError, match=message):
        set_setting(db, key, value, changed_by="Biên tập")


def test_problems_name_the_missing_fields():
    problems = claimreview_problems({"@context": "https://schema.org", "@type": "ClaimReview", "url": "/claims/1",
                                     "reviewRating": {"alternateName": "", "ratingValue": 9, "bestRating": 6,
                                                      "worstRating": 2},
                                     "itemReviewed": {"@type": "Claim", "author": {"@type": "Thing"}}})
    fields = {p.split(":")[0] for p in problems}
    assert fields == {"url", "claimReviewed", "datePublished", "author.name", "inLanguage",
                      "reviewRating.alternateName", "reviewRating.ratingValue", "itemReviewed.author.name",
                      "itemReviewed.author"}


def test_csv_starts_with_a_byte_order_mark_and_keeps_the_formula_guard(db):
    (claim_id,) = _store(db, ["=HYPERLINK(\"http://x\") Lũ lụt làm 52 người chết."])
    _publish(db, claim_id, "False")
    data = render_csv(build_report(db, ReportScope(), language="vi")).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "Lũ lụt làm 52 người chết." in text
    assert text.splitlines()[1].endswith(",Sai")  # rating_name in the report's language


def test_xlsx_reads_back_in_vietnamese_with_formulas_as_text(db):
    hostile = "=HYPERLINK(\"http://x\") Lũ lụt làm 52 người chết."
    (claim_id,) = _store(db, [hostile], speaker="Nguyễn Văn An")
    _publish(db, claim_id, "Mostly false")
    book = load_workbook(io.BytesIO(render_xlsx(build_report(db, ReportScope(), language="vi"))))
    sheet = book.active
    assert sheet.title == "Kết luận"
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["Nhận định", "Bài báo", "Địa chỉ bài báo", "Người phát ngôn", "Nội dung được kiểm chứng"]
    row = {name: cell for name, cell in zip(header, sheet[2], strict=True)}
    assert row["Nội dung được kiểm chứng"].value == hostile
    assert row["Nội dung được kiểm chứng"].data_type == "s"
    assert row["Mức đánh giá"].value == "Sai phần lớn"
    assert row["Trạng thái"].value == "Đã đăng"
    assert row["Người phát ngôn"].value == "Nguyễn Văn An"


def test_report_command_writes_a_workbook(db, db_path, tmp_path, capsys):
    (claim_id,) = _store(db, ["Xuất khẩu tăng 12% trong quý III."])
    _publish(db, claim_id, "True")
    target = tmp_path / "bao-cao.xlsx"
    assert main(["report", "--db", str(db_path), "--format", "xlsx", "--lang", "vi", "-o", str(target)]) == 0
    assert load_workbook(target).active["E2"].value == "Xuất khẩu tăng 12% trong quý III."
    assert render_xlsx(build_report(db, ReportScope(), language="vi")) == target.read_bytes()  # same report, same bytes
