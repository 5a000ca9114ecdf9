"""The extraction engine's words about a claim (its types, why it was flagged, its language), shown in the reader's
language. The engine stores them in English (`claims.reasons` also feed the desk's check-worthiness model), so they
are translated where they are shown, never where they are made."""
from __future__ import annotations

from translations import N_, _

__all__ = ["claim_type_name", "language_word", "reason_text"]

TYPES = {"statistic": N_("statistic"), "date": N_("date"), "event": N_("event"), "quote": N_("quote"),
         "comparison": N_("comparison"), "prediction": N_("prediction"), "causal": N_("cause")}
LANGUAGES = {"vi": N_("Vietnamese"), "en": N_("English")}
# Each reason as claims/checkworthiness.py writes it; {detail} is the words of the claim that made it.
REASONS = (
    N_("contains a statistic: {detail}"), N_("contains a figure: {detail}"), N_("mentions a date: {detail}"),
    N_("makes a comparison: {detail}"), N_("reports an event: {detail}"),
    N_("refers to a record or topic that can be checked: {detail}"), N_("attributed to {detail}"),
    N_("names {detail}"), N_("states a cause: {detail}"), N_("predicts: {detail}"),
    N_("opinion or intention: {detail}"), N_("hedged or hypothetical: {detail}"), N_("gives a view: {detail}"),
    N_("an analyst's view: {detail}"), N_("forecasts: {detail}"), N_("tells a feeling: {detail}"),
    N_("greeting or courtesy: {detail}"), N_("speaks about the speaker"), N_("addresses the listener"),
    N_("is a question"), N_("too short to state a fact"), N_("short"),
    N_("page furniture, not a statement: {detail}"), N_("a photo's caption"),
)


def claim_type_name(kind: str) -> str:
    return _(TYPES[kind]) if kind in TYPES else kind


def language_word(code: str) -> str | None:
    """"Vietnamese" / "tiếng Việt" for "vi"; None for a language the interface has no word for."""
    return _(LANGUAGES[code]) if code in LANGUAGES else None


def reason_text(reason: str) -> str:
    """One reason in the reader's language: "contains a statistic: hơn 1,7 triệu người" → "có số liệu: …"."""
    for message in REASONS:
        prefix = message.split("{detail}")[0]
        if "{detail}" in message and reason.startswith(prefix) and len(reason) > len(prefix):
            return _(message).format(detail=reason[len(prefix):])
        if reason == message:
            return _(message)
    return reason

