"""Turning what a fact-checker uploads (bytes of .txt, .md or .html) into clean NFC article text, or saying why not."""
from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from claims.errors import WorkbenchError
from claims.folding import nfc
from translations import _

__all__ = ["MAX_ARTICLE_BYTES", "ARTICLE_SUFFIXES", "UnreadableArticle", "ArticleText", "clean_text",
           "not_a_regular_file",
           "decode_article", "read_article_file"]

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\ufeff]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<p[ >]|<div[ >])", re.IGNORECASE)
# Letters Windows-1258 produces for Vietnamese; a text decoded from it should be mostly these plus ASCII.
_VIETNAMESE_1258 = set("ăâđêôơưĂÂĐÊÔƠƯàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ")


class UnreadableArticle(WorkbenchError, ValueError):
    """The upload cannot be read as an article; the message says why, in one line."""


@dataclass(frozen=True)
class ArticleText:
    text: str
    encoding: str
    was_html: bool = False
    title: str | None = None


def clean_text(text: str) -> str:
    """NFC, newlines as \\n, control characters (NUL included) dropped: the form the store keeps and offsets index."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return nfc(_CONTROL.sub("", text))


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise UnreadableArticle(_("starts with a {encoding} byte-order mark but is not valid {encoding}"
                                          " (byte {byte})").format(encoding=encoding,
                                                                   byte=error.start + len(bom))) from None
    if b"\x00" in data[:4096]:
        raise UnreadableArticle(_("is a binary file (it contains NUL bytes), not text"))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    decoded_vietnamese = sum(ch in _VIETNAMESE_1258 for ch in nfc(text))
    if text and decoded_vietnamese and _mostly_text(text):
        return text, "windows-1258"
    raise UnreadableArticle(_(
        "is not UTF-8 (invalid byte 0x{byte} at offset {offset}) and does not look like Windows-1258 Vietnamese"
        " either; save it as UTF-8 and try again").format(byte=f"{data[utf8_error.start]:02x}",
                                                          offset=utf8_error.start))


def _mostly_text(text: str) -> bool:
    sample = text[:20000]
    printable = sum(ch.isprintable() or ch in "\n\t\r" for ch in sample)
    return printable >= 0.97 * len(sample)


def _html_to_text(html: str) -> tuple[str, str | None]:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True) or ""
    metadata = trafilatura.extract_metadata(html)
    title = metadata.title if metadata is not None else None
    return text, title


def _too_large(size: int) -> str:
    return _("is too large ({size:.1f} MB; an article may be at most {limit} MB)").format(
        size=size / 1048576, limit=MAX_ARTICLE_BYTES // 1048576)


def decode_article(data: bytes, *, name: str = "upload") -> ArticleText:
    """Decode an upload: UTF-8 (with or without BOM), UTF-16/32 with BOM, Windows-1258; HTML reduced to its text.

    Raises UnreadableArticle with a one-line reason for empty, oversized, binary or undecodable input.
    """
    if not data.strip():
        raise UnreadableArticle(_("is empty"))
    if len(data) > MAX_ARTICLE_BYTES:
        raise UnreadableArticle(_too_large(len(data)))
    text, encoding = _decode(data)
    if not _mostly_text(text):
        raise UnreadableArticle(_("is a binary file, not text"))
    is_html = name.lower().endswith((".html", ".htm")) or bool(_HTML_START.match(text.encode("utf-8")[:200]))
    title = None
    if is_html:
        text, title = _html_to_text(text)
        if not text.strip():
            raise UnreadableArticle(_("is HTML with no article text in it"))
    text = clean_text(text).strip()
    if not text:
        raise UnreadableArticle(_("has no text in it"))
    return ArticleText(text=text, encoding=encoding, was_html=is_html, title=title)


def not_a_regular_file(path: str | Path) -> str | None:
    """Why `path` cannot be read as a file (a FIFO, a device, a folder), or None when it is a regular file.

    Opening a FIFO waits for a writer forever, so every reader of user-named files asks this first.

    >>> not_a_regular_file("/dev/null")
    'is not a regular file (a character device)'
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return _("does not exist")
    except OSError as error:
        return _("cannot be read: {reason}").format(reason=error.strerror)
    if stat.S_ISREG(mode):
        return None
    kind = (_("a folder") if stat.S_ISDIR(mode) else _("a named pipe (FIFO)") if stat.S_ISFIFO(mode)
            else _("a socket") if stat.S_ISSOCK(mode) else _("a character device") if stat.S_ISCHR(mode)
            else _("a block device") if stat.S_ISBLK(mode) else _("a special file"))
    return _("is not a regular file ({kind})").format(kind=kind)


def read_article_file(path: str | Path) -> ArticleText:
    """Read and decode one file; see decode_article."""
    path = Path(path)
    if (problem := not_a_regular_file(path)) is not None:
        raise UnreadableArticle(problem)
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise UnreadableArticle(_too_large(size))
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableArticle(_("cannot be read: {reason}").format(reason=error.strerror)) from None
    return decode_article(data, name=path.name)
