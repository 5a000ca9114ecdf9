"""Match suggestions of newly stored articles: right after a pasted article, or later, article after article, for
those a bulk ingest stored (shown as pending until then; `factcheck worker` computes them)."""
from __future__ import annotations

import logging
import threading

import sqlite_utils

from db.articles import checkworthy_claim_ids, mark_suggestions_stored
from db.match_index import ClaimsAsOf, claims_as_of
from db.suggestion_queue import last_claim_id, pending_articles, pending_count

__all__ = ["MAX_SUGGESTED_CLAIMS", "suggest_article", "pending_suggestions", "suggest_pending"]

log = logging.getLogger(__name__)

# Suggestions are looked up for the check-worthy claims a reviewer will open, and for at most this many of them:
# a pasted 10 MB wall of text has thousands of candidates and would tie the reviewer's session up for minutes.
MAX_SUGGESTED_CLAIMS = 300


def suggest_article(db: sqlite_utils.Database, article_id: int, claim_ids: tuple[int, ...]) -> None:
    """Suggestions are a convenience computed after the article is safely stored; failing them loses nothing.

    The article is marked once they are stored, so an ingest stopped before that redoes them on the next run.
    """
    from pipelines.matching import suggest_matches

    try:
        if claim_ids:
            suggest_matches(db, claim_ids)
    except Exception:  # noqa: BLE001 - the article is stored; the suggestions can be recomputed
        log.exception("could not store duplicate suggestions for claims %s", claim_ids[:5])
    else:
        mark_suggestions_stored(db, article_id)


def pending_suggestions(db: sqlite_utils.Database) -> int:
    """How many articles still wait for their suggestions."""
    return pending_count(db)


def suggest_pending(db: sqlite_utils.Database, *, article_ids: list[int] | None = None, limit: int | None = None,
                    stop: threading.Event | None = None) -> int:
    """Store the suggestions of the articles still waiting for them (of `article_ids` only, when given), oldest
    first; returns how many articles were done. Resumable: each article is marked when done.

    Each article is matched against the claims stored up to its own last claim, as if it had just been ingested
    alone, so the suggestions are those an article-by-article ingest would have stored.
    """
    if article_ids is not None and not article_ids:
        return 0
    pending = pending_articles(db, article_ids=article_ids, limit=limit)
    claims = ClaimsAsOf()
    done = 0
    for article_id in pending:
        if stop is not None and stop.is_set():
            break
        last = last_claim_id(db, article_id)
        claims.extend(db, last or claims.last_claim_id)
        with claims_as_of(db, claims):
            suggest_article(db, article_id, checkworthy_claim_ids(db, article_id)[:MAX_SUGGESTED_CLAIMS])
        done += 1
    return done
