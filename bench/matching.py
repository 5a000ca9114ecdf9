"""Benchmark of claim matching on generated claims with known duplicates and near-misses (prints figures).

  python bench/matching.py            # N = 10,000, 100,000 and 1,000,000; grouping 100,000; import 1,000,000
  python bench/matching.py --quick    # N = 10,000 and 30,000; grouping 20,000; import 100,000
  python bench/matching.py query --n 100000   # one stage alone (each stage runs in its own process)
  python bench/matching.py ann --n 1000000 --queries 500   # the meaning index: one vector against 1M
  python bench/matching.py vectors --n 100000               # a background vector job: time and peak memory

Each stage runs in a fresh process so that its peak memory (max RSS) is its own.

Figures, each with its date and the machine's load, are in docs/measurements.md (section "Matching"). In short, on
a 2-core machine:
  query  N=1,000,000  p95 8.8 ms, duplicates found 98.7%, near-misses called duplicate 0%
  group  N=100,000    5.3-7.5 s on 2 workers, 99.3% of 68,885 duplicate pairs found, pair precision 1.000, 362 MB
  import N=1,000,000  83,600-101,000 claims/s near idle (15.0-17.3 s CPU, 284 MB); under a load average of 7-11
                      the wall time follows the load (compare CPU time)
  ann    N=1,000,000  p95 4.9 ms, 98.8% of true duplicates found
  vectors             51-55 ms of CPU a text on one engine thread; peak 240-251 MB from 2,000 to 100,000 texts
  visp   44/44 paraphrases listed (33 duplicate, 11 related); 0/10 non-pairs called duplicate
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from claims.matching.polarity import negation_count  # noqa: E402

ONSETS = ["b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "r", "s", "t",
          "th", "tr", "v", "x"]
NUCLEI = ["a", "á", "à", "ả", "ạ", "ă", "ắ", "ằ", "â", "ấ", "ầ", "e", "é", "è", "ê", "ế", "ề", "i", "í", "ì", "o",
          "ó", "ò", "ô", "ố", "ồ", "ơ", "ớ", "ờ", "u", "ú", "ù", "ư", "ứ", "ừ", "y", "ý", "uô", "ươ", "iê"]
CODAS = ["", "", "c", "ch", "m", "n", "ng", "nh", "p", "t"]
LETTERS = "bcdghklmnprstvx"
VOWELS = "aeiouy"
STOPS = ["của", "và", "là", "có", "được", "các", "những", "cho", "trong", "đã", "với", "một"]
UNITS = ["người", "đồng", "ca", "hộ", "tấn"]
TAIL = " — Người dùng (@nguoidung{n}) January {d}, 2020"


class Generator:
    """Claims in a Vietnamese-like language: common syllables, rare names, one figure in most of them."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        syllables = {o + n + c for o in ONSETS for n in NUCLEI for c in CODAS}
        self.common = sorted(s for s in syllables if negation_count(s) == 0)
        self.rng.shuffle(self.common)
        self.cum_weights = list(accumulate(1.0 / (rank + 10) for rank in range(len(self.common))))
        self.rare_pool = 400_000

    def _rare(self) -> str:
        k = self.rng.randrange(self.rare_pool)
        r = random.Random(k)
        return "".join(r.choice(LETTERS) + r.choice(VOWELS) for _ in range(r.randint(2, 4))).capitalize()

    def _figure(self, value: tuple[int, int, str] | None = None) -> tuple[tuple[int, int, str], str]:
        whole, tenth, unit = value or (self.rng.randint(1, 99), self.rng.randint(1, 9), self.rng.choice(UNITS))
        if unit == "%":
            return (whole, tenth, unit), f"{whole}%"
        return (whole, tenth, unit), f"{whole},{tenth} triệu {unit}"

    def claim(self) -> dict:
        words = self.rng.choices(self.common, cum_weights=self.cum_weights, k=self.rng.randint(7, 11))
        for _ in range(self.rng.randint(2, 3)):
            words.insert(self.rng.randrange(len(words) + 1), self._rare())
        for _ in range(2):
            words.insert(self.rng.randrange(1, len(words)), self.rng.choice(STOPS))
        figure = None
        if self.rng.random() < 0.7:
            unit = "%" if self.rng.random() < 0.3 else self.rng.choice(UNITS)
            figure = (self.rng.randint(1, 99), self.rng.randint(1, 9), unit)
        return {"words": words, "figure": figure, "at": self.rng.randrange(3, len(words)), "negated": False}

    def render(self, c: dict, *, variant: bool = False) -> str:
        words = list(c["words"])
        if c["negated"]:
            at = c["at"] - 1  # where "không" denies ("không những" is "not only", "hàng không" aviation)
            while at < len(words) and negation_count(" ".join([*words[max(0, at - 1):at], "không", words[at]])) == 0:
                at += 1
            words.insert(at, "không")
        if c["figure"]:
            whole, tenth, unit = c["figure"]
            if unit == "%":
                text = f"{whole}%" if not variant or self.rng.random() < 0.5 else f"{whole} %"
            elif variant and self.rng.random() < 0.5:
                text = f"{whole * 1_000_000 + tenth * 100_000:,}".replace(",", ".") + f" {unit}"
            else:
                text = f"{whole},{tenth} triệu {unit}"
            words.insert(c["at"], text)
        if variant:
            edit = self.rng.random()
            if edit < 0.3:  # a stop word dropped or added
                stops = [i for i, w in enumerate(words) if w in STOPS]
                if stops:
                    del words[self.rng.choice(stops)]
                else:
                    words.insert(1, "là")
            elif edit < 0.5:  # two neighbouring words swapped ("không" stays before the word it denies)
                i = self.rng.randrange(len(words) - 1)
                if "không" not in (words[i], words[i + 1]):
                    words[i], words[i + 1] = words[i + 1], words[i]
        text = " ".join(words)
        text = text[0].upper() + text[1:] + "."
        if variant:
            style = self.rng.random()
            if style < 0.25:
                text = text.upper()
            elif style < 0.5:
                text = text + TAIL.format(n=self.rng.randrange(999), d=self.rng.randint(1, 28))
            elif style < 0.7:
                text = text.rstrip(".") + " https://t.co/" + "".join(self.rng.choices(LETTERS, k=8))
        return text

    def near_miss(self, c: dict) -> dict:
        """The same words with another figure, or negated: must never be called a duplicate."""
        miss = dict(c)
        if c["figure"] and self.rng.random() < 0.6:
            whole, tenth, unit = c["figure"]
            miss["figure"] = (whole, tenth % 9 + 1, unit) if unit != "%" else (whole + 1, tenth, unit)
        else:
            miss["negated"] = not c["negated"]
        return miss


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _corpus(n: int, gen: Generator) -> Iterator[tuple[str, str]]:
    for i in range(n):
        yield f"k{i}", gen.render(gen.claim())


def stage_query(n: int, queries: int) -> dict:
    """One claim against N stored past fact-checks, through pipelines.matching.find_matches (the product's path)."""
    from db.connection import open_database
    from db.known_claims import import_known_claims
    from pipelines.matching import find_matches

    gen = Generator()
    planted: list[tuple[str, dict]] = []
    rows = []
    for key, text in _corpus(n - queries, gen):
        rows.append({"id": key, "text": text})
    for q in range(queries):
        c = gen.claim()
        planted.append((f"d{q}", c))
        rows.append({"id": f"d{q}", "text": gen.render(c)})
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.db")
        import_known_claims(db, rows)
        del rows
        start = time.perf_counter()
        find_matches(db, "khởi động")  # builds the in-memory index once
        build = time.perf_counter() - start
        latencies, found, false_dupes, misses = [], 0, 0, 0
        for key, c in planted:
            text = gen.render(c, variant=True)
            t0 = time.perf_counter()
            result = find_matches(db, text, limit=5)
            latencies.append(time.perf_counter() - t0)
            found += any(m.id == key and m.relation == "duplicate" for m in result)
            miss = gen.render(gen.near_miss(c), variant=True)
            result = find_matches(db, miss, limit=5)
            misses += any(m.id == key for m in result)
            false_dupes += any(m.id == key and m.relation == "duplicate" for m in result)
        db.close()
    latencies.sort()
    return {"stage": "query", "n": n, "queries": queries, "index_build_s": round(build, 1),
            "median_ms": round(1000 * statistics.median(latencies), 1),
            "p95_ms": round(1000 * latencies[int(0.95 * len(latencies)) - 1], 1),
            "duplicates_found": round(found / queries, 4),
            "near_misses_listed": round(misses / queries, 4),
            "near_misses_called_duplicate": round(false_dupes / queries, 4), "peak_mb": round(_peak_mb())}


def stage_group(n: int, workers: int) -> dict:
    """Group all duplicates of N claims: clusters of true duplicates mixed with near-misses of them."""
    from claims.matching.grouping import group_duplicates

    gen = Generator(seed=11)
    items: list[tuple[int, str]] = []
    truth: list[int] = []  # the cluster each claim belongs to (a near-miss is its own cluster)
    cluster = 0
    while len(items) < n:
        c = gen.claim()
        cluster += 1
        size = gen.rng.choice([1, 1, 1, 2, 2, 3, 4])
        for k in range(size):
            items.append((len(items), gen.render(c, variant=k > 0)))
            truth.append(cluster)
        if size > 1 and gen.rng.random() < 0.5:
            cluster += 1
            items.append((len(items), gen.render(gen.near_miss(c), variant=True)))
            truth.append(cluster)
    items, truth = items[:n], truth[:n]
    true_pairs = sum(s * (s - 1) // 2 for s in _sizes(truth).values())
    start = time.perf_counter()
    groups = group_duplicates(items, workers=workers)
    elapsed = time.perf_counter() - start
    found = wrong = 0
    for centre, members in groups:
        ids = (centre, *members)
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                if truth[ids[a]] == truth[ids[b]]:
                    found += 1
                else:
                    wrong += 1
    return {"stage": "group", "n": n, "workers": workers, "seconds": round(elapsed, 1), "groups": len(groups),
            "true_pairs": true_pairs, "pairs_found": round(found / true_pairs, 4),
            "pair_precision": round(found / max(1, found + wrong), 4), "peak_mb": round(_peak_mb())}


def _sizes(truth: list[int]) -> dict[int, int]:
    sizes: dict[int, int] = {}
    for t in truth:
        sizes[t] = sizes.get(t, 0) + 1
    return sizes


def stage_import(n: int) -> dict:
    """Bulk import of N past fact-checks from a JSON Lines file through `factcheck import-claims`' library path."""
    from claims.past_checks import read_past_checks
    from db.connection import open_database
    from db.known_claims import import_known_claims

    gen = Generator(seed=3)
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "past.jsonl"
        with open(archive, "w", encoding="utf-8") as f:
            for key, text in _corpus(n, gen):
                f.write(json.dumps({"id": key, "text": text, "verdict": "Sai",
                                    "url": f"https://example.org/{key}"}, ensure_ascii=False) + "\n")
        db = open_database(Path(tmp) / "bench.db")
        start, cpu = time.perf_counter(), time.process_time()
        count = import_known_claims(db, read_past_checks(archive))
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        stored = db.execute("SELECT count(*) FROM known_claims").fetchone()[0]
        db.close()
        size = archive.stat().st_size
    # cpu_s counts both threads (reading and writing overlap): above `seconds`, the two cores were both busy.
    return {"stage": "import", "n": count, "seconds": round(elapsed, 1), "claims_per_s": round(count / elapsed),
            "cpu_s": round(cpu, 1), "archive_mb": round(size / 2**20), "stored": stored,
            "peak_mb": round(_peak_mb())}


def stage_visp(path: str) -> dict:
    """Vietnamese paraphrase pairs (ViSP): is each pair's partner matched, and how?

    All second sentences are stored as past fact-checks; each first sentence is matched (top 15: up to 14 pairs
    share one first sentence, and its other paraphrases rank beside its partner). A paraphrase
    (label 1) should come back as duplicate or related; a non-pair (label 0) should never be a duplicate.
    """
    from claims.matching import compare
    from db.connection import open_database
    from db.known_claims import import_known_claims
    from pipelines.matching import find_matches

    pairs = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    out: dict = {"stage": "visp", "pairs": len(pairs)}
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "visp.db")
        import_known_claims(db, ({"id": p["pair_id"], "text": p["text2"]} for p in pairs))
        from db.meaning import run_vector_job, start_vector_job

        job = start_vector_job(db)  # the vectors by meaning, as the background job computes them after an import
        if job is not None:
            run_vector_job(db, job)
        for label in (1, 0):
            chosen = [p for p in pairs if p["label"] == label]
            result: dict = {"n": len(chosen)}
            for by_meaning, name in ((False, "matched_top15"), (True, "matched_top15_by_meaning")):
                tally = {"duplicate": 0, "related": 0, "not_listed": 0}
                for p in chosen:
                    found = [m for m in find_matches(db, p["text1"], limit=15, by_meaning=by_meaning)
                             if m.id == p["pair_id"]]
                    tally[found[0].relation if found else "not_listed"] += 1
                result[name] = tally
            pairwise = {"duplicate": 0, "related": 0}
            for p in chosen:
                pairwise[str(compare(p["text1"], p["text2"])[1])] += 1
            out[f"label_{label}"] = result | {"pair_on_its_own": pairwise}
        db.close()
    return out


def stage_vectors(n: int) -> dict:
    """A vector job over n stored past fact-checks, as the app runs it after an import: time and peak memory."""
    from db.connection import open_database
    from db.known_claims import import_known_claims
    from db.meaning import latest_job, run_vector_job, start_vector_job

    gen = Generator()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.db")
        import_known_claims(db, ({"id": key, "text": text} for key, text in _corpus(n, gen)))
        start = time.perf_counter()
        job = start_vector_job(db)
        run_vector_job(db, job)
        elapsed = time.perf_counter() - start
        finished = latest_job(db)
        db.close()
    return {"stage": "vectors", "n": n, "seconds": round(elapsed, 1), "ms_per_text": round(1000 * elapsed / n, 1),
            "done": finished.done, "peak_mb": round(_peak_mb())}


def _synthetic_vectors(real: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """n vectors shaped like real ones: each a mixture of three real vectors and a little noise, renormalised."""
    parts = [real]
    while sum(len(p) for p in parts) < n:
        k = min(100_000, n - sum(len(p) for p in parts))
        a, b, c = (rng.integers(0, len(real), k) for _ in range(3))
        x = real[a] + 0.7 * real[b] + 0.35 * real[c] + rng.normal(0, 0.02, (k, real.shape[1])).astype(np.float32)
        parts.append((x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32))
    return np.vstack(parts)[:n]


def stage_ann(n: int, queries: int, vclaims: str) -> dict:
    """One claim's vector against n stored vectors in the product's index (`db.meaning_index.MeaningSearch`).

    Real vectors: the multilingual vectors of the CheckThat! 2020 past fact-checks; the rest of the n are mixtures of
    them (computing a million real vectors takes hours). The true duplicates: `queries` past fact-checks edited
    (a word dropped, a prefix or a hashtag added, lower case), encoded; each must find its original.
    """
    from claims.matching import multilingual
    from db.meaning_index import MeaningSearch

    rng = np.random.default_rng(1)
    texts = [json.loads(line)["vclaim"] for line in Path(vclaims).read_text(encoding="utf-8").splitlines()]
    cache = Path(tempfile.gettempdir()) / f"bench_vclaims_{len(texts)}.npy"
    if cache.exists():
        real = np.load(cache)
    else:
        real = multilingual.encode(texts)
        np.save(cache, real)
    pick = random.Random(3)
    chosen = pick.sample(range(len(texts)), queries)

    def edit(text: str) -> str:
        words = text.split()
        if len(words) > 4:
            del words[pick.randrange(1, len(words))]
        joined = " ".join(words)
        return ("Viral post: " + joined).lower() if pick.random() < 0.5 else joined + " #factcheck"

    edited = multilingual.encode([edit(texts[i]) for i in chosen])
    stored = _synthetic_vectors(real, n, rng)
    del real
    search = MeaningSearch()
    start = time.perf_counter()
    for first in range(0, n, 50_000):
        rows = range(first, min(n, first + 50_000))
        search.add([r + 1 for r in rows], [("known", str(r)) for r in rows], [None] * len(rows),
                   stored[first:first + len(rows)])
    build = time.perf_counter() - start
    del stored
    latencies, found10, found100 = [], 0, 0
    for vector, truth in zip(edited, chosen, strict=True):
        t0 = time.perf_counter()
        rows = [r for r, _ in search.nearest(vector, 100)]
        latencies.append(time.perf_counter() - t0)
        found100 += truth in rows
        found10 += truth in rows[:10]
    latencies.sort()
    return {"stage": "ann", "n": n, "queries": queries, "approximate": search.approximate,
            "index_build_s": round(build, 1), "median_ms": round(1000 * statistics.median(latencies), 2),
            "p95_ms": round(1000 * latencies[int(0.95 * len(latencies)) - 1], 2),
            "duplicates_in_top10": round(found10 / queries, 4), "duplicates_in_top100": round(found100 / queries, 4),
            "peak_mb": round(_peak_mb())}


def _run_stage(args: list[str]) -> dict:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"stage": args[0], "error": done.stderr[-1500:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stage", nargs="?", choices=["all", "query", "group", "import", "visp", "ann", "vectors"],
                    default="all")
    ap.add_argument("--vclaims",
                    default=str(Path(__file__).resolve().parents[2] / "shared/eval/ct20_task2_vclaims.jsonl"),
                    help="past fact-checks whose vectors seed the ann stage")
    ap.add_argument("--pairs", default=str(Path(__file__).resolve().parents[2] / "shared/eval/visp_demo_pairs.jsonl"),
                    help="ViSP pairs for the visp stage")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="smaller N, for a run of a minute or two")
    args = ap.parse_args()
    if args.stage == "query":
        print(json.dumps(stage_query(args.n, args.queries)))
    elif args.stage == "group":
        print(json.dumps(stage_group(args.n, args.workers)))
    elif args.stage == "import":
        print(json.dumps(stage_import(args.n)))
    elif args.stage == "ann":
        print(json.dumps(stage_ann(args.n, args.queries, args.vclaims)))
    elif args.stage == "vectors":
        print(json.dumps(stage_vectors(args.n)))
    elif args.stage == "visp":
        print(json.dumps(stage_visp(args.pairs), ensure_ascii=False))
    else:
        sizes = [10_000, 30_000] if args.quick else [10_000, 100_000, 1_000_000]
        plan = [["query", "--n", str(n), "--queries", str(args.queries)] for n in sizes]
        plan.append(["group", "--n", "20000" if args.quick else "100000", "--workers", str(args.workers)])
        plan.append(["import", "--n", "100000" if args.quick else "1000000"])
        plan.append(["ann", "--n", "100000" if args.quick else "1000000", "--queries", "500"])
        plan.append(["vectors", "--n", "2000" if args.quick else "100000"])
        for stage in plan:
            print(json.dumps(_run_stage(stage)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
