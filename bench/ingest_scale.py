"""Benchmark of bulk ingest at a newsroom's scale: N generated news articles into an empty store and into one
holding about 100,000 claims.

Run from the project root:
    .venv/bin/python bench/ingest_scale.py --articles 1000            # quick
    .venv/bin/python bench/ingest_scale.py --articles 7300 --store     # the full run, and into a full store
    .venv/bin/python bench/ingest_scale.py --articles 300 --profile   # where the time goes (cProfile)
    .venv/bin/python bench/ingest_scale.py --articles 300 --one-by-one  # the article-at-a-time path, to compare

Each ingest runs in a child process (`factcheck ingest DIR` does the same work), so its figures are its own:
wall and CPU time (its extraction workers included), claims/s, MB/s, bytes it wrote (/proc/self/io
write_bytes), its peak memory and its workers', the final database's size, and articles/s in each tenth of the
run, which shows how the speed follows the growing store. The machine may be shared: the load averages are
printed beside each figure.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.extraction import _EN_NAMES, _EN_TEMPLATES, _VI_NAMES, _VI_TEMPLATES, _fill  # noqa: E402

__all__ = ["desk_articles", "write_articles", "main"]

MEAN_BYTES = 3_970  # 29 MB over 7,300 articles, as the desk measured (with about 14 claims an article)
_VI_CLAUSES = ["trong bối cảnh giá nguyên liệu đầu vào tiếp tục biến động mạnh", "theo báo cáo mới nhất của sở",
               "sau nhiều tháng chuẩn bị và lấy ý kiến người dân", "dù nhiều chuyên gia vẫn tỏ ra thận trọng",
               "tại buổi họp báo thường kỳ chiều qua ở trụ sở", "khi làn sóng đầu tư công được đẩy mạnh",
               "nhằm bảo đảm an sinh xã hội cho các hộ có hoàn cảnh khó khăn", "theo số liệu được công bố sáng nay"]
_EN_CLAUSES = ["according to figures released this morning", "despite warnings from several economists",
               "at a press briefing held on Tuesday afternoon", "as investment in public works picked up"]


def _sentence(rng: random.Random, vi: bool) -> str:
    """A news sentence of about 250 bytes: a template's claim with a clause or two of context."""
    templates, names, clauses = (_VI_TEMPLATES, _VI_NAMES, _VI_CLAUSES) if vi else \
        (_EN_TEMPLATES, _EN_NAMES, _EN_CLAUSES)
    sentence = _fill(rng, rng.choice(templates), names)
    if sentence[-1] in ".?" and not sentence.endswith('."'):
        extra = ", ".join(rng.sample(clauses, rng.randint(2, 3)))
        sentence = f"{sentence[:-1]}, {extra}{sentence[-1]}"
    return sentence


def desk_articles(count: int, seed: int = 11, mean_bytes: int = MEAN_BYTES) -> list[str]:
    """`count` news articles, nine in ten Vietnamese, log-normal in size (1-16 KB, about 4 KB on average, by
    default), each with a headline line and a dateline, so no two are the same text."""
    rng = random.Random(seed)
    articles = []
    for number in range(1, count + 1):
        vi = rng.random() < 0.9
        target = min(4 * mean_bytes, max(mean_bytes // 4, int(rng.lognormvariate(0, 0.45) * mean_bytes * 0.81)))
        headline = _sentence(rng, vi).rstrip(".")
        paragraphs = [headline, f"{'Bản tin số' if vi else 'Report no.'} {number}."]
        length = sum(len(p.encode()) for p in paragraphs)
        while length < target:
            paragraph = " ".join(_sentence(rng, vi) for _ in range(rng.randint(1, 4)))
            paragraphs.append(paragraph)
            length += len(paragraph.encode()) + 2
        articles.append("\n\n".join(paragraphs))
    return articles


def write_articles(folder: Path, articles: list[str]) -> int:
    """One .txt file per article, in name order; returns the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for number, text in enumerate(articles, 1):
        data = text.encode("utf-8")
        (folder / f"a{number:06d}.txt").write_bytes(data)
        size += len(data)
    return size


def _write_bytes() -> int:
    with open("/proc/self/io", encoding="ascii") as counters:
        return next(int(line.split()[1]) for line in counters if line.startswith("write_bytes"))


def child(args: argparse.Namespace) -> int:
    """The ingest itself, in this process: prints one JSON line of figures."""
    from db.connection import open_database
    from pipelines import ingest

    db = open_database(args.db)
    files = sorted(Path(args.folder).glob("*.txt"))
    claims_before = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    profile = cProfile.Profile() if args.profile else None
    written, wall, cpu = _write_bytes(), time.perf_counter(), time.process_time()
    stamps: list[float] = []
    if profile:
        profile.enable()
    run = ingest.ingest_one_by_one if args.one_by_one else ingest.ingest_paths
    for outcome in run(db, files):
        stamps.append(time.perf_counter())
        if not outcome.ok:
            print(f"refused: {outcome.name}: {outcome.error}", file=sys.stderr)
    if profile:
        profile.disable()
    took = time.perf_counter() - wall
    # Articles committed in each tenth of the run's time, per second: flat when nothing grows with the store.
    tenths = [round(sum(1 for t in stamps if i * took / 10 <= t - wall < (i + 1) * took / 10) / (took / 10), 1)
              for i in range(10)]
    figures = {
        "wall": took, "cpu_self": time.process_time() - cpu,
        "write_bytes": _write_bytes() - written, "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "claims": db.execute("SELECT count(*) FROM claims").fetchone()[0] - claims_before,
        "pending_suggestions": db.execute("SELECT count(*) FROM articles WHERE suggested_at IS NULL").fetchone()[0],
        "articles_per_s_by_tenth": tenths,
    }
    db.conn.close()
    if profile:
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(25)
        figures["profile"] = out.getvalue()
    print(json.dumps(figures))
    return 0


def _measure(db: Path, folder: Path, *, profile: bool, one_by_one: bool) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [sys.executable, __file__, "--child", "--db", str(db), "--folder", str(folder)]
    command += ["--profile"] if profile else []
    command += ["--one-by-one"] if one_by_one else []
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["cpu_all"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    figures["cpu_user"] = after.ru_utime - before.ru_utime
    figures["cpu_system"] = after.ru_stime - before.ru_stime
    figures["largest_process_mb"] = after.ru_maxrss / 1024
    figures["db_bytes"] = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    return figures


def _report(label: str, figures: dict, size: int) -> None:
    wall = figures["wall"]
    print(f"{label}: {wall:.1f} s wall, {figures['cpu_all']:.1f} s CPU (user {figures['cpu_user']:.1f}, system"
          f" {figures['cpu_system']:.1f}; main process {figures['cpu_self']:.1f}), {figures['claims']} claims ="
          f" {figures['claims'] / wall:.0f} claims/s, {size / 1e6 / wall:.2f} MB/s; wrote"
          f" {figures['write_bytes'] / 1e6:.0f} MB for a {figures['db_bytes'] / 1e6:.0f} MB database"
          f" ({figures['write_bytes'] / max(1, figures['db_bytes']):.1f}×); peak {figures['maxrss_mb']:.0f} MB"
          f" (largest process {figures['largest_process_mb']:.0f} MB); suggestions pending for"
          f" {figures['pending_suggestions']} articles; load {os.getloadavg()}")
    print(f"  articles/s in each tenth of the time: {figures['articles_per_s_by_tenth']}")
    if "profile" in figures:
        print(figures["profile"])


def _pasted(db_path: Path) -> None:
    """A reviewer pastes single articles into the full store: each with its suggestions, as the app does (the
    first also builds the claims' word index, which the app keeps in memory afterwards)."""
    from db.connection import open_database
    from pipelines.ingest import ingest_text

    db = open_database(db_path)
    for number, text in enumerate(desk_articles(3, seed=99), 1):
        wall, cpu = time.perf_counter(), time.process_time()
        stored = ingest_text(db, text)
        matches = db.execute("SELECT count(*) FROM claim_matches m JOIN claims c ON c.id = m.claim_id"
                             " WHERE c.article_id = ?", [stored.article_id]).fetchone()[0]
        print(f"pasted article {number} ({len(text.encode()) / 1000:.1f} KB, {stored.claims} claims) into the full"
              f" store: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU with its"
              f" {matches} suggestions; load {os.getloadavg()}")
    db.conn.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--store", action="store_true", help="also ingest into a store of about 100,000 claims")
    ap.add_argument("--store-claims", type=int, default=100_000)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--one-by-one", action="store_true", help="the article-at-a-time path (ingest_text per file)")
    ap.add_argument("--work", help="folder for the articles and databases (default: a new temporary one)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--folder", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child(args)

    work = Path(args.work or tempfile.mkdtemp(prefix="ingest-scale-"))
    folder = work / f"articles-{args.articles}"
    size = write_articles(folder, desk_articles(args.articles))
    print(f"{args.articles} articles, {size / 1e6:.1f} MB; {os.cpu_count()} cores; load {os.getloadavg()}")
    empty = work / "empty.db"
    for stale in work.glob("empty.db*"):
        stale.unlink()
    _report("into an empty store", _measure(empty, folder, profile=args.profile, one_by_one=args.one_by_one), size)
    if args.store:
        full = work / f"store-{args.store_claims}.db"
        if not full.exists():  # made once (by the bulk path) and kept in --work for later runs
            seed_folder = work / "store-articles"
            # About 20 claims an article: the store's articles are the full run's size (about 29 MB).
            seed_size = write_articles(seed_folder, desk_articles(args.store_claims // 20, seed=5))
            print(f"the store: {args.store_claims // 20} articles, {seed_size / 1e6:.1f} MB")
            _report("made the store (an empty database)", _measure(full, seed_folder, profile=False,
                                                                    one_by_one=False), seed_size)
        target = work / "store-copy.db"
        for stale in work.glob("store-copy.db*"):
            stale.unlink()
        shutil.copy(full, target)
        _report("into the full store", _measure(target, folder, profile=args.profile, one_by_one=args.one_by_one),
                size)
        _pasted(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
