"""A Report's published verdicts as schema.org ClaimReview JSON-LD, the markup search engines read.

Rating numbers come from the rating scale's `value` column: bestRating is the highest value on the scale,
worstRating the lowest. A label without a value (Unverifiable) is off the true–false axis, so its reviewRating
carries only `alternateName`: ratingValue, bestRating and worstRating are left out rather than given a number
(such as -1) that readers of the markup would place on the scale.
"""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from evidence.markdown import safe_url
from evidence.report import Report, ReportClaim

__all__ = ["DEFAULT_PUBLISHER_NAME", "DEFAULT_PUBLISHER_URL", "claim_review", "render_claimreview",
           "render_claimreview_json"]

DEFAULT_PUBLISHER_NAME = "Fact-check workbench"
DEFAULT_PUBLISHER_URL = "https://factcheck.example.org"


def _date(value: str | None) -> str | None:
    return value[:10] if value else None


def _speaker(claim: ReportClaim) -> dict[str, Any]:
    """Who made the claim: the speaker when one was named, else the outlet (the article's site, or its title).

    A named speaker is published as a Person: the engine does not tell people from organisations.
    """
    if claim.speaker:
        return {"@type": "Person", "name": claim.speaker}
    host = urlsplit(claim.article.url).hostname if safe_url(claim.article.url) else None
    outlet: dict[str, Any] = {"@type": "Organization", "name": host.removeprefix("www.") if host
                              else claim.article.title}
    if host:
        outlet["url"] = f"{urlsplit(claim.article.url).scheme}://{host}"
    return outlet


def claim_review(claim: ReportClaim, report: Report, *, publisher_name: str = DEFAULT_PUBLISHER_NAME,
                 publisher_url: str = DEFAULT_PUBLISHER_URL) -> dict[str, Any]:
    """One ClaimReview object for a published claim; its `url` is `<publisher_url>/claims/<id>`."""
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": claim.rating}
    if claim.rating_value is not None and report.best_rating is not None:
        rating.update(ratingValue=claim.rating_value, bestRating=report.best_rating,
                      worstRating=report.worst_rating)
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": claim.article.title}
    article_url = safe_url(claim.article.url) and claim.article.url
    if article_url:
        appearance["url"] = article_url
    if claim.article.published:
        appearance["datePublished"] = claim.article.published
    item: dict[str, Any] = {"@type": "Claim", "author": _speaker(claim), "appearance": appearance}
    if claim.article.published:
        item["datePublished"] = claim.article.published
    if claim.original_text != claim.text:
        item["text"] = claim.original_text
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{publisher_url.rstrip('/')}/claims/{claim.id}",
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": publisher_name, "url": publisher_url},
        "reviewRating": rating,
        "datePublished": _date(claim.first_published_at or claim.published_at),
    }
    if claim.corrections and claim.published_at:
        review["dateModified"] = _date(claim.published_at)
    if claim.verdict:
        review["headline"] = claim.verdict
    return review


def render_claimreview(report: Report, *, publisher_name: str = DEFAULT_PUBLISHER_NAME,
                       publisher_url: str = DEFAULT_PUBLISHER_URL) -> list[dict[str, Any]]:
    """A ClaimReview for each published verdict in the report, in report order (drafts are never exported).

    >>> render_claimreview(report)[0]["reviewRating"]  # doctest: +SKIP
    {'@type': 'Rating', 'alternateName': 'False', 'ratingValue': 2, 'bestRating': 6, 'worstRating': 2}
    """
    return [claim_review(c, report, publisher_name=publisher_name, publisher_url=publisher_url)
            for c in report.claims if c.published and c.rating]


def render_claimreview_json(report: Report, *, publisher_name: str = DEFAULT_PUBLISHER_NAME,
                            publisher_url: str = DEFAULT_PUBLISHER_URL) -> str:
    """The ClaimReview list as a JSON document (UTF-8 text, keys in a fixed order, one trailing newline)."""
    reviews = render_claimreview(report, publisher_name=publisher_name, publisher_url=publisher_url)
    text = json.dumps(reviews, ensure_ascii=False, indent=2)
    # Safe to embed in <script type="application/ld+json">: no "</script>", "<!--" or "&" entity can form. JSON
    # readers decode the escapes back to the same characters.
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") + "\n"
