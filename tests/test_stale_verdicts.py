"""Verdicts that go stale: a claim about the present is flagged for re-checking after the desk's period, and a
verdict whose source changed or went away is flagged at once."""
from __future__ import annotations

import datetime as dt

import pytest
from web_support import local_site

from claims.present import present_cue
from db.claims import get_claim
from db.rechecks import verdicts_to_recheck
from db.settings import set_setting
from evidence.review import save_review
from evidence.web_sources import attach_source, draft_source
from pipelines.ingest import ingest_text
from pipelines.link_checks import check_links

ARTICLE = ("Theo Bộ Quốc phòng Anh, Nga hiện kiểm soát tới 90% lãnh thổ vùng Donbas. "
           "Năm 2014, phe ly khai tuyên bố độc lập ở hai tỉnh miền đông với 2,3 triệu dân.")
PAGE = "<html><head><title>Báo cáo</title></head><body><p>Nga kiểm soát 90% lãnh thổ Donbas.</p></body></html>"


def _publish(db, text_like: str) -> int:
    claim_id = db.execute("SELECT id FROM claims WHERE text LIKE ?", [f"%{text_like}%"]).fetchone()[0]
    claim = save_review(db, claim_id, expected_version=get_claim(db, claim_id).version, reviewer="Lan",
                        rating="True", rationale="Bản đồ của ISW.", status="drafted")
    save_review(db, claim_id, expected_version=claim.version, reviewer="Minh", status="published")
    return claim_id


@pytest.fixture
def published(db):
    ingest_text(db, ARTICLE, title="Donbas")
    return {"present": _publish(db, "hiện kiểm soát"), "past": _publish(db, "Năm 2014")}


@pytest.mark.parametrize(("text", "cue"), [
    ("Nga hiện kiểm soát tới 90% lãnh thổ", "hiện"), ("Hiện nay có 2 triệu người sơ tán", "hiện nay"),
    ("Giá xăng vẫn tăng", "vẫn"), ("Hai bên đang đàm phán", "đang"), ("Russia now controls 90%", "now"),
    ("He is currently in Kyiv", "currently"), ("The bridge is still closed", "still"),
    ("Quân đội đã thực hiện cuộc tấn công", None), ("Phát hiện 3 ca mắc mới", None),
    ("một nền kinh tế hiện đại", None), ("I know the figures", None), ("Năm 2014, Nga sáp nhập Crimea", None)])
def test_a_claim_speaks_of_the_present_only_through_its_own_words(text, cue):
    assert present_cue(text) == cue


def test_a_present_tense_verdict_is_flagged_after_the_period_and_not_before(db, published):
    today = dt.datetime.now(dt.UTC).date()
    assert verdicts_to_recheck(db, today=today + dt.timedelta(days=89)) == []
    stale = verdicts_to_recheck(db, today=today + dt.timedelta(days=91))
    assert [(r.claim_id, r.reason, r.detail) for r in stale] == [(published["present"], "present", "hiện")]


def test_the_desk_sets_the_period(db, published):
    set_setting(db, "recheck_after_days", 30, changed_by="Minh")
    today = dt.datetime.now(dt.UTC).date()
    assert [r.claim_id for r in verdicts_to_recheck(db, today=today + dt.timedelta(days=31))] == [
        published["present"]]


def test_a_verdict_whose_source_changed_is_flagged_at_once(db, published):
    with local_site() as site:
        url = site.page("/isw.html", PAGE)
        draft = draft_source(db, url, claim_text="x", allow_private=True)
        attach_source(db, published["past"], url=url, stance="supports", reviewer="Lan", page=draft.page)
        assert verdicts_to_recheck(db) == []
        site.page("/isw.html", PAGE.replace("90%", "75%"))
        assert [c.outcome for c in check_links(db, allow_private=True)] == ["changed"]
    flagged = verdicts_to_recheck(db)
    assert [(r.claim_id, r.reason, r.detail) for r in flagged] == [(published["past"], "changed", url)]


def test_factcheck_stats_lists_the_verdicts_to_recheck(db, db_path, published, capsys):
    from factcheck.cli import main

    set_setting(db, "recheck_after_days", 0, changed_by="Minh")
    assert main(["stats", "--db", str(db_path), "--json"]) == 0
    import json

    flagged = json.loads(capsys.readouterr().out)["verdicts_to_recheck"]
    assert [(r["claim_id"], r["reason"]) for r in flagged] == [(published["present"], "present")]


def test_an_editors_inbox_lists_the_verdicts_to_recheck_and_a_reviewers_does_not(db, db_path, published,
                                                                                    monkeypatch):
    from app_support import make_app, open_page, texts

    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    set_setting(db, "recheck_after_days", 0, changed_by="Minh")
    shown = texts(open_page(make_app("Minh", role="editor"), "inbox"))
    assert "Verdicts to re-check (1)" in shown
    assert "speaks of the present" in shown and "“hiện”" in shown
    assert "Verdicts to re-check" not in texts(open_page(make_app("Hoa", role="reviewer"), "inbox"))
