"""A desk's labelled sentences from a file: one JSON object a line, `{"text": …, "check_worthy": true|false}`.

The whole file is checked before anything is learned from it: one bad line refuses the file, with a one-line
message naming the line and what is wrong, so a half-read file never replaces a model.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from claims.errors import WorkbenchError
from claims.folding import HALF_A_CHARACTER, has_lone_surrogate, nfc

__all__ = ["LabelledSentence", "LabelsError", "read_labels", "parse_labels", "check_both_classes"]

# One file holds at most this many labelled sentences (and bytes): a model learns little more from more, and every
# later retrain reads every stored label (a million took 2-5 minutes and a gigabyte each time).
MAX_LABELS = 50_000
MAX_LABELS_BYTES = 20 * 1024 * 1024


class LabelsError(WorkbenchError, ValueError):
    """The labels cannot be learned from; the message says which line and why."""


@dataclass(frozen=True)
class LabelledSentence:
    text: str
    check_worthy: bool


def parse_labels(lines: list[str], *, name: str = "labels") -> list[LabelledSentence]:
    """Labelled sentences from JSON Lines text; blank lines are skipped.

        >>> parse_labels(['{"text": "GDP grew 5% in 2023.", "check_worthy": true}'])[0].check_worthy
        True
    """
    out: list[LabelledSentence] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise LabelsError(f"{name}: line {number} is not JSON ({error.msg})") from None
        except RecursionError:
            raise LabelsError(f"{name}: line {number} is nested too deeply to read") from None
        if not isinstance(row, dict):
            raise LabelsError(f'{name}: line {number} is not a JSON object with "text" and "check_worthy"')
        missing = [key for key in ("text", "check_worthy") if key not in row]
        if missing:
            raise LabelsError(f"{name}: line {number} has no {' and no '.join(repr(k) for k in missing)} field")
        if has_lone_surrogate(row):
            raise LabelsError(f"{name}: line {number}: {HALF_A_CHARACTER}")
        text, label = row["text"], row["check_worthy"]
        if not isinstance(text, str) or not text.strip():
            raise LabelsError(f'{name}: line {number}: "text" must be a non-empty string')
        if "\x00" in text:
            raise LabelsError(f'{name}: line {number}: "text" contains a NUL character')
        if not isinstance(label, bool):
            raise LabelsError(f'{name}: line {number}: "check_worthy" must be true or false, not {json.dumps(label)}')
        out.append(LabelledSentence(nfc(text.strip()), label))
        if len(out) > MAX_LABELS:
            raise LabelsError(f"{name}: more than {MAX_LABELS:,} labelled sentences; one file may hold at most"
                              f" {MAX_LABELS:,} (split it, or keep the newest)")
    if not out:
        raise LabelsError(f"{name}: no labelled sentences in it")
    return out


def check_both_classes(labels: list[LabelledSentence] | list[bool], *, what: str = "the labels") -> None:
    """A model needs sentences of both kinds; raise LabelsError naming the missing one."""
    flags = [x.check_worthy if isinstance(x, LabelledSentence) else bool(x) for x in labels]
    if not flags:
        raise LabelsError(f"{what}: no labelled sentences to learn from")
    if all(flags):
        raise LabelsError(f"{what}: every sentence is check-worthy; a model needs some that are not")
    if not any(flags):
        raise LabelsError(f"{what}: no sentence is check-worthy; a model needs some that are")


def read_labels(path: str | os.PathLike[str]) -> list[LabelledSentence]:
    """Read and check a labels file (UTF-8 JSON Lines); LabelsError says what is wrong with it, in one line."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise LabelsError(f"{name}: no such file")
    if not p.is_file():
        raise LabelsError(f"{name}: not a regular file")
    if p.stat().st_size > MAX_LABELS_BYTES:
        raise LabelsError(f"{name}: larger than {MAX_LABELS_BYTES // 1048576} MB; one file may hold at most"
                          f" {MAX_LABELS:,} labelled sentences (split it, or keep the newest)")
    try:
        text = p.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LabelsError(f"{name}: not UTF-8 text") from None
    except OSError as error:
        raise LabelsError(f"{name}: cannot read: {error.strerror}") from None
    return parse_labels(text.splitlines(), name=name)
