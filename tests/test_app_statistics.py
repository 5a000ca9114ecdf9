"""The Statistics page: an editor sees the desk's figures for the period, a reviewer only their own."""
from __future__ import annotations

import pytest
from app_support import make_app, open_page, texts

from db.claims import ClaimFilter, claim_queue
from evidence.review import save_review


@pytest.fixture
def published(seeded_db, db_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    claim = claim_queue(seeded_db, ClaimFilter(), limit=1).claims[0]
    saved = save_review(seeded_db, claim.id, expected_version=1, reviewer="Lan", rating="Mostly false",
                        rationale="The UN figure differs.", status="drafted")
    save_review(seeded_db, claim.id, expected_version=saved.version, reviewer="Minh", status="published")
    return claim


def _metric(at, label: str):
    return next(m.value for m in at.metric if m.label == label)


def test_an_editor_sees_the_desks_figures_and_a_csv_of_each_table(published, seeded_db):
    at = open_page(make_app("Minh", role="editor"), "statistics")
    assert not at.exception
    ingested = seeded_db.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert _metric(at, "Ingested") == str(ingested)
    assert _metric(at, "Published") == "1"
    chart = str(at.get("vega_lite_chart")[0].proto)
    assert "Mostly false" in chart  # the published verdict's rating is drawn, with its count written on the bar
    # verdicts, languages, outlets, articles, reviewers and the open claims each have their CSV
    assert [b.key for b in at.get("download_button")] == [
        f"statistics_csv_{k}" for k in ("verdicts", "languages", "outlets", "articles", "reviewers", "open-claims")]


def test_a_vietnamese_desk_sees_its_ratings_named_in_vietnamese(published, seeded_db):
    from db.settings import set_setting

    set_setting(seeded_db, "language", "vi", changed_by="admin")
    at = open_page(make_app("Minh", role="editor"), "statistics")
    assert not at.exception
    chart = at.get("vega_lite_chart")[0].proto
    drawn = chart.data.data.decode("utf-8", "replace")  # the chart's rows (Arrow: strings as written)
    assert "Sai phần lớn" in drawn and "Mostly false" not in drawn


def test_a_reviewer_sees_only_their_own_work(published):
    at = open_page(make_app("Hoa", role="reviewer"), "statistics")
    assert not at.exception
    assert "Your own work" in texts(at)
    assert _metric(at, "Ingested") == "0" and _metric(at, "Published") == "0"


def test_a_period_that_ends_before_it_starts_is_named(published):
    import datetime as dt

    at = open_page(make_app("Minh", role="editor"), "statistics")
    at.date_input(key="statistics_since").set_value(dt.date.today())
    at.date_input(key="statistics_until").set_value(dt.date.today() - dt.timedelta(days=3)).run()
    assert not at.exception
    assert any("ends before it starts" in w.value for w in at.warning)


def test_the_speakers_page_shows_one_speaker_across_spellings_and_an_editor_merges(seeded_db, db_path, monkeypatch):
    from pipelines.ingest import ingest_text

    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    ingest_text(seeded_db, "Ông Peskov nói rằng hơn 1,7 triệu người đã rời khỏi Ukraine trong hai tuần qua.",
                title="Người tị nạn")
    at = open_page(make_app("Minh", role="editor"), "speakers", name="Dmitry Peskov")
    assert not at.exception
    assert at.selectbox(key="speakers_chosen").value == "Dmitry Peskov"
    assert "Written as: Dmitry Peskov, Peskov" in texts(at)
    assert "1,7 triệu" in texts(at)
    at.selectbox(key="speakers_spelling").select("Peskov")
    at.button(key="speakers_split").click().run()
    assert not at.exception
    assert "Peskov · 1 claim" in at.selectbox(key="speakers_chosen").options
    assert "Dmitry Peskov · 6 claims" not in at.selectbox(key="speakers_chosen").options


def test_the_queue_finds_a_speakers_claims_by_any_spelling(seeded_db, db_path, monkeypatch):
    from pipelines.ingest import ingest_text

    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    ingest_text(seeded_db, "Ông Peskov nói rằng hơn 1,7 triệu người đã rời khỏi Ukraine trong hai tuần qua.",
                title="Người tị nạn")
    expected = seeded_db.execute("SELECT count(*) FROM claims WHERE checkworthy = 1 AND speaker IN"
                                 " ('Dmitry Peskov', 'Peskov')").fetchone()[0]
    at = open_page(make_app("Minh", role="editor"), "queue")
    at.text_input(key="queue_speaker").input("ông peskov").run()
    assert not at.exception
    assert ngettext_count(texts(at)) == expected
    at.text_input(key="queue_speaker").input("Nobody Atall").run()
    assert "No speaker on the desk is written" in texts(at)


def ngettext_count(shown: str) -> int:
    import re

    return int(re.search(r"\*\*(\d+) claims?\*\* match", shown)[1])
