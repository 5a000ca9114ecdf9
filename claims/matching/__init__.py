"""Finding the same claim again: normalisation, polarity, figures, an index of tokens and a reranker."""
from __future__ import annotations

from claims.matching.duplicate_rule import DUPLICATE_CLOSENESS, Judgement, Relation, judge, side_of
from claims.matching.figures import figures, same_figures
from claims.matching.index import Candidate, MatchIndex
from claims.matching.normalize import match_text, match_tokens, strip_social
from claims.matching.polarity import negation_count, same_polarity
from claims.matching.rerank import Scored, closeness, compare, rerank

__all__ = [
    "Candidate", "Judgement", "MatchIndex", "Relation", "Scored", "DUPLICATE_CLOSENESS", "judge", "side_of",
    "closeness", "compare", "figures", "match_text", "match_tokens", "negation_count", "rerank",
    "same_figures", "same_polarity", "strip_social",
]
