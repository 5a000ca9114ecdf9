"""Bad and hostile input to ingest (files, pasted text, dates, addresses, titles) and to sources, through the
command line and the library: a clear one-line message or correct handling, never a traceback, never a lost or
corrupted row."""
from __future__ import annotations

import codecs
import json
import sqlite3

import pytest
from cli_support import factcheck, one_line_error
from store_support import TABLES, snapshot

from claims.reading import UnreadableArticle
from conftest import ARTICLE
from db.claims import ClaimFilter, claim_queue, get_claim
from db.connection import open_database
from evidence.sources import InvalidSource, attach_source
from pipelines.ingest import ingest_text

BAD_FILES = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"   \n\t\n", "empty"),
    "binary.txt": (bytes(range(256)) * 64, "binary"),
    "nul.txt": ("Bộ Y tế\x00 cho biết 90%.".encode(), "binary"),
    "invalid-utf8.txt": (b"Caf\xc3\x28 \xff\xfe\xfd broken bytes \x80\x81 everywhere \xc3", "UTF-8"),
    "bad-utf16.txt": (codecs.BOM_UTF16_LE + b"\x00\xd8", "utf-16"),
    "script-only.html": (b"<html><body><script>alert(1)</script></body></html>", "no article text"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_an_unreadable_file_gets_a_one_line_message_naming_it_and_nothing_is_stored(loaded, tmp_path, name):
    content, reason = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(content)
    before = snapshot(loaded)
    done = factcheck("ingest", str(bad), "--db", str(loaded))
    one_line_error(done, name, reason)
    assert snapshot(loaded) == before


def test_a_50_mb_file_is_refused_quickly_by_size_and_the_good_files_beside_it_are_stored(loaded, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    with (folder / "huge.txt").open("wb") as huge:
        huge.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing 50 MB
    (folder / "good.txt").write_text("Giá xăng tăng 5% trong tháng Ba, theo Bộ Công Thương.", encoding="utf-8")
    before = snapshot(loaded)
    done = factcheck("ingest", str(folder), "--db", str(loaded))
    one_line_error(done, "huge.txt", "too large")
    after = snapshot(loaded)
    assert len(after["articles"]) == len(before["articles"]) + 1
    assert after["articles"][:-1] == before["articles"]


def test_a_50_mb_paste_is_refused_by_the_library_without_storing_anything(loaded):
    db = open_database(loaded)
    before = snapshot(loaded)
    with pytest.raises(UnreadableArticle, match="too large"):
        ingest_text(db, "Bộ Y tế cho biết 90%. " * (50 * 1024 * 1024 // 22))
    db.close()
    assert snapshot(loaded) == before


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                                        (codecs.BOM_UTF8, "utf-8")])
def test_utf16_and_utf8_with_a_byte_order_mark_are_decoded_and_stored_as_the_same_article(loaded, tmp_path, bom,
                                                                                        codec):
    upload = tmp_path / f"{codec}.txt"
    upload.write_bytes(bom + ARTICLE.encode(codec))
    done = factcheck("ingest", str(upload), "--db", str(loaded), "--json")
    assert done.returncode == 0, done.stderr
    # The same words as the article already stored: recognised, not stored twice.
    assert json.loads(done.stdout)["already_stored"] == 1


def test_nul_and_control_characters_in_pasted_text_are_dropped_and_offsets_still_index_the_stored_text(db):
    stored = ingest_text(db, "Bộ Y tế\x00 cho biết\x07 khoảng 90% dân số\x1b đã được tiêm chủng.\x00")
    text = db.execute("SELECT text FROM articles WHERE id = ?", [stored.article_id]).fetchone()[0]
    assert "\x00" not in text and "\x07" not in text and "\x1b" not in text
    for claim_id in stored.claim_ids:
        claim = get_claim(db, claim_id)
        assert claim is not None and text[claim.start:claim.end] == claim.text


def test_html_with_script_keeps_the_article_text_and_drops_the_script(loaded, tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Tin nóng</title><script>document.cookie='x'</script></head><body>"
                    "<article><p>Bộ Y tế cho biết khoảng 90% dân số đã được tiêm chủng trong năm 2023.</p>"
                    "<script>alert('xss')</script><p onclick=\"steal()\">Tỉnh Cà Mau ghi nhận 120 ca mắc mới.</p>"
                    "</article></body></html>", encoding="utf-8")
    done = factcheck("ingest", str(page), "--db", str(loaded), "--json")
    assert done.returncode == 0, done.stderr
    article_id = json.loads(done.stdout)["files"][0]["article_id"]
    conn = sqlite3.connect(loaded)
    text = conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    conn.close()
    assert "90%" in text and "120 ca" in text
    for trace in ("<script", "alert(", "document.cookie", "onclick", "steal()"):
        assert trace not in text


@pytest.mark.parametrize("value", ["2023-02-31", "31/2", "2023-13-01", "yesterday", "0000-00-00", "2023-02-29"])
def test_an_impossible_publication_date_is_refused_by_the_command_line_and_the_library(loaded, tmp_path, value):
    article = tmp_path / "a.txt"
    article.write_text("Giá điện tăng 3% từ tháng Tư, theo EVN.", encoding="utf-8")
    before = snapshot(loaded)
    done = factcheck("ingest", str(article), "--db", str(loaded), "--published", value)
    assert done.returncode != 0 and "Traceback" not in done.stderr and value in done.stderr
    db = open_database(loaded)
    with pytest.raises(UnreadableArticle, match="not a real date"):
        ingest_text(db, "Giá điện tăng 3% từ tháng Tư, theo EVN.", published=value)
    claim_id = db.execute("SELECT min(id) FROM claims").fetchone()[0]
    with pytest.raises(InvalidSource, match="not a real date"):
        attach_source(db, claim_id, url="https://evn.com.vn/tin", stance="supports", reviewer="Lan", published=value)
    with pytest.raises(InvalidSource, match="not a real date"):
        attach_source(db, claim_id, url="https://evn.com.vn/tin", stance="supports", reviewer="Lan", accessed=value)
    db.close()
    assert snapshot(loaded) == before


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(document.cookie)", " javascript:alert(1)",
                                 "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "vbscript:msgbox",
                                 "//evil.example/x", "http://", "https://exa mple.com", "ftp://example.com/a",
                                 "http://example.com/\x00", "java\tscript:alert(1)"])
def test_a_source_or_article_url_that_is_not_http_is_refused_everywhere(loaded, tmp_path, url):
    db = open_database(loaded)
    before = snapshot(loaded)
    claim_id = db.execute("SELECT min(id) FROM claims").fetchone()[0]
    with pytest.raises(InvalidSource):
        attach_source(db, claim_id, url=url, stance="refutes", reviewer="Lan")
    with pytest.raises(InvalidSource):
        attach_source(db, claim_id, url="https://example.com/ok", archive_url=url, stance="refutes", reviewer="Lan")
    with pytest.raises(UnreadableArticle):
        ingest_text(db, "Giá gas giảm 2% trong tháng Năm.", url=url)
    db.close()
    assert snapshot(loaded) == before


def test_an_article_url_with_a_dangerous_scheme_is_a_one_line_cli_error(loaded, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Giá gas giảm 2% trong tháng Năm.", encoding="utf-8")
    before = snapshot(loaded)
    done = factcheck("ingest", str(article), "--db", str(loaded), "--url", "javascript:alert(1)")
    one_line_error(done, "a.txt", "http")
    assert snapshot(loaded) == before


@pytest.mark.parametrize("hostile", ["'; DROP TABLE claims; --", "Robert'); DELETE FROM history;--",
                                     "\" OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x}", "%s%n%x"])
def test_sql_looking_titles_reviewers_and_text_are_stored_as_plain_text(loaded, tmp_path, hostile):
    article = tmp_path / "a.txt"
    article.write_text(f"Bộ Tài chính cho biết thu ngân sách đạt 1.500 nghìn tỷ đồng. {hostile}", encoding="utf-8")
    before = snapshot(loaded)
    done = factcheck("ingest", str(article), "--db", str(loaded), "--title", hostile, "--reviewer", hostile,
                      "--json")
    assert done.returncode == 0, done.stderr
    after = snapshot(loaded)
    for table in TABLES:  # everything that was there is still there
        assert after[table][:len(before[table])] == before[table], table
    conn = sqlite3.connect(loaded)
    assert conn.execute("SELECT title, added_by FROM articles ORDER BY id DESC LIMIT 1").fetchone() == (hostile,
                                                                                                        hostile)
    conn.close()


@pytest.mark.slow  # ten thousand claims extracted and stored: the full suite's
def test_an_article_with_10000_claims_is_stored_whole_in_one_transaction(db):
    from claims import extract_claims
    from db.articles import store_article

    text = " ".join(f"Tỉnh số {i} ghi nhận {i * 3} ca mắc mới." for i in range(10_000))
    extraction = extract_claims(text)
    assert len(extraction.claims) == 10_000
    stored = store_article(db, text=text, extraction=extraction, title="Mười nghìn")
    assert db.execute("SELECT count(*) FROM claims WHERE article_id = ?", [stored.article_id]).fetchone()[0] == 10_000
    bad = [r for r in db.execute("SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id"
                                 " WHERE substr(a.text, c.start + 1, c.\"end\" - c.start) != c.text")]
    assert bad == []
    found = claim_queue(db, ClaimFilter(search="tinh so 9999", checkworthy=None))
    assert {c.text for c in found.claims} == {"Tỉnh số 9999 ghi nhận 29997 ca mắc mới.",
                                              "Tỉnh số 3333 ghi nhận 9999 ca mắc mới."}  # 3333 × 3
