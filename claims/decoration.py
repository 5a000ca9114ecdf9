"""Text dressed up rather than spelled, as "fancy text" generators and posts that dodge filters write it: marks that
decorate ("H̼ọ̼ ̼đ̼ã̼" with a seagull under every letter, "s̲ố̲ ̲l̲i̲ệ̲u̲" underlined, "c̶h̶ữ̶" struck through), letters of
other scripts that look like Latin ones inside a Latin word ("Uƙrаι̇пе ra ᵭα̂̀υ hὰпց", a Cyrillic а and п, a Greek ι
and α, an Armenian ց), and mathematical or full-width letters ("𝗨𝗸𝗿𝗮𝗶𝗻𝗲"). Reading sees the plain text; offsets
still index the text as written (NFC), which is what the store keeps and shows."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from claims.folding import fold, nfc

__all__ = ["Undecorated", "undecorated", "plain_text", "folded_plain"]

# Combining marks no Vietnamese or English letter is spelled with: low lines, overlays and strokes, the seagull,
# marks below that fancy-text generators add to every character.
_DECORATION = re.compile("[\u0332\u0333\u0334\u0335\u0336\u0337\u0338\u033c\u0347\u0353\u035f\u20e5]")

# Letters that stand for a Latin one when they sit among Latin letters. Greek letters with their own accents are
# taken apart first ("ὰ" is α and a grave), so only bare letters are listed.
_LOOKALIKES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "ë", "һ": "h", "і": "i", "ї": "ï", "ј": "j", "к": "k", "м": "m", "н": "h",
    "о": "o", "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "ѵ": "v", "ү": "y", "ɡ": "g",
    "А": "A", "В": "B", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K", "М": "M", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "Ѕ": "S", "Ԁ": "D", "Ү": "Y",
    # Greek
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "ω": "w", "ϲ": "c", "ϳ": "j",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
    "Τ": "T", "Υ": "Y", "Χ": "X",
    # Armenian
    "ա": "w", "հ": "h", "ո": "n", "ս": "u", "ց": "g", "օ": "o", "զ": "q", "Օ": "O", "Ս": "U",
    # Latin letters with a hook or a stroke that no Vietnamese or English word is spelled with
    "ƙ": "k", "ᵭ": "đ", "ɗ": "đ", "Ɗ": "Đ", "ƌ": "d", "ɓ": "b", "ƈ": "c", "ɦ": "h", "ɱ": "m", "ɲ": "n", "ƥ": "p",
    "ʠ": "q", "ɽ": "r", "ʂ": "s", "ƭ": "t", "ʋ": "v", "ƴ": "y", "ȥ": "z", "ı": "i", "ȷ": "j", "ɑ": "a", "ɩ": "i",
    "ℎ": "h", "Ɲ": "N", "Ƙ": "K", "Ɓ": "B", "Ƈ": "C", "Ƥ": "P", "Ƭ": "T", "Ʋ": "V", "Ƴ": "Y", "Ȥ": "Z", "Һ": "H",
}
# Greek accents as the Vietnamese marks they look like: the perispomeni as a tilde, the breathings as a hook,
# the iota below as a dot below.
_MARKS = {"\u0342": "\u0303", "\u0313": "\u0309", "\u0314": "\u0309", "\u0345": "\u0323"}
_MARKS_NO_LETTER_HERE_TAKES = "\u0302\u0303\u0306\u0309\u031b\u0323"  # Vietnamese marks, on a Greek or Cyrillic letter

# A cheap first look: any decorating mark, look-alike letter or mathematical or full-width letter at all.
_SUSPECT = re.compile("[" + "".join(sorted(_LOOKALIKES)) + "\u0370-\u03ff\u1f00-\u1fff\uff10-\uff5a"
                      "\U0001d400-\U0001d7ff\u0332\u0333\u0334\u0335\u0336\u0337\u0338\u033c\u0347\u0353"
                      "\u035f\u20e5]")
_WORD = re.compile(r"[^\W\d_](?:[^\W_]|[\u0300-\u036f\u20d0-\u20ff])*", re.UNICODE)


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    """LATIN, GREEK, CYRILLIC, ARMENIAN … for a letter; MATH for a mathematical or full-width letter or digit."""
    if ch.isascii():
        return "LATIN"
    if 0x1D400 <= ord(ch) <= 0x1D7FF or 0xFF10 <= ord(ch) <= 0xFF5A:
        return "MATH"
    return unicodedata.name(ch, "?").split()[0]


def _base_and_marks(cluster: str) -> tuple[str, str]:
    parts = unicodedata.normalize("NFD", cluster)
    return parts[0], parts[1:]


def _disguised(word: str) -> bool:
    """Whether a word mixes look-alikes into Latin letters, mixes two other scripts, or puts a Vietnamese mark on
    a Greek or Cyrillic letter: no language writes a word so."""
    scripts = set()
    lookalike = False
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch):
            if ch in _MARKS_NO_LETTER_HERE_TAKES and scripts & {"GREEK", "CYRILLIC", "ARMENIAN"}:
                return True
            continue
        script = _script(ch)
        if ch in _LOOKALIKES:
            lookalike = True
            if script == "LATIN":
                script = "LATIN-HOOK"
        scripts.add(script)
    others = scripts - {"LATIN", "MATH"}
    return lookalike and ("LATIN" in scripts or "MATH" in scripts or len(others) >= 2) or (
        "LATIN-HOOK" in scripts and len(scripts) > 1)


def _plain_cluster(cluster: str, disguised: bool) -> str:
    cluster = _DECORATION.sub("", cluster)
    if not cluster:
        return ""
    base, marks = _base_and_marks(cluster)
    if _script(base) == "MATH":
        folded = unicodedata.normalize("NFKC", base)
        base = folded if len(folded) == 1 else base
    elif disguised and base in _LOOKALIKES:
        base = _LOOKALIKES[base]
        marks = "".join(_MARKS.get(m, m) for m in marks)
        if base in "ij":
            marks = marks.replace("\u0307", "")
    return nfc(base + marks)


@dataclass(frozen=True)
class Undecorated:
    """`text` without its decorating marks and disguises, and where each of its characters stands in the text as
    written."""

    text: str
    written: str
    _at: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the written text that shows `text[start:end]`, with the marks that decorate its last
        character."""
        if start >= len(self._at):
            return len(self.written), len(self.written)
        return self._at[start], (self._at[end] if end < len(self._at) else len(self.written))


def undecorated(text: str) -> Undecorated | None:
    """The text without its decorating marks and disguises, or None when it has none (or when undoing them would
    change how the letters around them compose, which no generator does).

    >>> undecorated("H̼ọ̼ ̼đ̼ã̼").text
    'Họ đã'
    >>> undecorated("Uƙrаι̇пе ra ᵭα̂̀υ hὰпց").text
    'Ukraine ra đầu hàng'
    """
    if _SUSPECT.search(text) is None:
        return None
    disguised = [False] * len(text)
    for word in _WORD.finditer(text):
        if _disguised(word.group()):
            disguised[word.start():word.end()] = [True] * (word.end() - word.start())
    pieces: list[str] = []
    at: list[int] = []
    start = 0
    while start < len(text):
        end = start + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        plain = _plain_cluster(text[start:end], disguised[start])
        pieces.append(plain)
        at.extend([start] * len(plain))
        start = end
    plain = "".join(pieces)
    if plain == text or nfc(plain) != plain:
        return None
    return Undecorated(plain, text, tuple(at))


def plain_text(text: str) -> str:
    """`text` as reading and matching see it: ``plain_text("Uƙrаι̇пе") == "Ukraine"``."""
    found = undecorated(text)
    return text if found is None else found.text


def folded_plain(text: str) -> str:
    """`text` as search finds it: plain, then folded (``folded_plain("Uƙrаι̇пе ᵭα̂̀υ hὰпց") == "ukraine dau hang"``)."""
    return fold(plain_text(text))
