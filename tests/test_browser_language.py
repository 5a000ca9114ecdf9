"""The workbench in Vietnamese, end to end in Debian's Chromium against the real server: an account switching to
English and back, the Vietnamese rating scale on a claim and in the report, and the ClaimReview and CSV previews; no
English message of the catalogue left on a Vietnamese page."""
from __future__ import annotations

import re

import browser_support
import pytest
from babel.messages.pofile import read_po
from browser_support import SEEDS, choose, chromium_missing, running_app, sign_in, wait_for_text

from db.connection import open_database
from db.settings import set_setting
from translations import LOCALES

pytestmark = [pytest.mark.skipif(chromium_missing() is not None, reason=chromium_missing() or ""),
              pytest.mark.timeout(300)]


def vi(message: str) -> str:
    return browser_support.interface_text("vi", message)


def _english_messages() -> list[str]:
    """The English text of every message the Vietnamese catalogue translates differently: what must not show on a
    Vietnamese page. Markdown marks and placeholders are taken out; each piece of two words or more is kept."""
    with open(LOCALES / "vi" / "LC_MESSAGES" / "messages.po", "rb") as po:
        catalogue = read_po(po, locale="vi")
    pieces = set()
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if set(ids) <= set(strings):
            continue  # the same in both languages (CSV, ClaimReview)
        for text in ids:
            for piece in re.split(r"\{\w*\}|\*\*|#+ |\n|[|()“”:]", text):
                piece = piece.strip(" .,;-—")
                if len(piece.split()) >= 2 and not any(piece in string for string in strings):
                    pieces.add(piece)  # (a piece the translation keeps, such as quoted words, is not English)
    return sorted(pieces)


ENGLISH = _english_messages()


def english_left(page) -> list[str]:
    """Pieces of English interface text on the page (the user's own text, Vietnamese here, cannot match them; a value
    quoted “like this”, such as the example publisher's name, is data, not interface)."""
    chosen = " | ".join(box.input_value() for box in page.get_by_role("combobox").all())  # not in inner_text
    text = re.sub(r"“[^”]*”", " ", " ".join((page.locator("body").inner_text() + " | " + chosen).split()))
    return [piece for piece in ENGLISH if piece in text]


@pytest.fixture
def vietnamese_desk(tmp_path):
    """A Vietnamese desk with the sample articles and one published verdict."""
    from db.claims import ClaimFilter, claim_queue
    from evidence.review import save_review
    from evidence.sources import attach_source
    from pipelines.ingest import ingest_paths

    db_path = tmp_path / "tieng-viet.db"
    db = open_database(db_path)
    set_setting(db, "language", "vi", changed_by="admin")
    list(ingest_paths(db, [SEEDS / "000_b40a4ec500c6cd00.txt"], added_by="Lan"))
    claim = claim_queue(db, ClaimFilter(), limit=1).claims[0]
    attach_source(db, claim.id, url="https://data.unhcr.org/vi/ukraine", stance="supports", reviewer="Lan",
                  title="Số liệu người tị nạn Ukraine", publisher="UNHCR", published="2022-03-08")
    saved = save_review(db, claim.id, expected_version=claim.version, reviewer="Lan", rating="Mostly true",
                        rationale="Số liệu của UNHCR khớp với con số trong bài.", status="drafted")
    save_review(db, claim.id, expected_version=saved.version, reviewer="Minh", status="published")
    db.close()
    with running_app(db_path) as base:
        yield base, claim.id


@pytest.fixture
def empty_vietnamese_desk(tmp_path):
    """A new Vietnamese desk of one editor (who may publish what they drafted)."""
    db_path = tmp_path / "ban-bien-tap.db"
    db = open_database(db_path)
    set_setting(db, "language", "vi", changed_by="admin")
    set_setting(db, "allow_self_publish", True, changed_by="admin")
    db.close()
    with running_app(db_path) as base:
        yield base


def _no_english(page, where: str) -> None:
    browser_support.wait_idle(page)
    assert english_left(page) == [], where


def _claim_with_suggestions(db_path) -> int:
    """The claim of the later article that has similar claims to show."""
    from db.matching import suggestions_for

    db = open_database(db_path)
    try:
        return next(i for (i,) in db.execute("SELECT id FROM claims WHERE article_id = 2") if suggestions_for(db, i))
    finally:
        db.close()


def test_vietnamese_from_sign_in_to_a_published_verdict(browser, empty_vietnamese_desk, tmp_path):
    base = empty_vietnamese_desk
    page = browser.new_page(viewport={"width": 1400, "height": 1100})
    page.set_default_timeout(30_000)
    page.goto(base)
    wait_for_text(page, vi("Sign in with your account: every change is recorded under your name."))
    _no_english(page, "sign-in")
    sign_in(page, base, "Lan", path=None, language="vi")
    _no_english(page, "inbox")
    page.get_by_role("link", name=vi("Articles")).click()
    wait_for_text(page, vi("Add an article"))
    _no_english(page, "articles, empty")
    # Streamlit writes the uploader's button and limits in English; the page writes them over in Vietnamese.
    page.locator('[data-testid="stFileUploaderDropzoneInstructions"] span').first.wait_for()
    shown_over = page.evaluate("""() => [
        '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p',
        '[data-testid="stFileUploaderDropzoneInstructions"] span'].map(
            s => getComputedStyle(document.querySelector(s), '::after').content)""")
    assert shown_over == [f'"{vi("Upload")}"', f'"{vi("At most {size} MB a file · {types}")}"'.format(
        size=20, types="TXT, MD, MARKDOWN, HTML, HTM")], shown_over

    # A later article restates one of the sample article's claims with another figure: a suggestion with a why.
    later = tmp_path / "bai-sau.txt"
    later.write_text("Làn sóng người tị nạn tiếp tục tăng\n\nƯớc tính, hơn 1,8 triệu người đã rời bỏ nhà cửa trong"
                     " cuộc xung đột.\nCác nước láng giềng đã mở thêm điểm tiếp nhận.\n", encoding="utf-8")
    for number, upload in enumerate((SEEDS / "000_b40a4ec500c6cd00.txt", later), start=1):
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(upload))
        page.locator('[data-testid="stFileChipName"]').first.wait_for()
        browser_support.wait_idle(page)
        page.get_by_role("button", name=vi("Add article and find claims")).click()
        wait_for_text(page, f"Đã thêm bài #{number} với")
        _no_english(page, "articles")

    page.get_by_role("link", name=vi("Article view")).click()
    wait_for_text(page, vi("Add a claim the engine missed"))
    _no_english(page, "article view")

    page.get_by_role("link", name=vi("Claim queue")).click()
    wait_for_text(page, vi("Review next open claim"))
    _no_english(page, "claim queue")
    shown = [box.input_value() for box in page.get_by_role("combobox").all()]
    assert vi("Any") in shown and "Any" not in shown, shown  # the filters' "no choice", the article's included
    page.get_by_role("button", name=vi("Review"), exact=True).first.click()
    wait_for_text(page, vi("Why it was flagged"))
    _no_english(page, "claim")
    # A claim the other article states too: its suggestions and their why, in Vietnamese.
    page.goto(f"{base}/claim?id={_claim_with_suggestions(tmp_path / 'ban-bien-tap.db')}")
    wait_for_text(page, vi("Similar claims"))
    _no_english(page, "claim with suggestions")
    page.go_back()
    wait_for_text(page, vi("Why it was flagged"))

    page.get_by_label(vi("URL (http or https)")).fill("https://vnexpress.example/the-gioi/ukraine-123.html")
    assert "Press Enter" not in page.locator("body").inner_text()  # Streamlit's typing hint, in English
    page.get_by_label(vi("Title"), exact=True).fill("Nga và Ukraine đàm phán vòng ba")
    page.get_by_label(vi("Publisher")).fill("VnExpress")
    page.get_by_role("button", name=vi("Attach source")).click()
    wait_for_text(page, vi("Source attached."))

    # The Vietnamese scale on the claim: its names, and one definition per line in the help.
    choose(page, vi("Verdict rating"), "Đúng phần lớn")
    page.get_by_label(vi("Rationale (required with a rating)")).fill("VnExpress đưa tin cùng ngày với bài báo.")
    choose(page, vi("Status"), vi("Verdict drafted"))
    page.get_by_role("button", name=vi("Save review")).click()
    wait_for_text(page, "Đã lưu: Đã soạn kết luận, Đúng phần lớn.")
    _no_english(page, "claim, drafted")
    choose(page, vi("Status"), vi("Published"))
    page.get_by_role("button", name=vi("Save review")).click()
    wait_for_text(page, "Đã lưu: Đã đăng, Đúng phần lớn.")
    _no_english(page, "claim, published")

    page.get_by_role("link", name=vi("Reports")).click()
    preview = page.locator('[data-testid="stMarkdownContainer"]').filter(has_text="VnExpress đưa tin cùng ngày")
    preview.first.wait_for()
    assert "**Mức đánh giá:** Đúng phần lớn".replace("**", "") in preview.first.inner_text()
    _no_english(page, "reports")

    page.get_by_role("link", name=vi("Desk")).click()
    wait_for_text(page, vi("Rating scale"))
    _no_english(page, "desk")


def test_the_english_list_is_the_catalogues_and_finds_a_leak():
    assert "Sign in with your account" in " ".join(ENGLISH)
    assert "No sources attached" in ENGLISH


def test_an_account_switches_to_english_and_back(browser, vietnamese_desk):
    base, _claim = vietnamese_desk
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(30_000)
    sign_in(page, base, "Lan", path="reports", language="vi")
    wait_for_text(page, vi("Report language"))
    page.get_by_role("combobox", name=vi("Language")).click()
    page.get_by_role("option", name="English", exact=True).click()
    wait_for_text(page, "Signed in as Lan")
    wait_for_text(page, "Report language")
    # The choice is the account's, kept in the database: signing in again (the form speaks the desk's language)
    # comes back to English.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, base, "Lan", path=None, language="vi", expect="Signed in as Lan")
    page.get_by_role("combobox", name="Language").click()
    page.get_by_role("option", name=re.compile(r"^The desk's")).click()
    wait_for_text(page, "Đang đăng nhập: Lan")


def test_reports_preview_claimreview_and_csv_in_vietnamese(browser, vietnamese_desk):
    base, claim_id = vietnamese_desk
    page = browser.new_page(viewport={"width": 1400, "height": 1200})
    page.set_default_timeout(30_000)
    sign_in(page, base, "Lan", path="reports", language="vi")
    wait_for_text(page, vi("## Summary").removeprefix("## "))
    wait_for_text(page, "Đúng phần lớn")  # the rating's Vietnamese name in the report
    page.get_by_role("tab", name="ClaimReview").click()
    wait_for_text(page, '"inLanguage": "vi"')
    wait_for_text(page, '"alternateName": "Đúng phần lớn"')
    wait_for_text(page, "tên ví dụ")  # the desk has not replaced the example publisher yet
    page.get_by_role("tab", name="CSV").click()
    page.locator("[data-testid='stDataFrame']").first.wait_for()
    browser_support.wait_idle(page)
    assert english_left(page) == []


def test_a_vietnamese_browser_reads_vietnamese_on_a_desk_that_has_set_nothing(tmp_path):
    from browser_support import launch_chromium
    from playwright.sync_api import sync_playwright

    db_path = tmp_path / "new-desk.db"
    open_database(db_path).close()
    with running_app(db_path) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_context(locale="vi-VN", viewport={"width": 1400, "height": 1000}).new_page()
            page.set_default_timeout(30_000)
            sign_in(page, base, "Lan", language="vi")  # the form is Vietnamese, then the desk's pages
            wait_for_text(page, vi("Claim queue"))
            assert english_left(page) == []
        finally:
            browser.close()
