"""Text dressed in marks that decorate rather than spell: "H̼ọ̼ ̼đ̼ã̼" (a seagull under every letter), "s̲ố̲ ̲l̲i̲ệ̲u̲"
(underlined), "c̶h̶ữ̶" (struck through), as "fancy text" generators on social media write it. Reading sees the text
without those marks; offsets still index the text as written (NFC), which is what the store keeps and shows."""
from __future__ import annotations

import re
from dataclasses import dataclass

from claims.folding import nfc

__all__ = ["Undecorated", "undecorated"]

# Combining marks no Vietnamese or English letter is spelled with: low lines, overlays and strokes, the seagull,
# marks below that fancy-text generators add to every character.
_DECORATION = re.compile("[\u0332\u0333\u0334\u0335\u0336\u0337\u0338\u033c\u0347\u0353\u035f\u20e5]")


@dataclass(frozen=True)
class Undecorated:
    """`text` without its decorating marks, and where each of its characters stands in the text as written."""

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
    """The text without its decorating marks, or None when it has none (or when taking them out would change how
    the letters around them compose, which no generator does).

    >>> undecorated("H̼ọ̼ ̼đ̼ã̼").text
    'Họ đã'
    """
    if _DECORATION.search(text) is None:
        return None
    at = tuple(i for i, ch in enumerate(text) if not _DECORATION.match(ch))
    plain = "".join(text[i] for i in at)
    if nfc(plain) != plain:
        return None
    return Undecorated(plain, text, at)
