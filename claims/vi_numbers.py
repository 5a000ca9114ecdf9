"""Vietnamese numbers written in words: "bảy" 7, "mười một" 11, "hai mươi lăm" 25, "ba trăm" 300, "bốn nghìn" 4000,
"mười hai triệu" 12000000, "hai triệu rưỡi" 2500000, "một nửa" 0.5, "ba phần tư" 0.75; "hàng trăm", "hàng nghìn",
"vài chục" are approximate. A bare number word is a figure only when it counts something ("bảy tỉnh", not "hai bên",
"năm 2014", "thứ hai" or "Một là")."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claims.wordlists import longest_of

__all__ = ["WordNumber", "vietnamese_word_numbers", "vietnamese_ranks", "words_value"]

_DIGITS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
# After "mươi" or "mười" some units change their word: hai mươi mốt (21), hai mươi tư (24), mười lăm (15).
# Five after the tens is always "lăm" ("mười lăm", "hai mươi lăm"): "năm" there is the year ("mười năm" is ten
# years, "hai mươi năm" twenty), never a unit digit; after "linh" or "lẻ" it is five ("một trăm linh năm").
_AFTER_TENS = {"mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5, "một": 1, **{w: v for w, v in _DIGITS.items() if w != "năm"}}
_SCALES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9, "vạn": 1e4,
           # as typed without diacritics on social media ("hai trieu nguoi")
           "nghin": 1e3, "ngan": 1e3, "trieu": 1e6, "ty": 1e9, "ti": 1e9}
_WORDS = sorted({*_DIGITS, *_AFTER_TENS, *_SCALES, "mười", "mươi", "trăm", "chục", "linh", "lẻ", "rưỡi", "nửa",
                 "hàng", "vài", "dăm", "mấy"}, key=len, reverse=True)
_CASED = {v for w in _WORDS for v in (w, w[:1].upper() + w[1:])}
# One run of number words, each a whole word.
_RUN = re.compile(r"(?<![^\W\d_])(?:" + longest_of(_CASED) + r")(?:\s+(?:" + longest_of(_WORDS)
                  + r"))*(?![^\W\d_])")
_SPACES = re.compile(r"\s+")
# Words after which a scale word alone is a number: "hơn chục người", "cả trăm người", "gần nghìn hộ".
_HEDGES = frozenset(("hơn", "gần", "cả", "khoảng", "tới", "trên", "dưới", "chừng"))


@dataclass(frozen=True)
class WordNumber:
    start: int
    end: int
    value: float
    approximate: bool
    scaled: bool  # it has a scale word or is a compound (mười hai, ba trăm): a number for sure


def words_value(words: list[str], *, hedged: bool = False) -> tuple[float, int, bool, bool] | None:
    """(value, how many of `words` make the number, approximate, certain) for number words read left to right;
    None when they start no number. ``words_value("hai mươi lăm người".split())`` is ``(25.0, 3, False, True)``.
    After a hedge ("hơn chục", "cả trăm") a scale word alone is a number: ten, a hundred."""
    total, group, pending = 0.0, 0.0, None
    last_scale = 0.0
    tens = False
    approximate = certain = False
    used = 0
    for i, word in enumerate(words):
        w = word.lower()
        if i == 0 and w in ("hàng", "vài", "dăm", "mấy"):
            approximate = True
            pending = 2 if w in ("vài", "dăm", "mấy") else None
            used = 1
            continue
        if w in _DIGITS and pending is None and not tens:
            pending = _DIGITS[w]
        elif tens and pending is None and (w in _AFTER_TENS
                                           or (w in _DIGITS and words[i - 1].lower() in ("linh", "lẻ"))):
            group += _AFTER_TENS.get(w) or _DIGITS[w]  # "một trăm linh năm" is 105
            tens = False
            certain = True
        elif w == "mười" and pending is None:
            group += 10
            tens = True
        elif w == "mươi" and pending is not None:
            group += pending * 10
            pending, tens, certain = None, True, True
        elif w in ("trăm", "chục", *_SCALES) and pending is None and not group and not total and not approximate \
                and not hedged:
            break  # a scale word alone is a noun ("tỷ lệ", "hàng trăm" aside): no number
        elif w in ("trăm", "chục"):
            size = 100 if w == "trăm" else 10
            group += (pending if pending is not None else 1) * size
            pending, tens, certain = None, w == "trăm", True
            last_scale = size if not total else last_scale
            if w == "trăm":
                tens = False
            elif i + 1 < len(words) and words[i + 1].lower() in _DIGITS:
                used = i + 1
                break  # "hai chục năm", "hàng chục năm": tens of years; no unit digit follows "chục"
        elif w in ("linh", "lẻ") and group:
            tens = True
        elif w in _SCALES:
            scale = _SCALES[w]
            group += pending or 0
            if total and scale > last_scale:
                total = (total + group) * scale
            else:
                total += (group or 1) * scale
            group, pending, tens, certain, last_scale = 0.0, None, False, True, scale
        elif w == "rưỡi" and (last_scale or group):
            total += group + (pending or 0)
            group, pending = 0.0, None
            total += 0.5 * (last_scale or 1)
            used = i + 1
            break
        elif w == "nửa" and i == 0:
            following = words[1].lower() if len(words) > 1 else ""
            if following in _SCALES:  # "nửa triệu người": half a million
                return 0.5 * _SCALES[following], 2, False, True
            return 0.5, 1, False, True
        elif w == "nửa" and i == 1 and words[0].lower() == "một":
            return 0.5, 2, False, True
        else:
            break
        used = i + 1
    if used == 0 or (approximate and used == 1):
        return None
    value = total + group + (pending or 0)
    if not value:
        return None
    return value, used, approximate, certain


# "ba phần tư" (¾), "hai phần ba" (⅔), "một phần năm" (⅕): a fraction in words. "phần trăm" is a percentage, read
# elsewhere.
_DENOMINATORS = {"hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_FRACTION = re.compile(r"\s+phần\s+(" + "|".join(_DENOMINATORS) + r")(?![^\W\d_])")


def vietnamese_word_numbers(text: str) -> Iterator[WordNumber]:
    """Every run of Vietnamese number words in `text` that makes a number, with its span."""
    covered = 0  # the end of the last fraction read: its denominator is not a number of its own
    for m in _RUN.finditer(text):
        if m.start() < covered:
            continue
        words = m.group().split()
        fraction = _FRACTION.match(text, m.end()) if len(words) == 1 and words[0].lower() in _DIGITS else None
        if fraction is not None:
            numerator, denominator = _DIGITS[words[0].lower()], _DENOMINATORS[fraction.group(1)]
            if numerator < denominator:
                covered = fraction.end()
                yield WordNumber(m.start(), fraction.end(), numerator / denominator, False, True)
                continue
        before = text[max(0, m.start() - 9):m.start()].split()
        hedge = before[-1].lower() if before and m.start() and text[m.start() - 1] == " " else ""
        read = words_value(words, hedged=hedge in _HEDGES)
        if read is None:
            continue
        value, used, approximate, certain = read
        approximate = approximate or hedge == "cả"
        if words[0].lower() in ("trăm", "chục", *_SCALES):
            certain = False  # "hơn chục" counts only what follows it: "hơn chục người", not "hơn tỷ lệ"
        # The span of the words used, found by walking the matched text.
        end = m.start()
        for word in words[:used]:
            end = text.index(word, end) + len(word)
        yield WordNumber(m.start(), end, value, approximate, certain)


# A rank in words after "thứ": "thứ nhất", "thứ ba", "thứ tư", "thứ mười hai". A weekday writes its number word with
# a capital ("thứ Hai", "Thứ Ba"), a rank does not.
_RANK = re.compile(r"(?<![^\W\d_])[Tt]hứ\s+(?P<words>(?:nhất|tư|(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|"
                   r"mốt|lăm|trăm))(?:\s+(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mươi|mốt|lăm|trăm))*)(?![^\W\d_])")
_RANK_WORDS = {"nhất": 1.0, "tư": 4.0}  # "thứ nhất", "thứ tư": the first and the fourth


def vietnamese_ranks(text: str) -> Iterator[tuple[int, int, float]]:
    """(start, end, rank) of each rank written in words: "bên thứ ba" gives the span of "thứ ba" and 3."""
    for m in _RANK.finditer(text):
        words = m.group("words").split()
        if words[0] in _RANK_WORDS:
            value: float | None = _RANK_WORDS[words[0]]
        else:
            read = words_value(words)
            value = read[0] if read is not None else None
        if value is not None:
            yield m.start(), m.end(), value
