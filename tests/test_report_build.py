"""Building a report: which claims a scope covers, corrections from history, reviewers, a stable date."""
from __future__ import annotations

import datetime as dt

import pytest

from claims.model import Claim, Extraction
from db.articles import store_article
from evidence.report import ReportScope, ScopeNotFound, build_report
from evidence.review import save_review
from evidence.sources import attach_source


def store(db, sentences: list[tuple[str, bool]], *, title: str = "Article") -> list[int]:
    """An article made of the sentences, each a claim (check-worthy or not)."""
    text, claims = "", []
    for sentence, checkworthy in sentences:
        start = len(text)
        text += sentence + " "
        claims.append(Claim(text=sentence, start=start, end=start + len(sentence), checkworthy=checkworthy,
                            score=0.9 if checkworthy else 0.1))
    stored = store_article(db, text=text.strip(), extraction=Extraction(language="en", claims=tuple(claims)),
                           title=title, url="https://news.example/" + title.lower(), published="2024-03-01")
    return list(stored.claim_ids)


def publish(db, claim_id: int, rating: str = "False", reviewer: str = "Lan"):
    claim = save_review(db, claim_id, expected_version=_version(db, claim_id), reviewer=reviewer, rating=rating,
                        rationale=f"Because {rating.lower()}.", status="drafted")
    return save_review(db, claim_id, expected_version=claim.version, reviewer=reviewer, status="published")


def _version(db, claim_id: int) -> int:
    return db.execute("SELECT version FROM claims WHERE id = ?", [claim_id]).fetchone()[0]


def test_article_report_lists_checkworthy_and_reviewed_claims_in_article_order(db):
    worthy, dull, touched, merged = store(db, [("Exports grew 12%.", True), ("It rained.", False),
                                               ("The sky is green.", False), ("Imports fell 3%.", True)])
    save_review(db, touched, expected_version=1, reviewer="Lan", status="in_review")
    db.execute("UPDATE claims SET status = 'merged' WHERE id = ?", [merged])
    report = build_report(db, ReportScope(article_id=1))
    assert [c.id for c in report.claims] == [worthy, touched]
    assert dull not in [c.id for c in report.claims]


def test_report_without_scope_lists_every_claim_with_a_verdict(db):
    first, second, third = store(db, [("A rose 1%.", True), ("B rose 2%.", True), ("C rose 3%.", True)])
    store(db, [("D rose 4%.", True)], title="Other")
    publish(db, third)
    save_review(db, first, expected_version=1, reviewer="Lan", rating="True", rationale="Checked.")
    assert [c.id for c in build_report(db, ReportScope()).claims] == [first, third]


def test_since_keeps_verdicts_published_on_or_after_the_date(db):
    first, second = store(db, [("A rose 1%.", True), ("B rose 2%.", True)])
    publish(db, first)
    save_review(db, second, expected_version=1, reviewer="Lan", rating="True", rationale="Checked.")
    today = dt.datetime.now(dt.UTC).date()
    assert [c.id for c in build_report(db, ReportScope(since=today)).claims] == [first]
    assert build_report(db, ReportScope(since=today + dt.timedelta(days=1))).claims == ()


def test_a_claim_report_covers_that_claim_whatever_its_status(db):
    (claim_id,) = store(db, [("It rained.", False)])
    report = build_report(db, ReportScope(claim_id=claim_id))
    assert [c.id for c in report.claims] == [claim_id]
    assert report.claims[0].status == "new"


@pytest.mark.parametrize("scope, message", [(ReportScope(article_id=99), "there is no article 99"),
                                            (ReportScope(claim_id=42), "there is no claim 42")])
def test_unknown_article_or_claim_is_refused_by_name(db, scope, message):
    with pytest.raises(ScopeNotFound, match=message):
        build_report(db, scope)


def test_corrections_are_verdict_changes_after_first_publication_only(db):
    (claim_id,) = store(db, [("Exports grew 12%.", True)])
    claim = save_review(db, claim_id, expected_version=1, reviewer="Lan", rating="True", rationale="First.")
    claim = save_review(db, claim_id, expected_version=claim.version, reviewer="Lan", rating="Mostly true",
                        rationale="Draft change, not a correction.", status="drafted")
    claim = save_review(db, claim_id, expected_version=claim.version, reviewer="Lan", status="published")
    claim = save_review(db, claim_id, expected_version=claim.version, reviewer="Minh", rating="Half true",
                        rationale="Corrected in place.")
    claim = save_review(db, claim_id, expected_version=claim.version, reviewer="Minh", status="in_review")
    claim = save_review(db, claim_id, expected_version=claim.version, reviewer="Huy", rating="False",
                        rationale="Reopened and corrected.")
    save_review(db, claim_id, expected_version=claim.version, reviewer="Huy", status="drafted")

    report = build_report(db, ReportScope(claim_id=claim_id))
    corrections = report.corrections
    assert [(c.reviewer, [(f.field, f.before, f.after) for f in c.changes]) for c in corrections] == [
        ("Minh", [("rating", "Mostly true", "Half true"),
                  ("rationale", "Draft change, not a correction.", "Corrected in place.")]),
        ("Huy", [("rating", "Half true", "False"), ("rationale", "Corrected in place.", "Reopened and corrected.")]),
    ]
    assert report.claims[0].reviewers == ("Lan", "Minh", "Huy")


def test_sources_are_numbered_in_the_reviewers_order(db):
    (claim_id,) = store(db, [("Exports grew 12%.", True)])
    for n in (1, 2, 3):
        attach_source(db, claim_id, url=f"https://stats.example/{n}", stance="context", reviewer="Lan",
                      title=f"Table {n}", accessed="2024-03-02")
    sources = build_report(db, ReportScope(claim_id=claim_id)).claims[0].sources
    assert [(s.number, s.title) for s in sources] == [(1, "Table 1"), (2, "Table 2"), (3, "Table 3")]


def test_report_date_comes_from_the_data_unless_given(db):
    (claim_id,) = store(db, [("Exports grew 12%.", True)])
    publish(db, claim_id)
    latest = db.execute("SELECT max(at) FROM history WHERE claim_id = ?", [claim_id]).fetchone()[0]
    assert build_report(db, ReportScope()).generated_at == latest
    assert build_report(db, ReportScope(), generated_at="2024-05-01").generated_at == "2024-05-01"


def test_a_report_reads_the_same_number_of_queries_for_few_or_many_claims(db):
    def statements_for(scope: ReportScope) -> int:
        seen: list[str] = []
        db.conn.set_trace_callback(seen.append)
        try:
            build_report(db, scope)
        finally:
            db.conn.set_trace_callback(None)
        return len(seen)

    few = store(db, [(f"Item {n} rose {n}%.", True) for n in range(2)], title="Few")
    many = store(db, [(f"Item {n} rose {n}%.", True) for n in range(40)], title="Many")
    for claim_id in few + many:
        attach_source(db, claim_id, url="https://stats.example/t", stance="context", reviewer="Lan")
        publish(db, claim_id)
    assert statements_for(ReportScope(article_id=1)) == statements_for(ReportScope(article_id=2))
