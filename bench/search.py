"""How long the claim search takes over many claims (prints figures).

    python bench/search.py [--n 100000] [--repeat 5]

N Vietnamese-like claims (`bench/matching.py`'s generator: common syllables, rare names, a figure in most) are
stored in 100-claim articles of a new database; then each query below runs `--repeat` times through the command
line's search (`db.search.search_claims`, 50 results) and the queue's page (`db.claims.claim_queue`, 25 claims
and the total), and the median and worst times are printed with the load average beside them.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.matching import Generator  # noqa: E402
from claims.model import Claim, Extraction  # noqa: E402

QUERIES = ["lũ lụt", "Đà Nẵng", "da nang", "2.3 million", "2300000", "ngươ*", "Kremlin", "xyzzy kremlim"]
PLANTED = ["Lũ lụt ở miền Trung làm 52 người thiệt mạng.", "Đà Nẵng công bố kế hoạch năng lượng sạch.",
           "Ông ấy đã nói về năng lượng tại hội nghị.", "Trận lũ ảnh hưởng hơn 2,3 triệu người ở 7 tỉnh.",
           "Điện Kremlin khẳng định không có kế hoạch tấn công."]


def build(path: Path, n: int) -> None:
    from db.articles import store_article
    from db.connection import open_database

    db = open_database(path)
    gen = Generator()
    texts = [gen.render(gen.claim()) for _ in range(n - len(PLANTED))] + PLANTED
    for start in range(0, len(texts), 100):
        part = texts[start:start + 100]
        claims, offset = [], 0
        for sentence in part:
            claims.append(Claim(text=sentence, start=offset, end=offset + len(sentence), checkworthy=True,
                                score=0.9))
            offset += len(sentence) + 1
        store_article(db, text=" ".join(part), extraction=Extraction("vi", tuple(claims)), title=f"#{start}")
    db.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from db.claims import ClaimFilter, claim_queue
    from db.connection import open_database
    from db.search import search_claims

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.db"
        started = time.perf_counter()
        build(path, args.n)
        print(f"stored {args.n:,} claims in {time.perf_counter() - started:.0f} s (load {os.getloadavg()[0]:.1f})")
        db = open_database(path)
        for query in QUERIES:
            for name, run in (("search", lambda q: len(search_claims(db, q))),
                              ("queue", lambda q: claim_queue(db, ClaimFilter(search=q)).total)):
                times, found = [], 0
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    found = run(query)
                    times.append(1000 * (time.perf_counter() - t))
                print(f"{name:6s} {query!r:18s} {found:6,} found  median {statistics.median(times):7.1f} ms"
                      f"  worst {max(times):7.1f} ms  (load {os.getloadavg()[0]:.1f})")
        db.close()


if __name__ == "__main__":
    main()
