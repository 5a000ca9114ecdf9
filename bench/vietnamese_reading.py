"""How well the engine reads Vietnamese news as an editor does: speakers, figures and what is not a figure.

Run from the project root:
    .venv/bin/python bench/vietnamese_reading.py [--articles ../shared/eval/vi_news_dev.jsonl]
        [--labels bench/data/vi_news_reading.jsonl] [--show-misses]

The labels (bench/data/README.md) name, for each article, anchors (exact substrings of its text) of sentences with
their speaker and role, of figures with value, unit and qualifier, and of things that are not figures (ordinals,
model names, unit numbers, dates). The article texts are read from the shared evaluation file at run time.
Articles are split by article: sorted by id, every third one is held out (measured only at the end).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims import extract_claims  # noqa: E402
from claims.folding import nfc  # noqa: E402
from claims.model import Claim  # noqa: E402

__all__ = ["split_of", "main"]

_ROOT = Path(__file__).resolve().parent.parent


def split_of(article_ids: list[str]) -> dict[str, str]:
    """"dev" or "held_out" for each article: sorted by id, every third one (index 2, 5, 8, …) is held out."""
    return {a: ("held_out" if i % 3 == 2 else "dev") for i, a in enumerate(sorted(article_ids))}


def _same(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def _last_name(name: str | None) -> str:
    return (name or "").split()[-1].casefold() if name and name.split() else ""


def _unit_right(found: str | None, wanted: str | None) -> bool:
    return _same(found, wanted)


@dataclass
class _Tally:
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[str] = field(default_factory=list)


def _claim_at(claims: tuple[Claim, ...], position: int) -> Claim | None:
    return next((c for c in claims if c.start <= position < c.end), None)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", default=str(_ROOT.parent / "shared" / "eval" / "vi_news_dev.jsonl"))
    ap.add_argument("--labels", default=str(_ROOT / "bench" / "data" / "vi_news_reading.jsonl"))
    ap.add_argument("--show-misses", action="store_true", help="print every item read wrongly (dev split only)")
    ap.add_argument("--show-held-out-misses", action="store_true", help="also print the held-out split's misses")
    args = ap.parse_args(argv)

    articles = {}
    with open(args.articles, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                articles[row["article_id"]] = nfc(row["text"])
    splits = split_of(list(articles))
    labels = [json.loads(line) for line in open(args.labels, encoding="utf-8") if line.strip()]
    extractions = {a: extract_claims(t) for a, t in articles.items()}

    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for label in labels:
        aid = label["article_id"]
        text, claims = articles[aid], extractions[aid].claims
        anchor = nfc(label["anchor"])
        at = text.find(anchor)
        tally = tallies[splits[aid]]
        c = tally.counts
        if at < 0:
            c["anchors not found"] += 1
            continue
        end = at + len(anchor)
        if label["kind"] == "speaker":
            claim = _claim_at(claims, at)
            found = claim.speaker if claim else None
            if label["speaker"]:
                c["attributed"] += 1
                if _same(found, label["speaker"]):
                    c["attributed named whole"] += 1
                else:
                    tally.misses.append(f"speaker  {aid}: {anchor[:50]!r} wanted {label['speaker']!r} got {found!r}")
                if found and _last_name(found) == _last_name(label["speaker"]):
                    c["attributed last name agrees"] += 1
                if label.get("role"):
                    c["attributed with a role"] += 1
                    if _same(getattr(claim, "speaker_role", None), label["role"]):
                        c["role right"] += 1
                    else:
                        tally.misses.append(f"role     {aid}: {anchor[:50]!r} wanted {label['role']!r}"
                                            f" got {getattr(claim, 'speaker_role', None)!r}")
            else:
                c["not attributed"] += 1
                if not found:
                    c["not attributed left empty"] += 1
                else:
                    tally.misses.append(f"no speaker {aid}: {anchor[:50]!r} got {found!r}")
        elif label["kind"] == "figure":
            c["figures"] += 1
            overlapping = [q for c_ in claims for q in c_.quantities if q.start < end and at < q.end]
            value_right = [q for q in overlapping if abs(q.value - label["value"]) <= 1e-6 * max(1, label["value"])]
            if value_right:
                c["figure value right"] += 1
            right = [q for q in value_right if _unit_right(q.unit, label["unit"])
                     and str(q.qualifier) == label["qualifier"]]
            if right:
                c["figure right (value, unit, qualifier)"] += 1
            else:
                got = [(q.text, q.value, q.unit, str(q.qualifier)) for q in overlapping]
                tally.misses.append(f"figure   {aid}: {anchor!r} wanted {label['value']:g} {label['unit']!r} "
                                    f"{label['qualifier']} got {got}")
        else:
            c["not figures"] += 1
            wrong = [q for c_ in claims for q in c_.quantities if q.start < end and at < q.end]
            if wrong:
                c[f"{label['what']} read as a figure"] += 1
                c["not figures read as a figure"] += 1
                tally.misses.append(f"not a figure {aid}: {anchor!r} ({label['what']}) read as {wrong[0].text!r}")

    load = os.getloadavg()
    print(f"labels: {args.labels}; articles: {args.articles}; load average {load[0]:.2f}")
    for split in ("dev", "held_out"):
        c = tallies[split].counts
        n_articles = sum(1 for s in splits.values() if s == split)
        print(f"\n== {split} ({n_articles} articles) ==")

        def rate(part: str, whole: str, c: dict[str, int] = c) -> str:
            return f"{c[part]}/{c[whole]} = {c[part] / c[whole]:.1%}" if c[whole] else "n/a"

        print(f"speakers named whole, attributed sentences: {rate('attributed named whole', 'attributed')}")
        print(f"  last name agrees:                         {rate('attributed last name agrees', 'attributed')}")
        print(f"  role right (where labelled):              {rate('role right', 'attributed with a role')}")
        print(f"speaker left empty, other sentences:        {rate('not attributed left empty', 'not attributed')}")
        print(f"figures right (value, unit, qualifier):     "
              f"{rate('figure right (value, unit, qualifier)', 'figures')}")
        print(f"  value right:                              {rate('figure value right', 'figures')}")
        print(f"not figures read as a figure:               {rate('not figures read as a figure', 'not figures')}")
        for what in ("ordinal", "model", "name", "year", "date", "time", "address"):
            if c[f"{what} read as a figure"]:
                print(f"  {what}: {c[f'{what} read as a figure']}")
        if c["anchors not found"]:
            print(f"anchors not found: {c['anchors not found']}")
        if (split == "dev" and args.show_misses) or (split == "held_out" and args.show_held_out_misses):
            for miss in tallies[split].misses:
                print("  ", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
