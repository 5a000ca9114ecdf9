"""Whether a learned check-worthiness model may score the desk: it must beat the rules on the desk's most recent
decisions, which it did not learn from.

The labels come oldest first. The newest fifth of them is held back, whole groups at a time (a group is an article:
its sentences are never split between learning and judging, so a model is judged on articles it has not read); a
model fitted on the older part and the rules both judge the held-back sentences, and the model is switched on
only when its F1 there is higher. The model then kept is fitted on everything. A random split of sentences would
put sentences of one article on both sides and flatter the model whenever the labels differ from what comes next.

"Higher" means higher beyond chance: the held-back sentences are drawn again at random with replacement
(BOOTSTRAP times, a fixed seed), and the model must beat the rules in at least SURE of those draws. A few dozen
held-back sentences cannot tell a model that is 0.002 better from one that is worse, and a model that is not
shown to be better is only a risk.

How far the model moves from the rules (the share of its learned part kept: 0, ¼, ½, ¾ or all of it) is chosen
the same way one step earlier, inside the older part: fitted on its older four fifths, judged on its newest fifth.
The held-back sentences play no part in that choice, so the figure shown for them is not flattered by it.
"""
from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np

from claims.checkworthiness import Assessment
from claims.checkworthiness_model import LearnedScorer, figures, fit

__all__ = ["HeldBack", "Training", "MIN_EACH", "HELD_BACK_SHARE", "SHARES", "BOOTSTRAP", "SURE", "held_back_part",
           "missing_decisions", "train"]

HELD_BACK_SHARE = 0.2
# A model is only worth judging with this many sentences of each kind (check-worthy and not) to learn from and
# judge on; below it the rules score and the desk is told how many more decisions it needs.
MIN_EACH = 10
SHARES = (0.0, 0.25, 0.5, 0.75, 1.0)
BOOTSTRAP = 1000
SURE = 0.9


@dataclass(frozen=True)
class HeldBack:
    """The held-back sentences and how the model and the rules did on them (precision, recall, F1)."""

    sentences: int
    positives: int
    model: tuple[float, float, float]
    rules: tuple[float, float, float]
    wins: float = 0.0  # the share of redrawn held-back sets on which the model's F1 beat the rules'

    @property
    def model_wins(self) -> bool:
        return self.model[2] > self.rules[2] and self.wins >= SURE


def _share_of_wins(truth: Sequence[bool], model: Sequence[bool], rules: Sequence[bool]) -> float:
    """How often the model's F1 beats the rules' on the held-back sentences drawn again with replacement."""
    if not truth:
        return 0.0
    y, m, r = (np.asarray(v, dtype=bool) for v in (truth, model, rules))
    draws = np.random.default_rng(11).integers(0, len(y), size=(BOOTSTRAP, len(y)))
    yd = y[draws]

    def f1(called: np.ndarray) -> np.ndarray:
        cd = called[draws]
        tp = (cd & yd).sum(axis=1)
        return np.where(tp > 0, 2 * tp / np.maximum(cd.sum(axis=1) + yd.sum(axis=1), 1), 0.0)

    return float(np.mean(f1(m) > f1(r)))


@dataclass(frozen=True)
class Training:
    scorer: LearnedScorer
    held_back: HeldBack
    share: float = 1.0  # of the learned part kept (chosen on the older decisions)

    @property
    def adopted(self) -> bool:
        """Whether the model may score the desk (it beat the rules on the held-back decisions)."""
        return self.held_back.model_wins


def missing_decisions(labels: Sequence[bool]) -> tuple[int, int]:
    """How many more (check-worthy, not check-worthy) labels are needed before a model can be judged:
    ``missing_decisions([True] * 4 + [False] * 30) == (6, 0)``."""
    positives = sum(1 for v in labels if v)
    return max(0, MIN_EACH - positives), max(0, MIN_EACH - (len(labels) - positives))


def held_back_part(groups: Sequence[Hashable], labels: Sequence[bool]) -> list[int]:
    """The positions of the newest groups holding at least HELD_BACK_SHARE of the labels, with at least one label
    of each kind when the older part can spare it (its groups whole)."""
    order: list[Hashable] = []
    members: dict[Hashable, list[int]] = {}
    for i, group in enumerate(groups):
        if group not in members:
            members[group] = []
            order.append(group)
        members[group].append(i)
    want = max(1, round(HELD_BACK_SHARE * len(labels)))
    held: list[int] = []
    for group in reversed(order[1:]):  # the oldest group always stays to learn from
        held.extend(members[group])
        kinds = {bool(labels[i]) for i in held}
        if len(held) >= want and len(kinds) == 2:
            break
    return sorted(held)


def _choose_share(texts: Sequence[str], assessments: Sequence[Assessment], labels: Sequence[bool],
                  groups: Sequence[Hashable], **options) -> float:
    """The share of the learned part that does best on the newest fifth of these decisions, fitted on the rest
    (the smaller share of a tie; all of it when they cannot be split into two parts of both kinds)."""
    held = held_back_part(groups, labels)
    chosen = set(held)
    older = [i for i in range(len(labels)) if i not in chosen]
    if len({labels[i] for i in held}) < 2 or len({labels[i] for i in older}) < 2:
        return 1.0
    model = fit([texts[i] for i in older], [assessments[i] for i in older], [labels[i] for i in older], **options)
    truth = [labels[i] for i in held]
    best, best_f1 = 0.0, -1.0
    for share in SHARES:
        scorer = model.scaled(share)
        scores = scorer.score([texts[i] for i in held], [assessments[i] for i in held])
        f1 = figures(truth, [s >= scorer.threshold for s in scores])[2]
        if f1 > best_f1 + 1e-9:
            best, best_f1 = share, f1
    return best


def train(texts: Sequence[str], assessments: Sequence[Assessment], labels: Sequence[bool],
          groups: Sequence[Hashable] | None = None, **options) -> Training:
    """Judge a model on the newest decisions (see the module's docstring), then fit it on all of them.

    `texts`, `assessments`, `labels` and `groups` are oldest first; without groups each sentence is its own.
    `options` go to `claims.checkworthiness_model.fit`."""
    labels = [bool(v) for v in labels]
    groups = list(range(len(labels))) if groups is None else list(groups)
    held = held_back_part(groups, labels)
    chosen = set(held)
    older = [i for i in range(len(labels)) if i not in chosen]
    share = _choose_share([texts[i] for i in older], [assessments[i] for i in older], [labels[i] for i in older],
                          [groups[i] for i in older], **options)
    early = fit([texts[i] for i in older], [assessments[i] for i in older], [labels[i] for i in older],
                **options).scaled(share)
    truth = [labels[i] for i in held]
    scores = early.score([texts[i] for i in held], [assessments[i] for i in held])
    called = [s >= early.threshold for s in scores]
    rules = [assessments[i].checkworthy for i in held]
    judged = HeldBack(len(held), sum(truth), figures(truth, called), figures(truth, rules),
                      _share_of_wins(truth, called, rules))
    return Training(fit(texts, assessments, labels, **options).scaled(share), judged, share)
