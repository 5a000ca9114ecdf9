"""How long the Claim queue and the Inbox take to read what they show, on a desk with many claims: builds a database
of N claims (articles of 100 claims; some assigned, drafted, handed over, published, dismissed; notes with
mentions), then times the database calls each page makes in one run (median of 5 runs each).

    .venv/bin/python bench/team.py [--claims 100000] [--keep PATH]
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from claims.model import Claim, Extraction  # noqa: E402
from db.connection import open_database, writing  # noqa: E402

PEOPLE = ["Lan", "Minh", "Hoa", "Khoa", "Trang"]
STATUS_MIX = ["new"] * 60 + ["in_review"] * 15 + ["drafted"] * 8 + ["ready"] * 4 + ["published"] * 8 + \
             ["dismissed"] * 5


def build(db_path: Path, claims: int, seed: int = 7) -> None:
    from db.accounts import add_account
    from db.articles import store_article
    from db.notes import add_note

    rng = random.Random(seed)
    db = open_database(db_path)
    for i, name in enumerate(PEOPLE):
        add_account(db, name.lower(), role="reviewer" if i % 2 else "editor", password="a long password here",
                    name=name)
    per_article = 100
    for a in range(claims // per_article):
        sentences = [f"Năm {2000 + (a + j) % 24} tỉnh số {a * per_article + j} có {j % 90 + 1},5 triệu dân, theo"
                     f" báo cáo số {a}." for j in range(per_article)]
        text = " ".join(sentences)
        found, at = [], 0
        for j, sentence in enumerate(sentences):
            start = text.index(sentence, at)
            found.append(Claim(text=sentence, start=start, end=start + len(sentence), checkworthy=j % 5 != 0,
                               score=rng.random()))
            at = start + len(sentence)
        store_article(db, text=text, title=f"Bài {a}", extraction=Extraction("vi", tuple(found)))
    with writing(db):
        ids = [r[0] for r in db.execute("SELECT id FROM claims")]
        for claim_id in ids:
            status = rng.choice(STATUS_MIX)
            assignee = rng.choice(PEOPLE) if rng.random() < 0.3 else None
            drafted_by = rng.choice(PEOPLE) if status in ("drafted", "ready", "published") else None
            db.execute("UPDATE claims SET status = ?, assignee = ?, drafted_by = ?, updated_by = ?, rating = ?,"
                       " rationale = ? WHERE id = ?",
                       [status, assignee, drafted_by, rng.choice(PEOPLE),
                        "False" if drafted_by else None, "Because." if drafted_by else None, claim_id])
    for n in range(2_000):
        add_note(db, rng.choice(ids), author=rng.choice(PEOPLE), text=f"@{rng.choice(PEOPLE).lower()} xem số {n}")
    db.close()


def timed(call, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def queue_page(db) -> None:
    """What app_pages/queue.py reads in one run with the default filters (progress, filter lists, one page)."""
    from db.accounts import active_accounts
    from db.articles import article_summaries
    from db.claims import ClaimFilter, claim_queue, facet_values
    from db.ratings import rating_scale
    from db.saved_filters import saved_filters

    for status in ("drafted", "ready", "published", None):
        claim_queue(db, ClaimFilter(status=status, checkworthy=True), limit=1)
    facet_values(db)
    article_summaries(db, limit=500)
    rating_scale(db)
    saved_filters(db, 1)
    active_accounts(db)
    claim_queue(db, ClaimFilter(), sort="score", limit=25)


def queue_filtered(db) -> None:
    from db.claims import ClaimFilter, claim_queue

    claim_queue(db, ClaimFilter(status="new", assignee="Lan"), sort="updated", limit=25)


def inbox_page(db, account_id: int, may_publish: bool) -> None:
    """What app_pages/inbox.py and the sidebar's counts read in one run."""
    from db.inbox import inbox, inbox_counts, last_inbox_visit

    since = last_inbox_visit(db, account_id)
    inbox_counts(db, account_id, may_publish=may_publish, since=since)
    inbox(db, account_id, may_publish=may_publish, since=since)


def next_claim(db) -> None:
    from db.claims import ClaimFilter, next_open_claim

    skip: list[int] = []
    for _ in range(20):
        found = next_open_claim(db, ClaimFilter(), sort="score", skip=skip)
        skip.append(found)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--keep", type=Path, help="build the database here (or reuse it if it exists)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.keep or Path(tmp) / "team.db"
        if not db_path.exists():
            started = time.perf_counter()
            build(db_path, args.claims)
            print(f"built {args.claims:,} claims in {time.perf_counter() - started:.0f} s")
        db = open_database(db_path)
        total = db.execute("SELECT count(*) FROM claims").fetchone()[0]
        editor = db.execute("SELECT id FROM accounts WHERE name = 'Lan'").fetchone()[0]
        reviewer = db.execute("SELECT id FROM accounts WHERE name = 'Minh'").fetchone()[0]
        for label, call in [("queue page (default filters)", lambda: queue_page(db)),
                            ("queue, status + assignee filter", lambda: queue_filtered(db)),
                            ("inbox of an editor (with sidebar counts)", lambda: inbox_page(db, editor, True)),
                            ("inbox of a reviewer (with sidebar counts)", lambda: inbox_page(db, reviewer, False)),
                            ("Next open claim, 20 steps of a walk", lambda: next_claim(db))]:
            seconds = timed(call)
            load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
            print(f"{total:,} claims · {label}: {seconds * 1000:.0f} ms (median of 5) · load {load}")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
