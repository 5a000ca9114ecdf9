"""The JSON shape of `factcheck extract` (see CLI.md), built from an Extraction."""
from __future__ import annotations

from typing import Any

from claims.model import Claim, DateMention, Extraction, Quantity

__all__ = ["extraction_to_json", "claim_to_json"]


def _quantity(q: Quantity) -> dict[str, Any]:
    out: dict[str, Any] = {"text": q.text, "start": q.start, "end": q.end, "value": q.value, "unit": q.unit,
                           "qualifier": str(q.qualifier)}
    if q.high is not None:
        out["high"] = q.high
    return out


def _date(d: DateMention) -> dict[str, Any]:
    return {"text": d.text, "start": d.start, "end": d.end, "value": d.value}


def claim_to_json(claim: Claim) -> dict[str, Any]:
    """One claim as CLI.md lists it, plus the reviewer-facing "reasons"."""
    return {
        "text": claim.text, "start": claim.start, "end": claim.end, "checkworthy": claim.checkworthy,
        "score": claim.score, "types": [str(t) for t in claim.types], "speaker": claim.speaker,
        "speaker_role": claim.speaker_role,
        "quantities": [_quantity(q) for q in claim.quantities], "dates": [_date(d) for d in claim.dates],
        "reasons": list(claim.reasons),
    }


def extraction_to_json(extraction: Extraction, *, id: str | None = None, include_all: bool = False) -> dict:
    """``{"id", "language", "claims": [...]}``; without `include_all` only the check-worthy claims."""
    claims = extraction.claims if include_all else extraction.checkworthy_claims
    return {"id": id, "language": extraction.language, "claims": [claim_to_json(c) for c in claims]}
