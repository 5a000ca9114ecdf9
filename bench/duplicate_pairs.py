"""How the duplicate rule calls Vietnamese claim pairs made from real news: through `factcheck import-claims`
and `factcheck match`, as an evaluation tool would.

    python bench/duplicate_pairs.py [--split dev|held_out|all] [--show]

Each line of `bench/data/vi_duplicate_pairs.jsonl` names a sentence with figures in an article of
`../shared/eval/vi_news_dev.jsonl` (by the words it starts with) and gives four partners (see bench/data/README.md):
- `paraphrase`: the same claim with the same figures written another way (by hand) — should be `duplicate`;
- `changed`: the sentence with one figure changed — never `duplicate`;
- `negated`: the sentence negated — never `duplicate`;
- `other`: the next sentence of the same article (the previous one for the last) — never `duplicate`.
Every partner of every pair is imported as a past fact-check into one new database; each source sentence is then
matched (`--limit 20`) and each of its partners is looked up among its matches (absent: "not listed").
Articles are split into dev and held-out by a digest of their id (a third held out).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims.sentences import split_sentences  # noqa: E402

PAIRS = ROOT / "bench" / "data" / "vi_duplicate_pairs.jsonl"
ARTICLES = ROOT.parent / "shared" / "eval" / "vi_news_dev.jsonl"
KINDS = ("paraphrase", "changed", "negated", "other")


def split_of(article_id: str) -> str:
    """A third of the articles held out, chosen by a digest of the id (not by looking at them)."""
    return "held_out" if hashlib.sha1(article_id.encode()).digest()[0] % 3 == 0 else "dev"


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def _other(sentences: list[str], index: int) -> str:
    """The next sentence worth comparing (30 characters or more, not an address), else the previous one."""
    order = list(range(index + 1, len(sentences))) + list(range(index - 1, -1, -1))
    for i in order:
        s = sentences[i]
        if len(s) >= 30 and "://" not in s and s != sentences[index]:
            return s
    raise ValueError("no other sentence")


def build(split: str) -> list[dict]:
    """The pairs of `split` with their source sentence and four partners spelled out."""
    articles = {}
    for line in ARTICLES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles[row["article_id"]] = unicodedata.normalize("NFC", row["text"])
    out = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if split != "all" and split_of(item["article_id"]) != split:
            continue
        sentences = _sentences(articles[item["article_id"]])
        index = next(i for i, s in enumerate(sentences) if s.startswith(item["source_starts"]))
        source = sentences[index]
        for kind in ("changed", "negated"):
            if item[kind]["from"] not in source:
                raise ValueError(f"{item['id']}: {item[kind]['from']!r} is not in its source sentence")
        out.append({"id": item["id"], "article_id": item["article_id"], "source": source, "partners": {
            "paraphrase": item["paraphrase"],
            "changed": source.replace(item["changed"]["from"], item["changed"]["to"], 1),
            "negated": source.replace(item["negated"]["from"], item["negated"]["to"], 1),
            "other": _other(sentences, index)}})
    return out


def _factcheck(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, check=True,
                          cwd=ROOT, env=os.environ | {"FACTCHECK_VECTORS": "off"})
    return done.stdout


def run(pairs: list[dict]) -> tuple[dict[str, Counter], list[tuple[str, str, str, str]]]:
    """(calls per kind, the pairs called wrongly as (id, kind, relation, why))."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "pairs.db")
        archive = Path(tmp) / "partners.jsonl"
        queries = Path(tmp) / "sources.jsonl"
        archive.write_text("".join(json.dumps({"id": f"{p['id']}:{kind}", "text": text}, ensure_ascii=False) + "\n"
                                   for p in pairs for kind, text in p["partners"].items()), encoding="utf-8")
        queries.write_text("".join(json.dumps({"id": p["id"], "text": p["source"]}, ensure_ascii=False) + "\n"
                                   for p in pairs), encoding="utf-8")
        _factcheck("import-claims", str(archive), "--db", db)
        started = time.perf_counter()
        lines = [json.loads(x) for x in _factcheck("match", "--db", db, "--jsonl", str(queries), "--limit", "20")
                 .splitlines()]
        print(f"match: {len(lines)} sources in {time.perf_counter() - started:.1f} s (load {os.getloadavg()[0]:.1f})",
              file=sys.stderr)
    calls = {kind: Counter() for kind in KINDS}
    wrong = []
    for line in lines:
        found = {m["id"]: m for m in line["matches"]}
        for kind in KINDS:
            match = found.get(f"{line['id']}:{kind}")
            relation = match["relation"] if match else "not listed"
            calls[kind][relation] += 1
            if (kind == "paraphrase") != (relation == "duplicate"):
                wrong.append((line["id"], kind, relation, match["why"] if match else ""))
    return calls, wrong


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "held_out", "all"], default="dev")
    ap.add_argument("--show", action="store_true", help="print each pair called wrongly, with its why")
    args = ap.parse_args()
    pairs = build(args.split)
    calls, wrong = run(pairs)
    articles = len({p["article_id"] for p in pairs})
    print(f"split {args.split}: {len(pairs)} source sentences from {articles} articles")
    for kind in KINDS:
        c = calls[kind]
        n = sum(c.values())
        print(f"  {kind:10s} duplicate {c['duplicate']:3d}/{n} ({100 * c['duplicate'] / n:5.1f}%)"
              f"  related {c['related']:3d}  not listed {c['not listed']:3d}")
    if args.show:
        for pair_id, kind, relation, why in wrong:
            print(f"  {pair_id} {kind}: {relation} — {why}")


if __name__ == "__main__":
    main()
