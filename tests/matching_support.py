"""Storing hand-written claims for the matching tests, without the extraction engine deciding what a claim is."""
from __future__ import annotations

from claims.model import Claim, Extraction
from db.articles import store_article


def store_claims(db, *sentences: str, title: str = "Bài báo") -> list[int]:
    """One article whose claims are exactly `sentences`; returns their claim ids in order."""
    text = " ".join(sentences)
    claims, start = [], 0
    for sentence in sentences:
        claims.append(Claim(text=sentence, start=start, end=start + len(sentence), checkworthy=True, score=0.9))
        start += len(sentence) + 1
    stored = store_article(db, text=text, extraction=Extraction("vi", tuple(claims)), title=title)
    return list(stored.claim_ids)
