"""Publishing a desk's archive: its published verdicts, built as a report, written to a separate database file."""
from __future__ import annotations

import json
from pathlib import Path

import sqlite_utils

from db.published_archive import PublishedArchive, kept_copies, speaker_roles, write_archive
from evidence.claimreview import claim_review, publishing_desk, with_publisher
from evidence.report import ReportScope, build_report

__all__ = ["publish_archive"]


def publish_archive(db: sqlite_utils.Database, destination: str | Path, *,
                    publisher_name: str | None = None, publisher_url: str | None = None) -> PublishedArchive:
    """Write the desk's published verdicts (and nothing else) to the archive file at `destination`.

    Only claims whose status is published and that carry a rating go in; drafts, notes, accounts, sessions and
    settings other than the desk's publication settings are never read. Each verdict keeps its ClaimReview JSON
    (the desk's publisher and address pattern, unless `publisher_name`/`publisher_url` are given), whose `url` is
    the id another desk's `import-claims` gives it.

    >>> publish_archive(db, "data/published/archive.db", publisher_name="Desk A").verdicts  # doctest: +SKIP
    12
    """
    desk = with_publisher(publishing_desk(db), publisher_name, publisher_url)
    report = build_report(db, ReportScope())
    published = [c for c in report.claims if c.published and c.rating]
    roles = speaker_roles(db, [c.id for c in published])
    copies = kept_copies(db, [c.id for c in published])
    no_copy = {"kept_copy_url": None, "kept_copy_status": None, "kept_copy_sha256": None}
    verdicts, sources = [], []
    for claim in published:
        review = claim_review(claim, report, desk=desk)
        review["inLanguage"] = claim.article.language
        verdicts.append({
            "claim_id": claim.id, "url": review["url"], "claim": claim.text, "original_text": claim.original_text,
            "rating": claim.rating, "rating_value": claim.rating_value, "verdict": claim.verdict,
            "rationale": claim.rationale, "speaker": claim.speaker, "speaker_role": roles.get(claim.id),
            "language": claim.article.language, "article_title": claim.article.title,
            "article_url": claim.article.url, "article_published": claim.article.published,
            "first_published": claim.first_published_at, "last_published": claim.published_at,
            "publisher": desk.name, "claimreview": json.dumps(review, ensure_ascii=False)})
        sources += [{"claim_id": claim.id, "number": s.number, "url": s.url, "title": s.title,
                     "publisher": s.publisher, "published": s.published, "accessed": s.accessed,
                     "archive_url": s.archive_url, "stance": s.stance, "excerpt": s.excerpt,
                     "kept_copy_on": s.kept_copy_on, **copies.get((claim.id, s.url), no_copy),
                     "link_check": s.link_check} for s in claim.sources]
    made_at = report.generated_at or ""
    return write_archive(destination, publisher=desk.name, publisher_url=desk.url, made_at=made_at,
                         verdicts=verdicts, sources=sources)
