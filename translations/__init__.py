"""Interface text in the reader's language: every user-facing string goes through `_` or `ngettext` once, where it is
shown, and is looked up in the gettext catalogues under translations/locales/ (made and refreshed with pybabel, see
docs/languages.md). The language is per session (a context variable), so two people on one server each read their own.
Dates and numbers are written the reader's way through Babel: 15/9/2026 and 1.700.000 in Vietnamese."""
from __future__ import annotations

import datetime as dt
import gettext
import re
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal as _babel_decimal

__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "LOCALES", "_", "N_", "current_language", "format_date",
           "format_datetime", "format_decimal", "format_number", "language_from_environment", "language_in_use",
           "ngettext", "use_language"]

LANGUAGES = ("vi", "en")
# Each language named in itself, as a selector shows it.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
LOCALES = Path(__file__).resolve().parent / "locales"
_language: ContextVar[str] = ContextVar("interface_language", default="en")

# How a day is written: a Vietnamese reader writes 15/9/2026; English keeps ISO 8601 (2026-09-15), which neither a
# British nor an American reader misreads, and which the English reports have always carried.
_DATE_PATTERNS = {"vi": "d/M/yyyy", "en": "yyyy-MM-dd"}
_YEARLESS_PATTERNS = {"vi": "d/M", "en": "d MMMM"}
_YEARLESS = re.compile(r"--(\d{2})-(\d{2})")


def _checked(language: str | None) -> str:
    return language if language in LANGUAGES else "en"


def use_language(language: str | None) -> None:
    """Show this session's text in `language` ("vi" or "en"; anything else means English) from now on."""
    _language.set(_checked(language))


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    """The command line's language, read as gettext reads it: LANGUAGE, LC_ALL, LC_MESSAGES, then LANG
    ("vi_VN.UTF-8" is Vietnamese); English when none names a language of the workbench."""
    import os

    environ = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for value in (environ.get(variable) or "").split(":"):
            code = value.split(".")[0].split("_")[0].split("@")[0].lower()
            if code in LANGUAGES:
                return code
            if code and code not in ("c", "posix"):
                break
        if environ.get(variable):
            return "en"
    return "en"


def current_language() -> str:
    return _language.get()


class language_in_use:  # noqa: N801 - used like a function: `with language_in_use("vi"):`
    """Within the block, text is in `language`; the language before it comes back after (a report in another
    language than the reader's interface)."""

    def __init__(self, language: str | None) -> None:
        self.language = _checked(language)

    def __enter__(self) -> str:
        self._token = _language.set(self.language)
        return self.language

    def __exit__(self, *exc: object) -> None:
        _language.reset(self._token)


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    # English messages are their own msgids: its catalogue may be empty, and a missing file is English too.
    return gettext.translation("messages", localedir=LOCALES, languages=[language], fallback=True)


def _(message: str) -> str:
    """The message in the current language: _("Save review") is "Lưu nhận định" for a Vietnamese reader."""
    return _catalogue(current_language()).gettext(message)


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "mark for extraction, translate where shown"
    """Marks a message kept in a table (a setting's label) for the catalogue; `_` translates it where shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for `n`, in the current language: ngettext("1 claim matches", …, n)."""
    return _catalogue(current_language()).ngettext(singular, plural, n)


def _as_date(value: dt.date | str) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def format_date(value: dt.date | str | None, language: str | None = None) -> str:
    """A day the reader's way: format_date("2026-09-15", "vi") is "15/9/2026", "2026-09-15" in English.

    A day without its year, as reading stores "ngày 8/3" ("--03-08"), is "8/3" in Vietnamese and "8 March" in
    English. Another partial date ("2026-09", "2026") or text that is not a date is returned as it is, never guessed
    at.
    """
    if value is None or value == "":
        return ""
    yearless = _YEARLESS.fullmatch(value) if isinstance(value, str) else None
    if yearless is not None:
        try:
            day = dt.date(2000, int(yearless.group(1)), int(yearless.group(2)))  # a leap year: 29/2 is a day too
        except ValueError:
            return value
        language = _checked(language or current_language())
        return _babel_date(day, format=_YEARLESS_PATTERNS[language], locale=language)
    day = _as_date(value)
    if day is None or (isinstance(value, str) and len(value.strip()) < 10):
        return str(value)
    language = _checked(language or current_language())
    return _babel_date(day, format=_DATE_PATTERNS[language], locale=language)


def format_datetime(value: str | dt.datetime | None, language: str | None = None) -> str:
    """A stored moment as the reader writes it, in UTC: "10:05 8/3/2024 (UTC)"; "2024-03-08 10:05 UTC" in English.

    A bare date is written as format_date writes it; text that is not a moment is returned as it is.
    """
    if not value:
        return ""
    text = value.isoformat() if isinstance(value, dt.datetime) else str(value)
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    if len(text) <= 10:
        return format_date(moment.date(), language)
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    language = _checked(language or current_language())
    day = format_date(moment.date(), language)
    if language == "vi":
        return f"{moment:%H:%M} {day} (UTC)"
    return f"{day} {moment:%H:%M} UTC"


def format_decimal(number: float | int, language: str | None = None, *, places: int | None = None) -> str:
    """A number the reader's way: 1.700.000 and 1,7 in Vietnamese; 1,700,000 and 1.7 in English. With `places`,
    exactly that many decimals (0,90 / 0.90)."""
    pattern = None if places is None else "#,##0" + ("." + "0" * places if places else "")
    return _babel_decimal(number, format=pattern, locale=_checked(language or current_language()))


format_number = format_decimal
