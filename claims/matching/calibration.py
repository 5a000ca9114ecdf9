"""The numbers of matching by meaning, per language of the query, and where each one comes from.

Chosen by 5-fold cross-validation (MAP@5 of the right past fact-check), never on the queries they are measured on:
English queries on the 197 CheckThat! 2020 dev tweets against its 10,375 past fact-checks; Vietnamese queries on
34 Vietnamese renderings of those tweets written for this purpose (not shipped: they derive from research data).
The cosine from which a text and its translation are the same claim comes from 28 Vietnamese translations of past
fact-checks against their 5 nearest other fact-checks (the lowest true pair's cosine, less a margin); on ViSP's
Vietnamese paraphrases the same-language rule (close text) is unchanged. `bench/calibrate_meaning.py` redoes it.
"""
from __future__ import annotations

from claims.matching.rerank import MeaningWeights

__all__ = ["ENGLISH_MODEL", "WEIGHTS", "weights_for"]

# Whether English queries also use the English model's cosine (all-MiniLM-L6-v2) between English texts.
ENGLISH_MODEL = False

WEIGHTS: dict[str, MeaningWeights] = {
    "en": MeaningWeights(gram=0.06, rank=0.02, english=0.0, floor=0.72, duplicate_cosine=0.90),
    "vi": MeaningWeights(gram=0.06, rank=0.02, english=0.0, floor=0.72, duplicate_cosine=0.90),
}


def weights_for(language: str | None) -> MeaningWeights:
    """The weights for a query in `language` (English's for a language not calibrated)."""
    return WEIGHTS.get(language or "en", WEIGHTS["en"])
