"""Interface text in the reader's language: every user-facing string goes through `_` or `ngettext` once, where it is
shown. The language is per session (a context variable), so two people on one server each read their own."""
from __future__ import annotations

from contextvars import ContextVar

__all__ = ["LANGUAGES", "_", "current_language", "ngettext", "use_language"]

LANGUAGES = ("vi", "en")
_language: ContextVar[str] = ContextVar("interface_language", default="en")


def use_language(language: str) -> None:
    """Show this session's text in `language` ("vi" or "en") from now on."""
    _language.set(language if language in LANGUAGES else "en")


def current_language() -> str:
    return _language.get()


def _(message: str) -> str:
    """The message in the current language (catalogues are added under translations/locales/)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for `n`, in the current language: ngettext("1 claim matches", …, n)."""
    return singular if n == 1 else plural
