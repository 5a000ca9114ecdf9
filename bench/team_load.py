"""Benchmark of the server's time per action for a team: 4-8 reviewers at once (queue, filter, search, open a
claim, save a verdict) while an ingest and the background worker (pending suggestions, vectors by meaning) run.

Run from the project root:
    .venv/bin/python bench/team_load.py --reviewers 4 --rounds 8 --articles 600

Each reviewer is a process driving the app's own pages through Streamlit's AppTest (the same script runs as for
a browser, without one): the time of each script run is the server's time for that action, apart from any
browser's. The desk is made first (`--articles` generated articles, bulk ingest); during the run a `factcheck
ingest` of 200 more articles and a `factcheck worker` (nice 10, as `make run` starts it) share the machine.
Prints p50/p95/max per action and for saves, the load averages, and whether the worker and the ingest ran.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]

from bench.ingest_scale import desk_articles, write_articles  # noqa: E402

__all__ = ["main"]

SEARCHES = ["triệu", "GDP quý", "hộ dân", "tai nạn", "unemployment", "Tổng cục Thống kê"]


def _note(times: dict[str, list[float]], action: str, started: float, at) -> None:
    times.setdefault(action, []).append(time.perf_counter() - started)
    if at.exception:
        raise RuntimeError(f"{action}: {at.exception}")


def reviewer(index: int, db_path: str, claim_ids: list[int], rounds: int, results) -> None:
    os.environ["FACTCHECK_DB"] = db_path
    os.environ["FACTCHECK_VECTORS"] = "off"  # the worker beside the app does the background work
    from app_support import make_app, open_page

    rng = random.Random(index)
    at = make_app(f"Reviewer {index}")
    times: dict[str, list[float]] = {}
    open_page(at, "queue")  # not timed: the first run imports the app's modules in this process
    for _ in range(rounds):
        started = time.perf_counter()
        _note(times, "queue", started, open_page(at, "queue"))
        at.selectbox(key="queue_checkworthy").set_value("Any")
        started = time.perf_counter()
        _note(times, "filter", started, at.run())
        at.text_input(key="queue_search").input(rng.choice(SEARCHES))
        started = time.perf_counter()
        _note(times, "search", started, at.run())
        claim_id = rng.choice(claim_ids)
        started = time.perf_counter()
        _note(times, "open claim", started, open_page(at, "claim", id=claim_id))
        forms = [w.key for w in at.text_area if w.key and w.key.endswith("_rationale")]
        if not forms:
            continue
        prefix = forms[0].removesuffix("_rationale")
        widgets = {w.key: w for kind in ("selectbox", "text_area") for w in getattr(at, kind)}
        widgets[f"{prefix}_rating"].set_value(rng.choice(["False", "Mostly true", "True"]))
        widgets[f"{prefix}_rationale"].input(f"Reviewer {index}: checked against the ministry's figures.")
        widgets[f"{prefix}_status"].set_value("drafted")
        version = prefix.rsplit("_", 1)[1]
        save = f"FormSubmitter:claim_{claim_id}_{version}_review_form-Save review"
        at.button(key=save).click()
        started = time.perf_counter()
        _note(times, "save", started, at.run())
    results.put(times)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reviewers", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--no-background", action="store_true", help="reviewers alone (no ingest, no worker)")
    args = ap.parse_args(argv)

    from db.connection import open_database
    from pipelines.ingest import ingest_paths

    work = Path(tempfile.mkdtemp(prefix="team-load-"))
    db_path = work / "desk.db"
    write_articles(work / "desk", desk_articles(args.articles, seed=21))
    write_articles(work / "more", desk_articles(200, seed=22))
    db = open_database(db_path)
    list(ingest_paths(db, [work / "desk"]))
    claim_ids = [r[0] for r in db.execute("SELECT id FROM claims WHERE checkworthy = 1 ORDER BY id LIMIT 2000")]
    db.close()
    print(f"desk: {args.articles} articles, {len(claim_ids)} check-worthy claims offered; load {os.getloadavg()}")

    factcheck = Path(sys.executable).parent / "factcheck"
    background: list[subprocess.Popen] = []
    if not args.no_background:
        env = {**os.environ, "FACTCHECK_VECTORS": "on"}
        background.append(subprocess.Popen([str(factcheck), "worker", "--db", str(db_path), "--quiet"], env=env,
                                           cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        background.append(subprocess.Popen([str(factcheck), "ingest", str(work / "more"), "--db", str(db_path),
                                            "--json"], cwd=PROJECT, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL))
    results: multiprocessing.Queue = multiprocessing.Queue()
    started = time.perf_counter()
    processes = [multiprocessing.Process(target=reviewer, args=(i + 1, str(db_path), claim_ids, args.rounds,
                                                                results)) for i in range(args.reviewers)]
    for process in processes:
        process.start()
    merged: dict[str, list[float]] = {}
    for _ in processes:
        for action, values in results.get(timeout=3600).items():
            merged.setdefault(action, []).extend(values)
    for process in processes:
        process.join()
    wall = time.perf_counter() - started
    ingest_done = background[1].poll() is not None if background else None
    for process in background:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)
    db = open_database(db_path)
    vectors = db.execute("SELECT count(*) FROM meaning_vectors").fetchone()[0]
    pending = db.execute("SELECT count(*) FROM articles WHERE suggested_at IS NULL").fetchone()[0]
    db.close()
    print(f"{args.reviewers} reviewers × {args.rounds} rounds in {wall:.0f} s; background: "
          f"{'none' if args.no_background else f'ingest of 200 finished: {ingest_done}; {vectors} vectors stored'}"
          f"; {pending} articles still waiting for suggestions; load {os.getloadavg()}")
    every = [v for values in merged.values() for v in values]
    for action, values in [*merged.items(), ("every action", every)]:
        print(f"  {action:<12} n={len(values):>3}  p50 {statistics.median(values):.2f} s  p95"
              f" {_percentile(values, 0.95):.2f} s  max {max(values):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
