"""Folding: the table-driven fold gives exactly what the NFD definition gives, for any text."""
from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.folding import _STABLE, _TABLE, fold


def reference_fold(text: str) -> str:
    """fold() as first written (NFD, drop combining marks, NFC); the fast path must never differ from it."""
    letters = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ł": "l", "ø": "o", "ß": "ss"})
    decomposed = unicodedata.normalize("NFD", text.casefold().translate(letters))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


# Characters around the table's edges: its own ranges, combining marks, and letters that compose under NFC
# without being combining marks (Hangul jamo, Indic and Sinhala vowel signs), Greek, Cyrillic, ligatures.
_TRICKY = st.sampled_from(
    [chr(c) for c in range(0x00, 0x250)] + [chr(c) for c in range(0x300, 0x370)]
    + [chr(c) for c in range(0x1E00, 0x1F00)] + [chr(c) for c in range(0x2000, 0x20D0)]
    + list("\u1100\u1161\u11a8\uac00\u0b47\u0b3e\u0dd9\u0dcf\u0dca\u0392\u03ac\u0390\u0419\u0438\u0306\ufb01"
           "\u212b\u2126\u1e9e\u0130\u0149\u01f0\u0345\u0387\u00b7\u034f\u20dd\u3099\u304b\uff21\ud7a3\U0001d15e")
)


@pytest.mark.slow  # 3,000 generated texts: the full suite's; the cases below stay in the quick loop
@settings(max_examples=3000)
@given(st.text())
def test_fold_equals_the_nfd_definition_on_any_text(text):
    assert fold(text) == reference_fold(text)


@pytest.mark.slow  # 3,000 generated texts: the full suite's
@settings(max_examples=3000)
@given(st.text(_TRICKY, max_size=12))
def test_fold_equals_the_nfd_definition_where_characters_could_compose(text):
    assert fold(text) == reference_fold(text)


@pytest.mark.parametrize("text, folded", [
    ("Điện Kremlin khẳng định", "dien kremlin khang dinh"),
    ("1,7 TRIỆU NGƯỜI", "1,7 trieu nguoi"),
    (unicodedata.normalize("NFD", "Nguyễn Thị Ánh"), "nguyen thi anh"),
    ("Straße — “Đà Nẵng” €5", "strasse — “da nang” €5"),
    ("Ελλάδα và Hàn Quốc 한국", "ελλαδα va han quoc 한국"),
])
def test_fold_examples(text, folded):
    assert fold(text) == folded


def test_every_table_entry_folds_its_character_alone():
    for code, folded in enumerate(_TABLE):
        if folded != "\uffff":
            assert folded == reference_fold(chr(code)), hex(code)


def test_no_character_the_fast_path_can_return_composes_with_a_neighbour():
    """The fast path folds character by character; NFC could join two results only through a composition."""
    seconds = {chr(c) for c in range(0x1161, 0x1176)} | {chr(c) for c in range(0x11A8, 0x11C3)}  # Hangul
    for code in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    for ch in _STABLE:
        assert ch not in seconds, hex(ord(ch))
        assert unicodedata.normalize("NFD", ch) == ch and unicodedata.combining(ch) == 0, hex(ord(ch))
