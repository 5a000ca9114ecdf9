"""Text as matching and search see it: NFC in, case and every Vietnamese diacritic folded out (đ → d too)."""
from __future__ import annotations

import unicodedata

__all__ = ["nfc", "fold"]

# NFD strips tone marks and hats but leaves đ/Đ whole: they are letters of their own, not d plus a mark.
_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ł": "l", "ø": "o", "ß": "ss"})


def nfc(text: str) -> str:
    """The one normal form the workbench stores and offsets into."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, strip diacritics, fold đ to d: ``fold("Điện Kremlin") == "dien kremlin"``."""
    decomposed = unicodedata.normalize("NFD", text.casefold().translate(_LETTERS_WITHOUT_DECOMPOSITION))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)
