"""The desk's settings: a few named choices a team makes once (who may publish, which matches, which addresses)."""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from claims.errors import InvalidInput
from db.connection import writing
from db.history import now, record
from translations import N_, _

__all__ = ["Setting", "SETTINGS", "PUBLICATION_SETTINGS", "PLACEHOLDER_PUBLISHER_NAME", "PLACEHOLDER_PUBLISHER_URL",
           "PLACEHOLDER_REVIEW_URL", "get_setting", "set_setting", "desk_settings", "chosen_setting"]


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    label: str
    check: Callable[[Any], Any] | None = None  # returns the value to store, or raises InvalidInput (one line)


def _language(value: str) -> str:
    from translations import LANGUAGES

    if value not in LANGUAGES:
        raise InvalidInput(_("the language is one of {languages}, not {value}").format(
            languages=", ".join(LANGUAGES), value=repr(value)))
    return value


def _web_address(value: str) -> str:
    from fetching.urls import InvalidURL, check_url

    value = value.strip()
    if value:
        try:
            check_url(value, what=N_("address"))
        except InvalidURL as error:
            raise InvalidInput(_("not a web address: {reason}").format(reason=error)) from None
    return value


def _review_address(value: str) -> str:
    value = _web_address(value.replace("{id}", "0")) and value.strip()
    if value and "{id}" not in value:
        raise InvalidInput(_("the address of a published fact-check needs {id} where the claim's number goes"))
    return value


def _networks(value: str) -> str:
    from fetching.networks import networks_text, parse_networks

    return networks_text(parse_networks(value))


PLACEHOLDER_PUBLISHER_NAME = "Fact-check workbench"
PLACEHOLDER_PUBLISHER_URL = "https://factcheck.example.org"
PLACEHOLDER_REVIEW_URL = "https://factcheck.example.org/claims/{id}"

SETTINGS: dict[str, Setting] = {s.key: s for s in (
    Setting("allow_self_publish", False, N_("The reviewer who drafted a verdict may also publish it (a desk of one)")),
    Setting("cross_language_matches", True, N_("Suggest matches in other languages (an English fact-check of a"
                                            " Vietnamese claim)")),
    Setting("allow_private_addresses", False, N_("Fetch pages from private, loopback and link-local addresses"
                                              " (a desk's intranet)")),
    Setting("private_networks", "", N_("Private networks to fetch pages from, in CIDR form (e.g. 10.20.0.0/16,"
                                    " 127.0.0.1/32); other private addresses stay refused"), _networks),
    Setting("idle_timeout_minutes", 60, N_("Sign out after this many minutes without activity")),
    Setting("recheck_after_days", 90, N_("Flag a published verdict about the present (\"hiện\", \"đang\", \"now\")"
                                         " for re-checking after this many days")),
    Setting("language", "en", N_("The desk's language: its reports, and the interface of accounts that have not"
                              " chosen one"), _language),
    # Publication: what ClaimReview says about the desk. The defaults are example placeholders that an export
    # warns about until an editor replaces them (evidence/claimreview.py).
    Setting("publisher_name", PLACEHOLDER_PUBLISHER_NAME, N_("Publisher: the desk's name as readers know it")),
    Setting("publisher_url", PLACEHOLDER_PUBLISHER_URL, N_("Publisher's site"), _web_address),
    Setting("publisher_logo", "", N_("Publisher's logo (address of an image)"), _web_address),
    Setting("review_url_pattern", PLACEHOLDER_REVIEW_URL, N_("Address of a published fact-check, with {id} for the"
                                                          " claim's number"), _review_address),
)}
PUBLICATION_SETTINGS = ("publisher_name", "publisher_url", "publisher_logo", "review_url_pattern")


def get_setting(db: sqlite_utils.Database, key: str) -> Any:
    """The desk's value for `key`, else its default.

    >>> get_setting(db, "allow_self_publish")  # doctest: +SKIP
    False
    """
    setting = SETTINGS[key]
    row = db.execute("SELECT value FROM desk_settings WHERE key = ?", [key]).fetchone()
    return setting.default if row is None else json.loads(row[0])


def chosen_setting(db: sqlite_utils.Database, key: str) -> Any | None:
    """The desk's value for `key` when someone has set it, else None (its default is not a choice)."""
    SETTINGS[key]  # an unknown key is a KeyError, as for get_setting
    row = db.execute("SELECT value FROM desk_settings WHERE key = ?", [key]).fetchone()
    return None if row is None else json.loads(row[0])


def desk_settings(db: sqlite_utils.Database) -> dict[str, Any]:
    """Every setting with its current value."""
    return {key: get_setting(db, key) for key in SETTINGS}


def set_setting(db: sqlite_utils.Database, key: str, value: Any, *, changed_by: str | None) -> Any:
    """Change a setting (recorded in the history); returns the value stored. Raises KeyError for an unknown key,
    TypeError for a value of another type than the default's and ValueError (one line) for a value the setting
    refuses (a network list not in CIDR form)."""
    setting = SETTINGS[key]
    if type(value) is not type(setting.default):
        raise TypeError(f"{key} takes a {type(setting.default).__name__}, not {value!r}")
    if setting.check is not None:
        value = setting.check(value)
    with writing(db):
        before = get_setting(db, key)
        db.execute("INSERT INTO desk_settings (key, value, changed_by, changed_at) VALUES (?, ?, ?, ?)"
                   " ON CONFLICT(key) DO UPDATE SET value = excluded.value, changed_by = excluded.changed_by,"
                   " changed_at = excluded.changed_at", [key, json.dumps(value), changed_by, now()])
        if before != value:
            record(db, entity="setting", entity_id=key, action="changed", reviewer=changed_by, field=key,
                   before=before, after=value)
    return value
