"""The numbers of matching by meaning, per language of the query, and where each one comes from.

Chosen by 5-fold cross-validation (MAP@5 of the right past fact-check), never on the queries they are measured on:
English queries on the 197 CheckThat! 2020 dev tweets against its 10,375 past fact-checks; Vietnamese queries on
34 Vietnamese renderings of those tweets written by the developer for this purpose (not shipped: they derive from
research data).
The cosine from which a text and its translation are the same claim comes from 28 Vietnamese translations of past
fact-checks against their 5 nearest other fact-checks (the lowest cosine that at most 1% of those reach); on ViSP's
Vietnamese paraphrases the same-language rule (close text) is unchanged. `bench/meaning_blend.py` rebuilds the
ordering outside the database and reruns the grid search and the cross-validation. The 34 Vietnamese renderings
the Vietnamese weights were chosen on are not in the repository.
"""
from __future__ import annotations

from claims.matching.rerank import MeaningWeights

__all__ = ["ENGLISH_MODEL", "WEIGHTS", "weights_for"]

# Whether English queries also use the English model's cosine (all-MiniLM-L6-v2) between English texts.
# Measured: on the CheckThat! 2020 dev tweets the multilingual cosine alone gives MAP@5 0.729, the English model's
# alone (with the same grams and ranks) 0.853 before; blended, 0.857 (cross-validated 0.847); without the English
# model the best blend is 0.811. So it stays, for English queries against English texts.
ENGLISH_MODEL = True

# gram and rank: the best of a grid (gram 0-0.3, rank 0-0.1, english 0-1.5) in 5-fold cross-validation;
# floor: the blend shown as 0, set so that 55 (SUGGEST_MIN_MEANING_SCORE) keeps 86% of the right past fact-checks
# in the top 5 and 16% of the wrong ones (English), 70% and 20% (Vietnamese);
# duplicate_cosine: of 28 Vietnamese translations of past fact-checks 54% reach 0.88 with their original, and 1 of
# 140 nearest other fact-checks (0.7%); below it a translation is related, whatever its figures.
WEIGHTS: dict[str, MeaningWeights] = {
    "en": MeaningWeights(gram=0.05, rank=0.10, english=0.7, floor=0.66, duplicate_cosine=0.88),
    # Not refitted for the English gloss of a Vietnamese query's word search (`glossary.py`): on the 197
    # Vietnamese renderings these weights give 0.788 and the best of the grid, cross-validated, 0.789.
    "vi": MeaningWeights(gram=0.02, rank=0.02, english=0.0, floor=0.64, duplicate_cosine=0.88),
}


def weights_for(language: str | None) -> MeaningWeights:
    """The weights for a query in `language` (English's for a language not calibrated)."""
    return WEIGHTS.get(language or "en", WEIGHTS["en"])
