"""Grouping the duplicates of a whole collection: blocking on rare terms, then centres that cannot chain."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Hashable, Iterable, Sequence
from itertools import combinations

from rapidfuzz import fuzz, process, utils

from claims.matching.duplicate_rule import LEAST_CLOSENESS, Relation, Side, content_words, judge, side_of
from claims.matching.normalize import match_text, match_tokens

__all__ = ["duplicate_pairs", "group_duplicates", "normalize_all"]

_RAREST = 4  # each claim is filed under every pair of its 4 rarest terms
_MAX_BLOCK = 300  # a pair of terms shared by more claims than this says nothing about duplication


def duplicate_pairs(texts: Sequence[str], *, normalized: Sequence[str] | None = None
                    ) -> list[tuple[int, int, float]]:
    """(i, j, closeness) for every pair of positions whose claims are duplicates, i < j.

    No N×N matrix: claims sharing two of their rarest terms are compared, the rest never are.
    """
    norms = list(normalized) if normalized is not None else [match_text(t) for t in texts]
    tokens = [set(match_tokens(n, normalized=True)) for n in norms]
    df = Counter(t for toks in tokens for t in toks)
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, toks in enumerate(tokens):
        rarest = sorted(toks, key=lambda t: (df[t], t))[:_RAREST]
        for pair in combinations(sorted(rarest), 2):
            blocks[pair].append(i)
        if len(rarest) == 1:
            blocks[(rarest[0], "")].append(i)
    neighbours: dict[int, set[int]] = defaultdict(set)
    for members in blocks.values():
        if 1 < len(members) <= _MAX_BLOCK:
            for i in members:
                neighbours[i].update(j for j in members if j > i)
    content = [content_words(n) for n in norms]
    sides: dict[int, Side] = {}
    cutoff = 2 * LEAST_CLOSENESS - 100  # the mean of two ratios reaches the least threshold only above this
    pairs = []
    for i, cands in neighbours.items():
        order = sorted(cands)
        choices = [content[j] for j in order]
        # `duplicate_rule.closeness`, computed with a cutoff: token sort only for the pairs token set keeps.
        tset = process.cdist([content[i]], choices, scorer=fuzz.token_set_ratio, processor=utils.default_process,
                             score_cutoff=cutoff)[0]
        keep = [k for k in range(len(order)) if tset[k] >= cutoff]
        if not keep:
            continue
        tsort = process.cdist([content[i]], [choices[k] for k in keep], scorer=fuzz.token_sort_ratio,
                              processor=utils.default_process)[0]
        for pos, k in enumerate(keep):
            close = (float(tset[k]) + float(tsort[pos])) / 2
            if close < LEAST_CLOSENESS:
                continue
            j = order[k]
            for x in (i, j):
                if x not in sides:  # read only for the few pairs close enough: figures are costly to read
                    sides[x] = side_of(texts[x], norms[x])
            if judge(sides[i], sides[j], closeness=close).relation is Relation.DUPLICATE:
                pairs.append((i, j, close))
    return pairs


def normalize_all(texts: Sequence[str], *, workers: int = 1) -> list[str]:
    """`match_text` of every text, in `workers` processes when there are many (figures are costly to read)."""
    if workers <= 1 or len(texts) < 5_000:
        return [match_text(t) for t in texts]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(match_text, texts, chunksize=2_000))


def group_duplicates(items: Iterable[tuple[Hashable, str]], *, forbidden: Collection[frozenset] = (),
                     workers: int = 1) -> list[tuple[Hashable, tuple[Hashable, ...]]]:
    """(centre, members) for each group of duplicates among (key, text) items; singletons are left out.

    The claim with most duplicates becomes a centre and takes its direct duplicates; then the next. A member
    is always a duplicate of its centre, so A≈B≈C never puts A with C unless A≈C too. `forbidden` pairs of
    keys (rejected by a reviewer) are never grouped.

    >>> group_duplicates([(1, "Giá xăng tăng 5%"), (2, "giá xăng tăng 5 %"), (3, "Giá xăng tăng 6%")])
    [(1, (2,))]
    """
    keys, texts = [], []
    for key, text in items:
        keys.append(key)
        texts.append(text)
    adjacency: dict[int, set[int]] = defaultdict(set)
    for i, j, _ in duplicate_pairs(texts, normalized=normalize_all(texts, workers=workers)):
        if frozenset((keys[i], keys[j])) in forbidden:
            continue
        adjacency[i].add(j)
        adjacency[j].add(i)
    assigned: set[int] = set()
    groups = []
    for centre in sorted(adjacency, key=lambda i: (-len(adjacency[i]), i)):
        if centre in assigned:
            continue
        members = sorted(j for j in adjacency[centre] if j not in assigned)
        if not members:
            continue
        assigned.add(centre)
        assigned.update(members)
        groups.append((keys[centre], tuple(keys[j] for j in members)))
    return groups
