"""End to end in Debian's Chromium against the real server: a sample article ingested, a claim reviewed with a
source and a verdict that shows in the report; two reviewers saving the same claim, the second told of the conflict.
"""
from __future__ import annotations

import pytest
from browser_support import SEEDS, choose, chromium_missing, running_app, sign_in, wait_for_text

pytestmark = [pytest.mark.skipif(chromium_missing() is not None, reason=chromium_missing() or ""),
              pytest.mark.timeout(240)]

SEED = SEEDS / "000_b40a4ec500c6cd00.txt"


@pytest.fixture
def app_url(tmp_path):
    with running_app(tmp_path / "browser.db") as base:
        yield base


def _save_verdict(page, rating: str, rationale: str) -> None:
    choose(page, "Verdict rating", rating)
    page.get_by_label("Rationale (required with a rating)").fill(rationale)
    choose(page, "Status", "Verdict drafted")
    page.get_by_role("button", name="Save review").click()


def test_ingest_review_with_source_and_verdict_then_see_it_in_the_report(browser, app_url):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(30_000)
    sign_in(page, app_url, "Lan", path="articles")

    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(SEED))
    page.locator('[data-testid="stFileChipName"]').first.wait_for()
    page.get_by_role("button", name="Add article and find claims").click()
    wait_for_text(page, "Added article #1 with")

    page.get_by_role("link", name="Claim queue").click()
    wait_for_text(page, "check-worthy claims reviewed")
    page.get_by_role("button", name="Review", exact=True).first.click()
    wait_for_text(page, "Why it was flagged")
    heading = page.locator("h3").filter(has_text="“").first.inner_text()

    page.get_by_label("URL (http or https)").fill("https://www.reuters.com/world/europe/ukraine-talks")
    page.get_by_label("Title").fill("Ukraine, Russia talks")
    page.get_by_label("Publisher").fill("Reuters")
    page.get_by_label("Quoted excerpt").fill("Humanitarian corridors are expected to open on March 8.")
    page.get_by_role("button", name="Attach source").click()
    wait_for_text(page, "Source attached.")
    wait_for_text(page, "[1] Ukraine, Russia talks")

    _save_verdict(page, "Mostly true", "Reuters reports the same date for the corridors.")
    wait_for_text(page, "Saved: Verdict drafted, Mostly true.")
    wait_for_text(page, "check-worthy claims reviewed")

    page.get_by_role("link", name="Reports").click()
    preview = page.locator('[data-testid="stMarkdownContainer"]').filter(has_text="Reuters reports the same date")
    preview.first.wait_for()
    assert "Mostly true" in preview.first.inner_text()
    assert heading.strip("“” ")[:30] in page.content()


def test_second_reviewer_saving_the_same_claim_is_told_of_the_conflict(browser, app_url, tmp_path):
    from db.connection import open_database
    from pipelines.ingest import ingest_paths

    db = open_database(tmp_path / "browser.db")
    (outcome,) = ingest_paths(db, [SEED])
    claim_id = outcome.stored.claim_ids[0]
    db.close()

    lan = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    minh = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    for page, name in ((lan, "Lan"), (minh, "Minh")):
        page.set_default_timeout(30_000)
        sign_in(page, app_url, name, path=f"claim?id={claim_id}")
        wait_for_text(page, f"Claim #{claim_id} · version 1")

    _save_verdict(lan, "False", "Lan: the figure is wrong.")
    wait_for_text(lan, "Saved: Verdict drafted, False.")

    _save_verdict(minh, "True", "Minh: the figure is right.")
    message = wait_for_text(minh, "while you were editing it").inner_text()
    assert "changed by Lan" in message and "Verdict rating: — → False" in message and "not saved" in message
    # Minh now sees Lan's version, not his own unsaved one.
    wait_for_text(minh, f"Claim #{claim_id} · version 2")
    assert minh.get_by_label("Rationale (required with a rating)").input_value() == "Lan: the figure is wrong."
