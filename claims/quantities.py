"""Figures in a text: numbers with their scale, unit and hedge, read by Vietnamese or English conventions."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from claims.counted_nouns import COUNTED_NOUNS, classifier_after, counted_noun
from claims.language import detect_language
from claims.model import Qualifier, Quantity
from claims.vi_numbers import vietnamese_word_numbers
from claims.wordlists import longest_of

__all__ = ["find_quantities", "parse_number"]


# Spaces that group thousands in copied text: non-breaking, narrow non-breaking or thin ones (never between two
# figures), and plain spaces when they make two groups at least ("1 700 000").
_GROUPING_SPACES = str.maketrans("", "", "\u00a0\u202f\u2009 ")


def parse_number(token: str, language: str | None = None) -> float:
    """The value of a digit string with "." and "," separators.

    ``parse_number("1,7", "vi") == 1.7``, ``parse_number("1.700.000", "vi") == 1700000``,
    ``parse_number("1,700,000", "en") == 1700000``, ``parse_number("1.5", "en") == 1.5``.
    The separator pattern decides where it can (two kinds: the last one is the decimal mark; one kind repeated:
    grouping); a single separator followed by exactly three digits is the ambiguous case, where Vietnamese reads
    "." as grouping and "," as decimal, English the other way round, and an unknown language reads both as grouping.
    """
    token = token.translate(_GROUPING_SPACES)  # "1 700 000" with non-breaking or thin spaces, or two groups
    dots, commas = token.count("."), token.count(",")
    if dots and commas:
        decimal = "." if token.rfind(".") > token.rfind(",") else ","
        group = "," if decimal == "." else "."
        return float(token.replace(group, "").replace(decimal, "."))
    if not dots and not commas:
        return float(token)
    sep = "." if dots else ","
    if dots + commas > 1:
        return float(token.replace(sep, ""))
    head, tail = token.split(sep)
    if len(tail) == 3 and head != "0":
        grouping = {"vi": ".", "en": ","}.get(language or "", sep)
        if sep == grouping:
            return float(head + tail)
    return float(f"{head}.{tail}")


def _variants(words: Iterable[str]) -> set[str]:
    """`words` in lower, Capitalised and UPPER case."""
    return {v for w in words for v in (w, w.lower(), w[:1].upper() + w[1:], w.upper())}


def _alternation(words: Iterable[str]) -> str:
    """Regex for the longest of `words` in lower, Capitalised or UPPER case (claims/wordlists.py).

    Spelling the cases out instead of using re.IGNORECASE keeps the regex engine's fast scan for a first
    character, which makes the whole-article passes several times faster. Longest first, so "nghìn tỷ" wins
    over "nghìn" and "more than" over "more".
    """
    return longest_of(_variants(words))


_VI_SCALES = {
    "nghìn tỷ": 1e12, "ngàn tỷ": 1e12, "nghìn tỉ": 1e12, "ngàn tỉ": 1e12,
    "triệu tỷ": 1e15, "triệu tỉ": 1e15,  # the state budget: "1,44 triệu tỷ đồng"
    "trăm": 1e2, "chục": 1e1, "nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9,
    "vạn": 1e4,  # ten thousand, "hàng vạn người"
    # As typed without diacritics on social media. "tram" and "chuc" are left out: "5 tram" is as often five
    # stations (trạm) as five hundred.
    "nghin ty": 1e12, "ngan ty": 1e12, "nghin ti": 1e12, "ngan ti": 1e12,
    "nghin": 1e3, "ngan": 1e3, "trieu": 1e6, "ty": 1e9, "ti": 1e9,
}
# Bare syllables that are a scale only right after a number, and not even there before "vi" (ti vi, a TV) or
# "le" (tỷ lệ typed bare, a rate). Too common inside other words to be hints for the number-word pass.
_BARE_SCALES = {"ty", "ti", "ngan"}
_NOT_A_SCALE_AFTER = re.compile(r"\s+(?:vi|le|lệ)(?![^\W\d_])", re.IGNORECASE)
_SCALES = {
    **_VI_SCALES,
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12,
}
# "m" and "k" are scales only glued to a currency figure ("$5m"); after a bare number "5 m" is metres.
_CURRENCY_ONLY_SCALES = {"k", "m", "mn", "bn", "tn"}

_UNITS = {
    "%": "percent", "phần trăm": "percent", "percent": "percent", "per cent": "percent", "pct": "percent",
    # a change of a share in points is not a change in percent ("tăng 2 điểm phần trăm" / "tăng 2%")
    "percentage points": "percentage points", "percentage point": "percentage points",
    "điểm phần trăm": "percentage points", "điểm %": "percentage points",
    "usd": "USD", "đô la mỹ": "USD", "đô la": "USD", "đôla": "USD", "dollars": "USD", "dollar": "USD",
    "đồng": "VND", "vnd": "VND", "vnđ": "VND", "euro": "EUR", "euros": "EUR", "eur": "EUR",
    "yuan": "CNY", "nhân dân tệ": "CNY", "rúp": "RUB", "rubles": "RUB", "roubles": "RUB", "yên": "JPY", "yen": "JPY",
    "bảng anh": "GBP", "won": "KRW",
    "km2": "km2", "km²": "km2", "km": "km", "kilômét": "km", "kilometres": "km", "kilometers": "km", "miles": "mile",
    "dặm": "mile", "cây số": "km", "hải lý": "nautical mile", "nautical miles": "nautical mile",
    "ki-lô-mét": "km", "ki-lô-gam": "kg", "feet": "feet", "foot": "feet",
    "mét": "m", "metres": "m", "meters": "m", "cm": "cm", "mm": "mm", "m2": "m2", "m²": "m2", "m3": "m3", "m³": "m3",
    "mét khối": "m3", "cubic metres": "m3", "cubic meters": "m3",
    "kg": "kg", "kilôgam": "kg", "kilograms": "kg", "tấn": "tấn", "tonnes": "tấn", "tons": "tấn",
    "ha": "ha", "hecta": "ha", "hectares": "ha", "lít": "lít", "litres": "lít", "liters": "lít",
    "mw": "MW", "gw": "GW", "kwh": "kWh", "độ c": "°C", "°c": "°C", "độ": "độ", "degrees": "độ",
    "người": "người", "people": "people", "persons": "people", "residents": "people", "citizens": "people",
    "ca": "ca", "trường hợp": "ca", "cases": "cases", "deaths": "deaths", "jobs": "jobs", "votes": "votes",
    "lần": "lần", "times": "times", "tuổi": "tuổi", "years old": "years old",
    "năm": "năm", "tháng": "tháng", "tuần": "tuần", "ngày": "ngày", "giờ": "giờ", "phút": "phút", "m": "m",
    "years": "years", "year": "years", "months": "months", "weeks": "weeks", "days": "days", "hours": "hours",
    "minutes": "minutes", "decades": "decades", "decade": "decades",
    "tiếng": "giờ",  # "2 tiếng" is two hours; not "3 tiếng nổ", sounds (`_A_SOUND`)
}
_A_SOUND = re.compile(r"\s+(?:nổ|súng|động|kêu|la|hét|còi|chuông|gõ|rít|gầm|pháo|đạn|khóc|cười)(?![^\W\d_])"
                      r"|\s+[A-ZĐÀ-Ỹ]")  # or a language: "hai tiếng Anh"


def _not_hours(text: str, after: int) -> bool:
    """Whether "tiếng" ending at `after` is a sound or a language, not hours: "3 tiếng nổ", "hai tiếng Anh"."""
    return _A_SOUND.match(text, after) is not None
_CURRENCY_PREFIX = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₫": "VND"}

_QUALIFIERS = {
    Qualifier.APPROX: ["khoảng", "chừng", "ước tính", "ước", "gần", "xấp xỉ", "hàng", "trên dưới", "tầm", "ngót",
                       "ngót nghét", "non", "around", "about",
                       "approximately", "roughly", "nearly", "almost", "some", "an estimated", "estimated",
                       "close to", "circa", "approx."],
    Qualifier.MORE_THAN: ["hơn", "trên", "ngoài", "vượt", "over", "more than", "above", "upwards of", "in excess of",
                          "exceeding"],
    Qualifier.AT_LEAST: ["ít nhất", "tối thiểu", "không dưới", "at least", "no fewer than", "no less than",
                         "a minimum of"],
    Qualifier.LESS_THAN: ["dưới", "chưa đến", "chưa tới", "không đến", "less than", "fewer than", "under", "below"],
    Qualifier.AT_MOST: ["tối đa", "không quá", "nhiều nhất", "at most", "no more than", "a maximum of"],
    # Bare "đến" is mostly "to" ("đề cập đến 3 cái tên"); "tới" and "lên đến" say "as many as".
    Qualifier.UP_TO: ["lên tới", "lên đến", "tới", "up to", "as many as", "as much as"],
}
_QUALIFIER_BY_WORD = {w: q for q, ws in _QUALIFIERS.items() for w in ws}
_AFTER_QUALIFIERS = {"trở lên": Qualifier.AT_LEAST, "or more": Qualifier.AT_LEAST,
                     "trở xuống": Qualifier.AT_MOST, "or less": Qualifier.AT_MOST, "or fewer": Qualifier.AT_MOST}

_EN_WORD_VALUES = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "half": 0.5,
}
_VI_WORD_VALUES = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
    "mười": 10, "mươi": 10, "vài": 2, "hàng": 1, "nửa": 0.5,
}

# Grouped digits (1.700.000) or plain ones (1700, 1,7). The shared first digit is written once, outside the
# alternation: a pattern that opens with one character class is scanned for that class at C speed.
_NUM = (r"\d(?:\d{0,2}(?:[.,]\d{3})+(?:[.,]\d+)?|\d{0,2}(?:[\u00a0\u202f\u2009]\d{3})+(?![.,]?\d)"
        r"|\d{0,2}(?: \d{3}){2,}(?![.,]?\d)|\d*(?:[.,]\d+)?)")
_SCALE_RE = _alternation(_SCALES)
_UNIT_RE = _alternation(_UNITS)

# One figure: optional currency sign, digits, optional fraction, scale word and unit. Every part is bounded
# and anchored on a digit, so the pattern cannot backtrack more than a few characters.
_FIGURE = re.compile(
    rf"(?P<num>{_NUM})(?:\s?/\s?(?P<den>\d{{1,4}})(?![\d/]))?"
    rf"(?:[^\S\n]*(?P<scale>{_SCALE_RE})(?![^\W_]))?"  # not "m" of "m2", "m3"; never past a line's end
    rf"(?:[^\S\n]*(?P<unit>{_UNIT_RE})(?![^\W\d_]))?",
)
_WORD_SCALES = _alternation(w for w in _SCALES if w not in _CURRENCY_ONLY_SCALES)
_WORD_FIGURE = re.compile(
    rf"\b(?P<words>(?:(?:{_alternation(_EN_WORD_VALUES)})(?:[\s-]+|\s+and\s+(?=an?\s+half\b))){{0,3}}"
    rf"(?:{_alternation(_EN_WORD_VALUES)})|(?:{_alternation(_VI_WORD_VALUES)}))"
    rf"(?:\s+(?P<scale>(?:{_WORD_SCALES})(?:\s+(?:of\s+)?(?:{_WORD_SCALES}))?))?"
    rf"(?:\s+(?P<unit>{_UNIT_RE}))?\b",
)
_UNIT_AFTER = re.compile(rf"[^\S\n]+(?P<unit>{_UNIT_RE})(?![^\W\d_])")
_CURRENCY_BEFORE = re.compile(r"(?P<cur>US\$|[$€£¥₫]) ?$")
_QUALIFIER_BEFORE = re.compile(rf"(?P<q>{_alternation(_QUALIFIER_BY_WORD)})\s*$")
# A hedge word before a figure ends in one of these characters, then only spaces: most figures have none, and this
# test spares them the search.
_QUALIFIER_ENDINGS = frozenset(v[-1] for v in _variants(_QUALIFIER_BY_WORD))
_CURRENCY_SIGNS = frozenset("$€£¥₫")
_QUALIFIER_AFTER = re.compile(rf"\s*(?P<q>{_alternation(_AFTER_QUALIFIERS)})\b")
_RANGE_JOIN = re.compile(r"\s*(?P<join>-|–|—|~|đến|tới|to|and)\s*", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?:^|[^\w])(?P<open>từ|from|between|khoảng từ|trong khoảng)\s*$", re.IGNORECASE)
_AFTER_DAY_WORD = re.compile(r"(?:ngày|hôm|sáng|tối|chiều|trưa|đêm|on)\s*\(?\s*$", re.IGNORECASE)
# Words that make a bare English number word a count worth reporting only when a scale or unit follows.
_WEAK_WORDS = {"a", "an", "one", "half", "hàng", "vài", "nửa"}


_GLUED_RUN = re.compile(r"[^\W_]*")
# A space lost between a Vietnamese word and a number ("có141 quốc gia", as text copied from some pages reads): a
# lower-case word holding a Vietnamese letter, right before the digits. Codes are written in capitals or ASCII
# ("Su-34", "A320", "mp3"). A word that numbers a thing ("số12", "tầng12") is no lost space: `_NAMING_BEFORE`.
_LOST_SPACE_BEFORE = re.compile(r"(?<![^\W\d_])(?=[^\W\d_]*[à-ỹđ])(?-i:[a-zà-ỹđ]{2,7})$")


def _lost_space(text: str, start: int) -> bool:
    """Whether the word glued before the digits at `start` lost its space ("có141"), not numbers a thing ("số12")."""
    return bool(_LOST_SPACE_BEFORE.search(text, max(0, start - 12), start)) \
        and not _NAMING_BEFORE.search(text[max(0, start - 16):start] + " ")


def _glued_to_word(text: str, start: int, end: int, unit_end: int | None = None) -> bool:
    """Digits that are part of a name, code or clock time: COVID-19, G7, F-16, Q.1, 10h30, 10:30, A320.

    A unit written against the number ("5km", "10ha", "3kg", "30.000đ"), ending where a word ends and not followed
    by more digits, does not glue it: `unit_end` is where such a unit ends."""
    before = text[start - 1] if start > 0 else " "
    if before == "_" or before.isdigit() or (before.isalpha() and not _lost_space(text, start)):
        return True  # a digit before: the rest of a code a unit was taken from ("3M22", not "3 m²" and "2")
    if start > 1 and ((before == "-" and text[start - 2].isalpha())
                      or (before in ".:" and text[start - 2].isalnum())):
        return True
    after = text[end] if end < len(text) else " "
    if after.isalpha() and unit_end is not None and not text[unit_end:unit_end + 1].isalnum():
        return False
    return after.isalpha() or after == "_" or (after == ":" and text[end + 1: end + 2].isdigit())


def _qualifier(text: str, start: int, end: int) -> tuple[Qualifier, int, int]:
    """The hedge around a figure and the span widened to include it ("hơn 1,7 triệu", "50 or more")."""
    window_start = max(0, start - 24)
    before = text[window_start:start].rstrip()
    m = _QUALIFIER_BEFORE.search(text, window_start, start) if before and before[-1] in _QUALIFIER_ENDINGS else None
    if m and (m.start() == 0 or not text[m.start() - 1].isalnum()) \
            and not (_key(m.group("q")) == "trên" and text[window_start:m.start()].rstrip()[-1:].isdigit()) \
            and not (_key(m.group("q")) in ("tối thiểu", "tối đa")
                     and _A_LEVEL.search(text, max(0, m.start() - 16), m.start())):
        # "8 trên 10 dự án" is eight out of ten: "trên" between two numbers is no hedge
        return _QUALIFIER_BY_WORD[_key(m.group("q"))], m.start("q"), end
    m = _QUALIFIER_AFTER.match(text, end, min(len(text), end + 12))
    if m:
        return _AFTER_QUALIFIERS[_key(m.group("q"))], start, m.end()
    return Qualifier.EXACT, start, end


# "lương tối thiểu 4,68 triệu đồng", "mức tối đa 40 km/h": the minimum wage, the highest level, named exactly; not
# "tối thiểu 1.000 người" (at least).
_A_LEVEL = re.compile(r"(?<![^\W\d_])(?:lương|mức|giá|tốc độ|nhiệt độ|độ tuổi|tuổi|thời gian|thời hạn)\s+$",
                      re.IGNORECASE)


@lru_cache(maxsize=4096)
def _key(word: str) -> str:
    return _SPACES.sub(" ", word.lower())


_SPACES = re.compile(r"\s+")


def _word_value(words: str) -> float | None:
    """"forty-five" → 45, "two hundred" → 200; None when the words do not make one number."""
    current = 0.0
    split = [w for w in re.split(r"[\s-]+", words.lower()) if w != "and"]
    # An article beside other number words counts nothing: "half a million", "a dozen", "two and a half";
    # alone it is one ("a million").
    split = [w for w in split if w not in ("a", "an")] or split
    for w in split:
        if w == "hundred":
            current = (current or 1) * 100
        elif w in _EN_WORD_VALUES:
            current += _EN_WORD_VALUES[w]
        elif w in _VI_WORD_VALUES:
            current += _VI_WORD_VALUES[w]
        else:
            return None
    return current


# A figure while it is being read: the quantity, and where its number starts without the hedge word.
_Found = tuple[Quantity, int]


def _digit_figures(text: str, language: str, blocked) -> list[_Found]:
    found: list[_Found] = []
    for m in _FIGURE.finditer(text):
        ns, ne = m.span("num")
        # The currency sign is looked for here rather than in the pattern: a pattern that may start with an
        # optional sign cannot be scanned for quickly.
        cur_match = (_CURRENCY_BEFORE.search(text, max(0, ns - 4), ns)
                     if ns and not text[ns - 1].isalnum() and not _CURRENCY_SIGNS.isdisjoint(text[max(0, ns - 4):ns])
                     else None)
        currency = cur_match.group("cur") if cur_match else None
        glued_unit = None
        for part in ("scale", "unit"):
            # "5km", "10ha", "25.000đồng": the whole run of letters after the digits is the unit or scale read
            if m.group(part) and m.start(part) == ne and _GLUED_RUN.match(text, ne).end() == m.end(part):
                glued_unit = m.end(part)
        if _glued_to_word(text, ns, ne, glued_unit) or blocked(ns, ne):
            continue
        mach = _MACH.search(text, max(0, ns - 6), ns) if ns >= 5 else None  # "tốc độ Mach 10", "Mach 5"
        if mach is None and ((language == "vi" and _names_a_thing(text, ns, m)) or _after_a_name(text, ns, m,
                                                                                               language)):
            continue
        start = cur_match.start("cur") if cur_match else mach.start() if mach else ns
        end = m.end()
        scale_word, unit_word = m.group("scale"), m.group("unit")
        if scale_word and _key(scale_word) in _CURRENCY_ONLY_SCALES and not currency \
                and not (language != "vi" and m.start("scale") == ne
                         and _COUNTED_AFTER_SCALE.match(text, m.end("scale"))):
            # ("4.3m refugees", "1.2bn people": a short scale glued to the number, then people or things counted)
            # "5 m" is five metres, "5 k" nothing we know; only "$5m" is five million.
            unit_word = scale_word if _key(scale_word) in _UNITS else None
            scale_word = None
            end = m.end("scale") if unit_word else (m.end("den") if m.group("den") else ne)
        if scale_word and _key(scale_word) in _BARE_SCALES and _NOT_A_SCALE_AFTER.match(text, m.end("scale")):
            scale_word = unit_word = None  # "2 ti vi" is two television sets
            end = m.end("den") if m.group("den") else ne
        # A Vietnamese scale word says how the number is written, whatever the sentence was taken for:
        # unaccented Vietnamese often reads as English, and "1,500 trieu" is 1.5 million, not 1,500 million.
        number_language = "vi" if scale_word and _key(scale_word) in _VI_SCALES else language
        try:
            value = parse_number(m.group("num"), number_language)
        except ValueError:
            continue
        if m.group("den"):
            den = int(m.group("den"))
            if den == 0 or _AFTER_DAY_WORD.search(text, max(0, ns - 12), ns) or m.group("num") == m.group("den"):
                # "ngày 31/2" is an impossible date, not the fraction 15.5; "50/50" (even odds), "24/24" and "7/7"
                # (every hour, every day) are no fractions
                continue
            value /= den
        if scale_word:
            value *= _SCALES[_key(scale_word)]
        if unit_word and _key(unit_word) == "tiếng" and _not_hours(text, m.end("unit")):
            unit_word, end = None, m.end("den") if m.group("den") else ne
        unit = _UNITS.get(_key(unit_word)) if unit_word else "Mach" if mach else None
        if currency:
            unit = unit or _CURRENCY_PREFIX[currency]
        while end > start and text[end - 1].isspace():
            end -= 1
        if unit is None and language == "vi" and not m.group("den"):
            counted = counted_noun(text, end)
            if counted is not None:
                unit, end = counted
        if language == "vi" and not scale_word and _ENGLISH_GROUPING.fullmatch(m.group("num")) \
                and (unit == "VND" or unit in _DISCRETE):
            value = parse_number(m.group("num"), "en")  # "1,300 binh sĩ": no count of soldiers is 1.3
        if unit in _TIME_UNITS and (half := _AND_A_HALF.match(text, end)):
            value, end = value + 0.5, half.end()  # "8 năm rưỡi", "2 giờ rưỡi": and a half
        if unit in _TEMPERATURES and (below := _BELOW_ZERO.search(text, max(0, start - 8), start)):
            value, start = -value, below.start()  # "-10 độ C", "âm 5 độ": below zero
        qualifier, qs, qe = _qualifier(text, start, end)
        found.append((Quantity(text[qs:qe], qs, qe, value, unit, qualifier), start))
    return found


_TEMPERATURES = frozenset(("độ", "°C", "°F"))
_BELOW_ZERO = re.compile(r"(?:(?<![\w.,])[-−–]|(?<![^\W\d_])(?:âm|minus)\s+)$", re.IGNORECASE)


_MACH = re.compile(r"(?<![^\W\d_])Mach\s+$")
# Digits grouped by commas the English way inside Vietnamese text, as translated copy often keeps them: read as
# thousands when what they count cannot come in fractions (people, things, đồng).
_ENGLISH_GROUPING = re.compile(r"\d{1,3}(?:,\d{3})+")
_DISCRETE = COUNTED_NOUNS - {"km", "cây số", "hecta", "ngày", "tuần", "tháng", "năm", "giờ", "phút", "giây",
                             "thế kỷ", "thập kỷ", "thập niên", "thùng", "liều"}


# Words without which no number-word figure can be present: scales, and English numbers from "two" up. The
# full pattern runs only around them, since running it over a whole article costs more than everything else.
_WORD_FIGURE_HINT = re.compile(_alternation(
    w for w in (*_SCALES, *_EN_WORD_VALUES, "percent") if " " not in w and w not in _WEAK_WORDS
    and w not in _CURRENCY_ONLY_SCALES and w not in _BARE_SCALES
))


_EN_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                    "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_EN_FRACTION = re.compile(r"\b(?P<num>one|two|three|four|nine|a)[\s-](?P<den>" + "|".join(_EN_DENOMINATORS)
                          + r")\b(?!-)(?!\s+(?:of\s+a\s+)?(?:million|billion|trillion|thousand))"
                          r"(?P<of>\s+of\b)?", re.IGNORECASE)


# "4.3m refugees": the people or things a short scale ("m", "bn") counts, which no measure does.
_COUNTED_AFTER_SCALE = re.compile(
    r"\s+(?:people|refugees|residents|civilians|children|voters|users|customers|troops|soldiers|barrels|tonnes|"
    r"tons|doses|jobs|cases|deaths|households|homes|visitors|passengers|workers|migrants|displaced)\b", re.IGNORECASE)
# "tens of thousands of", "hundreds of", "dozens of": a vague amount, read as its least (approximately).
_VAGUE_AMOUNT = re.compile(r"\b(?P<words>(?:tens|dozens|hundreds|thousands|millions|billions)"
                           r"(?:\s+of\s+(?:thousands|millions|billions))*)(?=\s+of\b)", re.IGNORECASE)
_VAGUE_VALUES = {"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
# "one in four children", "2 in 3", "three out of five": a share.
_SMALL = r"one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}"
_ONE_IN = re.compile(rf"\b(?P<k>{_SMALL})\s+(?:in|out\s+of)\s+(?P<n>{_SMALL})\b(?!\s*(?:%|percent))", re.IGNORECASE)


_AN_HOUR_AND_A_HALF = re.compile(r"\b(?:an?|one)\s+(?P<unit>hour|day|week|month|year)\s+and\s+a\s+half\b",
                                 re.IGNORECASE)


def _en_vague_and_shares(text: str, blocked) -> list[_Found]:
    """English amounts in words that have no number: "tens of thousands of people" (10,000, approximately), and
    shares: "one in four" (0.25), "2 in 3", "three out of five"."""
    found: list[_Found] = []
    if "s of" in text or "S of" in text:
        for m in _VAGUE_AMOUNT.finditer(text):
            if blocked(m.start(), m.end()):
                continue
            value = 1.0
            for word in re.findall(r"[a-z]+", m.group("words").lower()):
                value *= _VAGUE_VALUES.get(word, 1.0)
            found.append((Quantity(m.group(), m.start(), m.end(), value, None, Qualifier.APPROX), m.start()))
    if " in " in text or " out of " in text:
        for m in _ONE_IN.finditer(text):
            k, n = m.group("k").lower(), m.group("n").lower()
            num = int(k) if k.isdigit() else _EN_WORD_VALUES.get(k)
            den = int(n) if n.isdigit() else _EN_WORD_VALUES.get(n)
            if not num or not den or not num < den <= 100 or blocked(m.start(), m.end()):
                continue
            qualifier, qs, qe = _qualifier(text, m.start(), m.end())
            found.append((Quantity(text[qs:qe], qs, qe, num / den, None, qualifier), m.start()))
    if " and a half" in text:
        for m in _AN_HOUR_AND_A_HALF.finditer(text):  # "an hour and a half": 1.5 hours
            if not blocked(m.start(), m.end()):
                qualifier, qs, qe = _qualifier(text, m.start(), m.end())
                unit = _UNITS[m.group("unit").lower() + "s"]
                found.append((Quantity(text[qs:qe], qs, qe, 1.5, unit, qualifier), m.start()))
    return found


# "fell by a third", "jumped by roughly a third": after "by" and a hedge, "a third" is a share.
_BY_A_SHARE = re.compile(r"\bby\s+(?:(?:roughly|about|around|nearly|almost|some|more than|less than|over|just over|"
                         r"just under|at least|up to)\s+)?$", re.IGNORECASE)
_HALF_OF = re.compile(r"(?<!\ba )(?<!\bone )\bhalf(?=\s+(?:of|the|its|their|his|her|our|all|these|those)\b)",
                      re.IGNORECASE)  # "half of", "half the city", "lost half its men"; not "half a million"


def _en_fractions(text: str, blocked) -> list[_Found]:
    """"two-thirds" (⅔), "three quarters", "a third" of something: a share in words. "one half" is ½; "half a
    million" is read with the scales."""
    if "thir" not in text and "quarter" not in text and "fifth" not in text and "tenth" not in text \
            and "alf" not in text and "fourth" not in text:
        return []
    found: list[_Found] = []
    for m in _EN_FRACTION.finditer(text):
        if blocked(m.start(), m.end()) or (m.group("num").lower() == "a" and m.group("den").lower() == "half"):
            continue
        if m.group("num").lower() in ("a", "one") and not m.group("of") \
                and not _BY_A_SHARE.search(text[max(0, m.start() - 30):m.start()]):
            continue  # "a third term", "one third party": an ordinal; "a third of", "fell by a third" is a share
        numerator = 1 if m.group("num").lower() in ("a", "one") else _EN_WORD_VALUES[m.group("num").lower()]
        if numerator >= _EN_DENOMINATORS[m.group("den").lower()]:
            continue  # "four fifths" is a share; "three halves" or "a fourth" of a count is not
        qualifier, qs, qe = _qualifier(text, m.start(), m.end())
        value = numerator / _EN_DENOMINATORS[m.group("den").lower()]
        qe = min(qe, m.start("of")) if m.group("of") else qe
        found.append((Quantity(text[qs:qe], qs, qe, value, None, qualifier), m.start()))
    for m in _HALF_OF.finditer(text):  # "more than half of its tanks": a share; "one half of" is read above
        if blocked(m.start(), m.end()) or any(q.start <= m.start() < q.end for q, _ in found):
            continue
        qualifier, qs, qe = _qualifier(text, m.start(), m.end())
        found.append((Quantity(text[qs:qe], qs, qe, 0.5, None, qualifier), m.start()))
    return sorted(found, key=lambda f: f[0].start)


def _word_figures(text: str, blocked, taken: list[_Found]) -> list[_Found]:
    found: list[_Found] = []
    matches: dict[int, re.Match[str]] = {}
    scanned_to = 0
    for hint in _WORD_FIGURE_HINT.finditer(text):
        lo = max(scanned_to, hint.start() - 40)
        for m in _WORD_FIGURE.finditer(text, lo, min(len(text), hint.end() + 40)):
            if m.start() > hint.start():
                break  # matches come in order: none further on can hold the hint
            if hint.start() < m.end():
                matches.setdefault(m.start(), m)
        scanned_to = max(scanned_to, hint.start())
    # Digit figures are found in text order and do not overlap: one bisect finds the only one that could clash.
    taken_starts = [q.start for q, _ in taken]
    for m in (matches[k] for k in sorted(matches)):
        i = bisect_left(taken_starts, m.end()) - 1
        if blocked(m.start(), m.end()) or (i >= 0 and taken[i][0].end > m.start()):
            continue
        words = m.group("words").split()
        first = words[0].lower()
        scales = (m.group("scale") or "").split()
        if scales and _key(scales[-1]) in _BARE_SCALES and _NOT_A_SCALE_AFTER.match(text, m.end("scale")):
            continue  # "hai ti vi": two television sets, and a bare Vietnamese number word counts only with a scale
        # A bare number word is mostly grammar ("a", "one of", "năm" = year, "hai nước"): Vietnamese words
        # and "a/one/half" count only with a scale (hai triệu, a million); English "two" and up count alone.
        if not m.group("scale") and not m.group("unit") and (first in _WEAK_WORDS or first not in _EN_WORD_VALUES):
            continue
        value = _word_value(m.group("words"))
        if value is None:
            continue
        # "a hundred billion", "hundreds of thousands": each scale word multiplies.
        for scale in re.findall(r"[^\W\d_]+", m.group("scale") or ""):
            if _key(scale) in _SCALES:
                value *= _SCALES[_key(scale)]
        unit = _UNITS.get(_key(m.group("unit"))) if m.group("unit") else None
        qualifier, qs, qe = _qualifier(text, m.start(), m.end())
        if first in ("hàng", "vài"):
            qualifier = Qualifier.APPROX
        found.append((Quantity(text[qs:qe], qs, qe, value, unit, qualifier), m.start()))
    return found


# A number right after these names a thing or a place in a list, it counts nothing: "thứ 12" (an ordinal), "số 14",
# "Nghị quyết 2202", "lữ đoàn 36", "Phụ lục 7", "tầng 5", "mũi 3" (the third dose), "lúc 17 giờ" (a time of day),
# "gió mạnh cấp 12" (a level on a scale).
# "Ngày thứ 12" of a war or a campaign is kept: it says how many days it has lasted, a figure a fact-checker checks.
# The kinds of military unit, whose number names one ("lữ đoàn 36", "Sư đoàn Dù 76").
_UNIT_KINDS = r"(?:(?:lữ|sư|trung|tiểu|quân|binh|phi) đoàn|tập đoàn quân|đại đội|hạm đội)"
_NAMING_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:(?<!ngày )thứ|(?<!con )(?<!trong )số|lúc|nghị quyết|nghị định|quyết định|thông tư|"
    rf"công văn|phụ lục|{_UNIT_KINDS}|quân khu|quốc lộ|tỉnh lộ|(?<!quãng )đường|phòng|"
    r"kỳ họp|khóa|khoá|phiên|(?<!trong )vòng|mũi|tầng|lớp|số hiệu|mã|hiệp định|quận|phường|lô|kỳ hạn|kỳ|đợt|quý|thế kỷ|"
    r"giai đoạn|báo động|(?:mạnh|giật|gió|bão|độ|thiên tai)\s+cấp|cấp độ)\s+$"
    r"|(?<![^\W\d_])(?-i:Điều|Khoản|Chương|Mục|Luật|Tập|Phần)\s+$"
    r"|(?<![^\W\d_])quý\s+(?-i:IV|I{1,3}|[1-4])\s*/\s*$", re.IGNORECASE)
_VERSION = re.compile(r"\d+\.0$")
# A military unit's number after its kind and more words ("Sư đoàn Dù 76", "tiểu đoàn thủy quân lục chiến 503",
# "Lữ đoàn cơ giới 93"): the words between are capitalised or say what arm the unit is; any other word ("Sư đoàn
# này mất 500 …") makes the number a count again.
_UNIT_KIND = re.compile(r"(?<![^\W\d_])" + _UNIT_KINDS, re.IGNORECASE)
_ARM_WORDS = frozenset("dù cơ giới bộ binh xe tăng thủy quân lục chiến lính đánh pháo đổ đường không cận vệ biệt kích "
                       "đặc nhiệm tên lửa phòng hải công thiết giáp trinh sát".split())


def _in_a_units_name(text: str, start: int) -> bool:
    """Whether the number at `start` ends a military unit's name (see _UNIT_KIND)."""
    window = text[max(0, start - 60):start]
    kinds = list(_UNIT_KIND.finditer(window))
    if not kinds or not window.endswith(" "):
        return False
    between = window[kinds[-1].end():].split()
    return 1 <= len(between) <= 6 and all(w[:1].isupper() or w.lower() in _ARM_WORDS for w in between)


_ACRONYM_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,}\s$")
# A name's number: "Nord Stream 2", "Minsk 2", "Boeing 737" (a capitalised word inside the sentence, right before).
_NAME_BEFORE = re.compile(r"(?<=[^\W\d_] )[A-Z][a-z]+\s$")


# A time of day: "19 giờ 30", "5 giờ 30 sáng", "17 giờ ngày 30/6", "9 giờ sáng" (its hour and its minutes),
# unless a duration's word stands before it ("kéo dài 2 giờ 30 phút", "trong 3 giờ sáng nay").
_HOUR_AFTER = re.compile(r"\s*giờ(?:\s*\d{1,2}(?!\s*(?:giờ|ngày|tháng|năm|%))(?:\s*phút)?"
                         r"|\s+(?:sáng|trưa|chiều|tối|đêm|khuya|ngày|hôm)(?![^\W\d_]))", re.IGNORECASE)
_MINUTES_BEFORE = re.compile(r"\d{1,2}\s*giờ\s*$", re.IGNORECASE)
_DURATION_BEFORE = re.compile(r"(?:trong|kéo dài|mất|suốt|khoảng|gần|hơn|trên|tới|đến)\s+(?:\d{1,2}\s*giờ\s*)?$",
                              re.IGNORECASE)


# An hour with its part of the day or its date after it is a time of day even after "đến" or "khoảng" ("Tính đến
# 18 giờ ngày 6/3", "khoảng 5 giờ sáng"); only the words of lasting make it a duration again.
_OF_A_DAY = re.compile(r"\s*giờ(?:\s*\d{1,2}(?:\s*phút)?)?\s+(?:sáng|trưa|chiều|tối|đêm|khuya|hôm|ngày\s+\d)",
                       re.IGNORECASE)
_LASTING_BEFORE = re.compile(r"(?:trong|kéo dài|mất|suốt)\s+(?:\d{1,2}\s*giờ\s*)?$", re.IGNORECASE)


def _clock_time(text: str, start: int, end: int) -> bool:
    """Whether the number at [start, end) is the hour or the minutes of a time of day (see _HOUR_AFTER)."""
    minutes = _MINUTES_BEFORE.search(text, max(0, start - 9), start)
    hour = _HOUR_AFTER.match(text, end)
    if not (hour or minutes):
        return False
    hour_start = minutes.start() if minutes else start
    hour_end = hour_start + len(re.match(r"\d*", text[hour_start:]).group()) if minutes else end
    if _OF_A_DAY.match(text, hour_end):
        return _LASTING_BEFORE.search(text, max(0, hour_start - 12), hour_start) is None
    return _DURATION_BEFORE.search(text, max(0, hour_start - 12), hour_start) is None


# A document's number: "15/2022/NĐ-CP", "1234/QĐ-TTg", "số 05/CT-UBND": numbers and a code of capitals joined by
# slashes, one word.
_DOCUMENT_NUMBER = re.compile(r"(?:\d+/)+(?:\d+/)?[A-ZĐ]{1,6}(?:-[A-ZĐa-zđ]{1,8})*")
_WORD_START = re.compile(r"\S*$")


def _in_a_documents_number(text: str, start: int) -> bool:
    word_start = start - len(_WORD_START.search(text, max(0, start - 24), start).group())
    return _DOCUMENT_NUMBER.match(text, word_start) is not None


def _names_a_thing(text: str, start: int, m: re.Match[str]) -> bool:
    """Whether the number at `start` is an ordinal, a name's number or a version ("kỹ thuật 4.0"), not a figure."""
    if _NAMING_BEFORE.search(text, max(0, start - 16), start) or _clock_time(text, start, m.end("num")):
        return True
    if "/" in text[start:start + 12] or "/" in text[max(0, start - 6):start]:
        if _in_a_documents_number(text, start):
            return True  # "Nghị định 15/2022/NĐ-CP"
    if _in_a_units_name(text, start) and counted_noun(text, m.end("num"), known_only=True) is None:
        return True  # "Sư đoàn Dù 76 của Nga"; but "Hạm đội Biển Đen 3 tàu" counts ships
    if not m.group("scale") and not m.group("unit") and _ACRONYM_BEFORE.search(text, max(0, start - 12), start):
        return True  # "RON 95", "Hiệp định RCEP 2": a product's or a text's name
    return bool(_VERSION.fullmatch(m.group("num")) and not m.group("scale") and not m.group("unit")
                and start > 1 and text[start - 2].isalpha())


def _after_a_name(text: str, start: int, m: re.Match[str], language: str) -> bool:
    """Whether a bare number is a name's ("Dự án Nord Stream 2 trị giá …", "Boeing 737"); in Vietnamese a known
    counted noun after it still makes it a count ("cảnh báo Nga 2 lần")."""
    return not m.group("scale") and not m.group("unit") \
        and _NAME_BEFORE.search(text, max(0, start - 16), start) is not None \
        and (language != "vi" or (counted_noun(text, m.end("num"), known_only=True) is None
                                  and not classifier_after(text, m.end("num"))))  # "cho Ukraine 4 khẩu M777"


def _unit_written_after(text: str, end: int, *, known_only: bool = False) -> tuple[str | None, int, bool]:
    """The unit after a number that ends at `end` ("… km", "… người", a counted noun), where it ends, and whether
    it is a unit word of _UNITS rather than a counted noun; (None, end, False) when nothing is counted. A
    capitalised word is a name, not a unit (`known_only`: only nouns of the counted-noun list, as after a number
    in words)."""
    unit_match = _UNIT_AFTER.match(text, end)
    unit_word = unit_match.group("unit") if unit_match else ""
    if unit_word.lower() == "tiếng" and _not_hours(text, unit_match.end()):
        unit_match, unit_word = None, ""
    if unit_match and (unit_word.islower() or unit_word.isupper() or not unit_word[:1].isalpha()):
        return _UNITS[_key(unit_word)], unit_match.end(), True
    counted = counted_noun(text, end, known_only=known_only)
    return (counted[0], counted[1], False) if counted is not None else (None, end, False)


def _vi_word_figures(text: str, blocked, taken: list[_Found]) -> list[_Found]:
    """Vietnamese numbers in words that count something: "bảy tỉnh", "hai mươi lăm người", "hàng nghìn binh sĩ"."""
    found: list[_Found] = []
    taken_starts = [q.start for q, _ in taken]
    for number in vietnamese_word_numbers(text):
        start, end = number.start, number.end
        i = bisect_left(taken_starts, end) - 1
        if blocked(start, end) or (i >= 0 and taken[i][0].end > start):
            continue
        naming = _NAMING_BEFORE.search(text, max(0, start - 16), start)
        if naming and not (number.approximate and naming.group().strip().lower() == "lúc"):
            continue  # "lần thứ hai", "vòng ba", "lúc hai giờ"; not "lúc hàng nghìn người đang đợi" (when thousands)
        after = text[end:end + 2].lstrip()
        if after[:1].isdigit():
            continue  # "năm 2014"
        first = text[start:end].split()[0].lower()
        if first == "một" and _AFTER_A_PRICE.search(text, max(0, start - 12), start):
            continue  # "22.380 đồng một lít": a price per litre, "một" is "a"
        unit, unit_end, unit_word = _unit_written_after(text, end, known_only=True)
        if not number.scaled:
            # A bare number word counts only what a list knows: "bảy tỉnh", "hai lần", "một km"; not "hai bên",
            # "một lần nữa", "năm tháng" (years and months).
            among = _AMONG.search(text, max(0, start - 24), start) is not None  # "trong đó có một bé gái": one
            if unit is None and first != "một" and classifier_after(text, end):
                pass  # "hai chiếc Su-25", "ba khẩu M777": a classifier counts whatever it names
            elif unit is None and first != "một" and _OUT_OF_A_COUNT.match(text, end):
                pass  # "hai trong số sáu lò phản ứng", "hai trong số đó": a part of a count is a count
            elif unit is None or (first == "một" and not among and (not unit_word or unit in ("lần", "người", "ca"))) \
                    or (first == "năm" and unit in ("năm", "tháng", "ngày", "tuần", "giờ", "phút")):
                continue
        value = number.value
        if unit in _TIME_UNITS and not number.scaled and (half := _AND_A_HALF.match(text, unit_end)):
            value, unit_end = value + 0.5, half.end()  # "hai tiếng rưỡi": two hours and a half
        qualifier, qs, qe = _qualifier(text, start, unit_end)
        if first == "một" and not number.scaled and qualifier is Qualifier.EXACT and unit in _TIME_UNITS \
                and not _LASTING.search(text, max(0, start - 12), start):
            continue  # "một ngày thật vui vẻ": the article "a", not a figure ("hơn một tháng", "kéo dài một năm"
            # stay one)
        if number.approximate:
            qualifier = Qualifier.APPROX
        found.append((Quantity(text[qs:qe], qs, qe, value, unit, qualifier), start))
    return found


_TIME_UNITS = frozenset({"ngày", "tuần", "tháng", "năm", "giờ", "phút", "giây"})
_AFTER_A_PRICE = re.compile(r"(?<![^\W\d_])(?:đồng|USD|VND|euro|rúp|đô la|đô|yên|tệ|bảng)\s+$", re.IGNORECASE)
# Counting some of those just counted: "3 người chết, trong đó có một bé gái" (one girl, not "a girl").
_AMONG = re.compile(r"(?<![^\W\d_])(?:trong (?:số )?đó (?:có|gồm)|bao gồm|gồm)\s+$", re.IGNORECASE)
_OUT_OF_A_COUNT = re.compile(r"\s+trong\s+số\s+(?:\d|(?:đó|này|họ|các|những|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|"
                             r"mươi|trăm|nghìn|ngàn)(?![^\W\d_]))", re.IGNORECASE)
_AND_A_HALF = re.compile(r"\s+rưỡi(?![^\W\d_])", re.IGNORECASE)
# Before "một năm", "một tuần": the words of lasting, which make "một" one and not "a" ("kéo dài một năm"); after
# "trong vòng" or "sau" it stays "a" ("trong vòng một tuần", within a week).
_LASTING = re.compile(r"(?<![^\W\d_])(?:kéo dài|suốt|mất|chưa đầy)\s+$", re.IGNORECASE)

# A growth told as a multiple without a digit: "tăng gấp đôi" (twice), "gấp rưỡi" (one and a half times), "gấp
# ba" without "lần"; "doubled", "tripled". They are figures a fact-checker checks ("gấp đôi" is not "gấp ba").
_VI_MULTIPLES = {"đôi": 2.0, "rưỡi": 1.5, "hai": 2.0, "ba": 3.0, "bốn": 4.0, "tư": 4.0, "năm": 5.0, "sáu": 6.0,
                 "bảy": 7.0, "tám": 8.0, "chín": 9.0, "mười": 10.0}
_EN_MULTIPLES = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "doubling": 2.0,
                 "tripling": 3.0, "quadrupling": 4.0, "twofold": 2.0, "threefold": 3.0, "fourfold": 4.0,
                 "fivefold": 5.0, "tenfold": 10.0}
_VI_MULTIPLE = re.compile(rf"(?<![^\W\d_])gấp\s+(?P<n>{'|'.join(_VI_MULTIPLES)})(?![^\W\d_])",
                          re.IGNORECASE)
_EN_MULTIPLE = re.compile(rf"(?<![^\W\d_])(?P<n>{'|'.join(_EN_MULTIPLES)})(?![^\W\d_])", re.IGNORECASE)


def _multiples(text: str, language: str, blocked, taken: list[_Found]) -> list[_Found]:
    """Multiples in words ("gấp đôi", "doubled") that no other reading took, unit "lần" or "times"."""
    pattern, values, unit = (_VI_MULTIPLE, _VI_MULTIPLES, "lần") if language == "vi" else \
        (_EN_MULTIPLE, _EN_MULTIPLES, "times")
    found: list[_Found] = []
    for m in pattern.finditer(text):
        if blocked(m.start(), m.end()) or any(q.start < m.end() and m.start("n") < q.end for q, _ in taken):
            continue  # "gấp ba lần" is already "ba lần"
        found.append((Quantity(m.group(0), m.start(), m.end(), values[m.group("n").lower()], unit), m.start()))
    return found


# An amount written in two scales, "2 tỷ 500 triệu đồng" (2.5 billion), or with a half, "1 triệu rưỡi" (1.5 million).
_ENDS_WITH_VI_SCALE = re.compile(rf"\d\s*(?P<scale>{_alternation(_VI_SCALES)})$", re.IGNORECASE)
_HAS_VI_SCALE = re.compile(rf"\d\s*(?P<scale>{_alternation(_VI_SCALES)})(?![^\W\d_])", re.IGNORECASE)
_HALF_AFTER = re.compile(r"\s+rưỡi(?![^\W\d_])", re.IGNORECASE)


def _compound_amounts(text: str, found: list[_Found]) -> list[_Found]:
    """Join a figure ending in a scale word with the smaller-scale figure right after it ("2 tỷ 500 triệu"), or
    with "rưỡi" (a half of that scale) after it; the unit is the one written at the end."""
    out: list[_Found] = []
    i = 0
    while i < len(found):
        quantity, core = found[i]
        ending = _ENDS_WITH_VI_SCALE.search(quantity.text) if quantity.unit is None else None
        if ending is not None:
            scale = _SCALES[_key(ending.group("scale"))]
            half = _HALF_AFTER.match(text, quantity.end)
            after = found[i + 1][0] if i + 1 < len(found) else None
            smaller = _HAS_VI_SCALE.search(after.text) if after is not None else None
            if half is not None:
                unit, end, _ = _unit_written_after(text, half.end())
                out.append((Quantity(text[quantity.start:end], quantity.start, end, quantity.value + scale / 2,
                                     unit, quantity.qualifier), core))
                i += 1
                continue
            if after is not None and smaller is not None and not text[quantity.end:after.start].strip() \
                    and after.qualifier is Qualifier.EXACT and after.high is None \
                    and _SCALES[_key(smaller.group("scale"))] < scale:
                out.append((Quantity(text[quantity.start:after.end], quantity.start, after.end,
                                     quantity.value + after.value, after.unit, quantity.qualifier), core))
                i += 2
                continue
        out.append(found[i])
        i += 1
    return out


def _join_ranges(text: str, found: list[_Found]) -> list[Quantity]:
    """"từ 1.200 đến 2.000", "70 - 75", "between 10 and 20%" become one quantity with `high`."""
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        low, low_core = found[i]
        if i + 1 < len(found):
            high, high_core = found[i + 1]
            joined = _RANGE_JOIN.fullmatch(text, low.end, high_core) if high_core - low.end <= 8 else None
            window_start = max(0, low_core - 20)
            opener = _RANGE_OPEN.search(text[window_start:low_core])
            dash = joined is not None and joined.group("join") in "-–—~"
            # "khoảng 7.000 đến 10.000 người", "about 7,000 to 10,000": a hedge opens the range as "từ" does
            about = joined is not None and joined.group("join").lower() in ("đến", "tới", "to") \
                and low.qualifier == Qualifier.APPROX and high.qualifier == Qualifier.EXACT \
                and high.value > low.value and low.unit in (None, high.unit)
            if joined and (opener or about or (dash and low.qualifier in (Qualifier.EXACT, Qualifier.APPROX))):
                start = window_start + opener.start("open") if opener else low.start
                low_value = low.value
                if low.unit is None and high.unit is not None:
                    low_value = _scaled_like(low.value, high.value)
                out.append(Quantity(text[start:high.end], start, high.end, low_value, low.unit or high.unit,
                                    low.qualifier if opener is None else Qualifier.EXACT, high.value))
                i += 2
                continue
            change = _CHANGE_JOIN.fullmatch(text, low.end, high_core) if high_core - low.end <= 12 else None
            scale = _SCALE_IN.search(high.text) if change and opener and low.unit is None else None
            if scale and low.value < 1000:
                # "tăng từ 1,5 lên 2 triệu người", "giảm từ 3 xuống còn 2 triệu": a change, two figures, the first
                # written with the second's scale word
                out.append(Quantity(low.text, low.start, low.end, low.value * _VI_SCALES[_key(scale.group())],
                                    high.unit, low.qualifier, low.high))
                i += 1
                continue
        out.append(low)
        i += 1
    return out


_CHANGE_JOIN = re.compile(r"\s+(?:lên|xuống|lên tới|lên đến|xuống còn|còn)\s+", re.IGNORECASE)
_SCALE_IN = re.compile(r"(?<![^\W\d_])(?:" + _alternation(_VI_SCALES) + r")(?![^\W\d_])")


def _scaled_like(low: float, high: float) -> float:
    """"từ 1 đến 2 triệu": the low end shares the high end's scale word when it is otherwise far below it."""
    if low <= 0 or high / low < 100:
        return low
    for factor in (1e12, 1e9, 1e6, 1e3):
        if low * factor <= high:
            return low * factor
    return low


def find_quantities(text: str, offset: int = 0, *, language: str | None = None,
                    exclude: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Every figure in `text`, offsets shifted by `offset` (so a sentence's figures index its article).

    ``find_quantities("hơn 1,7 triệu người")[0]`` is ``Quantity("hơn 1,7 triệu người", 0, 19, 1700000.0,
    "người", Qualifier.MORE_THAN)``. Dates are not figures: "ngày 8/3" and "năm 2019" are skipped, "1/3" is a
    fraction. `exclude` gives spans (relative to `text`) already known to be dates; when it is None the dates
    are found here.
    """
    if not text:
        return []
    language = language or detect_language(text)
    if exclude is None:
        from claims.dates import find_dates  # local import: dates never needs quantities, this avoids a cycle

        exclude = [(d.start, d.end) for d in find_dates(text, language=language)]
    spans = sorted(exclude)
    starts = [x[0] for x in spans]

    def blocked(s: int, e: int) -> bool:
        # Spans are disjoint dates: only the last one starting before `e` can overlap [s, e).
        i = bisect_left(starts, e) - 1
        return i >= 0 and spans[i][1] > s

    digits = _digit_figures(text, language, blocked)
    if language == "vi":
        digits = _compound_amounts(text, digits)
        words = _vi_word_figures(text, blocked, digits)
    else:
        fractions = _en_fractions(text, blocked) + _en_vague_and_shares(text, blocked)
        digits = [f for f in digits if not any(q.start < f[0].end and f[0].start < q.end for q, _ in fractions)]
        words = fractions + [f for f in _word_figures(text, blocked, digits)
                             if not any(q.start < f[0].end and f[0].start < q.end for q, _ in fractions)]
    multiples = _multiples(text, language, blocked, digits + words)
    both = sorted(digits + words + multiples, key=lambda f: f[0].start)
    found = _join_ranges(text, both)
    if offset:
        found = [Quantity(q.text, q.start + offset, q.end + offset, q.value, q.unit, q.qualifier, q.high)
                 for q in found]
    return found
