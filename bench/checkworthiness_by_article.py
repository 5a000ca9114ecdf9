"""Check-worthiness on real Vietnamese news, split by article: does learning make the desk better than the rules?

    .venv/bin/python bench/checkworthiness_by_article.py [--strength 2] [--folds 5]
        [--articles all|choice|held]

`--articles`: the articles sorted by id, every third one (the 3rd, 6th, ...) is "held", the others are "choice";
the scorer's settings were chosen on the choice articles only, so figures on the held ones are on articles nothing
was chosen on. With `--articles held` a last line also scores the held articles with a desk trained on all the
choice articles.

Reads bench/data/vi_news_checkworthiness.jsonl (sentences of 23 real articles, labelled for this bench; see
bench/data/README.md) and bench/data/vi_checkworthiness.jsonl (sentences written for the project). Prints
precision, recall and F1 of the check-worthy class for:
- the built-in rules alone, on every real sentence;
- a desk that trained on the self-written sentences (`claims.checkworthiness_holdback.train`, exactly what
  `factcheck train-checkworthiness` runs), scoring the real sentences: the model as fitted, and what the desk
  gets (the model only when it beat the rules on its own held-back decisions, otherwise the rules);
- a desk that trained on some real articles, scoring other real articles: k folds over articles (never a
  sentence of a scored article among the labels), the rules on the same sentences beside it;
- the same with the self-written sentences added to the real labels;
- for the models as fitted, their F1 minus the rules' with a 90% interval from redrawing whole articles.
Nothing is chosen by this script; what was chosen on which data is in docs/measurements/checkworthiness.md.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

from claims.checkworthiness_holdback import train  # noqa: E402
from claims.checkworthiness_model import DEFAULT_STRENGTH, figures  # noqa: E402
from claims.extract import rule_assessment  # noqa: E402

DATA = ROOT / "bench" / "data"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _line(name: str, truth, predicted) -> str:
    p, r, f1 = figures(list(truth), list(predicted))
    return f"{name:<58} precision {p:.3f} recall {r:.3f} F1 {f1:.3f}"


def _difference_interval(truth, model, rules, articles, draws: int = 1000) -> tuple[float, float, float]:
    """The model's F1 minus the rules' over the same sentences, with a 90% interval from redrawing whole articles
    with replacement: how far the difference could be chance with this few articles."""
    names = sorted(set(articles))
    at = {a: i for i, a in enumerate(names)}
    counts = np.zeros((2, len(names), 3))  # (model, rules) x article x (tp, fp, fn)
    for y, m, r, a in zip(truth, model, rules, articles, strict=True):
        for k, called in enumerate((m, r)):
            counts[k, at[a]] += (y and called, called and not y, y and not called)

    def f1(c: np.ndarray) -> np.ndarray:
        tp, fp, fn = c[..., 0], c[..., 1], c[..., 2]
        return np.where(tp > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)

    picks = np.random.default_rng(7).integers(0, len(names), size=(draws, len(names)))
    differences = f1(counts[0][picks].sum(axis=1)) - f1(counts[1][picks].sum(axis=1))
    whole = float(f1(counts[0].sum(axis=0)) - f1(counts[1].sum(axis=0)))
    return whole, float(np.percentile(differences, 5)), float(np.percentile(differences, 95))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--strength", type=float, default=DEFAULT_STRENGTH)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--articles", choices=("all", "choice", "held"), default="all")
    args = ap.parse_args()
    options = {"strength": args.strength}
    started = time.perf_counter()
    real, own = _rows("vi_news_checkworthiness.jsonl"), _rows("vi_checkworthiness.jsonl")
    ids = sorted({r["article_id"] for r in real})
    held_ids = set(ids[2::3])
    choice_rows = [r for r in real if r["article_id"] not in held_ids]
    if args.articles != "all":
        real = [r for r in real if (r["article_id"] in held_ids) == (args.articles == "held")]
    texts = [r["text"] for r in real]
    y = np.asarray([bool(r["check_worthy"]) for r in real])
    articles = [r["article_id"] for r in real]
    judged = [rule_assessment(t) for t in texts]
    rules = np.asarray([a.checkworthy for a in judged])
    own_texts = [r["text"] for r in own]
    own_judged = [rule_assessment(t) for t in own_texts]
    own_y = [bool(r["check_worthy"]) for r in own]
    print(f"{len(real)} real sentences of {len(set(articles))} articles, {int(y.sum())} check-worthy;"
          f" {len(own)} self-written sentences; strength {args.strength}")
    print(_line("rules alone", y, rules))

    desk = train(own_texts, own_judged, own_y, **options)
    fitted = np.asarray(desk.scorer.score(texts, judged)) >= desk.scorer.threshold
    print(_line("trained on self-written, the model as fitted", y, fitted))
    print(_line("trained on self-written, what the desk gets", y, fitted if desk.adopted else rules))
    h = desk.held_back
    print(f"   its own held-back figure ({h.sentences} newest labels): model F1 {h.model[2]:.3f},"
          f" rules F1 {h.rules[2]:.3f} -> {'model adopted' if desk.adopted else 'rules kept'}")

    for name, extra in (("real articles", False), ("real articles + self-written", True)):
        fitted = np.zeros(len(y), dtype=bool)
        gets = np.zeros(len(y), dtype=bool)
        adopted = 0
        for learn, score in GroupKFold(n_splits=args.folds).split(texts, y, articles):
            t = [texts[i] for i in learn]
            a = [judged[i] for i in learn]
            labels = y[learn].tolist()
            groups = [articles[i] for i in learn]
            if extra:  # the self-written labels came first, the real articles after
                t, a, labels, groups = own_texts + t, own_judged + a, own_y + labels, list(range(len(own))) + groups
            result = train(t, a, labels, groups, **options)
            s = np.asarray(result.scorer.score([texts[i] for i in score], [judged[i] for i in score]))
            fitted[score] = s >= result.scorer.threshold
            gets[score] = fitted[score] if result.adopted else rules[score]
            adopted += result.adopted
        print(_line(f"trained on other {name}, the model as fitted", y, fitted))
        whole, low, high = _difference_interval(y.tolist(), fitted.tolist(), rules.tolist(), articles)
        print(f"   F1 minus the rules' {whole:+.3f}, 90% interval over redrawn articles {low:+.3f} to {high:+.3f}")
        print(_line(f"trained on other {name}, what the desk gets", y, gets)
              + f" (model adopted in {adopted}/{args.folds} folds)")
    if args.articles == "held":
        desk = train([r["text"] for r in choice_rows], [rule_assessment(r["text"]) for r in choice_rows],
                     [bool(r["check_worthy"]) for r in choice_rows], [r["article_id"] for r in choice_rows], **options)
        fitted = np.asarray(desk.scorer.score(texts, judged)) >= desk.scorer.threshold
        print(_line("trained on the choice articles, the model as fitted", y, fitted))
        print(_line("trained on the choice articles, what the desk gets", y, fitted if desk.adopted else rules)
              + f" (held back: model {desk.held_back.model[2]:.3f}, rules {desk.held_back.rules[2]:.3f},"
              f" wins {desk.held_back.wins:.2f})")
    print(f"{time.perf_counter() - started:.1f} s, load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
