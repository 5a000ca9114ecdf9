"""The duplicate rule, in one place, and why a pair is what it is, in words.

Two claims are the same claim (`Relation.DUPLICATE`) when these hold together:
- their texts are close (`closeness` at least `DUPLICATE_CLOSENESS`, or `FIGURE_BACKED_CLOSENESS` when both state
  the same telling figure), or, written in two languages, their meanings are (a multilingual cosine at least the
  calibrated one);
- they state the same figures: each figure of one has a figure of the other with the same value, the same unit
  where both name one and the same direction of hedging ("hơn 52" is not "dưới 52");
- they have the same polarity: as many negations ("không", "chưa", "not") in each;
- within one language, neither turns a word into its opposite ("tăng" / "giảm") nor replaces a name by another
  ("Nga" / "Ukraine"): `claims.matching.contrasts`.

Everything that pairs claims (the reranker, the ordering by meaning, the grouping of a whole collection) calls
`judge`, and the page, `factcheck match` and the report show its `why`. Figures are read by
`claims.quantities.find_quantities` (value, unit, qualifier) and dates by `claims.dates.find_dates`, so every way
of writing a figure that reading understands ("2,3 triệu" = "2.300.000") is understood here too.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process, utils

from claims.decoration import plain_text
from claims.folding import fold, nfc
from claims.language import language_name
from claims.matching.contrasts import opposite_words, other_names, swapped_places, swapped_term
from claims.matching.normalize import STOP_WORDS, match_text, strip_social
from claims.matching.polarity import negation_count, negation_spans
from claims.model import Qualifier
from claims.workflow import Relation
from translations import _

__all__ = ["DUPLICATE_CLOSENESS", "FIGURE_BACKED_CLOSENESS", "LEAST_CLOSENESS", "Relation", "Figure", "FigurePair",
           "Side", "Judgement", "figures_of", "side_of", "closeness", "content_words", "compare_figures", "explain",
           "judge", "opposite_phrase"]

# Texts at least this close (0-100, see `rerank.closeness`) are the same claim if their figures and polarity agree.
DUPLICATE_CLOSENESS = 80.0
# ... or at least this close when they also state the same telling figure: a count, a sum of money, a share or a
# date that both give ("141 quốc gia" / "141 nước", "tới 90% lãnh thổ Donbas" / "khoảng 90% vùng Donbas"). Two
# different claims rarely share a figure like that and most of their words; a reworded one often falls below 80.
FIGURE_BACKED_CLOSENESS = 70.0
LEAST_CLOSENESS = min(DUPLICATE_CLOSENESS, FIGURE_BACKED_CLOSENESS)  # below it no pair is a duplicate

# Hedges that point opposite ways: "hơn 50" is not "dưới 50". "lên đến"/"up to" (UP_TO) is left out: in news it
# mostly reports a total reached ("số người chết lên đến 269"), which "ít nhất 269" may well restate.
_ABOVE = {Qualifier.MORE_THAN, Qualifier.AT_LEAST}
_BELOW = {Qualifier.LESS_THAN, Qualifier.AT_MOST}
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_SHOWN_WORDS = 4  # shared words named in a "shares the words" reason


@dataclass(frozen=True)
class Figure:
    """A figure as matching compares it: a quantity (value in base units, unit, qualifier), a date, or a bare number.

    `text` is the figure as written in the claim, shown to the reviewer.
    """

    text: str
    value: float | str
    high: float | None = None
    unit: str | None = None
    qualifier: Qualifier = Qualifier.EXACT

    def agrees_with(self, other: Figure, *, same_language: bool = True) -> bool:
        """Same value (and range), a unit only where both name one and it is the same, hedged the same way.

        Units are compared where a different one changes the claim and the words around it barely show it: money
        and shares (USD ≠ VND, percent ≠ a count or points), units of measure (km ≠ miles), and the kind of thing
        counted (soldiers ≠ civilians, missiles ≠ aircraft). A share is the same as a fraction and as a percentage
        ("một nửa" = "50%"). Other counted things, and nouns of one kind ("498 quân nhân", "498 binh sĩ"; "3 phía",
        "3 hướng"), are the text's business, which closeness compares; and units are compared within one language.
        """
        if self.value != other.value or self.high != other.high:
            return _same_year(self, other) or _same_year(other, self) or (
                (_same_share(self, other) or _same_length_of_time(self, other))
                and _direction(self) * _direction(other) >= 0)
        if (same_language and self.unit and other.unit and self.unit != other.unit
                and (_money_or_share(self.unit) or _money_or_share(other.unit)
                     or _other_kinds(self.unit, other.unit) or _other_measure(self.unit, other.unit))):
            return False
        return _direction(self) * _direction(other) >= 0


def _same_length_of_time(mine: Figure, theirs: Figure) -> bool:
    """Whether two lengths of time written in different units are one: "bốn thập kỷ" and "40 năm", "1 tiếng rưỡi"
    and "90 phút", "2 ngày" and "48 giờ" (months and days never: a month has no fixed number of days)."""
    a, b = _TIME_IN.get(mine.unit or ""), _TIME_IN.get(theirs.unit or "")
    if not a or not b or a[0] != b[0] or not isinstance(mine.value, float) or not isinstance(theirs.value, float):
        return False

    def in_one_unit(value: float | None, per: int) -> float | None:
        return None if value is None else round(value * per, 6)

    return (in_one_unit(mine.value, a[1]), in_one_unit(mine.high, a[1])) \
        == (in_one_unit(theirs.value, b[1]), in_one_unit(theirs.high, b[1]))


# "Gần 2.400", "nearly 2,400": approximately, and from below; "hơn 2.400" says the opposite.
_FROM_BELOW = re.compile(r"^\W*(?:gần|ngót|non|nearly|almost|close to|just under)(?![^\W\d_])", re.IGNORECASE)


def _direction(figure: Figure) -> int:
    """+1 for a figure hedged upward ("hơn", "ít nhất"), -1 downward ("dưới", "gần", "nearly"), 0 otherwise."""
    if figure.qualifier in _ABOVE:
        return 1
    if figure.qualifier in _BELOW or (figure.qualifier is Qualifier.APPROX and _FROM_BELOW.match(figure.text)):
        return -1
    return 0


def _same_year(date: Figure, bare: Figure) -> bool:
    """A year written as a date ("năm 2008") and bare ("kể từ 2008"): the same figure."""
    return (date.unit == "date" and isinstance(date.value, str) and bare.unit is None and bare.high is None
            and isinstance(bare.value, float) and 1800 <= bare.value <= 2100 and date.value == f"{bare.value:.0f}")


def _by_word(sorts: dict[str, str]) -> dict[str, str]:
    """Each word of `sorts` ({sort: "word|word|…"}), as written in small letters and folded (as `match_text` writes
    it, for a term put in another's place), to its sort."""
    return {key: sort for sort, words in sorts.items() for word in words.split("|")
            for key in (word.lower(), fold(word))}


# What is counted, where a paraphrase keeps the kind: soldiers are not civilians, nor children ("2.000 binh sĩ" /
# "2.000 dân thường"); missiles are not aircraft, nor provinces cities ("1.100 tên lửa" / "1.100 máy bay"). Any
# noun within one kind may stand for another ("quân nhân" / "binh sĩ", "quốc gia" / "nước"); "người" and the nouns
# of no kind are left to the words around them.
_COUNTED_KINDS = _by_word({
    "military": "binh sĩ|binh lính|quân nhân|lính|quân|chiến binh|tay súng|chiến sĩ|lính thủy đánh bộ|lính dù|"
                "lính đánh thuê|sĩ quan|tù binh|soldiers|troops|servicemen|fighters",
    "civilian": "dân thường|thường dân|người dân|cư dân|civilians|residents",
    "child": "trẻ em|bé gái|bé trai|cậu bé|cô bé|em bé|trẻ sơ sinh|children|kids",
    "aircraft": "máy bay|chiến đấu cơ|phi cơ|aircraft|planes|jets|warplanes",
    "helicopter": "trực thăng|helicopters",
    "drone": "UAV|drone|drones|flycam",
    "missile": "tên lửa|rocket|missiles|rockets",
    "tank": "xe tăng|tanks",
    "armour": "xe bọc thép|armoured vehicles|armored vehicles",
    "gun": "pháo|lựu pháo|súng cối|howitzers|guns|mortars",
    "ship": "tàu chiến|tàu ngầm|chiến hạm|warships|submarines",
    "country": "quốc gia|nước|countries|nations|states",
    "province": "tỉnh|provinces",
    "city": "thành phố|cities",
    "village": "làng|ngôi làng|villages",
    "hospital": "bệnh viện|cơ sở y tế|hospitals|health facilities|medical facilities",
    "school": "trường|trường học|schools",
})


def _other_kinds(unit: str, other: str) -> bool:
    """Whether two counted nouns count different kinds of thing (`_COUNTED_KINDS`)."""
    mine, theirs = _COUNTED_KINDS.get(unit.lower()), _COUNTED_KINDS.get(other.lower())
    return mine is not None and theirs is not None and mine != theirs


# What befell the people a war report counts: the model reads "đã đầu hàng" and "đã được sơ tán" in one long
# sentence alike (cosine 0.988), yet the soldiers who surrendered are not the soldiers evacuated.
_FATES = _by_word({
    "killed": "thiệt mạng|tử vong|tử trận|chết|hy sinh|killed|died",
    "wounded": "bị thương|wounded|injured",
    "captured": "bị bắt|bị bắt giữ|bị bắt làm tù binh|captured|taken prisoner",
    "surrendered": "đầu hàng|ra hàng|hạ vũ khí|surrendered",
    "evacuated": "sơ tán|di tản|được sơ tán|evacuated",
    "missing": "mất tích|missing",
    "freed": "được thả|được trả tự do|được trao trả|freed|released",
})


# Lengths of time: "trong một tuần" is not "trong một tháng", however alike the model reads them.
_SPANS = _by_word({
    "hour": "giờ|tiếng|hour|hours", "day": "ngày|day|days", "week": "tuần|week|weeks",
    "month": "tháng|month|months", "year": "năm|year|years", "decade": "thập kỷ|decade|decades",
})


# Armed services: a naval exercise is not an air one.
_SERVICES = _by_word({
    "navy": "hải quân|navy|naval", "air force": "không quân|air force", "army": "lục quân|army",
    "air defence": "phòng không|air defence|air defense", "marines": "thủy quân lục chiến|lính thủy đánh bộ|marines",
})


def _other_sorts(term: str, other: str, mine: str, theirs: str) -> bool:
    """Whether two folded terms, alone or with the word they share after or before them in the two `match_text`
    forms ("hai" / "khong" before "quan"), tell of different things befalling people (`_FATES`), are different
    lengths of time (`_SPANS`) or different armed services (`_SERVICES`)."""
    def around(words: str, norm: str) -> list[str]:
        m = re.search(rf"(?:(?<=\s)|^)(?:(?P<before>\S+)\s)?{re.escape(words)}(?:\s(?P<after>\S+))?(?=\s|$)", norm)
        if m is None:
            return [words, words, words]
        return [words, f"{words} {m.group('after')}" if m.group("after") else words,
                f"{m.group('before')} {words}" if m.group("before") else words]

    for one, two in zip(around(term, mine), around(other, theirs), strict=True):
        for sorts in (_FATES, _SPANS, _SERVICES):
            a, b = sorts.get(one), sorts.get(two)
            if a is not None and b is not None and a != b:
                return True
    return False


def _in_words(figure: Figure, other: Side) -> bool:
    """Whether a figure only one claim states in digits the other states in words: a count of one
    (`_one_in_words`), or the year before a year both state ("so với năm 2020" / "so với năm trước" after "Năm
    2021")."""
    if figure.unit == "date" and isinstance(figure.value, str) and len(figure.value) == 4 \
            and _THE_YEAR_BEFORE.search(other.raw):
        return any(f.unit == "date" and f.value == f"{int(figure.value) + 1:04d}" for f in other.figures)
    return _one_in_words(figure, other.raw)


_THE_YEAR_BEFORE = re.compile(r"so với (?:cùng kỳ )?(?:năm trước|năm ngoái)|(?:than|from|on) (?:the )?previous year"
                              r"|(?:than|from) a year (?:earlier|before)", re.IGNORECASE)


def _one_in_words(figure: Figure, other: str) -> bool:
    """Whether a count of one ("1 trực thăng", "1 helicopter") is written in the other claim in words ("một trực
    thăng", "một chiếc trực thăng", "one helicopter", "a helicopter")."""
    if figure.value != 1 or figure.high is not None or not figure.unit or figure.unit in ("date", "quarter") \
            or _money_or_share(figure.unit):
        return False
    return re.search(rf"(?<![^\W\d_])(?:một|one|an?)\s+(?:(?:chiếc|quả|khẩu|con|cái|tòa|ngôi)\s+)?"
                     rf"{re.escape(figure.unit)}(?![^\W\d_])", other, re.IGNORECASE) is not None


def _same_share(mine: Figure, theirs: Figure) -> bool:
    """A share written as a fraction and as a percentage: "một nửa" is "50%", "2/3" is "67%"."""
    for fraction, percent in ((mine, theirs), (theirs, mine)):
        if fraction.unit is None and percent.unit == "percent" and fraction.high is None and percent.high is None \
                and isinstance(fraction.value, float) and isinstance(percent.value, float) \
                and 0 < fraction.value < 1 and abs(fraction.value * 100 - percent.value) < 0.5:
            return True
    return False


def _money_or_share(unit: str | None) -> bool:
    """A currency code (USD, VND, as reading writes them), a percentage or a change in percentage points."""
    return unit is not None and (unit in ("percent", "percentage points")
                                 or (unit.isascii() and unit.isalpha() and unit.isupper()
                                     and unit.lower() not in _COUNTED_KINDS))  # "2 UAV" counts drones


# Units of measure as reading writes them ("độ" is "°C"): another unit of measure is another figure ("64 km" /
# "64 dặm").
_MEASURES = frozenset("km mile m cm mm km2 m2 m3 ha kg tấn lít MW GW kWh °C feet".split()) | {"nautical mile"}


def _other_measure(unit: str, other: str) -> bool:
    mine, theirs = ("°C" if u == "độ" else u for u in (unit, other))
    return mine in _MEASURES and theirs in _MEASURES and mine != theirs


@dataclass(frozen=True)
class FigurePair:
    """A figure of each claim, side by side; `mine` or `theirs` is None when only one claim states it."""

    mine: Figure | None
    theirs: Figure | None
    same: bool = False


_PAST_DAY_VI = re.compile(r"24\s*(?:giờ|tiếng|h)\s+(?:qua|vừa qua)(?![^\W\d_])", re.IGNORECASE)


def _the_past_day(text: str, start: int) -> bool:
    """Whether the figure at `start` is the day a bulletin covers: "trong 24 giờ qua", "in the past 24 hours"."""
    if _PAST_DAY_VI.match(text, start):
        return True
    return text[max(0, start - 5):start].lower() in ("past ", "last ") and text[start:start + 7].lower() == "24 hour"


@lru_cache(maxsize=50_000)
def figures_of(text: str) -> tuple[Figure, ...]:
    """The figures of a claim in the order written: its quantities, its dates, and any other number (links and a
    copied tweet's signature left out, as `strip_social` does).

    >>> [f.value for f in figures_of("Hơn 2,3 triệu người ở 7 tỉnh ngày 8/3")]  # doctest: +SKIP
    [2300000.0, 7.0, '--03-08']
    """
    from claims.dates import find_dates
    from claims.quantities import find_quantities
    from claims.vi_numbers import vietnamese_ranks

    text = strip_social(nfc(text))  # a tweet's signature date and a link's digits are not the claim's figures
    if not any(ch.isdigit() for ch in text) and not _may_hold_number_words(text) and "thứ" not in text.lower():
        return ()
    dates = find_dates(text)
    spans = [(d.start, d.end) for d in dates]
    found: list[tuple[int, Figure]] = [(d.start, Figure(d.text, d.value, unit="date")) for d in dates]
    for m in _QUARTER_IN_MONTHS.finditer(text):  # "3 tháng đầu năm" is the first quarter, "quý I"
        if not any(s < m.end() and m.start() < e for s, e in spans):
            spans.append((m.start(), m.end()))
            quarter = "Q1" if m.group("end").lower() == "đầu" else "Q4"
            found.append((m.start(), Figure(m.group(), quarter, unit="quarter")))
    for q in find_quantities(text, exclude=spans):
        spans.append((q.start, q.end))
        if q.value == 24 and _the_past_day(text, q.start):
            continue  # "trong 24 giờ qua" is "trong ngày qua", the day a bulletin covers, as "past 24 hours" is
        unit = "UAV" if q.unit == "máy bay" and _UNMANNED.match(text, q.end) else q.unit  # "máy bay không người
        # lái" counts drones, as "UAV" does, though reading names the word counted, "máy bay"
        found.append((q.start, Figure(q.text, q.value, q.high, unit, q.qualifier)))
    for m in _QUARTER.finditer(text):  # "quý 1" and "quý I" state one quarter
        if not any(s < m.end() and m.start() < e for s, e in spans):
            spans.append((m.start(), m.end()))
            found.append((m.start(), Figure(m.group(), f"Q{_QUARTERS[m.group('q').upper()]}", unit="quarter")))
    for m in _DIGITS.finditer(text):  # numbers reading does not take for a figure ("COVID-19", "có141"): bare
        if not any(s < m.end() and m.start() < e for s, e in spans):
            found.append((m.start(), Figure(m.group(), _bare_value(m.group()))))
    for start, end, value in vietnamese_ranks(text):  # "bên thứ ba" states the same rank as "bên thứ 3"
        if not any(s < end and start < e for s, e in spans):
            found.append((start, Figure(text[start:end], value)))  # shown as written: "thứ ba"
    return tuple(f for _, f in sorted(found, key=lambda pair: pair[0]))


# Lengths of time compared in one unit: minutes up to weeks, months up to centuries (a month is no fixed number of
# days, so "3 tháng" and "90 ngày" stay apart).
_TIME_IN = {
    "phút": ("minutes", 1), "minutes": ("minutes", 1), "giờ": ("minutes", 60), "hours": ("minutes", 60),
    "ngày": ("minutes", 1440), "days": ("minutes", 1440), "tuần": ("minutes", 10080), "weeks": ("minutes", 10080),
    "tháng": ("months", 1), "months": ("months", 1), "năm": ("months", 12), "years": ("months", 12),
    "thập kỷ": ("months", 120), "thập niên": ("months", 120), "decades": ("months", 120), "thế kỷ": ("months", 1200),
}
_QUARTER = re.compile(r"(?<![^\W\d_])[Qq]uý\s+(?P<q>IV|I{1,3}|[1-4])(?![^\W\d_])")
_UNMANNED = re.compile(r"\s+không\s+người\s+lái(?![^\W\d_])", re.IGNORECASE)
_QUARTER_IN_MONTHS = re.compile(r"(?<![^\W\d_])(?:3|ba)\s+tháng\s+(?P<end>đầu|cuối)\s+năm(?![^\W\d_])",
                                re.IGNORECASE)
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _bare_value(digits: str) -> float | str:
    """A bare number's value, so that "141" glued to a word equals "141 quốc gia" read as a quantity."""
    from claims.quantities import parse_number

    try:
        return parse_number(digits, "vi")
    except ValueError:
        return digits


def _may_hold_number_words(text: str) -> bool:
    """Whether a text without digits may still state a figure in words ("bảy tỉnh", "two million")."""
    from claims.quantities import find_quantities

    return bool(find_quantities(text))


def _endpoints(figures: Sequence[Figure]) -> list[Figure]:
    """Each range as its two ends, so "20-25 người" agrees with "khoảng 20 … 25 người" read as two figures."""
    out: list[Figure] = []
    for f in figures:
        if f.high is None:
            out.append(f)
        else:
            out += [Figure(f.text, f.value, None, f.unit), Figure(f.text, f.high, None, f.unit)]
    return out


def compare_figures(mine: Sequence[Figure], theirs: Sequence[Figure], *,
                    same_language: bool = True) -> tuple[FigurePair, ...]:
    """The figures of two claims paired: agreeing ones first matched one to one, then the rest side by side.

    Every pair is `same` exactly when both claims state the same figures.
    """
    left = _endpoints(theirs)
    agreeing: list[FigurePair] = []
    unmatched: list[Figure] = []
    for figure in _endpoints(mine):
        match = next((i for i, other in enumerate(left) if figure.agrees_with(other, same_language=same_language)),
                     None)
        if match is None:
            unmatched.append(figure)
        else:
            agreeing.append(FigurePair(figure, left.pop(match), True))
    differing = [FigurePair(a, b) for a, b in zip(unmatched, left, strict=False)]
    differing += [FigurePair(a, None) for a in unmatched[len(left):]]
    differing += [FigurePair(None, b) for b in left[len(unmatched):]]
    return tuple(agreeing + differing)


@dataclass(frozen=True)
class Side:
    """One claim as the rule reads it: as written, normalised, its figures and its negations."""

    raw: str
    norm: str
    figures: tuple[Figure, ...]
    negations: int
    language: str | None = None


def side_of(raw: str, norm: str | None = None, language: str | None = None) -> Side:
    """A claim read once for the rule (pass `norm`, the `match_text`, when it is already known)."""
    raw = plain_text(nfc(raw))  # letters in disguise read as the letters they show ("khôпg" denies)
    if language is None:
        from claims.language import detect_language

        language = detect_language(raw)
    return Side(raw, norm if norm is not None else match_text(raw), figures_of(raw), negation_count(raw), language)


@dataclass(frozen=True)
class Judgement:
    """The relation of a pair and why, in words ("different figure: 52 người ≠ 48 người")."""

    relation: Relation
    why: str
    figures: tuple[FigurePair, ...] = ()
    difference: str = ""  # what keeps the pair apart whatever the wording: a figure or a negation, in words

    @property
    def figures_differ(self) -> bool:
        return any(not p.same for p in self.figures)


def _telling(figure: Figure | None) -> bool:
    """A figure two different claims rarely share: a date, a share (a percentage or a fraction), a sum of money, or
    a count of ten or more (a small bare number, "số 3", "2 bên", is common to many claims)."""
    if figure is None:
        return False
    if figure.unit == "date" or _money_or_share(figure.unit):
        return True
    if figure.unit is None and isinstance(figure.value, float) and 0 < figure.value < 1:
        return True  # a share written as a fraction: "2/3", "ba phần tư", "two-thirds"
    return isinstance(figure.value, float) and (figure.value >= 100 or (figure.value >= 10 and figure.unit is not None))


def _shown(figure: Figure | None) -> str:
    return figure.text if figure is not None else "—"


def _same_shown(mine: Figure, theirs: Figure) -> str:
    """An agreeing figure once when both claims write it alike, else both ways: "2,3 triệu = 2.300.000"."""
    return mine.text if mine.text.casefold() == theirs.text.casefold() else f"{mine.text} = {theirs.text}"


def _figure_words(pairs: Sequence[FigurePair]) -> list[str]:
    differing = [p for p in pairs if not p.same]
    if differing:
        shown = "; ".join(dict.fromkeys(f"{_shown(p.mine)} ≠ {_shown(p.theirs)}" for p in differing))
        if len(differing) == 1:
            return [_("different figure: {figures}").format(figures=shown)]
        return [_("different figures: {figures}").format(figures=shown)]
    if pairs:
        shown = "; ".join(dict.fromkeys(_same_shown(p.mine, p.theirs) for p in pairs
                                        if p.mine is not None and p.theirs is not None))
        return [_("same figures: {figures}").format(figures=shown)]
    return []


def opposite_phrase(text: str, words: int = 3) -> str:
    """The first negation of `text` with the words after it: "không giữ đúng lời hứa …"."""
    spans = negation_spans(text)
    if not spans:
        return ""
    start = spans[0][0]
    after = text[start:].split()
    return " ".join(after[:words + 1]) + (" …" if len(after) > words + 1 else "")


def _shared_words(a_norm: str, b_norm: str, a_raw: str) -> str:
    """The content words both claims use, written as in the first claim where it can be found."""
    theirs = set(b_norm.split())
    shared = [w for w in dict.fromkeys(a_norm.split()) if w in theirs and w not in STOP_WORDS and not w[0].isdigit()]
    return ", ".join(_as_written(w, a_raw) for w in shared[:_SHOWN_WORDS])


# Two texts alike but for one term say the same thing when the multilingual cosine of the whole texts reaches this:
# a synonym put in ("bắn" / "phóng", "lính" / "binh sĩ") keeps it at 0.985-0.998, another thing put in ("lạm phát" /
# "lãi suất", "thép" / "nhôm") leaves it at 0.94-0.97. Set on 36 written pairs of each kind and checked on 20
# written afterwards (`bench/written_vietnamese.py`, docs/measurements/duplicates.md).
SYNONYM_COSINE = 0.98


@lru_cache(maxsize=4096)
def _same_meaning(a: str, b: str) -> bool:
    """Whether two texts alike but for one term mean the same (`SYNONYM_COSINE`); False without the model."""
    from claims.matching.multilingual import encode, is_available

    if not is_available():
        return False
    va, vb = encode([a, b])
    return float(va @ vb) >= SYNONYM_COSINE


def _as_written(folded: str, raw: str) -> str:
    """Folded words as the claim writes them ("lam phat" → "Lạm phát"), where they can be found in order."""
    words = re.findall(r"\w+", raw)
    n = len(folded.split())
    for i in range(len(words) - n + 1):
        if fold(" ".join(words[i:i + n])) == folded:
            return " ".join(words[i:i + n])
    return folded


def content_words(norm: str) -> str:
    """A normalised text without its stop words: what closeness compares."""
    return " ".join(w for w in norm.split() if w not in STOP_WORDS)


def closeness(a: Sequence[str], b: Sequence[str]) -> list[list[float]]:
    """How close normalised texts are (0-100): the mean of token set and token sort ratios of content words.

    Token set alone calls a claim a duplicate of any longer text containing it; token sort alone punishes
    a paraphrase that drops one word. The mean keeps both honest.
    """
    left = [content_words(t) for t in a]
    right = [content_words(t) for t in b]
    kwargs = {"processor": utils.default_process, "workers": 1}
    tset = process.cdist(left, right, scorer=fuzz.token_set_ratio, **kwargs)
    tsort = process.cdist(left, right, scorer=fuzz.token_sort_ratio, **kwargs)
    return ((tset + tsort) / 2).tolist()


def explain(a: str, b: str) -> Judgement:
    """The relation of two claims seen on their own, and why (both in the same language, or by text alone).

    >>> explain("Giá xăng tăng 5%", "Giá xăng không tăng 5%").why
    'same figures: 5% · opposite: không tăng 5%'
    """
    mine, theirs = side_of(a), side_of(b)
    return judge(mine, theirs, closeness=closeness([mine.norm], [theirs.norm])[0][0])


def judge(mine: Side, theirs: Side, *, closeness: float, meaning: float | None = None,
          meaning_threshold: float | None = None) -> Judgement:
    """The relation of two claims and why.

    Same language: the texts must be at least `DUPLICATE_CLOSENESS` close (`FIGURE_BACKED_CLOSENESS` when they
    state the same telling figure). Across languages (`meaning` and
    `meaning_threshold` given) the cosine must reach the threshold instead. Both ways the figures must agree and
    the polarity be the same.

    >>> judge(side_of("Ít nhất 52 người thiệt mạng"), side_of("Ít nhất 48 người thiệt mạng"), closeness=90).why
    'different figure: ít nhất 52 người ≠ ít nhất 48 người'
    """
    cross = meaning is not None and meaning_threshold is not None
    pairs = compare_figures(mine.figures, theirs.figures, same_language=mine.language == theirs.language)
    # "1 trực thăng" is "một trực thăng", which reading leaves to the words since "một" is as often "a"
    pairs = tuple(p for p in pairs if not (p.mine and p.theirs is None and _in_words(p.mine, theirs))
                  and not (p.theirs and p.mine is None and _in_words(p.theirs, mine)))
    figures_agree = all(p.same for p in pairs)
    same_polarity = mine.negations == theirs.negations
    needed = FIGURE_BACKED_CLOSENESS if figures_agree and any(_telling(p.mine) for p in pairs) \
        else DUPLICATE_CLOSENESS
    close = meaning >= meaning_threshold if cross else closeness >= needed
    reasons = _figure_words(pairs)
    differences = reasons[:] if not figures_agree else []
    if not same_polarity:
        negated = mine.raw if mine.negations > theirs.negations else theirs.raw
        reasons.append(_("opposite: {phrase}").format(phrase=opposite_phrase(negated)))
        differences.append(reasons[-1])
    # Within one language, a word turned into its opposite or a name replaced by another is a different claim
    # ("tăng" / "giảm", "Nga" / "Ukraine"); across languages the words and spellings differ anyway.
    contrast = None if cross or mine.language != theirs.language else opposite_words(mine.raw, theirs.raw)
    if contrast:
        reasons.append(_("opposite words: {mine} ≠ {theirs}").format(mine=contrast[0], theirs=contrast[1]))
        differences.append(reasons[-1])
    names = None if cross or mine.language != theirs.language else other_names(mine.raw, theirs.raw)
    if names:
        reasons.append(_("other names: {mine} ≠ {theirs}").format(mine=names[0], theirs=names[1]))
        differences.append(reasons[-1])
    turned = None if cross or mine.language != theirs.language or contrast or names \
        else swapped_places(mine.norm, theirs.norm)
    if turned:  # "Ukraine … bắn hạ 7 máy bay Nga" / "Nga … bắn hạ 7 máy bay Ukraine": who did what to whom
        first, second = (_as_written(w, mine.raw) for w in turned)
        reasons.append(_("other names: {mine} ≠ {theirs}").format(mine=f"{first} … {second}",
                                                                  theirs=f"{second} … {first}"))
        differences.append(reasons[-1])
    # Checked last and only where nothing else tells the pair apart: it reads the words in order.
    term = None if cross or mine.language != theirs.language or not close or not figures_agree \
        or not same_polarity or contrast or names or turned else swapped_term(mine.norm, theirs.norm)
    if term and not _other_kinds(*term) and not _other_sorts(*term, mine.norm, theirs.norm) \
            and _same_meaning(mine.raw, theirs.raw):
        term = None  # a synonym ("phá hủy" / "tiêu diệt", "rời bỏ" / "rời khỏi"), not another thing; soldiers and
        # civilians read alike to the model, but are not
    if term:
        reasons.append(_("other words: {mine} ≠ {theirs}").format(mine=_as_written(term[0], mine.raw),
                                                                  theirs=_as_written(term[1], theirs.raw)))
        differences.append(reasons[-1])
    if cross:
        if close:
            reasons.insert(0, _("same meaning in {language}").format(language=language_name(theirs.language)))
        else:
            reasons.append(_("close in meaning, in {language}").format(language=language_name(theirs.language)))
    elif close and figures_agree and same_polarity and not pairs:
        reasons.append(_("close wording"))
    elif not close:
        words = _shared_words(mine.norm, theirs.norm, mine.raw)
        reasons.append(_("shares the words {words}").format(words=words) if words else _("close in meaning"))
    relation = Relation.DUPLICATE if close and figures_agree and same_polarity and not contrast and not names \
        and not turned and not term else Relation.RELATED
    return Judgement(relation, " · ".join(reasons), pairs, " · ".join(differences))

