"""Does a claim speak of the present ("hiện", "đang", "vẫn", "now", "currently", "still")? Such a verdict goes stale.

A verdict on "Nga hiện kiểm soát tới 90% lãnh thổ" was true of the day it was published; months later the desk should
check it again. Words that only contain the cue ("thực hiện" carry out, "phát hiện" discover, "hiện đại" modern)
are not the present.
"""
from __future__ import annotations

import re

__all__ = ["present_cue"]

# "hiện" alone is "now"; in these compounds it is another word.
_HIEN_BEFORE = {"thực", "xuất", "phát", "thể", "biểu", "hiển", "tái", "bộc", "lộ", "hiện"}
_HIEN_AFTER = {"tượng", "đại", "trường", "diện", "thực", "thân", "vật", "hình", "ra", "lên", "hữu", "thời"}
_WORD = re.compile(r"\w+", re.UNICODE)
_ENGLISH = re.compile(r"\b(now|currently|still|at present|as of today|to this day)\b", re.IGNORECASE)
_VIETNAMESE_PHRASES = ("hiện nay", "hiện tại", "hiện giờ", "bây giờ", "vẫn còn", "đang")


def present_cue(text: str) -> str | None:
    """The word that makes the claim speak of the present, or None.

    >>> present_cue("Nga hiện kiểm soát tới 90% lãnh thổ")
    'hiện'
    >>> present_cue("Quân đội đã thực hiện cuộc tấn công") is None
    True
    """
    words = [w.lower() for w in _WORD.findall(text)]
    for i, word in enumerate(words):
        pair = f"{word} {words[i + 1]}" if i + 1 < len(words) else word
        if pair in _VIETNAMESE_PHRASES:
            return pair
        if word in ("đang", "vẫn"):
            return word
        if word == "hiện":
            before = words[i - 1] if i else ""
            after = words[i + 1] if i + 1 < len(words) else ""
            if before not in _HIEN_BEFORE and after not in _HIEN_AFTER:
                return word
    found = _ENGLISH.search(text)
    return found[1].lower() if found else None
