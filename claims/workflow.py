"""The closed sets of the review workflow: a claim's status, how two claims relate, and a reviewer's decision on a
suggested pair, each with the one label a reader sees for it.

The values are the exact words stored in the database and printed by `factcheck` (`"in_review"`, `"duplicate"`,
`"confirmed"`); being `StrEnum`s, they compare equal to those strings, so a row read from SQLite can be compared to
`Status.PUBLISHED` as it is. Every page, report and command shows a member by its `label`, translated into the
language in use (`translations.use_language`): a status reads the same on the queue, on the claim page and in a
report, in Vietnamese as in English.
"""
from __future__ import annotations

from enum import StrEnum

from translations import N_, _

__all__ = ["Status", "Relation", "MatchDecision", "status_label", "NOT_YET_DRAFTED", "WAITING_FOR_EDITOR", "UNFINISHED",
           "FINISHED"]


class Status(StrEnum):
    """Where a claim is in the review: new, being checked, verdict drafted, handed to an editor, published; or taken
    out of the queue (merged into or split into other claims, dismissed as not worth checking)."""

    NEW = "new"
    IN_REVIEW = "in_review"
    DRAFTED = "drafted"
    READY = "ready"  # handed over: the drafted verdict waits for an editor to publish it or send it back
    PUBLISHED = "published"
    MERGED = "merged"
    DISMISSED = "dismissed"

    @property
    def label(self) -> str:
        """The status as the reader's interface names it, e.g. "Verdict drafted" or, in Vietnamese, its
        translation."""
        return _(_STATUS_LABELS[self])


class Relation(StrEnum):
    """What the matching engine says of two claims: the same claim (same text or meaning, figures and polarity) or
    only related (see `claims.matching.duplicate_rule`)."""

    DUPLICATE = "duplicate"
    RELATED = "related"

    @property
    def label(self) -> str:
        return _(_RELATION_LABELS[self])


class MatchDecision(StrEnum):
    """A reviewer's word on a suggested pair: still only suggested, confirmed as the same claim, or rejected."""

    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return _(_DECISION_LABELS[self])


def status_label(value: str) -> str:
    """The label of a status as stored (``"in_review"`` → "In review"); a word that is no status is kept as it is."""
    return Status(value).label if value in _STATUS_VALUES else value


# The one label of each member, marked here for the catalogues and translated where it is shown (`.label`).
_STATUS_LABELS = {
    Status.NEW: N_("New"),
    Status.IN_REVIEW: N_("In review"),
    Status.DRAFTED: N_("Verdict drafted"),
    Status.READY: N_("Ready for an editor"),
    Status.PUBLISHED: N_("Published"),
    Status.MERGED: N_("Merged or split"),
    Status.DISMISSED: N_("Dismissed"),
}
_STATUS_VALUES = frozenset(Status)
_RELATION_LABELS = {
    Relation.DUPLICATE: N_("the same claim"),
    Relation.RELATED: N_("related"),
}
_DECISION_LABELS = {
    MatchDecision.SUGGESTED: N_("Suggested"),
    MatchDecision.CONFIRMED: N_("Same claim"),
    MatchDecision.REJECTED: N_("Not the same"),
}

# No verdict drafted yet: the queue's next claims, and the ones a reviewer may still dismiss.
NOT_YET_DRAFTED = (Status.NEW, Status.IN_REVIEW)
# A drafted verdict waiting for an editor to publish it.
WAITING_FOR_EDITOR = (Status.DRAFTED, Status.READY)
# Still to be worked on, and done with (published, or out of the queue).
UNFINISHED = (*NOT_YET_DRAFTED, *WAITING_FOR_EDITOR)
FINISHED = (Status.PUBLISHED, Status.MERGED, Status.DISMISSED)
