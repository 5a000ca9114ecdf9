"""Reviewers reshaping claims: a claim the engine missed, a claim split in two, two claims merged."""
from __future__ import annotations

from dataclasses import replace

import sqlite_utils

from claims.errors import WorkbenchError
from claims.model import Claim
from claims.workflow import Status
from db.articles import insert_claim_rows
from db.claims import ClaimNotFound, VersionConflict, get_claim
from db.connection import writing
from db.history import now, record
from translations import _

__all__ = ["InvalidPassage", "add_claim_from_passage", "split_claim", "merge_claims"]


class InvalidPassage(WorkbenchError, ValueError):
    pass


def _article_text(db: sqlite_utils.Database, article_id: int) -> str:
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise InvalidPassage(_("article {id} does not exist").format(id=article_id))
    return row[0]


def _claim_for_span(text: str, start: int, end: int, *, checkworthy: bool = True) -> Claim:
    """Facets (figures, dates, speaker, score) of a passage, with offsets into the whole article."""
    from claims import extract_claims

    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        raise InvalidPassage(_("the passage is empty"))
    passage = text[start:end]
    found = extract_claims(passage).claims
    shift = lambda items: tuple(replace(x, start=x.start + start, end=x.end + start) for x in items)  # noqa: E731
    return Claim(
        text=passage, start=start, end=end, checkworthy=checkworthy,
        score=max((c.score for c in found), default=0.5),
        types=tuple(dict.fromkeys(t for c in found for t in c.types)),
        reasons=tuple(dict.fromkeys(r for c in found for r in c.reasons)),
        speaker=next((c.speaker for c in found if c.speaker), None),
        speaker_role=next((c.speaker_role for c in found if c.speaker), None),
        quantities=shift(q for c in found for q in c.quantities),
        dates=shift(d for c in found for d in c.dates),
    )


def add_claim_from_passage(db: sqlite_utils.Database, article_id: int, start: int, end: int, *,
                           reviewer: str) -> int:
    """A claim the engine missed, chosen by the reviewer as article_text[start:end]."""
    with writing(db):
        text = _article_text(db, article_id)
        if not (0 <= start < end <= len(text)):
            raise InvalidPassage(_("the passage {start}–{end} is outside the article (0–{length})").format(
                start=start, end=end, length=len(text)))
        claim = _claim_for_span(text, start, end)
        (claim_id,) = insert_claim_rows(db, article_id, [claim], origin="reviewer", reviewer=reviewer)
        record(db, claim_id=claim_id, entity="claim", entity_id=claim_id, action="added", reviewer=reviewer,
               after={"text": claim.text, "start": claim.start, "end": claim.end})
    return claim_id


def _retire(db: sqlite_utils.Database, claim_id: int, version: int, *, reviewer: str, action: str,
            into: list[int]) -> None:
    db.execute(f"UPDATE claims SET status = '{Status.MERGED}', version = version + 1, updated_at = ?, updated_by = ?"
               " WHERE id = ?", [now(), reviewer, claim_id])
    record(db, claim_id=claim_id, entity="claim", entity_id=f"{claim_id}@{version + 1}", action=action,
           field="status", before={"status": "?"}, after={"status": Status.MERGED, "into": into}, reviewer=reviewer)


def split_claim(db: sqlite_utils.Database, claim_id: int, at: int, *, expected_version: int,
                reviewer: str) -> tuple[int, int]:
    """Split a claim at article offset `at` into two new claims; the old one is kept, retired, with its history."""
    with writing(db):
        claim = get_claim(db, claim_id)
        if claim is None:
            raise ClaimNotFound.of(claim_id)
        if claim.version != expected_version:
            raise VersionConflict(claim_id, expected_version, claim, [])
        if not (claim.start < at < claim.end):
            raise InvalidPassage(_("the split point must fall inside the claim"))
        text = _article_text(db, claim.article_id)
        parts = [_claim_for_span(text, claim.start, at), _claim_for_span(text, at, claim.end)]
        first, second = insert_claim_rows(db, claim.article_id, parts, origin="split", reviewer=reviewer)
        for new_id in (first, second):
            record(db, claim_id=new_id, entity="claim", entity_id=new_id, action="split_from", reviewer=reviewer,
                   before={"claim": claim_id}, after={"text": get_claim(db, new_id).text})  # type: ignore[union-attr]
        _retire(db, claim_id, claim.version, reviewer=reviewer, action="split", into=[first, second])
    return first, second


def merge_claims(db: sqlite_utils.Database, claim_ids: list[int], *, reviewer: str) -> int:
    """Merge claims of one article into one new claim spanning them all; the old ones are kept, retired."""
    if len(set(claim_ids)) < 2:
        raise InvalidPassage(_("choose at least two claims to merge"))
    with writing(db):
        claims = [get_claim(db, i) for i in claim_ids]
        if any(c is None for c in claims):
            raise ClaimNotFound(_("one of the claims to merge no longer exists"))
        articles = {c.article_id for c in claims}  # type: ignore[union-attr]
        if len(articles) != 1:
            raise InvalidPassage(_("only claims of the same article can be merged"))
        with_verdict = [c.id for c in claims if c.rating]  # type: ignore[union-attr]
        if with_verdict:
            raise InvalidPassage(_("claim {id} already has a verdict; merging would hide it").format(
                id=with_verdict[0]))
        article_id = articles.pop()
        text = _article_text(db, article_id)
        merged = _claim_for_span(text, min(c.start for c in claims), max(c.end for c in claims))  # type: ignore
        (new_id,) = insert_claim_rows(db, article_id, [merged], origin="merge", reviewer=reviewer)
        record(db, claim_id=new_id, entity="claim", entity_id=new_id, action="merged_from", reviewer=reviewer,
               before={"claims": list(claim_ids)}, after={"text": merged.text})
        for c in claims:
            _retire(db, c.id, c.version, reviewer=reviewer, action="merged", into=[new_id])  # type: ignore
    return new_id
