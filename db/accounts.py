"""Accounts: who signs in, with which role; passwords kept only as argon2 hashes; repeated failures slowed down."""
from __future__ import annotations

import datetime as dt
import functools
import re
import secrets
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import sqlite_utils
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from claims.errors import WorkbenchError
from claims.folding import nfc
from db.connection import writing
from db.history import now, record
from db.sessions import revoke_account_sessions
from translations import N_, _

__all__ = ["Role", "Account", "AccountError", "SignInRefused", "MIN_PASSWORD_LENGTH", "add_account",
           "get_account", "account_by_id", "active_accounts", "account_by_name", "account_by_subject",
           "list_accounts", "set_role", "disable_account",
           "enable_account", "reset_password", "authenticate", "wait_before_next_attempt", "link_reviewer",
           "random_password", "count_accounts", "look_alike_key"]

MIN_PASSWORD_LENGTH = 10
# After this many wrong passwords for one login (counted since its last success, over the last hour) each further
# attempt must wait, doubling from 1 s up to 5 minutes: 20 wrong passwords in a row cost an attacker the cap.
FREE_FAILURES = 5
MAX_WAIT_SECONDS = 300
FAILURE_WINDOW = dt.timedelta(hours=1)

_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters


class Role(StrEnum):
    REVIEWER = "reviewer"
    EDITOR = "editor"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        """The role as the reader's interface names it ("editor"; in Vietnamese "biên tập viên")."""
        return _(_ROLE_LABELS[self])


_ROLE_LABELS = {Role.REVIEWER: N_("reviewer"), Role.EDITOR: N_("editor"), Role.ADMIN: N_("admin")}


@dataclass(frozen=True)
class Account:
    id: int
    login: str
    name: str
    role: Role
    disabled: bool
    created_at: str
    last_sign_in_at: str | None
    oidc_subject: str | None


class AccountError(WorkbenchError, ValueError):
    """An account cannot be made or changed as asked; the message says why."""


class SignInRefused(WorkbenchError):
    """Sign-in refused: wrong login or password, a disabled account, or too many recent failures."""


_COLUMNS = "id, login, name, role, disabled_at, created_at, last_sign_in_at, oidc_subject"


def _account(row: tuple) -> Account:
    return Account(id=row[0], login=row[1], name=row[2], role=Role(row[3]), disabled=row[4] is not None,
                   created_at=row[5], last_sign_in_at=row[6], oidc_subject=row[7])


def _clean_login(login: str) -> str:
    clean = nfc(login or "").strip()
    if not clean or len(clean) > 64 or any(c.isspace() or not c.isprintable() for c in clean):
        raise AccountError(_("a login is 1-64 characters with no spaces"))
    _refuse_mixed_scripts(clean, "login")
    return clean


def _clean_name(name: str) -> str:
    clean = " ".join(nfc(name or "").split())
    if not clean or len(clean) > 80 or not all(c.isprintable() for c in clean):
        raise AccountError(_("a name is 1-80 printable characters"))
    _refuse_mixed_scripts(clean, "name")
    return clean


def look_alike_key(text: str) -> str:
    """What two logins or names are compared by: NFKC (full-width ｌａｎ is lan) and case folded (LAN is lan).

    >>> look_alike_key("ＬＡＮ") == look_alike_key("lan")
    True
    """
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


# Scripts that are written together within one word (Japanese mixes kanji and kana; Korean may mix in hanja).
_WRITTEN_TOGETHER = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "KATAKANA-HIRAGANA": "CJK", "HANGUL": "CJK", "CJK": "CJK"}


def _script(letter: str) -> str:
    """The script of a letter by its Unicode name: LATIN, CYRILLIC, GREEK, … (the first word of the name)."""
    first = unicodedata.name(letter, "UNKNOWN").split(" ", 1)[0]
    return _WRITTEN_TOGETHER.get(first, first)


def _refuse_mixed_scripts(text: str, what: str) -> None:
    """A word spelt in two scripts ("Lаn" with a Cyrillic а) passes for another account's name: refused."""
    for word in re.split(r"[\W_]+", unicodedata.normalize("NFKC", text)):
        scripts = {_script(c) for c in word if c.isalpha()}
        if len(scripts) > 1:
            message = (_("the login {text!r} mixes letters of different scripts ({scripts}) within a word")
                       if what == "login" else
                       _("the name {text!r} mixes letters of different scripts ({scripts}) within a word"))
            raise AccountError(message.format(text=text, scripts=", ".join(sorted(s.lower() for s in scripts))))


@functools.cache
def _common_passwords() -> frozenset[str]:
    lines = (Path(__file__).parent / "common_passwords.tsv").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


def _check_password(password: str) -> str:
    if not isinstance(password, str) or len(password.strip()) < MIN_PASSWORD_LENGTH:
        raise AccountError(_("a password needs at least {count} characters besides leading and trailing spaces")
                           .format(count=MIN_PASSWORD_LENGTH))
    if "\x00" in password or len(password) > 1024:
        raise AccountError(_("a password may not hold NUL characters or be over 1,024 characters"))
    if len(set(password)) == 1:
        raise AccountError(_("a password of one character repeated is guessed at once: choose another"))
    if password.strip().casefold() in _common_passwords():
        raise AccountError(_("that password is among the commonest ones, which are tried first: choose another"))
    return password


def _role(role: str | Role) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise AccountError(_("{role!r} is not a role (reviewer, editor, admin)").format(role=role)) from None


def random_password() -> str:
    """A password to hand out once: 16 characters from an alphabet without look-alikes."""
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(16))


def add_account(db: sqlite_utils.Database, login: str, *, role: str | Role, password: str | None,
                name: str | None = None, oidc_subject: str | None = None, created_by: str | None = None) -> Account:
    """Create an account; the name (what the history records) defaults to the login.

    >>> add_account(db, "lan", role="editor", password="a long secret", name="Lan")  # doctest: +SKIP
    Account(id=1, login='lan', name='Lan', role=<Role.EDITOR: 'editor'>, ...)
    """
    login = _clean_login(login)
    name = _clean_name(name or login)
    role = _role(role)
    hashed = _HASHER.hash(_check_password(password)) if password is not None else None
    if hashed is None and not oidc_subject:
        raise AccountError(_("an account needs a password or an identity provider subject"))
    stamp = now()
    with writing(db):
        _refuse_look_alikes(db, login, name)
        account_id = int(db.execute(
            "INSERT INTO accounts (login, name, role, password_hash, oidc_subject, created_at, created_by,"
            " password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [login, name, role.value, hashed, oidc_subject, stamp, created_by, stamp if hashed else None]).lastrowid)
        # The account's name is a reviewer name too: history already written under it belongs to this account.
        db.execute("INSERT INTO reviewers (name, first_seen, last_seen, account_id) VALUES (?, ?, ?, ?)"
                   " ON CONFLICT(name) DO UPDATE SET account_id = excluded.account_id", [name, stamp, stamp,
                                                                                         account_id])
        record(db, entity="account", entity_id=account_id, action="created", reviewer=created_by, field="role",
               after=role.value)
    return get_account(db, login)  # type: ignore[return-value]


def _refuse_look_alikes(db: sqlite_utils.Database, login: str, name: str) -> None:
    """A login or name equal to another account's once width and case are set aside is refused: the history and
    the sign-in form would show two people as one."""
    for other_login, other_name in db.execute("SELECT login, name FROM accounts").fetchall():
        if look_alike_key(other_login) == look_alike_key(login):
            raise AccountError((_("an account with the login {other} exists already") if other_login == login else
                                _("an account with the login {other} exists already ({login} reads the same)"))
                               .format(other=other_login, login=login))
        if look_alike_key(other_name) == look_alike_key(name):
            raise AccountError((_("an account with the name {other!r} exists already") if other_name == name else
                                _("an account with the name {other!r} exists already ({name!r} reads the same)"))
                               .format(other=other_name, name=name))


def get_account(db: sqlite_utils.Database, login: str) -> Account | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM accounts WHERE login = ?", [nfc(login or "").strip()]).fetchone()
    return _account(row) if row else None


def account_by_id(db: sqlite_utils.Database, account_id: int) -> Account | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM accounts WHERE id = ?", [account_id]).fetchone()
    return _account(row) if row else None


def active_accounts(db: sqlite_utils.Database) -> list[Account]:
    """Accounts that may sign in, by name: who a claim can be assigned to or a note can mention."""
    return [_account(r) for r in db.execute(f"SELECT {_COLUMNS} FROM accounts WHERE disabled_at IS NULL"
                                            " ORDER BY name")]


def account_by_name(db: sqlite_utils.Database, name: str | None) -> Account | None:
    """The account whose name the history records as `name`, if there is one."""
    if not name:
        return None
    row = db.execute(f"SELECT {_COLUMNS} FROM accounts WHERE name = ?", [name]).fetchone()
    return _account(row) if row else None


def account_by_subject(db: sqlite_utils.Database, subject: str) -> Account | None:
    """The account an identity provider's user (its email or subject) is mapped to."""
    row = db.execute(f"SELECT {_COLUMNS} FROM accounts WHERE oidc_subject = ?", [subject]).fetchone()
    return _account(row) if row else None


def list_accounts(db: sqlite_utils.Database) -> list[Account]:
    return [_account(r) for r in db.execute(f"SELECT {_COLUMNS} FROM accounts ORDER BY login")]


def count_accounts(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM accounts").fetchone()[0]


def _existing(db: sqlite_utils.Database, login: str) -> Account:
    account = get_account(db, login)
    if account is None:
        raise AccountError(_("there is no account {login!r}").format(login=login))
    return account


def _last_admin(db: sqlite_utils.Database, account: Account) -> bool:
    others = db.execute("SELECT count(*) FROM accounts WHERE role = 'admin' AND disabled_at IS NULL AND id != ?",
                        [account.id]).fetchone()[0]
    return account.role is Role.ADMIN and not account.disabled and others == 0


def set_role(db: sqlite_utils.Database, login: str, role: str | Role, *, changed_by: str | None) -> Account:
    role = _role(role)
    with writing(db):
        account = _existing(db, login)
        if role is not Role.ADMIN and _last_admin(db, account):
            raise AccountError(_("{login} is the last admin: make another admin first").format(login=account.login))
        db.execute("UPDATE accounts SET role = ? WHERE id = ?", [role.value, account.id])
        record(db, entity="account", entity_id=account.id, action="role_changed", reviewer=changed_by,
               field="role", before=account.role.value, after=role.value)
    return _existing(db, login)


def disable_account(db: sqlite_utils.Database, login: str, *, changed_by: str | None) -> Account:
    """Stop an account signing in (its history stays); its sessions are revoked and end at their next step."""
    with writing(db):
        account = _existing(db, login)
        if _last_admin(db, account):
            raise AccountError(_("{login} is the last admin: make another admin first").format(login=account.login))
        db.execute("UPDATE accounts SET disabled_at = coalesce(disabled_at, ?) WHERE id = ?", [now(), account.id])
        revoke_account_sessions(db, account.id, because="disabled")
        record(db, entity="account", entity_id=account.id, action="disabled", reviewer=changed_by)
    return _existing(db, login)


def enable_account(db: sqlite_utils.Database, login: str, *, changed_by: str | None) -> Account:
    with writing(db):
        account = _existing(db, login)
        db.execute("UPDATE accounts SET disabled_at = NULL WHERE id = ?", [account.id])
        record(db, entity="account", entity_id=account.id, action="enabled", reviewer=changed_by)
    return _existing(db, login)


def reset_password(db: sqlite_utils.Database, login: str, password: str, *, changed_by: str | None) -> Account:
    hashed = _HASHER.hash(_check_password(password))
    with writing(db):
        account = _existing(db, login)
        db.execute("UPDATE accounts SET password_hash = ?, password_changed_at = ? WHERE id = ?",
                   [hashed, now(), account.id])
        # Whoever knew the old password may hold a session: every open one ends, in every browser.
        revoke_account_sessions(db, account.id, because="password_reset")
        # A new password clears the count of wrong ones: the owner is not kept waiting for an attacker's guesses.
        db.execute("INSERT INTO sign_in_attempts (login, succeeded, at) VALUES (?, 1, ?)", [account.login, now()])
        record(db, entity="account", entity_id=account.id, action="password_reset", reviewer=changed_by)
    return account


def _failures(db: sqlite_utils.Database, login: str) -> tuple[int, str | None]:
    """Wrong passwords for `login` since its last success (within the window), and when the last one was."""
    since = (dt.datetime.now(dt.UTC) - FAILURE_WINDOW).isoformat(timespec="microseconds")
    last_ok = db.execute("SELECT max(id) FROM sign_in_attempts WHERE login = ? AND succeeded = 1",
                         [login]).fetchone()[0] or 0
    count, last = db.execute("SELECT count(*), max(at) FROM sign_in_attempts WHERE login = ? AND succeeded = 0"
                             " AND id > ? AND at >= ?", [login, last_ok, since]).fetchone()
    return count, last


def wait_before_next_attempt(db: sqlite_utils.Database, login: str) -> float:
    """Seconds `login` must still wait before its password is checked again (0 when it may try now)."""
    count, last = _failures(db, nfc(login or "").strip())
    if count < FREE_FAILURES or last is None:
        return 0.0
    wait = min(2.0 ** (count - FREE_FAILURES), MAX_WAIT_SECONDS)
    elapsed = (dt.datetime.now(dt.UTC) - dt.datetime.fromisoformat(last)).total_seconds()
    return max(0.0, wait - elapsed)


REFUSED = N_("wrong login or password, or the account is disabled (ask an admin)")


def _reserve_attempt(db: sqlite_utils.Database, login: str) -> int:
    """Count the recent failures and record this attempt in one write transaction, before any password is checked.

    The attempt is recorded as a failure until its password proves right, so attempts made at the same moment
    each see the ones before them: no more than FREE_FAILURES passwords are ever checked without a wait, however
    many arrive in parallel. Returns the attempt's id; raises SignInRefused when the login must wait.
    """
    with writing(db):
        wait = wait_before_next_attempt(db, login)
        attempt = int(db.execute("INSERT INTO sign_in_attempts (login, succeeded, at) VALUES (?, 0, ?)",
                                 [login, now()]).lastrowid)
    if wait > 0:  # counted as a failure too, so hammering lengthens the wait (to the cap) instead of probing its edge
        raise SignInRefused(_("too many wrong passwords for {login}: try again in {seconds} s").format(
            login=login, seconds=int(wait) + 1))
    return attempt


def authenticate(db: sqlite_utils.Database, login: str, password: str) -> Account:
    """The account, when `password` is right for `login` and it may sign in; else SignInRefused saying why.

    Every attempt is recorded (never the password); a login with many recent failures is refused without
    checking the password until its wait is over. A disabled account gets the same answer for a right password
    as for a wrong one, and either counts as a failure: the answer tells an attacker nothing.
    """
    login = nfc(login or "").strip()
    attempt = _reserve_attempt(db, login)
    row = db.execute("SELECT id, password_hash, disabled_at FROM accounts WHERE login = ?", [login]).fetchone()
    ok = False
    try:
        # An unknown login is checked against a dummy hash too, so timing does not tell which logins exist.
        ok = _HASHER.verify(row[1] if row and row[1] else _DUMMY_HASH, password or "") and bool(row and row[1])
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    ok = ok and row[2] is None
    if not ok:
        raise SignInRefused(_(REFUSED))
    stamp = now()
    with writing(db):
        db.execute("UPDATE sign_in_attempts SET succeeded = 1, at = ? WHERE id = ?", [stamp, attempt])
        db.execute("UPDATE accounts SET last_sign_in_at = ? WHERE id = ?", [stamp, row[0]])
        if _HASHER.check_needs_rehash(row[1]):
            db.execute("UPDATE accounts SET password_hash = ? WHERE id = ?", [_HASHER.hash(password), row[0]])
    return get_account(db, login)  # type: ignore[return-value]


_DUMMY_HASH = _HASHER.hash(secrets.token_hex(16))


def link_reviewer(db: sqlite_utils.Database, name: str, login: str, *, changed_by: str | None) -> None:
    """Link a name already in the history (from before accounts) to an account; the history itself is unchanged."""
    with writing(db):
        account = _existing(db, login)
        if db.execute("SELECT 1 FROM reviewers WHERE name = ?", [name]).fetchone() is None:
            if db.execute("SELECT 1 FROM history WHERE reviewer = ? LIMIT 1", [name]).fetchone() is None:
                raise AccountError(_("no one named {name!r} appears in the history").format(name=name))
            db.execute("INSERT INTO reviewers (name, first_seen, last_seen) VALUES (?, ?, ?)", [name, now(), now()])
        db.execute("UPDATE reviewers SET account_id = ? WHERE name = ?", [account.id, name])
        record(db, entity="account", entity_id=account.id, action="linked_name", reviewer=changed_by,
               field="name", after=name)
