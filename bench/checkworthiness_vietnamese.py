"""Does a desk that labels its own Vietnamese sentences get a better scorer than the built-in rules?

    .venv/bin/python bench/checkworthiness_vietnamese.py [bench/data/vi_checkworthiness.jsonl] [--labels 200]

Cross-validation on the desk's own labelled Vietnamese sentences (bench/data/vi_checkworthiness.jsonl, see
bench/data/README.md for how they were written and labelled): 5 folds, repeated with 3 shuffles. In each fold the
desk's model learns from `--labels` sentences drawn from the other four folds (all of them when there are fewer)
with the same features and penalty as `factcheck train-checkworthiness` (the model as fitted, without the
share chosen on held-back decisions), then both the learned model and the built-in rules judge the held-out
fold through `extract_claims`, as the app and `factcheck extract` do. Nothing is tuned on the held-out fold.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

from claims import extract_claims  # noqa: E402
from claims.checkworthiness_model import figures, fit  # noqa: E402
from claims.extract import rule_assessment  # noqa: E402

DEFAULT = Path(__file__).resolve().parent / "data" / "vi_checkworthiness.jsonl"


def _flagged(text: str, scorer=None) -> bool:
    return any(c.checkworthy for c in extract_claims(text, scorer=scorer).claims)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("labels_file", nargs="?", default=str(DEFAULT))
    ap.add_argument("--labels", type=int, default=200, help="how many labelled sentences the desk learns from")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    path = Path(args.labels_file)
    if not path.is_file():
        print(f"{path}: not found (the labelled Vietnamese sentences: see bench/data/README.md)", file=sys.stderr)
        return 1
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows]
    y = np.asarray([bool(r["check_worthy"]) for r in rows])
    print(f"{len(rows)} Vietnamese sentences, {int(y.sum())} check-worthy; each fold learns from up to"
          f" {args.labels} of the others")
    rules = np.asarray([_flagged(t) for t in texts])
    started = time.perf_counter()
    learned_f1, rules_f1, learned_all = [], [], []
    for repeat in range(args.repeats):
        predicted = np.zeros(len(y), dtype=bool)
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=100 + repeat)
        for train, test in folds.split(np.zeros(len(y)), y):
            chosen = sorted(random.Random(repeat).sample(list(train), min(args.labels, len(train))))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                scorer = fit([texts[i] for i in chosen], [rule_assessment(texts[i]) for i in chosen],
                             y[chosen].tolist())
            predicted[test] = [_flagged(texts[i], scorer) for i in test]
        learned = figures(y.tolist(), predicted.tolist())
        builtin = figures(y.tolist(), rules.tolist())
        learned_f1.append(learned[2])
        rules_f1.append(builtin[2])
        learned_all.append(learned)
        print(f"shuffle {repeat + 1}: learned P {learned[0]:.3f} R {learned[1]:.3f} F1 {learned[2]:.3f}"
              f" | built-in rules P {builtin[0]:.3f} R {builtin[1]:.3f} F1 {builtin[2]:.3f}")
    p = float(np.mean([a[0] for a in learned_all]))
    r = float(np.mean([a[1] for a in learned_all]))
    print(f"5-fold CV x{args.repeats}, learned from {args.labels} labels: precision {p:.3f} recall {r:.3f}"
          f" F1 {np.mean(learned_f1):.3f} (min {min(learned_f1):.3f}); built-in rules F1 {np.mean(rules_f1):.3f};"
          f" {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
