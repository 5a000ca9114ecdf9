"""Benchmark: build and render a 10,000-claim verdict report (target: at most 2 s for build + Markdown).

    .venv/bin/python bench/reports.py [--claims 10000] [--db PATH]

Makes a database of published claims with two sources each (one in twenty corrected) through the library, in one
write transaction, then times build_report and each renderer, best of three, and the peak memory of one build
and Markdown render (tracemalloc, measured in a separate run because tracing slows Python down).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims.model import Claim, Extraction  # noqa: E402
from db.articles import store_article  # noqa: E402
from db.connection import open_database, writing  # noqa: E402
from evidence.claimreview import render_claimreview_json  # noqa: E402
from evidence.csv_export import render_csv  # noqa: E402
from evidence.markdown import render_markdown  # noqa: E402
from evidence.report import ReportScope, build_report  # noqa: E402
from evidence.review import save_review  # noqa: E402
from evidence.sources import attach_source  # noqa: E402

RATINGS = ["True", "Mostly true", "Half true", "Mostly false", "False", "Unverifiable"]
PER_ARTICLE = 100


def make_database(path: Path, claims: int) -> None:
    db = open_database(path)
    with writing(db):
        for a in range(0, claims, PER_ARTICLE):
            sentences = [f"Bài {a} câu {n}: hơn {n + 1},{a % 10} triệu người đã rời bỏ nhà cửa | theo ước tính."
                         for n in range(min(PER_ARTICLE, claims - a))]
            text, extracted = "", []
            for sentence in sentences:
                extracted.append(Claim(text=sentence, start=len(text), end=len(text) + len(sentence),
                                       checkworthy=True, score=0.8, speaker=f"Người phát ngôn {a % 7}"))
                text += sentence + " "
            stored = store_article(db, text=text.strip(), extraction=Extraction("vi", tuple(extracted)),
                                   title=f"Bài báo {a // PER_ARTICLE}", url=f"https://news.example/{a}",
                                   published="2024-03-01")
            for n, claim_id in enumerate(stored.claim_ids):
                for s in (1, 2):
                    attach_source(db, claim_id, url=f"https://stats.example/{claim_id}/{s}", reviewer="Lan",
                                  stance="refutes" if s == 1 else "context", title=f"Bảng số liệu {s}",
                                  publisher="Tổng cục Thống kê", published="2024-02-01", accessed="2024-03-02",
                                  excerpt="Khoảng 1,2 triệu người, theo số liệu chính thức.")
                claim = save_review(db, claim_id, expected_version=1, reviewer="Lan", status="drafted",
                                    rating=RATINGS[n % len(RATINGS)], verdict="Sai lệch về số liệu",
                                    rationale="Số liệu chính thức là 1,2 triệu.\nNguồn: Tổng cục Thống kê.")
                claim = save_review(db, claim_id, expected_version=claim.version, reviewer="Lan",
                                    status="published")
                if n % 20 == 0:
                    save_review(db, claim_id, expected_version=claim.version, reviewer="Minh", rating="False",
                                rationale="Đính chính: số liệu đã được cập nhật.")
    db.close()


def best_of(runs: int, fn) -> tuple[tuple[float, float], object]:
    """Best wall-clock and best CPU seconds over `runs` calls (CPU time is the steadier figure on a busy machine)."""
    wall, cpu, result = float("inf"), float("inf"), None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return (wall, cpu), result


def seconds(figures: tuple[float, float]) -> str:
    return f"{figures[0]:.3f} s wall, {figures[1]:.3f} s CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="reuse (or create) this database instead of a temporary one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.db"
        if not path.exists():
            start = time.perf_counter()
            make_database(path, args.claims)
            print(f"made {args.claims} published claims with 2 sources each in {time.perf_counter() - start:.1f} s")
        db = open_database(path)
        scope = ReportScope()
        build_s, report = best_of(3, lambda: build_report(db, scope))
        md_s, markdown = best_of(3, lambda: render_markdown(report))
        total_s, _ = best_of(3, lambda: render_markdown(build_report(db, scope)))
        jsonld_s, jsonld = best_of(3, lambda: render_claimreview_json(report))
        csv_s, table = best_of(3, lambda: render_csv(report))
        tracemalloc.start()
        render_markdown(build_report(db, scope))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        db.close()
    print(f"claims in report:           {len(report.claims)}")
    print(f"build_report:               {seconds(build_s)}")
    print(f"render_markdown:            {seconds(md_s)} ({len(markdown.encode()) / 1e6:.1f} MB)")
    print(f"build + Markdown:           {seconds(total_s)} (target <= 2 s: {'ok' if total_s[0] <= 2 else 'MISSED'})")
    print(f"render_claimreview_json:    {seconds(jsonld_s)} ({len(jsonld.encode()) / 1e6:.1f} MB)")
    print(f"render_csv:                 {seconds(csv_s)} ({len(table.encode()) / 1e6:.1f} MB)")
    print(f"load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"peak memory, build + md:    {peak / 1e6:.1f} MB (tracemalloc)")


if __name__ == "__main__":
    main()
