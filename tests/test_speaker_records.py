"""Speakers' records: one speaker across articles and spellings, their published verdicts by rating, and an
editor's merge or split recorded in the history."""
from __future__ import annotations

from db.claims import get_claim
from db.speakers import merge_speakers, speaker_record, speakers, split_speaker
from evidence.review import save_review
from pipelines.ingest import ingest_text

FIRST = ("Người phát ngôn Điện Kremlin Dmitry Peskov hôm 7/3 cho biết Nga sẵn sàng ngừng bắn nếu Ukraine đáp ứng"
         " 4 điều kiện.")
SECOND = "Ông Peskov nói rằng hơn 1,7 triệu người đã rời khỏi Ukraine trong hai tuần qua."
THIRD = "Bộ trưởng Quốc phòng Anh Ben Wallace cho biết Nga đã mất 12 máy bay trong tuần qua."


def _desk(db):
    first = ingest_text(db, FIRST, title="Điện Kremlin ra điều kiện", published="2026-03-07")
    second = ingest_text(db, SECOND, title="Người tị nạn", published="2026-03-09")
    ingest_text(db, THIRD, title="Máy bay", published="2026-03-10")
    return first.article_id, second.article_id


def _claim_of(db, article_id: int) -> int:
    return db.execute("SELECT id FROM claims WHERE article_id = ? AND speaker IS NOT NULL",
                      [article_id]).fetchone()[0]


def test_one_speaker_across_two_articles_written_two_ways(db):
    first, second = _desk(db)
    peskov = next(s for s in speakers(db) if "Peskov" in s.name)
    assert (peskov.name, peskov.spellings, peskov.claims) == ("Dmitry Peskov", ("Dmitry Peskov", "Peskov"), 2)
    record = speaker_record(db, "ông Peskov")
    assert record is not None and record.name == "Dmitry Peskov"
    assert [a for a, _ in record.articles] == [second, first]  # the latest article first
    assert {c.spelling for c in record.claims} == {"Dmitry Peskov", "Peskov"}


def test_only_published_verdicts_count_in_the_speakers_ratings(db):
    first, second = _desk(db)
    published = _claim_of(db, first)
    draft = save_review(db, published, expected_version=get_claim(db, published).version, reviewer="Lan",
                        rating="False", rationale="Điện Kremlin nêu 3 điều kiện.", status="drafted")
    save_review(db, published, expected_version=draft.version, reviewer="Minh", status="published")
    drafted = _claim_of(db, second)
    save_review(db, drafted, expected_version=get_claim(db, drafted).version, reviewer="Lan", rating="True",
                rationale="Theo UNHCR.", status="drafted")
    assert speaker_record(db, "Dmitry Peskov").ratings == {"False": 1}


def test_an_editor_splits_and_merges_spellings_and_the_history_says_so(db):
    _desk(db)
    split_speaker(db, "Peskov", decided_by="Minh")
    names = {s.name for s in speakers(db)}
    assert {"Dmitry Peskov", "Peskov"} <= names
    merge_speakers(db, "Peskov", "Dmitry Peskov", decided_by="Minh")
    assert speaker_record(db, "Peskov").spellings == ("Dmitry Peskov", "Peskov")
    merge_speakers(db, "Ben Wallace", "Dmitry Peskov", decided_by="Minh")  # a slip, then undone by a split
    split_speaker(db, "Ben Wallace", decided_by="Minh")
    assert speaker_record(db, "Ben Wallace").spellings == ("Ben Wallace",)
    actions = db.execute("SELECT action, after, reviewer FROM history WHERE entity = 'speaker' ORDER BY id").fetchall()
    assert [(a, r) for a, _, r in actions] == [("split", "Minh"), ("merged", "Minh"), ("merged", "Minh"),
                                               ("split", "Minh")]


def test_search_finds_a_speaker_by_any_spelling_without_diacritics(db):
    _desk(db)
    assert [s.name for s in speakers(db, search="peskov")] == ["Dmitry Peskov"]
    assert speakers(db, search="nobody") == []


def test_a_role_written_with_and_without_a_capital_is_listed_once(db):
    ingest_text(db, FIRST, title="Điện Kremlin ra điều kiện", published="2026-03-07")
    ingest_text(db, "Ông Dmitry Peskov, người phát ngôn Điện Kremlin, cho biết 3 vòng đàm phán đã diễn ra.",
                title="Đàm phán", published="2026-03-08")
    record = speaker_record(db, "Dmitry Peskov")
    assert record is not None and record.roles == ("Người phát ngôn Điện Kremlin",)
    assert next(s for s in speakers(db) if s.name == "Dmitry Peskov").roles == ("Người phát ngôn Điện Kremlin",)
