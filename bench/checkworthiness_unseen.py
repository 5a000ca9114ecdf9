"""Check-worthiness on debates the model has not seen: blocked cross-validation over a labels file, in id order.

    .venv/bin/python bench/checkworthiness_unseen.py [LABELS.jsonl] [--blocks 5]

LABELS.jsonl defaults to ../shared/eval/ct24_en_train.jsonl (research data, read here only to measure; nothing is
kept). ClaimBuster numbers its sentences debate by debate, so sorting by the number in the id and cutting it into
contiguous blocks holds out whole debates: each block is scored by a model trained on the others, which is the
situation of a desk meeting next year's debates. Random folds mix sentences of one debate into both sides and
flatter every learned scorer. Three scorers on the same blocks, each with its threshold chosen on its own training
part only:
- the built-in rules;
- a plain TF-IDF (word 1-2 grams) + logistic regression, the baseline the issue names;
- the desk's learned scorer (`claims.checkworthiness_model.fit`: character and word n-grams plus the rules' signals).
Prints precision, recall and F1 per block and their means.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
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
    args = ap.parse_args()
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
        scorer, _ = fit([texts[i] for i in train], [assessments[i] for i in train], y[train].tolist())
        scores = scorer.score([texts[i] for i in held], [assessments[i] for i in held])
        results["learned"].append(figures(truth, [s >= scorer.threshold for s in scores]))
        line = "  ".join(f"{name} F1 {values[-1][2]:.3f}" for name, values in results.items())
        print(f"block {block + 1} ({len(held)} sentences, ids {_order(rows[held[0]])}-{_order(rows[held[-1]])}): "
              f"{line}", flush=True)
    for name, values in results.items():
        p, r, f1 = np.mean(values, axis=0)
        print(f"{name:>18}: mean precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
