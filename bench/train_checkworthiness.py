"""Rebuild and measure a check-worthiness model from a labels file: 5-fold CV on it, optionally the penalty by CV.

    .venv/bin/python bench/train_checkworthiness.py ../shared/eval/ct24_en_train.jsonl --choose
    .venv/bin/python bench/train_checkworthiness.py bench/data/vi_checkworthiness.jsonl

Only the file given is read (choose the penalty on the train split; measure dev with score.py once).
Nothing is shipped: the workbench's default is the rules; a desk trains its own model with
`factcheck train-checkworthiness`.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

from claims.checkworthiness_holdback import train  # noqa: E402
from claims.checkworthiness_model import DEFAULT_STRENGTH, figures, fit  # noqa: E402
from claims.extract import rule_assessment  # noqa: E402


def cross_validate(texts, assessments, labels, strength: float, folds: int = 5) -> tuple[float, float, float, float]:
    """5-fold CV of the model as fitted (read at the rules' threshold)."""
    y = np.asarray(labels)
    predicted = np.zeros(len(y), dtype=bool)
    rules = np.asarray([a.checkworthy for a in assessments])
    for learn, test in StratifiedKFold(n_splits=folds, shuffle=True, random_state=7).split(np.zeros(len(y)), y):
        scorer = fit([texts[i] for i in learn], [assessments[i] for i in learn], y[learn].tolist(), strength=strength)
        scores = scorer.score([texts[i] for i in test], [assessments[i] for i in test])
        predicted[test] = [s >= scorer.threshold for s in scores]
    p, r, f1 = figures(y.tolist(), predicted.tolist())
    return p, r, f1, figures(y.tolist(), rules.tolist())[2]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("labels")
    ap.add_argument("--choose", action="store_true", help="try several penalties by 5-fold CV on this file")
    ap.add_argument("--strength", type=float, default=DEFAULT_STRENGTH)
    args = ap.parse_args()
    rows = [json.loads(line) for line in Path(args.labels).read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows]
    labels = [bool(r["check_worthy"]) for r in rows]
    t0 = time.perf_counter()
    assessments = [rule_assessment(t) for t in texts]
    print(f"{len(rows)} sentences, {sum(labels)} check-worthy; rules read in {time.perf_counter() - t0:.1f} s")
    for strength in ((0.5, 2.0, 8.0, 32.0) if args.choose else (args.strength,)):
        t0 = time.perf_counter()
        p, r, f1, rules_f1 = cross_validate(texts, assessments, labels, strength)
        print(f"strength {strength}: 5-fold CV precision {p:.3f} recall {r:.3f} F1 {f1:.3f}"
              f" (built-in rules F1 {rules_f1:.3f});"
              f" {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    result = train(texts, assessments, labels, strength=args.strength)  # what train-checkworthiness does
    h = result.held_back
    print(f"as train-checkworthiness: share {result.share}; held back ({h.sentences} newest lines): model F1"
          f" {h.model[2]:.3f}, rules F1 {h.rules[2]:.3f} -> {'model adopted' if result.adopted else 'rules kept'};"
          f" {len(result.scorer.indices)} weighted n-grams, {len(result.scorer.to_bytes()) / 1e6:.1f} MB;"
          f" {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
