"""The desk's figures equal what a person counts by hand on a desk whose dates are known (spread over weeks)."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from db.history import record
from db.statistics import desk_statistics
from factcheck.cli import main

T = "T09:00:00.000000+00:00"


def _article(db, article_id: int, *, language: str, source_name: str | None, url: str | None, day: str) -> None:
    db.execute("INSERT INTO articles (id, title, url, language, text, content_hash, source_name, added_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               [article_id, f"Bài {article_id}", url, language, "x" * 50, f"hash{article_id}", source_name, day + T])


def _claim(db, claim_id: int, article_id: int, *, created: str, checkworthy: bool = True, status: str = "new",
           rating: str | None = None, first_published: str | None = None, drafted_by: str | None = None,
           assignee: str | None = None) -> None:
    db.execute("INSERT INTO claims (id, article_id, text, original_text, start, \"end\", checkworthy, status, rating,"
               " first_published_at, published_at, drafted_by, assignee, created_at, updated_at)"
               " VALUES (?, ?, ?, ?, 0, 10, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [claim_id, article_id, f"claim {claim_id}", f"claim {claim_id}", int(checkworthy), status, rating,
                first_published, first_published, drafted_by, assignee, created, created])


def _status(db, claim_id: int, status: str, at: str, *, reviewer: str = "Lan") -> None:
    record(db, claim_id=claim_id, entity="claim", entity_id=f"{claim_id}@x", action="updated", field="status",
           before={"status": "new"}, after={"status": status}, reviewer=reviewer, at=at)


@pytest.fixture
def desk(db):
    """Three articles over five weeks of September 2026; every figure below is counted by hand from this."""
    with db.conn:
        _article(db, 1, language="vi", source_name="VnExpress", url=None, day="2026-09-01")
        _article(db, 2, language="en", source_name=None, url="https://www.reuters.com/world/x", day="2026-09-08")
        _article(db, 3, language="vi", source_name="VnExpress", url=None, day="2026-10-05")
        # Article 1: four claims stored on 1 September.
        _claim(db, 1, 1, created="2026-09-01" + T, status="published", rating="Sai",
               first_published="2026-09-03T09:00:00.000000+00:00", drafted_by="Lan")
        _status(db, 1, "in_review", "2026-09-01T21:00:00.000000+00:00")  # 12 h after it was stored
        _status(db, 1, "drafted", "2026-09-02T09:00:00.000000+00:00")  # 24 h
        _status(db, 1, "published", "2026-09-03T09:00:00.000000+00:00", reviewer="Minh")  # 48 h
        _claim(db, 2, 1, created="2026-09-01" + T, status="drafted", drafted_by="Lan", assignee="Lan")
        _status(db, 2, "in_review", "2026-09-02T09:00:00.000000+00:00")  # 24 h
        _status(db, 2, "drafted", "2026-09-04T09:00:00.000000+00:00")  # 72 h
        _claim(db, 3, 1, created="2026-09-01" + T, status="dismissed")
        _status(db, 3, "dismissed", "2026-09-01T10:00:00.000000+00:00")
        _claim(db, 4, 1, created="2026-09-01" + T, checkworthy=False)
        # Article 2: two claims stored on 8 September; one published on 15 September, then corrected on 20.
        _claim(db, 5, 2, created="2026-09-08" + T, status="published", rating="False",
               first_published="2026-09-15T09:00:00.000000+00:00", drafted_by="Minh")
        _status(db, 5, "in_review", "2026-09-09T09:00:00.000000+00:00")  # 24 h
        _status(db, 5, "published", "2026-09-15T09:00:00.000000+00:00")  # 168 h, drafted and published at once
        record(db, claim_id=5, entity="claim", entity_id="5@y", action="updated", field="rating,verdict",
               before={"rating": "False"}, after={"rating": "Mostly false"}, reviewer="Minh",
               at="2026-09-20T09:00:00.000000+00:00")
        _claim(db, 6, 2, created="2026-09-08" + T, status="in_review", assignee="Minh")
        _status(db, 6, "in_review", "2026-09-10T09:00:00.000000+00:00")  # 48 h
        # Article 3: one claim stored in October, outside September.
        _claim(db, 7, 3, created="2026-10-05" + T, status="published", rating="Đúng",
               first_published="2026-10-06T09:00:00.000000+00:00", drafted_by="Lan")
        _status(db, 7, "published", "2026-10-06T09:00:00.000000+00:00")
        db.execute("INSERT INTO claim_matches (claim_id, other_kind, other_id, score, relation, decision, decided_by,"
                   " decided_at, created_at) VALUES (2, 'claim', '1', 95, 'duplicate', 'confirmed', 'Lan', ?, ?)",
                   ["2026-09-05" + T, "2026-09-01" + T])
        db.execute("INSERT INTO claim_matches (claim_id, other_kind, other_id, score, relation, created_at)"
                   " VALUES (6, 'claim', '5', 80, 'related', ?)", ["2026-09-08" + T])
        db.execute("INSERT INTO claim_matches (claim_id, other_kind, other_id, score, relation, created_at)"
                   " VALUES (5, 'known', 'https://checks.example/1', 88, 'related', ?)", ["2026-09-08" + T])
    return db


SEPTEMBER = {"since": dt.date(2026, 9, 1), "until": dt.date(2026, 9, 30)}


def test_counts_of_a_period_are_those_counted_by_hand(desk):
    counts = desk_statistics(desk, **SEPTEMBER).counts
    assert counts == {"ingested": 6, "checkworthy": 5, "dismissed": 1, "in_review": 1, "drafted": 1, "ready": 0,
                      "published": 2, "corrected": 1, "duplicates_found": 2, "duplicates_confirmed": 1,
                      "past_fact_checks_matched": 1}


def test_a_period_leaves_out_what_happened_outside_it(desk):
    october = desk_statistics(desk, since=dt.date(2026, 10, 1)).counts
    assert (october["ingested"], october["published"], october["corrected"], october["dismissed"]) == (1, 1, 0, 0)
    assert desk_statistics(desk).counts["ingested"] == 7


def test_times_to_review_draft_and_publication_are_medians_and_90th_percentiles_in_hours(desk):
    figures = desk_statistics(desk, **SEPTEMBER)
    # first review: claims 1, 2, 5, 6 took 12, 24, 24, 48 h → median 24, 90th percentile (nearest rank) 48
    assert figures.time_to_review == (4, 24.0, 48.0)
    # first draft (or beyond): 1 → 24 h, 2 → 72 h, 5 → 168 h (published without a separate draft)
    assert figures.time_to_draft == (3, 72.0, 168.0)
    # publication: 1 → 48 h, 5 → 168 h
    assert figures.time_to_publication == (2, 108.0, 168.0)


def test_breakdowns_by_language_outlet_and_article(desk):
    figures = desk_statistics(desk, **SEPTEMBER)
    assert figures.by_language == [
        {"language": "vi", "ingested": 4, "checkworthy": 3, "dismissed": 1, "published": 1},
        {"language": "en", "ingested": 2, "checkworthy": 2, "dismissed": 0, "published": 1}]
    assert [(row["outlet"], row["ingested"]) for row in figures.by_outlet] == [("VnExpress", 4), ("reuters.com", 2)]
    assert [(row["article"], row["title"], row["published"]) for row in figures.by_article] == [
        (1, "Bài 1", 1), (2, "Bài 2", 1)]


def test_verdicts_by_rating_per_week_and_per_reviewer(desk):
    figures = desk_statistics(desk, **SEPTEMBER)
    assert figures.ratings_over_time == [{"period": "2026-W36", "rating": "Sai", "verdicts": 1},
                                         {"period": "2026-W38", "rating": "False", "verdicts": 1}]
    assert desk_statistics(desk, grouping="month").ratings_over_time == [
        {"period": "2026-09", "rating": "False", "verdicts": 1}, {"period": "2026-09", "rating": "Sai", "verdicts": 1},
        {"period": "2026-10", "rating": "Đúng", "verdicts": 1}]
    assert figures.by_reviewer == [{"reviewer": "Lan", "published": 1, "drafts_waiting": 1},
                                   {"reviewer": "Minh", "published": 1, "drafts_waiting": 0}]


def test_open_claims_oldest_first_and_a_reviewers_own_figures(desk):
    figures = desk_statistics(desk, **SEPTEMBER)
    assert [(c["id"], c["status"]) for c in figures.open_claims] == [(2, "drafted"), (6, "in_review")]
    lan = desk_statistics(desk, reviewer="Lan", **SEPTEMBER)
    assert (lan.counts["ingested"], lan.counts["published"], lan.counts["drafted"]) == (2, 1, 1)


def test_factcheck_stats_json_gives_the_same_figures(desk, db_path, capsys):
    assert main(["stats", "--db", str(db_path), "--since", "2026-09-01", "--until", "2026-09-30", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["claims_ingested"] == 6
    assert out["counts"]["published"] == 2
    assert out["time_to_first_review"] == {"claims": 4, "median_hours": 24.0, "p90_hours": 48.0}


def test_factcheck_stats_prints_the_figures_for_people(desk, db_path, capsys):
    assert main(["stats", "--db", str(db_path), "--since", "2026-09-01"]) == 0
    out = capsys.readouterr().out
    assert "Claims ingested: 7" in out
    assert "Published: 3" in out
