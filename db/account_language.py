"""Which language each account reads the workbench in: its own choice, else the desk's, else its browser's."""
from __future__ import annotations

import sqlite_utils

from claims.errors import InvalidInput
from db.connection import writing
from db.history import record
from db.settings import chosen_setting, get_setting
from translations import LANGUAGES, _

__all__ = ["account_language", "chosen_language", "set_account_language"]


def chosen_language(db: sqlite_utils.Database, login: str) -> str | None:
    """The language the account chose, or None when it follows the desk's."""
    row = db.execute("SELECT language FROM accounts WHERE login = ?", [login]).fetchone()
    return row[0] if row and row[0] in LANGUAGES else None


def account_language(db: sqlite_utils.Database, login: str | None, *, browser: str | None = None) -> str:
    """The language to show this account (or the sign-in form) the interface in ("vi" or "en"): the account's
    choice, else the desk's when an admin set one, else the reader's browser language ("vi-VN" is Vietnamese) when
    the workbench speaks it, else the desk's default. A newsroom whose browsers speak Vietnamese reads Vietnamese on
    its first morning, before anyone has set anything.

    >>> account_language(db, None, browser="vi-VN")  # doctest: +SKIP
    'vi'
    """
    reader = (browser or "").replace("_", "-").split("-")[0].lower()
    return ((chosen_language(db, login) if login else None) or chosen_setting(db, "language")
            or (reader if reader in LANGUAGES else None) or get_setting(db, "language"))


def set_account_language(db: sqlite_utils.Database, login: str, language: str | None, *,
                         changed_by: str | None) -> None:
    """Choose the account's language; None goes back to the desk's. Raises ValueError for another language or an
    unknown login."""
    if language is not None and language not in LANGUAGES:
        raise InvalidInput(_("the language is one of {languages}, not {value}").format(
            languages=", ".join(LANGUAGES), value=repr(language)))
    with writing(db):
        row = db.execute("SELECT language FROM accounts WHERE login = ?", [login]).fetchone()
        if row is None:
            raise InvalidInput(_("there is no account {login}").format(login=repr(login)))
        db.execute("UPDATE accounts SET language = ? WHERE login = ?", [language, login])
        if row[0] != language:
            record(db, entity="account", entity_id=login, action="changed", reviewer=changed_by, field="language",
                   before=row[0], after=language)
