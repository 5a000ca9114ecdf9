"""Vietnamese war-news sentences and claim pairs written for the project, read and matched as an evaluation would.

    .venv/bin/python bench/written_vietnamese.py [--show-misses]

Reads bench/data/vi_written_reading.jsonl (1,552 sentences, each with the speaker an editor names, or none, and the
values of its figures; the sentences of one `article` are read together) and bench/data/vi_written_pairs.jsonl
(511 pairs: a claim reworded with the same figures, with one figure changed, or another claim with the same
figures); how they were written is in bench/data/README.md. Prints:
- speakers: a sentence is right when the labelled speaker's last word is in the speaker read (as `score.py claims`
  counts), or when both are empty;
- figures: each labelled value found among the sentence's figures; figures read that no label names;
- the same reading of bench/data/en_written_reading.jsonl (230 English sentences of wire copy) and the same pairs of
  bench/data/en_written_pairs.jsonl (74 English pairs), last;
- pairs, through `factcheck import-claims` and `factcheck match` (as `bench/duplicate_pairs.py` does): reworded
  pairs called duplicate, changed ones and other claims called duplicate.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims import extract_claims  # noqa: E402

DATA = ROOT / "bench" / "data"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _read(rows: list[dict]) -> list[tuple[str, list[float]]]:
    """The speaker read for each row's sentence and the values of the figures inside it: rows of one `article` are
    read together, in order (so that "Ông cũng cho biết …" names the person of the sentence before; a row without
    a full stop, a headline, on its own line), the others alone. A claim may span several rows (a quotation of
    several sentences is one claim): each row takes the speaker of the claims over it and the figures that stand in
    it."""
    out: list[tuple[str, list[float]]] = []
    i = 0
    while i < len(rows):
        j = i + 1
        while rows[i].get("article") and j < len(rows) and rows[j].get("article") == rows[i]["article"]:
            j += 1
        text, starts = "", []
        for row in rows[i:j]:
            starts.append(len(text))
            text += row["text"] + (" " if row["text"].rstrip()[-1:] in ".!?…\"”»" else "\n")  # a headline: its line
        claims = extract_claims(text).claims
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(text)
            over = [c for c in claims if c.start < end and start < c.end]
            out.append((" ".join(c.speaker or "" for c in over).strip(),
                        [q.value for c in over for q in c.quantities if start <= q.start < end]))
        i = j
    return out


def reading(show: bool, name: str = "vi_written_reading.jsonl") -> None:
    rows = _rows(name)
    speakers = figures_found = figures_wanted = extra = 0
    for row, (said, values) in zip(rows, _read(rows), strict=True):
        wanted = row["speaker"]
        right = (wanted.split()[-1] in said) if wanted else not said
        speakers += right
        found = [v for v in row["figures"] if any(_close(x, v) for x in values)]
        figures_found += len(found)
        figures_wanted += len(row["figures"])
        unlabelled = [x for x in values if not any(_close(x, v) for v in row["figures"])]
        extra += len(unlabelled)
        if show and (not right or len(found) < len(row["figures"]) or unlabelled):
            print(f"   {row['id']}: speaker {said or None!r} (wanted {wanted!r}); figures {values} (wanted"
                  f" {row['figures']}) | {row['text'][:70]}")
    print(f"speakers right:           {speakers}/{len(rows)}")
    print(f"figures found:            {figures_found}/{figures_wanted}")
    print(f"figures read, not labelled: {extra}")


def _factcheck(*args: str) -> str:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, check=True,
                          cwd=ROOT, env=os.environ | {"FACTCHECK_VECTORS": "off"}).stdout


def pairs(show: bool, name: str = "vi_written_pairs.jsonl") -> None:
    rows = _rows(name)
    with tempfile.TemporaryDirectory() as tmp:
        db, partners, claims = str(Path(tmp) / "pairs.db"), Path(tmp) / "partners.jsonl", Path(tmp) / "claims.jsonl"
        partners.write_text("".join(json.dumps({"id": r["id"], "text": r["partner"]}, ensure_ascii=False) + "\n"
                                    for r in rows), encoding="utf-8")
        claims.write_text("".join(json.dumps({"id": r["id"], "text": r["claim"]}, ensure_ascii=False) + "\n"
                                  for r in rows), encoding="utf-8")
        _factcheck("import-claims", str(partners), "--db", db)
        lines = [json.loads(x) for x in _factcheck("match", "--db", db, "--jsonl", str(claims), "--limit", "20")
                 .splitlines()]
    tally = {"paraphrase": [0, 0], "changed": [0, 0], "other": [0, 0]}
    for row, line in zip(rows, lines, strict=True):
        match = next((m for m in line["matches"] if m["id"] == row["id"]), None)
        duplicate = bool(match) and match["relation"] == "duplicate"
        tally[row["kind"]][0] += duplicate
        tally[row["kind"]][1] += 1
        if show and duplicate != (row["kind"] == "paraphrase"):
            print(f"   {row['id']} {row['kind']}: {match['relation'] if match else 'not listed'}"
                  f" ({match['why'] if match else ''}) | {row['claim'][:50]} | {row['partner'][:50]}")
    for kind, (n, d) in tally.items():
        print(f"{kind + ' pairs called duplicate:':<34}{n}/{d}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    reading(args.show_misses)
    pairs(args.show_misses)
    print("English (en_written_reading.jsonl, en_written_pairs.jsonl):")
    reading(args.show_misses, "en_written_reading.jsonl")
    pairs(args.show_misses, "en_written_pairs.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
