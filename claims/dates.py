"""Dates in a text: Vietnamese day/month order (hôm 7/3, ngày 2 tháng 5, tháng 5/2014), English forms, a month
without its year (tháng 3, in March) and, given the publication date, relative ones (năm ngoái, hôm qua, last year)."""
from __future__ import annotations

import calendar
import datetime as dt
import re

from claims.counted_nouns import COUNTED_NOUNS
from claims.language import detect_language
from claims.model import DateMention
from claims.wordlists import longest_of

__all__ = ["find_dates", "resolve_day_month"]

_MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "August": 8,
    "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan.": 1, "Feb.": 2, "Mar.": 3, "Apr.": 4, "Jun.": 6, "Jul.": 7, "Aug.": 8, "Sep.": 9, "Sept.": 9,
    "Oct.": 10, "Nov.": 11, "Dec.": 12, "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}
_MONTH = longest_of(_MONTHS)
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_DM = (r"(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})(?:\s*[/-]\s*(?P<y>\d{4}))?(?![\d/])"
       # "từ 5-7 tháng", "3-5 ngày", "10-15%": a range of a count, not a date
       r"(?!\s*(?:tháng|tuần|ngày|giờ|phút|lần|người|%|triệu|nghìn|ngàn|tỷ|tỉ)(?![^\W\d_]))")
# Words after which Vietnamese writes a day and month: ngày 8/3, hôm 7/3, sáng thứ Hai (8/3), rạng sáng 30-3.


def _cased(*words: str) -> str:
    """Alternation in lower and Capitalised case: spelt out, because re.IGNORECASE disables the fast scan."""
    return "(?:" + longest_of({v for w in words for v in (w, w[:1].upper() + w[1:])}) + ")"


_VI_TIME_WORDS = _cased("rạng sáng", "ngày", "hôm", "sáng", "tối", "chiều", "trưa", "đêm", "khuya", "từ", "đến",
                        "tới", "trước", "sau", "cuối", "đầu",
                        "ngay", "hom")  # typed without diacritics: "ke tu ngay 24/2"
_WEEKDAYS = ("hai", "ba", "tư", "năm", "sáu", "bảy", "2", "3", "4", "5", "6", "7")
_VI_WEEKDAY = _cased(*(f"thứ {d}" for d in _WEEKDAYS), *(f"thứ {d.capitalize()}" for d in _WEEKDAYS),
                     "chủ nhật", "Chủ nhật", "Chủ Nhật", "qua", "nay", "mai", "hôm qua", "hôm nay")
_YEAR_WORDS = _cased("in", "since", "by", "until", "till", "during", "from", "before", "after", "early", "late",
                     "mid", "of", "year")
_NGAY, _THANG, _NAM = _cased("ngày"), _cased("tháng"), _cased("năm")
_VI_MONTHS_IN_WORDS = {"Giêng": 1, "Một": 1, "Hai": 2, "Ba": 3, "Tư": 4, "Năm": 5, "Sáu": 6, "Bảy": 7, "Tám": 8,
                       "Chín": 9, "Mười": 10, "Mười Một": 11, "Mười Hai": 12, "Chạp": 12}
_VI_MONTH_WORDS = "|".join(sorted(_VI_MONTHS_IN_WORDS, key=len, reverse=True))

_PATTERNS = [
    # (kind, pattern); all case-insensitive except English month names, which must be capitalised ("may").
    # A pattern that opens with a single character or class (\d\d? rather than \d{1,2}, In|in rather than
    # [Ii]n) lets the regex engine skip at C speed to where a match can start.
    ("iso", re.compile(rf"(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)(?![\d])")),
    ("vi_full", re.compile(r"(?P<d>\d{1,2})\s*([/.-])\s*(?P<m>\d{1,2})\s*\2\s*(?P<y>\d{4})(?![\d])")),
    ("vi_dm", re.compile(
        rf"(?P<trig>{_VI_TIME_WORDS})(?:\s+{_VI_WEEKDAY})?\s*(?:(?P<paren>\(\s*)|,\s*)?(?:{_NGAY}\s+)?"
        rf"(?<![\d/.,]){_DM}(?(paren)\s*\)|)")),
    ("vi_paren", re.compile(r"\((?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?\)")),
    # "ngày 5.9": a day and month written with a dot, only after "ngày" or "hôm".
    ("vi_dm_dot", re.compile(rf"(?:{_NGAY}|{_cased('hôm')})\s+(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})"
                             r"(?![\d/%]|[.,]\d|\s*(?:triệu|tỷ|tỉ|nghìn|ngàn))")),
    ("vi_words", re.compile(
        rf"{_NGAY}\s+(?P<d>\d{{1,2}})\s+{_THANG}\s+(?P<m>\d{{1,2}})(?:\s*(?:{_NAM}|,|/)\s*(?P<y>{_YEAR}))?"
        r"(?!\d)")),
    ("vi_month", re.compile(
        rf"{_THANG}\s+(?P<m>\d{{1,2}})\s*(?:/|-|{_NAM}|,)\s*(?P<y>{_YEAR})(?!\d)")),
    ("vi_year", re.compile(rf"{_NAM}\s+(?P<y>{_YEAR})(?![\d%]|[.,/]\d)")),
    # a month in words, capitalised as a name ("ngày 24 tháng Hai năm 2022", "tháng Ba", "tháng Mười Hai")
    ("vi_named_month", re.compile(
        rf"(?:{_NGAY}\s+(?P<d>\d{{1,2}})\s+)?{_THANG}\s+(?P<mw>{_VI_MONTH_WORDS})(?![^\W\d_])"
        rf"(?:\s*(?:{_NAM}|,|/)\s*(?P<y>{_YEAR})(?!\d))?")),
    # a quarter of a year ("quý II/2022"): the year
    ("vi_quarter", re.compile(rf"[Qq]uý\s+(?:IV|I{{1,3}}|[1-4])\s*/\s*(?P<y>{_YEAR})(?!\d)")),
    ("en_mdy", re.compile(
        rf"(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<y>{_YEAR})(?!\d))?")),
    ("en_dmy", re.compile(
        rf"(?P<d>\d\d?)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})(?![^\W\d_])(?:,?\s+(?P<y>{_YEAR})(?!\d))?")),
    ("en_my", re.compile(rf"(?P<mon>{_MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})(?!\d)")),
    ("en_year", re.compile(
        rf"{_YEAR_WORDS}[\s-]+"
        rf"(?P<y>{_YEAR})(?![\d%]|[.,/]\d)")),
    ("en_mdy_num", re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})(?![\d])")),
    # A month without its year: "tháng 3", "tháng 3 năm ngoái", "in March" (the span is the month name).
    ("vi_month_only", re.compile(
        rf"{_THANG}\s+(?P<m>\d{{1,2}})(?!\d)(?!\s*[/.-]\s*\d)"
        rf"(?:\s+(?P<rel>{_cased('năm ngoái', 'năm nay', 'năm trước')})(?![^\W\d_]))?")),
    ("en_month_only", re.compile(
        r"(?:In|in|Since|since|By|by|Until|until|During|during|Early|early|Late|late|mid|of)[\s-]+"
        r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)"
        r"(?![^\W\d_])(?!,?\s+\d)")),
]
# Relative dates, resolved against the publication date and skipped without it: words → (unit, step).
_RELATIVE_MEANINGS = {
    **dict.fromkeys(("năm ngoái", "năm rồi", "last year"), ("year", -1)),
    **dict.fromkeys(("năm nay", "this year"), ("year", 0)),
    **dict.fromkeys(("năm tới", "năm sau", "next year"), ("year", 1)),
    **dict.fromkeys(("tháng trước", "last month"), ("month", -1)),
    **dict.fromkeys(("tháng này", "tháng nay", "this month"), ("month", 0)),
    **dict.fromkeys(("tháng tới", "tháng sau", "next month"), ("month", 1)),
    **dict.fromkeys(("hôm qua", "yesterday"), ("day", -1)),
    **dict.fromkeys(("hôm nay", "today"), ("day", 0)),
}
# Scanned on the lowercased text (three times faster than with case classes), factored by first word.
_RELATIVE = re.compile(r"(?:năm\s+(?:ngoái|rồi|nay|tới|sau)|tháng\s+(?:trước|này|nay|tới|sau)|hôm\s+(?:qua|nay)"
                       r"|(?:last|this|next)\s+(?:year|month)|yesterday|today)(?![^\W\d_])")
_RELATIVE_HINTS = ("năm", "tháng", "hôm", "year", "month", "yesterday", "today")
# "3 tháng trước" is three months ago and "hai năm tới" the next two years: a count before the words is a length.
_COUNT_WORDS = frozenset("""một hai ba bốn tư năm sáu bảy tám chín mười mươi trăm mấy vài nhiều các những mỗi
one two three four five six seven eight nine ten twelve few several many some each every""".split())

_VI_NAMED_MONTH = re.compile(rf"{_THANG}\s+(?:{_VI_MONTH_WORDS})(?![^\W\d_])")
_MONTH_HINT = re.compile(rf"(?:{_MONTH})(?![^\W\d_])")
# What may not stand right before a match, checked in code: a look-behind at the start of a pattern would stop
# the regex engine from skipping ahead to candidate first characters, making every pass several times slower.
_NOT_BEFORE = {"iso": "0123456789/.-", "vi_full": "0123456789/.,-", "en_dmy": "0123456789",
               "en_mdy_num": "0123456789/.-", "vi_month_only": "0123456789"}


def _bad_start(kind: str, text: str, start: int) -> bool:
    if start == 0:
        return False
    before = text[start - 1]
    banned = _NOT_BEFORE.get(kind)
    return before in banned if banned is not None else before.isalpha()
# Cheap tests that rule a pattern out before it scans a sentence; most sentences hold no date at all.
_NEEDS = {
    "iso": lambda t, low: "-" in t, "vi_full": lambda t, low: True, "vi_dm": lambda t, low: "/" in t or "-" in t,
    "vi_paren": lambda t, low: "(" in t, "vi_dm_dot": lambda t, low: "." in t,
    "vi_words": lambda t, low: "tháng" in low,
    "vi_month": lambda t, low: "tháng" in low, "vi_year": lambda t, low: "năm" in low,
    "en_mdy_num": lambda t, low: "/" in t, "vi_month_only": lambda t, low: "tháng" in low,
    "vi_named_month": lambda t, low: "tháng" in low, "vi_quarter": lambda t, low: "quý" in low,
}
_DIGIT = re.compile(r"\d")
# English prepositions are context, not part of the date: "in 2019" reports "2019".
_SPAN_FROM_YEAR = {"en_year", "vi_quarter"}
_SPAN_FROM_MONTH = {"en_month_only"}


def _valid(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    # Without a year, 29 February is possible (a leap year is assumed).
    return day <= calendar.monthrange(year if year else 2000, month)[1]


def resolve_day_month(day: int, month: int, published: dt.date) -> str | None:
    """The full date of "8/3" in an article published on `published`: the most recent such day not after it."""
    for year in (published.year, published.year - 1):
        if _valid(day, month, year) and dt.date(year, month, day) <= published:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _month_only(month: int, relative_year: str | None, published: dt.date | None) -> str | None:
    """"tháng 3": the most recent March not after publication ("--03" without a date); "tháng 3 năm ngoái": last
    year's."""
    if not 1 <= month <= 12:
        return None
    if published is None:
        return f"--{month:02d}"
    if relative_year:
        year = published.year - (0 if relative_year.lower() == "năm nay" else 1)
    else:
        year = published.year if month <= published.month else published.year - 1
    return f"{year:04d}-{month:02d}"


def _shifted(published: dt.date, unit: str, step: int) -> str:
    if unit == "day":
        return (published + dt.timedelta(days=step)).isoformat()
    if unit == "year":
        return f"{published.year + step:04d}"
    months = published.year * 12 + published.month - 1 + step
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def _counted(text: str, start: int) -> bool:
    """Whether a number or a count word stands right before `start` ("3 tháng trước", "two years ago")."""
    before = text[max(0, start - 40):start].split()
    return bool(before) and (before[-1].isdigit() or before[-1].lower() in _COUNT_WORDS)


def _relative_dates(text: str, low: str, published: dt.date) -> list[tuple[int, int, str]]:
    """Relative dates in `text`, found in `low`, its lowercase form."""
    if len(low) != len(text):  # a letter whose lowercase is longer (İ → i̇): lowercase letter by letter instead
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found = []
    for m in _RELATIVE.finditer(low):
        if _bad_start("relative", text, m.start()) or _counted(text, m.start()):
            continue
        unit, step = _RELATIVE_MEANINGS[" ".join(m.group().split())]
        found.append((m.start(), m.end(), _shifted(published, unit, step)))
    return found


def _value(kind: str, m: re.Match[str], published: dt.date | None, language: str) -> str | None:
    groups = m.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    if kind in ("vi_year", "en_year", "vi_quarter"):
        return f"{year:04d}"
    month = _MONTHS[groups["mon"]] if groups.get("mon") else _VI_MONTHS_IN_WORDS[groups["mw"]] if groups.get("mw") \
        else int(groups["m"])
    if kind == "vi_named_month" and not groups.get("d"):
        return f"{year:04d}-{month:02d}" if year else _month_only(month, None, published)
    if kind in ("vi_month_only", "en_month_only"):
        return _month_only(month, groups.get("rel"), published)
    if kind in ("vi_month", "en_my"):
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    day = int(groups["d"])
    if kind == "vi_full" and language == "en" and m.group(2) == "/" and not _valid(day, month, year) \
            and _valid(month, day, year):
        day, month = month, day
    return _day_month_value(day, month, year, published)


# "từ ngày 10 đến 14/9", "10-14/9", "ngày 10 và 14/9": the first day takes the second one's month (and year).
_DAY_RANGE = re.compile(
    rf"(?:(?P<trig>{_cased('từ', 'ngày', 'hôm', 'trong', 'đêm')})\s+(?:{_NGAY}\s+)?)?(?P<d1>\d{{1,2}})"
    # "đêm 23 rạng sáng 24/2": the night of the 23rd into the 24th
    rf"\s*(?P<join>-|–|đến|tới|và|rạng\s+sáng|rạng)\s*(?:{_NGAY}\s+)?(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})"
    rf"(?:\s*/\s*(?P<y>\d{{4}}))?(?![\d/])")
# What a fraction after "tới" or "đến" is a share of ("tới 1/3 lực lượng", "gần đến 2/3 lãnh thổ"): a thing
# counted or a whole, not a time ("đến 1/3 năm sau" is left a date).
_SHARE_OF = re.compile(r"\s+(?:" + longest_of((COUNTED_NOUNS - {"ngày", "tuần", "tháng", "năm", "giờ", "phút", "giây",
                                                               "thế kỷ", "thập kỷ"})
                                              | {"lực lượng", "lãnh thổ", "dân số", "diện tích", "số", "tổng số",
                                                 "sản lượng", "ngân sách", "lượng", "khối lượng", "quân số",
                                                 "kim ngạch", "giá trị", "thị phần", "nguồn cung", "kho"})
                       + r")(?![^\W\d_])")
# "ngày 16/2, 17/2, rồi lại đến 20/2": days listed after a date are dates too.
_LISTED = re.compile(r"\s*(?:,|;|và|hoặc|hay|rồi(?:\s+lại)?\s+(?:đến|tới)|đến|tới|-|–)\s*(?:ngày\s+)?"
                     r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?(?![\d/])")


def _day_month_value(day: int, month: int, year: int | None, published: dt.date | None) -> str | None:
    if not _valid(day, month, year):
        return None
    if year is not None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if published is not None:
        resolved = resolve_day_month(day, month, published)
        if resolved:
            return resolved
    return f"--{month:02d}-{day:02d}"


def _ranges_and_lists(text: str, found: list[tuple[int, int, str]],
                      published: dt.date | None) -> list[tuple[int, int, str]]:
    """Both ends of a range of days and every day of a list, each as a date of its own."""
    extra: list[tuple[int, int, str]] = []
    for m in _DAY_RANGE.finditer(text):
        if _bad_start("vi_dm", text, m.start()) or (m.start() and text[m.start() - 1] in "/.,0123456789"):
            continue
        d1, d = int(m.group("d1")), int(m.group("d"))
        if m.group("trig") is None and (m.group("join") not in "-–" or d1 >= d):
            continue  # "3-5/9" is a range; "3 và 5/9" needs "ngày" before it to be one
        month, year = int(m.group("m")), int(m.group("y")) if m.group("y") else None
        first = _day_month_value(d1, month, year, published)
        last = _day_month_value(d, month, year, published)
        if first is None or last is None:
            continue
        extra.append((m.start(), m.end("d1"), first))
        extra.append((m.start("d"), m.end(), last))
    ends = sorted({end for _, end, value in found + extra if len(value) in (7, 10)})
    for end in ends:
        while (m := _LISTED.match(text, end)) is not None:
            year = int(m.group("y")) if m.group("y") else None
            value = _day_month_value(int(m.group("d")), int(m.group("m")), year, published)
            if value is None:
                break
            extra.append((m.start("d"), m.end(), value))
            end = m.end()
    return extra


# A period of years: "giai đoạn 1995-2021", "kế hoạch 2021 - 2025", "thời kỳ từ 1995 đến 2021". Each year is a date,
# so neither reads as a figure; the second must come after the first, within a century.
_PERIOD = _cased("giai đoạn", "thời kỳ", "nhiệm kỳ")
_YEAR_RANGE = re.compile(rf"(?<![\d.,/])(?:(?P<period>{_PERIOD})\s+(?:{_cased('từ')}\s+)?(?:{_NAM}\s+)?)?"
                         rf"(?P<y>{_YEAR})\s*(?:[-–]|(?(period)\s(?:đến|tới)\s+(?:{_NAM}\s+)?|(?!)))\s*"
                         rf"(?P<y2>{_YEAR})(?![\d%]|[.,/]\d)")


def _year_ranges(text: str) -> list[tuple[int, int, str]]:
    found = []
    for m in _YEAR_RANGE.finditer(text):
        first, second = int(m.group("y")), int(m.group("y2"))
        if first < second <= first + 100:
            found += [(m.start("y"), m.end("y"), m.group("y")), (m.start("y2"), m.end("y2"), m.group("y2"))]
    return found


def find_dates(text: str, offset: int = 0, *, published: dt.date | None = None,
               language: str | None = None) -> list[DateMention]:
    """Every date mentioned in `text`, offsets shifted by `offset`.

    ``find_dates("hôm 7/3 ông nói")`` gives ``DateMention("hôm 7/3", 0, 7, "--03-07")``; with
    ``published=date(2022, 3, 9)`` the value is "2022-03-07". Figures are never dates: "1,7 triệu", "90%",
    "1,5%" and a bare fraction "1/3" are left to `find_quantities`; an impossible day (31/2) is skipped.
    """
    if not text:
        return []
    has_month = _MONTH_HINT.search(text) is not None
    low = text.lower()
    relative = published is not None and any(hint in low for hint in _RELATIVE_HINTS)
    if not _DIGIT.search(text) and not has_month and not relative and not _VI_NAMED_MONTH.search(text):
        return []
    language = language or detect_language(text)
    candidates: list[tuple[int, int, str]] = _relative_dates(text, low, published) if relative else []
    for kind, pattern in _PATTERNS:
        if kind.startswith("en_") and kind not in _NEEDS and kind != "en_year" and not has_month:
            continue
        if kind in _NEEDS and not _NEEDS[kind](text, low):
            continue
        for m in pattern.finditer(text):
            if kind != "vi_paren" and _bad_start(kind, text, m.start()):
                continue
            value = _value(kind, m, published, language)
            if value is None:
                continue
            start = m.start("y") if kind in _SPAN_FROM_YEAR else m.start("mon") if kind in _SPAN_FROM_MONTH \
                else m.start()
            if kind == "vi_dm" and m.group("trig").lower() in ("từ", "đến", "tới", "trước", "sau", "cuối", "đầu"):
                # "từ 8/3" is a date only when the words around make it one; on its own "đến 1/3" may be a ratio.
                if m.group("trig").lower() in ("đến", "tới") and int(m.group("d")) < int(m.group("m")) <= 10 \
                        and _SHARE_OF.match(text, m.end()) \
                        and text[max(0, m.start() - 4):m.start()].rstrip()[-1:].isalpha():
                    continue  # "mất tới 1/3 lực lượng": a third of the forces, not 1 March ("Từ 1/7 người lao
                    # động …" and "Đến 1/3 học sinh …", opening a sentence, stay dates)
                start = m.start("d")
            candidates.append((start, m.end(), value))
    if "/" in text or "-" in text:
        candidates.extend(_ranges_and_lists(text, candidates, published))
    candidates.extend(_year_ranges(text))
    # Earliest first, longest first; a later candidate overlapping a kept one is the same date read twice.
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    found: list[DateMention] = []
    last_end = -1
    for start, end, value in candidates:
        if start < last_end:
            continue
        found.append(DateMention(text[start:end], start + offset, end + offset, value))
        last_end = end
    return found
