"""Sign-in sessions kept on the server: the browser holds only an opaque random token; this table says whose it is,
how long it lives and whether it was revoked (sign-out, a disabled account, a password reset, the idle timeout).

Only SHA-256 hashes of tokens are stored, so a copy of the database does not sign anyone in. A session starts with
a one-time grant (a second random value, valid for two minutes) that the server's /session/begin address redeems
for the cookie's token; the token itself is made at that moment and exists only in the browser's cookie.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

import sqlite_utils

from db.connection import writing
from db.history import now

__all__ = ["SESSION_LIFETIME", "GRANT_LIFETIME", "COOKIE_NAME", "SessionState", "start_session", "redeem_grant",
           "session_by_token", "check_session", "revoke_session", "revoke_account_sessions"]

COOKIE_NAME = "factcheck_session"
SESSION_LIFETIME = dt.timedelta(hours=12)  # a working day: a session started in the morning ends overnight
GRANT_LIFETIME = dt.timedelta(minutes=2)
_TOUCH_EVERY = dt.timedelta(seconds=30)
_KEEP_ENDED = dt.timedelta(days=30)  # last_seen_at is written at most this often, not on every click


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _at(delta: dt.timedelta = dt.timedelta(0)) -> str:
    return (dt.datetime.now(dt.UTC) + delta).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class SessionState:
    """What a check of a session found: the account it signs in, or why it ended (`ended` is then set)."""

    session_id: int
    account_id: int | None
    ended: str | None


def start_session(db: sqlite_utils.Database, account_id: int) -> tuple[int, str]:
    """A new session for an account that just signed in: (its id, the one-time grant to redeem for the cookie)."""
    grant = secrets.token_urlsafe(24)
    stamp = now()
    with writing(db):
        # Records of sessions ended long ago say nothing anyone needs: keep a month of them.
        db.execute("DELETE FROM sign_in_sessions WHERE expires_at < ?", [_at(-_KEEP_ENDED)])
        cursor = db.execute(
            "INSERT INTO sign_in_sessions (token_hash, grant_hash, grant_expires_at, account_id, created_at,"
            " last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            # Until the grant is redeemed the token hash is a hash of nothing anyone holds.
            [_hash(secrets.token_hex(32)), _hash(grant), _at(GRANT_LIFETIME), account_id, stamp, stamp,
             _at(SESSION_LIFETIME)])
    return int(cursor.lastrowid), grant


def redeem_grant(db: sqlite_utils.Database, grant: str) -> str | None:
    """The cookie's token for a grant, once: None if the grant is unknown, used, expired or its session ended."""
    if not grant or len(grant) > 200:
        return None
    token = secrets.token_urlsafe(32)
    with writing(db):
        row = db.execute("SELECT id FROM sign_in_sessions WHERE grant_hash = ? AND grant_expires_at > ?"
                         " AND revoked_at IS NULL", [_hash(grant), _at()]).fetchone()
        # The grant is spent whether or not it was still good: a second use never works.
        db.execute("UPDATE sign_in_sessions SET grant_hash = NULL WHERE grant_hash = ?", [_hash(grant)])
        if row is None:
            return None
        db.execute("UPDATE sign_in_sessions SET token_hash = ? WHERE id = ?", [_hash(token), row[0]])
    return token


def session_by_token(db: sqlite_utils.Database, token: str | None) -> int | None:
    """The id of the session a cookie's token belongs to (ended or not), or None for a token no session has."""
    if not token or len(token) > 200:
        return None
    row = db.execute("SELECT id FROM sign_in_sessions WHERE token_hash = ?", [_hash(token)]).fetchone()
    return int(row[0]) if row else None


def check_session(db: sqlite_utils.Database, session_id: int, *, idle_minutes: int) -> SessionState:
    """Whether a session still signs its account in; a session found idle too long or past its lifetime is revoked
    here (so it stays ended), and a live one has its last activity noted."""
    row = db.execute("SELECT s.account_id, s.last_seen_at, s.expires_at, s.revoked_at, s.revoked_because,"
                     " a.disabled_at FROM sign_in_sessions s JOIN accounts a ON a.id = s.account_id"
                     " WHERE s.id = ?", [session_id]).fetchone()
    if row is None:
        return SessionState(session_id, None, "unknown")
    account_id, last_seen, expires, revoked, because, disabled = row
    if revoked is not None:
        return SessionState(session_id, account_id, because or "signed_out")
    current = dt.datetime.now(dt.UTC)
    ended = None
    if disabled is not None:
        ended = "disabled"
    elif current >= dt.datetime.fromisoformat(expires):
        ended = "expired"
    elif current - dt.datetime.fromisoformat(last_seen) > dt.timedelta(minutes=idle_minutes):
        ended = "idle"
    if ended:
        revoke_session(db, session_id, because=ended)
        return SessionState(session_id, account_id, ended)
    if current - dt.datetime.fromisoformat(last_seen) > _TOUCH_EVERY:
        with writing(db):
            db.execute("UPDATE sign_in_sessions SET last_seen_at = ? WHERE id = ?", [now(), session_id])
    return SessionState(session_id, account_id, None)


def revoke_session(db: sqlite_utils.Database, session_id: int, *, because: str) -> None:
    with writing(db):
        db.execute("UPDATE sign_in_sessions SET revoked_at = ?, revoked_because = ?, grant_hash = NULL"
                   " WHERE id = ? AND revoked_at IS NULL", [now(), because, session_id])


def revoke_account_sessions(db: sqlite_utils.Database, account_id: int, *, because: str) -> int:
    """End every open session of an account (call inside the write that disables it or resets its password)."""
    cursor = db.execute("UPDATE sign_in_sessions SET revoked_at = ?, revoked_because = ?, grant_hash = NULL"
                        " WHERE account_id = ? AND revoked_at IS NULL", [now(), because, account_id])
    return cursor.rowcount
