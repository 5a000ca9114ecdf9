"""Who may do what: the roles of a desk (reviewer, editor, admin) and the checks the workflow makes."""
from __future__ import annotations

from enum import StrEnum

import sqlite_utils

from claims.errors import WorkbenchError
from db.accounts import Account, Role, account_by_name, count_accounts
from translations import N_, _

__all__ = ["Action", "ROLE_ACTIONS", "PermissionDenied", "can", "require", "role_allows"]


class Action(StrEnum):
    REVIEW = "review"  # research, sources, draft verdicts, edit wording, decide duplicates
    PUBLISH = "publish"  # publish a verdict and correct a published one
    RETRAIN = "retrain"  # retrain the desk's check-worthiness model, or go back to the built-in one
    MANAGE_SCALE = "manage_scale"  # the rating scale and the desk's settings
    MANAGE_ACCOUNTS = "manage_accounts"


ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.REVIEWER: frozenset({Action.REVIEW}),
    Role.EDITOR: frozenset({Action.REVIEW, Action.PUBLISH, Action.RETRAIN, Action.MANAGE_SCALE}),
    Role.ADMIN: frozenset(Action),
}


# How a refusal names the action, in the reader's language (the role it needs is named by `Role.label`).
_ACTION_WORDS = {Action.REVIEW: N_("review"), Action.PUBLISH: N_("publish"), Action.RETRAIN: N_("retrain"),
                 Action.MANAGE_SCALE: N_("manage scale"), Action.MANAGE_ACCOUNTS: N_("manage accounts")}


class PermissionDenied(WorkbenchError, PermissionError):
    """The acting account's role does not allow this; the message says which role does."""


def role_allows(role: Role | str, action: Action | str) -> bool:
    return Action(action) in ROLE_ACTIONS[Role(role)]


def _actor(db: sqlite_utils.Database, actor: str | Account | None) -> Account | None:
    return actor if isinstance(actor, Account) else account_by_name(db, actor)


def can(db: sqlite_utils.Database, actor: str | Account | None, action: Action | str) -> bool:
    """Whether `actor` (an account, or the name the history records) may do `action`.

    A desk with no accounts at all (the command line on a private database, or a database from before sign-in)
    keeps the old open rules: everyone may do everything. Once a desk has accounts, only an enabled account whose
    role allows it may.

    >>> can(db, "Lan", "publish")  # doctest: +SKIP
    False
    """
    account = _actor(db, actor)
    if account is None:
        return count_accounts(db) == 0
    return not account.disabled and role_allows(account.role, action)


def require(db: sqlite_utils.Database, actor: str | Account | None, action: Action | str) -> None:
    """Raise PermissionDenied unless `actor` may do `action`."""
    if can(db, actor, action):
        return
    account = _actor(db, actor)
    who = account.name if account else (actor or _("someone without an account"))
    if account is not None and account.disabled:
        raise PermissionDenied(_("{who}'s account is disabled").format(who=who))
    needed = min((r for r in Role if role_allows(r, action)), key=list(Role).index)
    message = _("{who} may not {action}: that needs the {role} role") if needed is Role.ADMIN else \
        _("{who} may not {action}: that needs the {role} role or above")
    raise PermissionDenied(message.format(who=who, action=_(_ACTION_WORDS[Action(action)]),
                                          role=needed.label))
