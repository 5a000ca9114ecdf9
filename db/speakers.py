"""Speakers' records: who said what across the desk's articles, and how their published claims were rated.

One speaker may be written several ways: "ông Peskov", "Peskov" and "Dmitry Peskov" are one person when the
surname belongs to exactly one full name on the desk. An editor can merge two spellings, or split one back out, by
hand (`speaker_aliases`, recorded in the history); a hand decision wins over the automatic grouping.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlite_utils

from claims.folding import fold
from claims.workflow import Status
from db.connection import writing
from db.history import now, record

__all__ = ["SpeakerSummary", "SpeakerRecord", "SpeakerClaim", "speakers", "speaker_record", "merge_speakers",
           "split_speaker", "speaker_key", "distinct_roles"]

_HONORIFIC = re.compile(r"^(ông|bà|anh|chị|mr|mrs|ms|dr)\.?\s+", re.IGNORECASE)


def speaker_key(name: str) -> str:
    """A spelling folded for comparison: no honorific, case or diacritics ("Ông Peskov" → "peskov")."""
    return fold(_HONORIFIC.sub("", name.strip()))


@dataclass(frozen=True)
class SpeakerSummary:
    name: str  # the fullest spelling on the desk
    spellings: tuple[str, ...]
    roles: tuple[str, ...]
    claims: int
    published: int


@dataclass(frozen=True)
class SpeakerClaim:
    id: int
    text: str
    article_id: int
    article_title: str
    status: Status
    rating: str | None
    published_at: str | None
    stored_at: str
    spelling: str
    role: str | None


@dataclass(frozen=True)
class SpeakerRecord:
    name: str
    spellings: tuple[str, ...]
    roles: tuple[str, ...]
    articles: tuple[tuple[int, str], ...]
    claims: tuple[SpeakerClaim, ...]  # the latest first
    ratings: dict[str, int] = field(default_factory=dict)  # published verdicts only


def _aliases(db: sqlite_utils.Database) -> dict[str, str]:
    return dict(db.execute("SELECT alias, speaker FROM speaker_aliases").fetchall())


def _groups(db: sqlite_utils.Database) -> dict[str, list[str]]:
    """Each speaker's display name → the spellings written on the desk."""
    spellings = [row[0] for row in db.execute("SELECT DISTINCT speaker FROM claims WHERE speaker IS NOT NULL"
                                              " AND speaker != ''")]
    aliases = _aliases(db)
    by_key: dict[str, list[str]] = defaultdict(list)
    for spelling in spellings:
        by_key[speaker_key(spelling)].append(spelling)
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for key in by_key:
        if " " in key:
            full_by_surname[key.rsplit(" ", 1)[1]].add(key)
    groups: dict[str, list[str]] = defaultdict(list)
    target: dict[str, str] = {}
    for key in by_key:
        if key in aliases:  # an editor's decision: merged into another speaker, or split out as itself
            target[key] = speaker_key(aliases[key])
        elif " " not in key and len(full_by_surname.get(key, ())) == 1:
            target[key] = next(iter(full_by_surname[key]))
        else:
            target[key] = key
    for key, names in by_key.items():
        groups[target[key]].extend(names)
    display: dict[str, list[str]] = {}
    for key, names in groups.items():
        own = by_key.get(key) or names
        best = max(own, key=lambda n: (len(_HONORIFIC.sub("", n)), n))
        display[_HONORIFIC.sub("", best)] = sorted(set(names))
    return display


def distinct_roles(roles: Iterable[str]) -> tuple[str, ...]:
    """Each role once, however its case or accents were written ("Người phát ngôn Điện Kremlin" and "người phát
    ngôn Điện Kremlin" are one), in the spelling that starts with a capital when there is one."""
    chosen: dict[str, str] = {}
    for role in sorted(roles):  # capitals sort first
        chosen.setdefault(fold(role), role)
    return tuple(sorted(chosen.values(), key=fold))


def speakers(db: sqlite_utils.Database, *, search: str | None = None) -> list[SpeakerSummary]:
    """Every speaker on the desk with their claims and published verdicts, the most quoted first."""
    counts = {row[0]: (row[1], row[2]) for row in db.execute(
        f"SELECT speaker, count(*), sum(status = '{Status.PUBLISHED}') FROM claims WHERE speaker IS NOT NULL"
        " GROUP BY speaker")}
    roles: dict[str, set[str]] = defaultdict(set)
    for speaker, role in db.execute("SELECT DISTINCT speaker, speaker_role FROM claims WHERE speaker_role IS NOT NULL"
                                    " AND speaker_role != ''"):
        roles[speaker].add(role)
    found = []
    for name, spellings in _groups(db).items():
        if search and fold(search) not in " ".join(fold(s) for s in spellings):
            continue
        found.append(SpeakerSummary(
            name=name, spellings=tuple(spellings), roles=distinct_roles(r for s in spellings for r in roles[s]),
            claims=sum(counts.get(s, (0, 0))[0] for s in spellings),
            published=sum(counts.get(s, (0, 0))[1] or 0 for s in spellings)))
    return sorted(found, key=lambda s: (-s.claims, fold(s.name)))


def speaker_record(db: sqlite_utils.Database, name: str) -> SpeakerRecord | None:
    """One speaker's claims across the desk (all spellings), the latest first, and their published ratings."""
    groups = _groups(db)
    chosen = next((n for n, spellings in groups.items()
                   if speaker_key(n) == speaker_key(name) or speaker_key(name) in map(speaker_key, spellings)), None)
    if chosen is None:
        return None
    spellings = groups[chosen]
    marks = ", ".join("?" for _ in spellings)
    rows = db.execute(
        "SELECT c.id, c.text, c.article_id, a.title, c.status, c.rating, c.published_at, c.created_at, c.speaker,"
        f" c.speaker_role FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.speaker IN ({marks})"
        " ORDER BY coalesce(a.published, substr(a.added_at, 1, 10)) DESC, c.created_at DESC, c.id DESC",
        spellings).fetchall()
    claims = tuple(SpeakerClaim(*row[:4], Status(row[4]), *row[5:]) for row in rows)
    articles = tuple(dict.fromkeys((c.article_id, c.article_title) for c in claims))
    ratings = Counter(c.rating or "—" for c in claims if c.status == Status.PUBLISHED)
    roles = distinct_roles(c.role for c in claims if c.role)
    return SpeakerRecord(chosen, tuple(spellings), roles, articles, claims, dict(ratings.most_common()))


def merge_speakers(db: sqlite_utils.Database, spelling: str, into: str, *, decided_by: str) -> None:
    """Count `spelling` as the speaker `into` from now on (recorded in the history)."""
    _decide(db, spelling, into, decided_by=decided_by, action="merged")


def split_speaker(db: sqlite_utils.Database, spelling: str, *, decided_by: str) -> None:
    """Count `spelling` as a speaker of its own, whatever the automatic grouping says (recorded in the history)."""
    _decide(db, spelling, spelling, decided_by=decided_by, action="split")


def _decide(db: sqlite_utils.Database, spelling: str, speaker: str, *, decided_by: str, action: str) -> None:
    key = speaker_key(spelling)
    with writing(db):
        before = db.execute("SELECT speaker FROM speaker_aliases WHERE alias = ?", [key]).fetchone()
        db.execute("INSERT INTO speaker_aliases (alias, speaker, decided_by, decided_at) VALUES (?, ?, ?, ?)"
                   " ON CONFLICT(alias) DO UPDATE SET speaker = excluded.speaker, decided_by = excluded.decided_by,"
                   " decided_at = excluded.decided_at", [key, speaker, decided_by, now()])
        record(db, entity="speaker", entity_id=key, action=action, reviewer=decided_by, field="speaker",
               before=before[0] if before else None, after=speaker)
