"""Whether a claim is asserted or denied: "không", "chưa", "not", "never" turn a claim into its opposite."""
from __future__ import annotations

import re

from claims.folding import nfc

__all__ = ["NEGATION_CUES", "negation_count", "negation_spans", "same_polarity"]

# Matched on case-folded NFC text, never on folded text: folding makes "chưa" (not yet) the same word as
# "chùa" (pagoda) and "chả" (not) the same as "cha" (father). Multi-word cues come first so "không hề"
# counts once. Unaccented "khong"/"chua" are accepted too, for text typed without diacritics.
NEGATION_CUES = (
    "không hề", "chẳng hề", "chưa hề", "chả hề", "đâu có", "đâu phải", "không", "chưa", "chẳng", "chả", "khong",
    # words that say "không …" in one: "bất thành" (không thành), "thất hứa" (không giữ lời hứa)
    "bất thành", "thất hứa",
    "did not", "not", "never", "no", "nobody", "none", "nothing", "neither", "nor", "cannot",
    "deny", "denies", "denied", "denying",
)
# "không" is also the air and the void in compounds of war news, and "không chỉ" (not only) asserts: "không quân"
# (air force), "phòng không" (air defence), "không kích", "máy bay không người lái", "hàng không", "không gian".
_NOT_DENYING = (r"(?<!\bphòng )(?<!\bhàng )(?<!\bđối )(?<!\btrên )(?<!\bchân )(?<!\bhư )"
                r"(?!không (?:quân(?! sự)|kích(?! hoạt| động| thích)|khí|gian(?! dối| lận)|phận|"
                r"chiến(?! đấu| thắng| tranh)|người lái|vận(?! chuyển| hành| động)|lực(?! lượng)|"
                r"trung(?! thực| lập| thành)|ảnh(?! hưởng)|tặc|chỉ(?! định| đạo| ra| trích| huy)|những)(?!\w))"
                # "không dưới 5 đợt" is at least five, "không quá 10%" at most ten: a bound on a figure, no denial
                r"(?!không (?:dưới|quá|ít hơn|nhiều hơn|hơn|vượt quá|thấp hơn|cao hơn)\s+(?:\d|(?:một|hai|ba|bốn|năm|"
                r"sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)))")
# "no fewer than 5", "not more than 10%": a bound on a figure, as "không dưới" is, denies nothing.
_NOT_A_BOUND = (r"(?!(?:no|not) (?:fewer|less|more|later|earlier) than "
                r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a\b))")
_CUES = re.compile(
    r"(?<!\w)(?:" + "|".join(_NOT_DENYING + re.escape(c) if c == "không" else
                              _NOT_A_BOUND + re.escape(c) if c in ("no", "not") else re.escape(c)
                              for c in NEGATION_CUES)
    + r")(?!\w)|\w+n[’']t(?!\w)",
)


def negation_count(text: str) -> int:
    """How many negation cues the claim holds.

    >>> negation_count("Ông ấy không hề nói vậy"), negation_count("He didn't say it"), negation_count("It rained")
    (1, 1, 0)
    """
    return len(_CUES.findall(nfc(text).casefold()))


def negation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each negation cue in the NFC text, to show a reviewer which words deny.

    >>> negation_spans("Giá xăng không tăng")
    [(9, 14)]
    """
    # casefold keeps the length of Vietnamese and English text, so offsets into it index the NFC text.
    return [m.span() for m in _CUES.finditer(nfc(text).casefold())]


def same_polarity(a: str, b: str) -> bool:
    """True when both claims carry the same number of negations (a double negation is not an assertion).

    >>> same_polarity("Giá xăng tăng", "Giá xăng không tăng")
    False
    """
    return negation_count(a) == negation_count(b)
