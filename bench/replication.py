"""What Litestream costs a reviewer: the latency of a review save with and without Litestream replicating the file.

    python bench/replication.py [--saves 300] [--rounds 2]

A database with 40 articles (their claims) is made; then each round times `--saves` review saves (a rating and a
rationale changed, one transaction each, as the claim page's Save does) twice: once with no Litestream, once with
`litestream replicate` (deploy/litestream.yml's settings: file replica, 1 s monitor and sync intervals) running
beside it. The two are alternated so that a shared machine's load falls on both alike. Prints one JSON line per
measurement (median, 95th and 99th percentile in milliseconds) with the load average beside it.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LITESTREAM = Path(sys.executable).parent / "litestream"


def _desk(path: Path) -> list[int]:
    from db.connection import open_database
    from pipelines.ingest import ingest_text

    db = open_database(path)
    ids = []
    for n in range(40):
        ids += ingest_text(db, f"Bộ Y tế cho biết {n + 1},7 triệu người đã được tiêm chủng trong tháng 3."
                               f" Giá xăng RON 95 tăng {n + 2}% trong năm 2023.", title=f"Bài {n}").claim_ids
    db.close()
    return ids


def _saves(path: Path, claim_ids: list[int], count: int) -> list[float]:
    from db.claims import get_claim
    from db.connection import open_database
    from evidence.review import save_review

    db = open_database(path)
    took = []
    try:
        for n in range(count):
            claim_id = claim_ids[n % len(claim_ids)]
            version = get_claim(db, claim_id).version
            start = time.perf_counter()
            save_review(db, claim_id, expected_version=version, reviewer="Lan", rating=("False", "True")[n % 2],
                        rationale=f"Nguồn số {n}: báo cáo của Bộ.")
            took.append((time.perf_counter() - start) * 1000)
    finally:
        db.close()
    return took


def _summary(label: str, took: list[float], load: tuple[float, ...]) -> dict:
    ordered = sorted(took)
    return {"litestream": label, "saves": len(took), "median_ms": round(statistics.median(ordered), 2),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
            "p99_ms": round(ordered[int(0.99 * (len(ordered) - 1))], 2), "loadavg": [round(x, 2) for x in load]}


def _streaming(config: Path) -> subprocess.Popen:
    process = subprocess.Popen([str(LITESTREAM), "replicate", "-config", str(config)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(3)  # its first snapshot is taken before the saves start
    return process


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if not LITESTREAM.is_file():
        sys.exit("litestream is not installed in this virtualenv: make setup")
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "desk.db"
        claim_ids = _desk(database)
        config = Path(tmp) / "litestream.yml"
        config.write_text(textwrap.dedent(f"""
            dbs:
              - path: {database}
                monitor-interval: 1s
                replica:
                  type: file
                  path: {Path(tmp) / "replica"}
                  sync-interval: 1s
        """), encoding="utf-8")
        for _ in range(args.rounds):
            print(json.dumps(_summary("off", _saves(database, claim_ids, args.saves), os.getloadavg())), flush=True)
            streamer = _streaming(config)
            try:
                took = _saves(database, claim_ids, args.saves)
            finally:
                streamer.terminate()
                streamer.wait(timeout=30)
            print(json.dumps(_summary("on", took, os.getloadavg())), flush=True)


if __name__ == "__main__":
    main()
