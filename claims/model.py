"""The claim as the extraction engine sees it: frozen values with offsets into the article's NFC text."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Qualifier", "ClaimType", "Quantity", "DateMention", "Claim", "Extraction"]


class Qualifier(StrEnum):
    """How a figure is hedged: "hơn 1,7 triệu" is MORE_THAN, "khoảng 200" APPROX."""

    EXACT = "exact"
    APPROX = "approx"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    UP_TO = "up_to"


class ClaimType(StrEnum):
    STATISTIC = "statistic"
    DATE = "date"
    EVENT = "event"
    QUOTE = "quote"
    COMPARISON = "comparison"
    PREDICTION = "prediction"
    CAUSAL = "causal"


@dataclass(frozen=True)
class Quantity:
    """A figure in a claim. `value` is in base units (1,7 triệu → 1700000.0; 90% → 90.0, unit "percent").

    A range ("từ 1.200 đến 2.000") has `value` 1200.0 and `high` 2000.0.
    """

    text: str
    start: int
    end: int
    value: float
    unit: str | None = None
    qualifier: Qualifier = Qualifier.EXACT
    high: float | None = None


@dataclass(frozen=True)
class DateMention:
    """A date in a claim. `value` is YYYY-MM-DD, --MM-DD (day and month only), YYYY-MM, --MM (month only) or YYYY."""

    text: str
    start: int
    end: int
    value: str


@dataclass(frozen=True)
class Claim:
    """One claim candidate: `text == article_text[start:end]` (NFC)."""

    text: str
    start: int
    end: int
    checkworthy: bool
    score: float
    types: tuple[ClaimType, ...] = ()
    reasons: tuple[str, ...] = ()
    speaker: str | None = None
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    rule_score: float | None = None  # the built-in rules' score; `score` is the desk's model's when it has one
    speaker_role: str | None = None  # the speaker's title as written beside the name ("Người phát ngôn Điện Kremlin")


@dataclass(frozen=True)
class Extraction:
    """What the engine found in one text: its language ("vi", "en") and every claim candidate."""

    language: str
    claims: tuple[Claim, ...] = field(default_factory=tuple)

    @property
    def checkworthy_claims(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.checkworthy)
