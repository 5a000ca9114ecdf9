"""Concurrent reviewers on one database: N processes each make M random edits to the same claims.

Each edit carries the version its process last read; a VersionConflict is the expected answer when someone saved
first (the process re-reads and sometimes retries). Prints accepted writes per second, conflicts and errors.
`--log DIR` writes each process's accepted and rejected writes as JSON for tests/test_reliability_concurrency.py.

    .venv/bin/python bench/concurrency.py [--processes 8] [--edits 200] [--claims 50] [--db PATH] [--log DIR]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sqlite3
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

__all__ = ["prepare", "reviewer_process", "run", "main"]

EDIT_KINDS = ("assignee", "verdict", "text", "review")


def prepare(db_path: Path, claims: int) -> list[int]:
    """A fresh database holding one article with `claims` claims; returns their ids."""
    from claims.model import Claim, Extraction
    from db.articles import store_article
    from db.connection import open_database

    sentences = [f"Bộ Y tế cho biết số ca mắc thứ {i} tăng {i % 90 + 1}% trong tháng {i % 12 + 1}." for i in
                 range(claims)]
    text = " ".join(sentences)
    spans, start = [], 0
    for sentence in sentences:
        spans.append(Claim(text=sentence, start=start, end=start + len(sentence), checkworthy=True, score=0.9))
        start += len(sentence) + 1
    db = open_database(db_path)
    try:
        stored = store_article(db, text=text, extraction=Extraction("vi", tuple(spans)), title="Concurrency")
    finally:
        db.close()
    return list(stored.claim_ids)


def _edit(db: Any, claim: Any, kind: str, reviewer: str, tag: str, rng: random.Random) -> Any:
    """One reviewer action on `claim` as last read; returns the saved ClaimRecord."""
    from claims.workflow import Status
    from db.claims import update_claim
    from evidence.review import NEXT_STATUSES, save_review

    if kind == "assignee":
        return update_claim(db, claim.id, expected_version=claim.version, reviewer=reviewer,
                            changes={"assignee": f"{reviewer} {tag}"})
    if kind == "verdict":
        return update_claim(db, claim.id, expected_version=claim.version, reviewer=reviewer,
                            changes={"verdict": f"Verdict {tag}"})
    if kind == "text":
        return save_review(db, claim.id, expected_version=claim.version, reviewer=reviewer,
                           text=f"{claim.original_text} (sửa {tag})")
    moves = [s for s in NEXT_STATUSES[Status(claim.status)] if s is not Status.MERGED]
    rating = rng.choice(["True", "Mostly true", "Half true", "Mostly false", "False", "Unverifiable"])
    return save_review(db, claim.id, expected_version=claim.version, reviewer=reviewer, rating=rating,
                       rationale=f"Nguồn: Tổng cục Thống kê {tag}", status=rng.choice(moves) if moves else claim.status)


def reviewer_process(index: int, db_path: str, claim_ids: list[int], edits: int, seed: int, barrier: Any,
                     log_path: str) -> None:
    """Make `edits` random edits, re-reading after each conflict; write what happened to `log_path` as JSON."""
    from db.claims import VersionConflict, get_claim
    from db.connection import open_database

    rng = random.Random(seed * 1000 + index)
    reviewer = f"Reviewer {index}"
    db = open_database(db_path)
    seen = {cid: get_claim(db, cid) for cid in claim_ids}
    accepted: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    errors: list[str] = []
    barrier.wait()
    started = time.time()
    for number in range(edits):
        claim_id = rng.choice(claim_ids)
        kind = rng.choice(EDIT_KINDS)
        for attempt in range(4):
            claim = seen[claim_id]
            tag = f"p{index}-e{number}-a{attempt}"
            try:
                saved = _edit(db, claim, kind, reviewer, tag, rng)
            except VersionConflict as conflict:
                conflicts.append({"claim": claim_id, "expected": claim.version, "current": conflict.current.version,
                                  "message": str(conflict)})
                seen[claim_id] = get_claim(db, claim_id)
                if rng.random() < 0.5:  # a reviewer who reads the other change often gives up
                    break
                continue
            except sqlite3.OperationalError as error:
                errors.append(f"OperationalError: {error}")
                break
            except Exception:  # noqa: BLE001 - every other failure is what the test must see
                errors.append(traceback.format_exc(limit=3))
                break
            if saved.version != claim.version + 1:
                errors.append(f"claim {claim_id}: saved version {saved.version} after reading {claim.version}")
            accepted.append({"claim": claim_id, "version": saved.version, "reviewer": reviewer, "kind": kind,
                             "state": {k: getattr(saved, k) for k in ("text", "status", "assignee", "verdict",
                                                                       "rating", "rationale")}})
            seen[claim_id] = saved
            break
    finished = time.time()
    db.close()
    Path(log_path).write_text(json.dumps({"index": index, "started": started, "finished": finished,
                                          "accepted": accepted, "conflicts": conflicts, "errors": errors},
                                         ensure_ascii=False))


def run(db_path: Path, *, processes: int, edits: int, claims: int, seed: int, log_dir: Path) -> dict[str, Any]:
    """Prepare the database, run the reviewers in parallel processes, return the figures and the logs."""
    claim_ids = prepare(db_path, claims)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(processes)
    log_dir.mkdir(parents=True, exist_ok=True)
    workers = [context.Process(target=reviewer_process,
                               args=(i, str(db_path), claim_ids, edits, seed, barrier, str(log_dir / f"{i}.json")))
               for i in range(processes)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    logs = [json.loads((log_dir / f"{i}.json").read_text()) if (log_dir / f"{i}.json").exists() else
            {"index": i, "accepted": [], "conflicts": [], "errors": [f"process exited with {w.exitcode}"],
             "started": 0, "finished": 0} for i, w in enumerate(workers)]
    started = min(log["started"] for log in logs)
    finished = max(log["finished"] for log in logs)
    accepted = sum(len(log["accepted"]) for log in logs)
    return {"processes": processes, "edits": edits, "claims": claims, "seconds": finished - started,
            "accepted": accepted, "conflicts": sum(len(log["conflicts"]) for log in logs),
            "errors": sum(len(log["errors"]) for log in logs),
            "writes_per_second": accepted / max(finished - started, 1e-9), "logs": logs}


def summary(figures: dict[str, Any]) -> str:
    return (f"{figures['processes']} reviewers × {figures['edits']} edits on {figures['claims']} claims:"
            f" {figures['accepted']} writes accepted, {figures['conflicts']} version conflicts,"
            f" {figures['errors']} errors in {figures['seconds']:.1f} s → {figures['writes_per_second']:.0f} writes/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--claims", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", type=Path, help="a new database file (default: a temporary one)")
    parser.add_argument("--log", type=Path, help="directory for each process's JSON log")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        db_path = args.db or Path(scratch) / "concurrency.db"
        if db_path.exists():
            parser.error(f"{db_path} exists; give a new file")
        figures = run(db_path, processes=args.processes, edits=args.edits, claims=args.claims, seed=args.seed,
                      log_dir=args.log or Path(scratch) / "logs")
    print(summary(figures))
    for log in figures["logs"]:
        for error in log["errors"][:3]:
            print(f"error in reviewer {log['index']}: {error}", file=sys.stderr)
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
