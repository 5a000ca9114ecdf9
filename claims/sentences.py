"""Sentence-level claim spans: where a claim candidate starts and ends in the article's text."""
from __future__ import annotations

import re

__all__ = ["split_sentences", "shouted", "in_small_letters", "MAX_SENTENCE"]

# A candidate longer than this is cut at a space: text without punctuation (a 10 MB paste, a transcript) must
# still come out in bounded pieces, in linear time.
MAX_SENTENCE = 1200
# A quotation left open this long is taken as a stray quote mark rather than a quote of many sentences.
_MAX_QUOTE = 2500

# Tokens ending in "." that do not end a sentence. Compared case-sensitively, without the final dot.
_ABBREVIATIONS = frozenset(
    """TP Tp TS ThS PGS GS BS KS CN NXB ĐH Q P H Th TT Ths Mr Mrs Ms Dr Prof St Jr Sr Gen Sen Rep Gov Lt Col
    Capt Sgt Maj Adm Cmdr Pres Rev Hon Mt Ft Ave Blvd Rd Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Mon Tue Wed Thu Fri Sat Sun No Nos Vol vs Fig fig al approx est Co Corp Inc Ltd Dept Univ Ph e.g i.e etc
    U.S U.K U.N E.U""".split()
)
_ABBREVIATIONS_FOLDED = frozenset(a.casefold() for a in _ABBREVIATIONS)
_CLOSERS = "\"'”’»)]}"
# Events the scanner stops at: a photo credit in brackets, a line break, a quote mark, a run of terminators.
_EVENT = re.compile(
    r"(?P<caption>\((?:Ảnh|ảnh|Nguồn|Photo|Photograph|Video|Đồ họa|Graphic|Image)(?:\s+[^\s:()]+){0,3}\s*:"
    r"[^()\n]{0,120}\)\.?)"
    r"|(?P<newline>\n)"
    r"|(?P<quote>[\"“”«»])"
    r"|(?P<stop>[.!?…]+)"
)
_TOKEN_BEFORE = re.compile(r"(?:[^\W\d_]+\.)*[^\W\d_]+$")
# A word of two letters or more, then a capitalised word (a capital and a small letter): "nhỏ.Tuy nhiên".
_WORD_BEFORE = re.compile(r"[^\W\d_]{2,}$")
_WORD_AFTER = re.compile(r"[^\W\d_][^\W\d_]")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the "." at `dot` closes an abbreviation (TP.HCM writes no space, so only "TS. Nguyễn" gets here)."""
    m = _TOKEN_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    token = m.group(0)
    # A single capital is an initial (J. Smith); a dotted token of short parts is an acronym (U.S., e.g.); a web
    # address ends its sentence ("… theo trang Castellum.ai. Trong khi đó").
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isupper()) or (
        "." in token and all(len(part) <= 2 for part in token.split(".")))


def _glued_sentences(text: str, stop: int, after: int) -> bool:
    """Whether the stop at `stop` ends a sentence that a page glued to the next one without a space
    ("…không hề nhỏ.Tuy nhiên, …", a scraped page's paragraphs run together). Not an address or an acronym:
    "TP.HCM", "Tp.Hồ Chí Minh", "ANTD.VN", "U.S.Army" and "baomoi.com" keep their dot."""
    word = _WORD_BEFORE.search(text, max(0, stop - 40), stop)
    following = _WORD_AFTER.match(text, after)
    if not word or not following:
        return False
    before, first = word.group(0), following.group(0)
    return (first[0].isupper() and first[1].islower() and not before.isupper()
            and before.casefold() not in _ABBREVIATIONS_FOLDED and not _is_abbreviation(text, stop))


def _next_visible(text: str, i: int) -> str:
    n = len(text)
    while i < n and text[i] in " \t\r\f\v\u00a0":
        i += 1
    return text[i] if i < n else ""


def _starts_sentence(ch: str) -> bool:
    return ch == "" or not ch.islower()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an over-long span at spaces, each piece at most MAX_SENTENCE characters."""
    pieces = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, limit)
        cut = cut if cut > start else limit
        piece = _trimmed(text, start, cut)
        if piece:
            pieces.append(piece)
        start = cut
    piece = _trimmed(text, start, end)
    if piece:
        pieces.append(piece)
    return pieces


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentence-level claim candidates in `text`, in order, trimmed of spaces.

    ``split_sentences('Ông nói. "A. B," bà nói.')`` gives two spans: the second keeps the two-sentence quote and
    its attribution together. Line breaks always end a sentence; abbreviations (TP.HCM, TS., Mr., U.S.) and
    decimal or date punctuation (1,7; 8/3) do not; a photo credit "(Ảnh: AFP)" ends its caption; two sentences a
    page glued together ("nhỏ.Tuy nhiên") are two.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    quote_open: int | None = None  # where the quotation we are inside began
    straight_open = False

    def close(end: int) -> None:
        nonlocal start
        spans.extend(_bounded(text, start, end))
        start = end

    for m in _EVENT.finditer(text):
        kind = m.lastgroup
        pos, end = m.span()
        if quote_open is not None and pos - quote_open > _MAX_QUOTE:
            quote_open, straight_open = None, False
        if kind == "newline":
            close(pos)
            quote_open, straight_open = None, False
        elif kind == "caption":
            if quote_open is None and _next_visible(text, end) not in ("", "\n"):
                close(end)
        elif kind == "quote":
            ch = m.group()
            opening = ch in "“«" or (ch == '"' and not straight_open)
            if opening:
                quote_open = pos
                straight_open = ch == '"'
                continue
            quote_open, straight_open = None, False
            # A quote that ended its own sentence ('…nữa." Ông') closes the claim unless the attribution follows.
            if pos > 0 and text[pos - 1] in ".!?…" and _starts_sentence(_next_visible(text, end)) \
                    and text[end: end + 1].isspace() and _next_visible(text, end) not in "-–—,":
                close(end)
        elif kind == "stop":
            if quote_open is not None:
                continue
            after = end
            while after < len(text) and text[after] in _CLOSERS and text[after] not in "\"“”":
                after += 1
            if after < len(text) and not text[after].isspace() and not _glued_sentences(text, pos, after):
                continue  # "TP.HCM", "1.700", "...”" glued to the next word: not a boundary
            nxt = _next_visible(text, after)
            if not _starts_sentence(nxt) or nxt in ",;:":
                continue
            if m.group() == "." and _is_abbreviation(text, pos):
                continue
            close(after)
    close(len(text))
    return spans


def shouted(sentence: str) -> bool:
    """Whether a sentence of four words or more is written in capitals (a headline shouted in a post)."""
    return sentence.isupper() and len(sentence.split()) >= 4


def in_small_letters(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each shouted sentence ("VIỆT NAM LÀ MỘT TRONG 35 NƯỚC BỎ PHIẾU TRẮNG") in small letters, for
    reading its figures and dates: in capitals every word looks like a name, and "35 NƯỚC" like a model's number.
    The same object when no sentence is shouted; the same length always."""
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        sentence = text[start:end]
        if shouted(sentence) and len(small := sentence.lower()) == len(sentence):
            pieces += [text[last:start], small]
            last = end
    if not pieces:
        return text
    return "".join(pieces) + text[last:]
