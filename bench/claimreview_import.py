"""Importing generated ClaimReview documents through `factcheck import-claims`' library path, before vectors.

    python bench/claimreview_import.py --n 200000 [--shape array|graph|api|datasette] [--rounds 2] [--stages]

Each item is a full ClaimReview (author, rating, itemReviewed with its claimant, date, language) as fact-checkers
publish them, about 600 bytes; the document is written to a temporary file, then read, checked and stored in one
transaction (`read_past_checks` + `import_known_claims`), as `factcheck import-claims FILE` does before it starts
the vector job. Prints one JSON line per round with the load average beside it (the machine may be shared).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_SUBJECTS = ("Giá xăng RON 95", "Lạm phát", "Xuất khẩu gạo", "Số ca mắc sốt xuất huyết", "Giá điện sinh hoạt",
             "Rice exports", "Inflation", "The minimum wage", "Vaccination coverage", "Unemployment")
_VERBS = ("tăng", "giảm", "đạt", "rose", "fell", "reached")
_RATINGS = ("Sai", "Đúng", "Gần đúng", "False", "True", "Misleading")
_PUBLISHERS = (("Kiểm Chứng VN", "https://kiemchung.example"), ("AFP Fact Check", "https://factcheck.afp.com"),
               ("Check Desk", "https://checkdesk.example"))


def _review(n: int, rng: random.Random) -> dict:
    subject, verb = rng.choice(_SUBJECTS), rng.choice(_VERBS)
    language = "en" if subject[0] in "RITUV" and subject != "Số ca" else "vi"
    text = f"{subject} {verb} {rng.randint(1, 999)},{rng.randint(0, 9)}% trong năm {rng.randint(2000, 2025)} (#{n})."
    name, site = _PUBLISHERS[n % len(_PUBLISHERS)]
    return {"@context": "https://schema.org", "@type": "ClaimReview", "url": f"{site}/fact-checks/{n}",
            "claimReviewed": text,
            "datePublished": f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            "author": {"@type": "Organization", "name": name, "url": site},
            "reviewRating": {"@type": "Rating", "ratingValue": rng.randint(1, 5), "bestRating": 5, "worstRating": 1,
                             "alternateName": rng.choice(_RATINGS)},
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": f"Người phát ngôn {n % 500}"},
                             "datePublished": "2024-03-08"},
            "inLanguage": language}


def _document(n: int, shape: str) -> object:
    rng = random.Random(27)
    reviews = [_review(i, rng) for i in range(n)]
    if shape == "graph":
        return {"@context": "https://schema.org", "@graph": reviews}
    if shape == "api":
        return {"claims": [{"text": r["claimReviewed"], "claimant": r["itemReviewed"]["author"]["name"],
                            "claimDate": "2024-03-08T00:00:00Z", "claimReview": [{
                                "publisher": {"name": r["author"]["name"], "site": r["author"]["url"][8:]},
                                "url": r["url"], "title": r["claimReviewed"][:40],
                                "reviewDate": f"{r['datePublished']}T00:00:00Z",
                                "textualRating": r["reviewRating"]["alternateName"],
                                "languageCode": r["inLanguage"]}]} for r in reviews]}
    if shape == "datasette":
        return [{"url": r["url"], "claim": r["claimReviewed"], "claimreview": json.dumps(r, ensure_ascii=False)}
                for r in reviews]
    return reviews


def run(n: int, shape: str) -> dict:
    from claims.past_checks import read_past_checks
    from db.connection import open_database
    from db.known_claims import import_known_claims

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reviews.json"
        path.write_text(json.dumps(_document(n, shape), ensure_ascii=False), encoding="utf-8")
        db = open_database(Path(tmp) / "bench.db")
        load = os.getloadavg()
        start, cpu = time.perf_counter(), time.process_time()
        count = import_known_claims(db, read_past_checks(path))
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        stored = db.execute("SELECT count(*) FROM known_claims WHERE publisher IS NOT NULL").fetchone()[0]
        db.close()
        size = path.stat().st_size
    return {"shape": shape, "n": count, "stored_with_publisher": stored, "seconds": round(elapsed, 2),
            "items_per_s": round(count / elapsed), "cpu_s": round(cpu, 2), "document_mb": round(size / 2**20, 1),
            "loadavg_before": [round(x, 2) for x in load], "loadavg_after": [round(x, 2) for x in os.getloadavg()]}


def stages(n: int, shape: str) -> dict:
    """The CPU time of each thread's work, run one after the other: reading (parse, walk, check, fold, pack) and
    writing (the SQL). The import runs them at once on two threads, so on a machine with two free cores its time is
    about the larger of the two: a figure the load of a shared machine does not move."""
    from claims.past_checks import read_past_checks
    from db.connection import open_database, writing
    from db.known_claims import _IMPORT_INSERT, _known_chunks

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reviews.json"
        path.write_text(json.dumps(_document(n, shape), ensure_ascii=False), encoding="utf-8")
        cpu = time.process_time()
        chunks = list(_known_chunks(read_past_checks(path)))
        reading = time.process_time() - cpu
        db = open_database(Path(tmp) / "bench.db")
        cpu = time.process_time()
        with writing(db):
            for chunk in chunks:
                db.execute(_IMPORT_INSERT, {"stamp": "2026-01-01T00:00:00+00:00", "rows": chunk.rows})
        sql = time.process_time() - cpu
        db.close()
    slower = max(reading, sql)
    return {"shape": shape, "n": n, "reading_cpu_s": round(reading, 2), "writing_cpu_s": round(sql, 2),
            "items_per_s_on_two_free_cores": round(n / slower), "items_per_s_on_one_core": round(n / (reading + sql)),
            "loadavg": [round(x, 2) for x in os.getloadavg()]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200_000)
    parser.add_argument("--shape", choices=("array", "graph", "api", "datasette"), default="array")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--stages", action="store_true", help="CPU time of reading and of writing, one after the other")
    args = parser.parse_args()
    for _ in range(args.rounds):
        print(json.dumps(stages(args.n, args.shape) if args.stages else run(args.n, args.shape)), flush=True)


if __name__ == "__main__":
    main()
