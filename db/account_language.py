"""Which language each account reads the workbench in: its own choice, else the desk's language."""
from __future__ import annotations

import sqlite_utils

from claims.errors import InvalidInput
from db.connection import writing
from db.history import record
from db.settings import get_setting
from translations import LANGUAGES, _

__all__ = ["account_language", "chosen_language", "set_account_language"]


def chosen_language(db: sqlite_utils.Database, login: str) -> str | None:
    """The language the account chose, or None when it follows the desk's."""
    row = db.execute("SELECT language FROM accounts WHERE login = ?", [login]).fetchone()
    return row[0] if row and row[0] in LANGUAGES else None


def account_language(db: sqlite_utils.Database, login: str | None) -> str:
    """The language to show this account the interface in ("vi" or "en").

    >>> account_language(db, "lan")  # doctest: +SKIP
    'vi'
    """
    return (chosen_language(db, login) if login else None) or get_setting(db, "language")


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
