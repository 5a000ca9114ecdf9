"""Notes on a claim: a thread of who said what and when, with @mentions of desk accounts. Notes are for the desk
only: no report or export reads this table."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

import sqlite_utils

from claims.errors import WorkbenchError
from claims.folding import nfc
from db.connection import writing
from db.history import now
from translations import _

__all__ = ["Note", "NoteError", "MAX_NOTE_LENGTH", "add_note", "notes_for_claim", "mentioned_logins"]

MAX_NOTE_LENGTH = 4000
_MENTION = re.compile(r"(?<![\w@])@([^\s@,;:!?()\[\]<>\"']+)")


class NoteError(WorkbenchError, ValueError):
    """A note cannot be added as written; the message says why."""


@dataclass(frozen=True)
class Note:
    id: int
    claim_id: int
    author: str
    text: str
    created_at: str
    mentions: tuple[str, ...]  # the names of the accounts the note mentions


def mentioned_logins(text: str) -> list[str]:
    """The logins written as @login in a note, in order, once each (a trailing full stop is not part of one)."""
    return list(dict.fromkeys(m.rstrip(".") for m in _MENTION.findall(text)))


def add_note(db: sqlite_utils.Database, claim_id: int, *, author: str, text: str) -> Note:
    """Add a note to a claim's thread; each @login of an active account is recorded as a mention of it."""
    clean = nfc(text or "").strip()
    if not clean:
        raise NoteError(_("a note cannot be empty"))
    if len(clean) > MAX_NOTE_LENGTH:
        raise NoteError(_("a note is at most {count:,} characters").format(count=MAX_NOTE_LENGTH))
    with writing(db):
        if db.execute("SELECT 1 FROM claims WHERE id = ?", [claim_id]).fetchone() is None:
            raise NoteError(_("claim {id} does not exist").format(id=claim_id))
        note_id = int(db.execute("INSERT INTO claim_notes (claim_id, author, text, created_at) VALUES (?, ?, ?, ?)",
                                 [claim_id, author, clean, now()]).lastrowid)
        for login in mentioned_logins(clean):
            row = db.execute("SELECT id FROM accounts WHERE login = ? AND disabled_at IS NULL", [login]).fetchone()
            if row is not None:
                db.execute("INSERT OR IGNORE INTO note_mentions (note_id, account_id) VALUES (?, ?)",
                           [note_id, row[0]])
    return notes_for_claim(db, claim_id, note_id=note_id)[0]


def notes_for_claim(db: sqlite_utils.Database, claim_id: int, *, note_id: int | None = None) -> list[Note]:
    """A claim's notes, oldest first (or the one note `note_id`)."""
    sql = ("SELECT n.id, n.claim_id, n.author, n.text, n.created_at,"
           " (SELECT json_group_array(a.name) FROM note_mentions m JOIN accounts a ON a.id = m.account_id"
           "  WHERE m.note_id = n.id) FROM claim_notes n WHERE n.claim_id = ?")
    params: list = [claim_id]
    if note_id is not None:
        sql += " AND n.id = ?"
        params.append(note_id)

    return [Note(r[0], r[1], r[2], r[3], r[4], tuple(json.loads(r[5] or "[]")))
            for r in db.execute(sql + " ORDER BY n.id", params)]
