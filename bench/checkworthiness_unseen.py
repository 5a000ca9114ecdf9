"""Check-worthiness on debates the model has not seen: blocked cross-validation over a labels file, in id order.

    .venv/bin/python bench/checkworthiness_unseen.py [LABELS.jsonl] [--blocks 5]
    .venv/bin/python bench/checkworthiness_unseen.py --score ../shared/eval/ct24_en_dev.jsonl [--margin 300]

LABELS.jsonl defaults to ../shared/eval/ct24_en_train.jsonl (research data, read here only to measure; nothing is
kept). ClaimBuster numbers its sentences debate by debate, so sorting by the number in the id and cutting it into
contiguous blocks holds out whole debates: each block is scored by a model trained on the others, which is the
situation of a desk meeting next year's debates. Random folds mix sentences of one debate into both sides and
flatter every learned scorer. Three scorers on the same blocks, each with its threshold chosen on its own training
part only:
- the built-in rules;
- a plain TF-IDF (word 1-2 grams) + logistic regression, a common baseline;
- the desk's learned scorer (`claims.checkworthiness_model.fit`: character and word n-grams plus the rules' signals).
Prints precision, recall and F1 per block and their means.

With `--score FILE` (the dev split) the blocks are cut by sentence number over both files, and each block's
sentences of FILE are scored by a model trained on the labels outside it, `--margin` sentence numbers away from
it on each side (so a debate cut by a block's edge is not learned from either): the dev split's sentences come from
the same debates as the train split's, so this is the dev figure on debates the model has not seen. Only the
rules and the desk's scorer are run there; the figure is pooled over every dev sentence.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import cross_val_predict  # noqa: E402

from claims.checkworthiness_model import best_threshold, figures, fit  # noqa: E402
from claims.extract import rule_assessment  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "eval" / "ct24_en_train.jsonl"


def _order(row: dict) -> int:
    """The sentence's number in its corpus: the last run of digits in its id."""
    numbers = re.findall(r"\d+", str(row["id"]))
    return int(numbers[-1]) if numbers else 0


def _plain_baseline(train: list[str], labels: np.ndarray, test: list[str]) -> np.ndarray:
    """TF-IDF word 1-2 grams + logistic regression; threshold = best F1 on 3-fold predictions of its training part."""
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    x = vectorizer.fit_transform(train)
    held_back = cross_val_predict(LogisticRegression(max_iter=2000), x, labels, cv=3, method="predict_proba")[:, 1]
    threshold = best_threshold(labels.tolist(), held_back.tolist())
    model = LogisticRegression(max_iter=2000).fit(x, labels)
    return model.predict_proba(vectorizer.transform(test))[:, 1] >= threshold


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("labels", nargs="?", default=str(DEFAULT))
    ap.add_argument("--blocks", type=int, default=5)
    ap.add_argument("--score", help="score this file's sentences, block by block, with models that did not see them")
    ap.add_argument("--margin", type=int, default=300, help="sentence numbers left out on each side of a block")
    args = ap.parse_args()
    if args.score:
        return _score_unseen(args)
    rows = [json.loads(line) for line in Path(args.labels).read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.sort(key=_order)
    texts = [r["text"] for r in rows]
    y = np.asarray([bool(r["check_worthy"]) for r in rows])
    assessments = [rule_assessment(t) for t in texts]
    edges = np.linspace(0, len(rows), args.blocks + 1).astype(int)
    results: dict[str, list[tuple[float, float, float]]] = {"rules": [], "plain TF-IDF + LR": [], "learned": []}
    for block in range(args.blocks):
        held = np.arange(edges[block], edges[block + 1])
        train = np.setdiff1d(np.arange(len(rows)), held)
        truth = y[held].tolist()
        results["rules"].append(figures(truth, [assessments[i].checkworthy for i in held]))
        results["plain TF-IDF + LR"].append(figures(truth, _plain_baseline(
            [texts[i] for i in train], y[train], [texts[i] for i in held]).tolist()))
        scorer = fit([texts[i] for i in train], [assessments[i] for i in train], y[train].tolist())
        scores = scorer.score([texts[i] for i in held], [assessments[i] for i in held])
        results["learned"].append(figures(truth, [s >= scorer.threshold for s in scores]))
        line = "  ".join(f"{name} F1 {values[-1][2]:.3f}" for name, values in results.items())
        print(f"block {block + 1} ({len(held)} sentences, ids {_order(rows[held[0]])}-{_order(rows[held[-1]])}): "
              f"{line}", flush=True)
    for name, values in results.items():
        p, r, f1 = np.mean(values, axis=0)
        print(f"{name:>18}: mean precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f}")
    return 0


def _score_unseen(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    train_rows = [json.loads(line) for line in Path(args.labels).read_text(encoding="utf-8").splitlines() if line]
    rows = [json.loads(line) for line in Path(args.score).read_text(encoding="utf-8").splitlines() if line]
    numbers = np.asarray([_order(r) for r in train_rows])
    edges = np.linspace(min(numbers.min(), min(map(_order, rows))), max(numbers.max(), max(map(_order, rows))) + 1,
                        args.blocks + 1).astype(int)
    train_texts = [r["text"] for r in train_rows]
    train_judged = [rule_assessment(t) for t in train_texts]
    truth = [bool(r["check_worthy"]) for r in rows]
    judged = [rule_assessment(r["text"]) for r in rows]
    learned = [False] * len(rows)
    for block in range(args.blocks):
        low, high = edges[block], edges[block + 1]
        scored = [i for i, r in enumerate(rows) if low <= _order(r) < high]
        learn = np.flatnonzero((numbers < low - args.margin) | (numbers >= high + args.margin))
        scorer = fit([train_texts[i] for i in learn], [train_judged[i] for i in learn],
                     [bool(train_rows[i]["check_worthy"]) for i in learn])
        scores = scorer.score([rows[i]["text"] for i in scored], [judged[i] for i in scored])
        for i, s in zip(scored, scores, strict=True):
            learned[i] = s >= scorer.threshold
        f1 = figures([truth[i] for i in scored], [learned[i] for i in scored])[2]
        print(f"block {block + 1}: sentence numbers {low}-{high - 1}, {len(scored)} scored, learned from"
              f" {len(learn)}; F1 on this block {f1:.3f}", flush=True)
    for name, predicted in (("built-in rules", [a.checkworthy for a in judged]), ("learned", learned)):
        p, r, f1 = figures(truth, predicted)
        print(f"{name:>15}: precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f} on {len(rows)} sentences")
    print(f"{time.perf_counter() - started:.0f} s, load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
