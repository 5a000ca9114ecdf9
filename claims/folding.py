"""Text as matching and search see it: NFC in, case and every Vietnamese diacritic folded out (đ → d too)."""
from __future__ import annotations

import re
import unicodedata

__all__ = ["nfc", "fold", "has_lone_surrogate", "HALF_A_CHARACTER"]

# NFD strips tone marks and hats but leaves đ/Đ whole: they are letters of their own, not d plus a mark.
_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ł": "l", "ø": "o", "ß": "ss"})


def nfc(text: str) -> str:
    """The one normal form the workbench stores and offsets into."""
    return unicodedata.normalize("NFC", text)


# What a command says of a JSON line holding half of a surrogate pair ("\\ud800"): such text is not Unicode and
# cannot be stored, extracted from or learnt from, so the line is refused by its number like any other bad line.
HALF_A_CHARACTER = "a \\u escape that is half a character"
_SURROGATE = re.compile("[\ud800-\udfff]")


def has_lone_surrogate(value: object) -> bool:
    """Whether any string in a decoded JSON value (keys included) holds half of a surrogate pair.

    >>> has_lone_surrogate({"text": "x\\ud800"}), has_lone_surrogate({"text": "Giá xăng"})
    (True, False)
    """
    if isinstance(value, str):
        return _SURROGATE.search(value) is not None
    if isinstance(value, dict):
        return any(has_lone_surrogate(k) or has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_lone_surrogate(v) for v in value)
    return False


def _fold_by_decomposition(text: str) -> str:
    """The definition of `fold`: casefold, đ → d, decompose, drop every combining mark, recompose."""
    decomposed = unicodedata.normalize("NFD", text.casefold().translate(_LETTERS_WITHOUT_DECOMPOSITION))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


# The fast path folds one character at a time through a lookup table. That equals folding the whole text only
# when no folded character can compose with its neighbour under NFC: true when every character of the result is
# ASCII or one of `_STABLE` below (no canonical decomposition, not a combining mark, folds to itself, and never
# the second half of a canonical composition — tests/test_folding.py checks that over all of Unicode).
# Greek, Cyrillic, Hangul, CJK and the rarer marks take the definition above.
_TABLE_RANGES = ((0x0000, 0x0250),  # ASCII, Latin-1, Latin Extended-A and -B
                 (0x0300, 0x0370),  # combining diacritical marks: text typed in decomposed form folds too
                 (0x1E00, 0x1F00),  # Latin Extended Additional: most precomposed Vietnamese letters
                 (0x2000, 0x20D0))  # general punctuation and currency signs: dashes, curly quotes, €
_NOT_FOLDED = "\uffff"  # a noncharacter, never stable: its presence sends the text down the slow path


def _stable(ch: str, folded: str) -> bool:
    decomposition = unicodedata.decomposition(ch)
    return (folded == ch and unicodedata.combining(ch) == 0
            and (not decomposition or decomposition.startswith("<")))  # a compatibility mapping NFD ignores


def _build_table() -> tuple[list[str], str]:
    folds = {chr(code): _fold_by_decomposition(chr(code)) for low, high in _TABLE_RANGES for code in range(low, high)}
    stable = {ch for ch, folded in folds.items() if not ch.isascii() and _stable(ch, folded)}
    table = [_NOT_FOLDED] * _TABLE_RANGES[-1][1]
    for ch, folded in folds.items():
        if all(c.isascii() or c in stable for c in folded):
            table[ord(ch)] = folded
    return table, "".join(sorted(stable))


_TABLE, _STABLE = _build_table()
# A character in the fast path's result that is neither ASCII nor stable: the table did not know the text.
_UNKNOWN = re.compile(f"[^\\x00-\\x7f{re.escape(_STABLE)}]")


def fold(text: str) -> str:
    """Lower-case, strip diacritics, fold đ to d: ``fold("Điện Kremlin") == "dien kremlin"``."""
    quick = text.translate(_TABLE)
    if quick.isascii() or not _UNKNOWN.search(quick):
        return quick
    return _fold_by_decomposition(text)
