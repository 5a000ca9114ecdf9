"""Benchmark of claim extraction: throughput and peak memory on synthetic Vietnamese and English news.

Run from the project root:  .venv/bin/python bench/extraction.py [--mb 5] [--seed 7]
Prints MB/s and peak memory for mixed news, then timings of unpunctuated text at 2.5, 5 and 10 MB to show
that splitting stays linear when a text has no sentence boundaries at all.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claims import extract_claims  # noqa: E402

__all__ = ["news_articles", "unpunctuated", "main"]

_VI_NAMES = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Minh Châu", "Phạm Quốc Dũng", "Dmitry Peskov", "Anna Berg"]
_VI_ROLES = ["Người phát ngôn Bộ Ngoại giao", "Bộ trưởng Tài chính", "Chủ tịch UBND TP.HCM", "TS.", "Giám đốc sở"]
_VI_TEMPLATES = [
    "{role} {name} hôm {d}/{m} cho biết hơn {x},{y} triệu người đã được hỗ trợ.",
    "Theo Tổng cục Thống kê, GDP quý {q} tăng {x},{y}% so với cùng kỳ năm {year}.",
    "\"Chúng tôi đã hoàn thành kế hoạch. Mọi việc đúng tiến độ,\" ông {last} nói.",
    "Ông cũng khẳng định khoảng {n}.{k:03d} hộ dân sẽ được di dời từ ngày {d} tháng {m}.",
    "Dự án có tổng vốn từ {n} đến {n2} tỷ đồng, dự kiến hoàn thành vào tháng {m}/{year}.",
    "Tôi nghĩ chúng ta cần kiên nhẫn hơn nữa?",
    "Cảnh sát tại hiện trường (Ảnh: TTXVN)",
    "Vụ tai nạn xảy ra rạng sáng {d}-{m} tại Q.{q}, khiến ít nhất {n} người bị thương.",
]
_EN_NAMES = ["Maria Lopez", "John Carter", "Alan Price", "Karen Dale"]
_EN_TEMPLATES = [
    "Senator {name} said on {month} {d} that unemployment fell to {x}.{y} percent.",
    "The U.S. economy added {n},{k:03d} jobs in {month} {year}, according to the Labor Department.",
    "\"We will not back down. Not now,\" said Gov. {name}.",
    "Mr. {last} voted against the bill, which would have cut $ {x}.{y} billion from the budget.",
    "I think we need to do much better for our children.",
    "Thank you very much.",
    "Prices rose between {n} and {n2} percent in {year}, the highest level since {year0}.",
    "Dr. {last} told Reuters that nearly {n} people were evacuated.",
]
_MONTHS = ["January", "March", "May", "July", "September", "November"]


def _fill(rng: random.Random, template: str, names: list[str]) -> str:
    name = rng.choice(names)
    n = rng.randint(2, 900)
    return template.format(
        role=rng.choice(_VI_ROLES), name=name, last=name.split()[-1], d=rng.randint(1, 28), m=rng.randint(1, 12),
        x=rng.randint(1, 99), y=rng.randint(0, 9), q=rng.randint(1, 4), year=rng.randint(1990, 2030),
        year0=rng.randint(1950, 1989), n=n, n2=n + rng.randint(1, 500), k=rng.randint(0, 999),
        month=rng.choice(_MONTHS),
    )


def news_articles(megabytes: float, seed: int = 7) -> list[str]:
    """Synthetic articles (about 3 KB each, alternately Vietnamese and English) totalling `megabytes` of UTF-8."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    articles, size, vi = [], 0, True
    while size < target:
        templates, names = (_VI_TEMPLATES, _VI_NAMES) if vi else (_EN_TEMPLATES, _EN_NAMES)
        paragraphs, length = [], 0
        while length < 3000:
            paragraph = " ".join(_fill(rng, rng.choice(templates), names) for _ in range(rng.randint(1, 4)))
            paragraphs.append(paragraph)
            length += len(paragraph.encode()) + 2
        article = "\n\n".join(paragraphs)
        articles.append(article)
        size += len(article.encode())
        vi = not vi
    return articles


def unpunctuated(megabytes: float, seed: int = 7) -> str:
    """Words without a single punctuation mark or line break, `megabytes` of UTF-8 long."""
    rng = random.Random(seed)
    words = "người dân hơn triệu the economy grew percent năm ngày ông nói said record Moscow 17 2019 tỷ".split()
    target = int(megabytes * 1_000_000)
    chunks, size = [], 0
    while size < target:
        chunk = " ".join(rng.choices(words, k=1000)) + " "
        chunks.append(chunk)
        size += len(chunk.encode())
    return "".join(chunks)


def _time(texts: list[str], published: dt.date | None = None) -> tuple[float, float, int]:
    """Wall-clock seconds, CPU seconds of this process (what one core delivers on a busy machine), claims."""
    wall, cpu = time.perf_counter(), time.process_time()
    claims = sum(len(extract_claims(t, published=published).claims) for t in texts)
    return time.perf_counter() - wall, time.process_time() - cpu, claims


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0, help="megabytes of mixed news to extract (default 5)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-flat", action="store_true", help="skip the unpunctuated 2.5/5/10 MB timings")
    args = ap.parse_args(argv)

    articles = news_articles(args.mb, args.seed)
    size_mb = sum(len(a.encode()) for a in articles) / 1e6
    seconds, cpu, claims = _time(articles)
    print(f"mixed news: {size_mb:.2f} MB, {len(articles)} articles, {claims} claim candidates in {seconds:.2f} s "
          f"= {size_mb / seconds:.2f} MB/s wall, {size_mb / cpu:.2f} MB/s of CPU time")
    # With a publication date, "8/3" gets its year and relative dates (năm ngoái, hôm qua) are read too.
    seconds, cpu, claims = _time(articles, dt.date(2022, 3, 9))
    print(f"the same with a publication date: {seconds:.2f} s = {size_mb / seconds:.2f} MB/s wall, "
          f"{size_mb / cpu:.2f} MB/s of CPU time")

    # Peak memory of extracting one article at a time, traced on a 1 MB slice (tracing slows Python down).
    sample = news_articles(1.0, args.seed + 1)
    tracemalloc.start()
    for article in sample:
        extract_claims(article)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory extracting article by article: {peak / 1e6:.1f} MB; "
          f"process max RSS so far {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    tracemalloc.start()
    extract_claims(unpunctuated(2.5, args.seed))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory extracting one 2.5 MB text without punctuation: {peak / 1e6:.1f} MB")

    if not args.no_flat:
        for mb in (2.5, 5.0, 10.0):
            text = unpunctuated(mb, args.seed)
            seconds, cpu, claims = _time([text])
            print(f"no punctuation: {mb:>4} MB as one text, {claims} pieces in {seconds:.2f} s wall, "
                  f"{cpu:.2f} s CPU = {cpu / mb:.2f} CPU s per MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
