"""Changes said in the fact-checker's words: a field as the claim form labels it, an empty value as "—", a status as
its label; never a column name or a Python repr. Used by the history table and the "changed while you were editing"
message."""
from __future__ import annotations

import json
from typing import Any

from claims.workflow import status_label
from translations import _

__all__ = ["EMPTY", "field_label", "value_words", "change_words", "action_words"]

EMPTY = "—"


def _field_labels() -> dict[str, str]:
    return {"status": _("Status"), "assignee": _("Assignee"), "rating": _("Verdict rating"),
            "verdict": _("Verdict in one line"), "rationale": _("Rationale"), "text": _("Wording"),
            "drafted_by": _("Drafted by"), "published_at": _("Published on"),
            "first_published_at": _("First published on"), "checkworthy": _("Check-worthy"),
            "canonical_id": _("Same claim as"), "speaker": _("Speaker"), "into": _("Into claims"),
            "claim": _("From claim"), "claims": _("From claims"), "start": _("Starts at"), "end": _("Ends at")}


def field_label(field: str) -> str:
    return _field_labels().get(field, field.replace("_", " ").capitalize())


def value_words(field: str, value: Any) -> str:
    """One value as a reader would write it: "—" for nothing, labels for statuses, yes/no, plain numbers."""
    if value is None or value == "" or value == []:
        return EMPTY
    if field == "status" and isinstance(value, str):
        # "?" is the unknown status before a merge, as older history entries recorded it.
        return EMPTY if value == "?" else status_label(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if field.endswith("_at") and isinstance(value, str):
        return value[:16].replace("T", " ")
    if field == "canonical_id" or field == "claim":
        return f"#{value}"
    if isinstance(value, list | tuple):
        return ", ".join(f"#{v}" if isinstance(v, int) else str(v) for v in value)
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else str(value)


def change_words(before: Any, after: Any) -> list[tuple[str, str, str]]:
    """(field label, before, after) for each field a history entry changed."""
    before = before if isinstance(before, dict) else {}
    after = after if isinstance(after, dict) else {}
    return [(field_label(k), value_words(k, before.get(k)), value_words(k, after.get(k)))
            for k in dict.fromkeys([*after, *before])]


def action_words(action: str) -> str:
    return {"updated": _("Changed"), "added": _("Added"), "dismissed": _("Dismissed"), "restored": _("Restored"),
            "handed_over": _("Handed to an editor"), "sent_back": _("Sent back to review"),
            "split": _("Split"), "split_from": _("Split from another claim"), "merged": _("Merged"),
            "merged_from": _("Merged from other claims"), "source_added": _("Source attached"),
            "source_removed": _("Source removed")}.get(action, action.replace("_", " ").capitalize())
