"""How long the desk's figures take over a large desk: the Statistics page's query and `factcheck stats`.

Builds a database of N generated claims (default 100,000) in 2,000 articles over 26 weeks, each claim with the
history a real one has (a review, a draft and a publication for a share of them, dismissals, corrections), then
times `desk_statistics` for a month, for the whole desk and for one reviewer, and `factcheck stats --json` as a
command. Prints wall and CPU seconds and the load average.

    .venv/bin/python bench/desk_statistics.py --claims 100000
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.connection import open_database  # noqa: E402
from db.statistics import desk_statistics  # noqa: E402

START = dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC)
REVIEWERS = ["Lan", "Minh", "Hoa", "Tuấn", "Mai", "Dũng"]
RATINGS = ["Đúng", "Đúng phần lớn", "Nửa đúng nửa sai", "Sai phần lớn", "Sai"]


def stamp(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="microseconds")


def build(path: Path, claims: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    db = open_database(path)
    articles = max(1, claims // 50)
    article_rows, claim_rows, history_rows = [], [], []
    for a in range(1, articles + 1):
        added = START + dt.timedelta(hours=rng.randrange(26 * 7 * 24))
        article_rows.append((a, f"Bài {a}", f"https://outlet{a % 12}.example/{a}", rng.choice(["vi", "vi", "en"]),
                             "x", f"h{a}", None, stamp(added)))
    for c in range(1, claims + 1):
        article = article_rows[(c - 1) // 50 % articles]
        created = dt.datetime.fromisoformat(article[7])
        status, rating, first_published, drafted_by = "new", None, None, None
        roll = rng.random()
        reviewer = rng.choice(REVIEWERS)
        steps: list[tuple[str, dt.datetime]] = []
        if roll < 0.1:
            steps = [("dismissed", created + dt.timedelta(hours=rng.uniform(1, 48)))]
        elif roll < 0.4:
            review = created + dt.timedelta(hours=rng.uniform(1, 72))
            steps = [("in_review", review)]
            if roll < 0.3:
                draft = review + dt.timedelta(hours=rng.uniform(1, 96))
                steps.append(("drafted", draft))
                drafted_by = reviewer
                if roll < 0.2:
                    published = draft + dt.timedelta(hours=rng.uniform(1, 48))
                    steps.append(("published", published))
                    rating, first_published = rng.choice(RATINGS), stamp(published)
        if steps:
            status = steps[-1][0]
        claim_rows.append((c, article[0], f"claim {c}", f"claim {c}", 0, 10, int(roll < 0.8), status, rating,
                           first_published, first_published, drafted_by, reviewer, article[7], article[7]))
        for name, at in steps:
            history_rows.append((c, "claim", f"{c}@x", "updated", "status", '{"status": "new"}',
                                 f'{{"status": "{name}"}}', reviewer, stamp(at)))
        if first_published and rng.random() < 0.05:
            history_rows.append((c, "claim", f"{c}@y", "updated", "rating,verdict", "{}", "{}", reviewer,
                                 stamp(dt.datetime.fromisoformat(first_published) + dt.timedelta(days=3))))
    with db.conn:
        db.conn.executemany("INSERT INTO articles (id, title, url, language, text, content_hash, source_name,"
                            " added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", article_rows)
        db.conn.executemany("INSERT INTO claims (id, article_id, text, original_text, start, \"end\", checkworthy,"
                            " status, rating, first_published_at, published_at, drafted_by, assignee, created_at,"
                            " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claim_rows)
        db.conn.executemany("INSERT INTO history (claim_id, entity, entity_id, action, field, before, after,"
                            " reviewer, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", history_rows)
    db.close()
    print(f"built {claims:,} claims, {articles:,} articles, {len(history_rows):,} history entries")


def _cpu() -> float:
    """CPU seconds of this process and of the commands it ran."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(label: str, work) -> None:
    wall, cpu = time.perf_counter(), _cpu()
    work()
    print(f"{label}: {time.perf_counter() - wall:.2f} s wall, {_cpu() - cpu:.2f} s CPU"
          f" (load average {os.getloadavg()[0]:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "desk.db"
        build(path, args.claims)
        db = open_database(path)
        timed("page figures, one month", lambda: desk_statistics(db, since=dt.date(2026, 6, 1),
                                                                   until=dt.date(2026, 6, 30)))
        timed("page figures, the whole desk", lambda: desk_statistics(db))
        timed("page figures, one reviewer's own", lambda: desk_statistics(db, reviewer="Lan"))
        db.close()
        factcheck = Path(sys.executable).with_name("factcheck")
        timed("factcheck stats --json, whole desk (a new process)", lambda: subprocess.run(
            [str(factcheck), "stats", "--db", str(path), "--json"], check=True, capture_output=True))


if __name__ == "__main__":
    main()
