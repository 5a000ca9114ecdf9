"""Claim extraction: sentence-level claim candidates with check-worthiness, figures, dates and speakers."""
from __future__ import annotations

from claims.contract import extraction_to_json
from claims.dates import find_dates
from claims.extract import extract_claims
from claims.language import detect_language
from claims.model import Claim, ClaimType, DateMention, Extraction, Qualifier, Quantity
from claims.quantities import find_quantities
from claims.sentences import split_sentences

__all__ = [
    "extract_claims", "extraction_to_json", "find_quantities", "find_dates", "detect_language",
    "split_sentences", "Claim", "ClaimType", "DateMention", "Extraction", "Qualifier", "Quantity",
]
