"""Speed of the desk's check-worthiness model: training, bulk extraction with it, one article with it.

    .venv/bin/python bench/checkworthiness_speed.py [LABELS.jsonl] [--mb 2] [--rounds 3]

LABELS.jsonl defaults to ../shared/eval/ct24_en_train.jsonl (22,500 sentences; research data, read here only to
measure: the model trained on it is thrown away with its temporary database). Prints:
- training through the real command, `factcheck train-checkworthiness LABELS --db TMP` in a child process: wall
  time and the child's peak memory (max RSS) - targets 60 s and 1 GB;
- extraction with that model (`extract_claims(text, scorer=...)`, one core) over synthetic Vietnamese and English
  news (bench/extraction.py) in MB/s of CPU time per core, beside the built-in rules, the two taken in turns for
  --rounds rounds so both see the same load on a shared machine - target 0.5 MB/s per core;
- one 5 KB article, with the model loaded as ingest loads it - target 0.5 s.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extraction import news_articles  # noqa: E402
from claims import extract_claims  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "eval" / "ct24_en_train.jsonl"


def _train(labels: Path, db: Path) -> tuple[float, float, float, str]:
    """Run the command in a child; its wall time, its CPU time, its peak RSS in MB, and what it printed."""
    started = time.perf_counter()
    child = subprocess.Popen([str(ROOT / ".venv" / "bin" / "factcheck"), "train-checkworthiness", str(labels),
                              "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    out, err = child.stdout.read(), child.stderr.read()  # type: ignore[union-attr]
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"training failed: {err.strip()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("labels", nargs="?", default=str(DEFAULT))
    ap.add_argument("--mb", type=float, default=2.0, help="megabytes of synthetic news to extract")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of rules-then-model extraction (default 3)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        labels = Path(tmp) / "labels.jsonl"
        rows = [json.loads(line) for line in Path(args.labels).read_text(encoding="utf-8").splitlines() if line]
        labels.write_text("".join(json.dumps({"text": r["text"], "check_worthy": r["check_worthy"]}) + "\n"
                                  for r in rows), encoding="utf-8")
        db_path = Path(tmp) / "desk.db"
        seconds, cpu, peak_mb, printed = _train(labels, db_path)
        print(f"training on {len(rows)} sentences (train-checkworthiness, child process): {seconds:.1f} s wall,"
              f" {cpu:.1f} s CPU, peak memory {peak_mb:.0f} MB (load average now {os.getloadavg()[0]:.1f})")
        print("  " + printed.strip().replace("\n", "\n  "))

        from db.connection import open_database
        from pipelines.desk_model import active_scorer

        db = open_database(db_path)
        started = time.perf_counter()
        scorer, _ = active_scorer(db)
        load = time.perf_counter() - started
        db.close()
        articles = news_articles(args.mb)
        size = sum(len(a.encode()) for a in articles) / 1e6
        # The machine is shared: CPU time per MB (what one core delivers) rather than wall time, the rules and the
        # model taken in turns, several rounds, so that both see the same load; the median round is reported.
        cpu_of: dict[str, list[float]] = {"built-in rules": [], "desk's model": []}
        wall_of: dict[str, list[float]] = {"built-in rules": [], "desk's model": []}
        claims = {}
        for _ in range(args.rounds):
            for name, model in (("built-in rules", None), ("desk's model", scorer)):
                started, cpu = time.perf_counter(), time.process_time()
                claims[name] = sum(len(extract_claims(a, scorer=model).claims) for a in articles)
                wall_of[name].append(time.perf_counter() - started)
                cpu_of[name].append(time.process_time() - cpu)
        for name, cpus in cpu_of.items():
            cpu, took = statistics.median(cpus), statistics.median(wall_of[name])
            print(f"extraction with the {name}: {size:.1f} MB, {len(articles)} articles, {claims[name]} candidates:"
                  f" {size / cpu:.2f} MB/s of CPU per core (median of {len(cpus)} rounds; range"
                  f" {size / max(cpus):.2f}-{size / min(cpus):.2f}), {size / took:.2f} MB/s wall"
                  f" (load average {os.getloadavg()[0]:.1f})")
        added = statistics.median(m - r for m, r in zip(cpu_of["desk's model"], cpu_of["built-in rules"], strict=True))
        print(f"the model adds {added / size:.2f} s of CPU per MB to the rules'"
              f" {statistics.median(cpu_of['built-in rules']) / size:.2f} s (median over rounds)")
        article = "\n\n".join(articles[:3])[:5000]
        article = article[:article.rfind(".") + 1]
        times = []
        for _ in range(5):
            started = time.process_time()
            extract_claims(article, scorer=scorer)
            times.append(time.process_time() - started)
        print(f"one {len(article.encode()) / 1000:.1f} KB article with the desk's model: median"
              f" {sorted(times)[2] * 1000:.0f} ms of CPU (the model is read from the database once per process:"
              f" {load * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
