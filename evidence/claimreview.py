"""A Report's published verdicts as schema.org ClaimReview JSON-LD, the markup search engines and fact-check
archives read.

Who publishes and where comes from the desk's publication settings (PublishingDesk): its name, site and logo as the
review's `author`, and each fact-check's address from the desk's pattern (`https://site/kiem-chung/{id}`). Until an
editor replaces the example placeholders, `publication_warnings` says so, and the Reports page and
`factcheck report --format claimreview` repeat it.

The fields are those Google's Fact Check Tools read from the markup (ClaimReviewMarkup): `url`, `claimReviewed`,
`datePublished`, `author.name` and `author.image`; `itemReviewed.author` (`name`, `jobTitle`), `.datePublished`,
`.appearance.url`; `reviewRating` (`alternateName`, `ratingValue`, `bestRating`, `worstRating`). `claimreview_problems`
checks a review against them.

Rating numbers come from the rating scale's `value` column: bestRating is the highest value on the scale,
worstRating the lowest. A label without a value (Unverifiable) is off the true–false axis, so its reviewRating
carries only `alternateName`: ratingValue, bestRating and worstRating are left out rather than given a number
(such as -1) that readers of the markup would place on the scale. `alternateName` is the rating's name in the
report's language (Sai phần lớn in a Vietnamese report).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import sqlite_utils

from db.settings import PLACEHOLDER_PUBLISHER_NAME, PLACEHOLDER_PUBLISHER_URL, PLACEHOLDER_REVIEW_URL, get_setting
from evidence.markdown import safe_url
from evidence.report import Report, ReportClaim
from translations import _

__all__ = ["DEFAULT_PUBLISHER_NAME", "DEFAULT_PUBLISHER_URL", "PublishingDesk", "publishing_desk",
           "publication_warnings", "claim_review", "claimreview_problems", "render_claimreview",
           "render_claimreview_json", "with_publisher"]

DEFAULT_PUBLISHER_NAME = PLACEHOLDER_PUBLISHER_NAME
DEFAULT_PUBLISHER_URL = PLACEHOLDER_PUBLISHER_URL

# A speaker whose name starts with one of these words is an organisation (a ministry, an agency, a company, a
# newspaper), not a person. Lower-case, compared on the name's first words.
_ORGANISATION_WORDS = (
    "bộ", "ủy ban", "uỷ ban", "ubnd", "tổng cục", "cục", "sở", "viện", "trung tâm", "công ty", "tập đoàn",
    "ngân hàng", "chính phủ", "quốc hội", "văn phòng", "điện kremlin", "nhà trắng", "liên hợp quốc", "tổ chức",
    "hãng", "báo", "đài", "thông tấn xã", "hội", "đảng", "quân đội", "bệnh viện", "trường", "đại học",
    "ministry", "department", "agency", "office", "government", "council", "commission", "bank", "university",
    "the ", "who", "un", "unhcr", "iom", "reuters", "afp", "ap", "bbc", "kremlin", "white house",
)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")
_FILE_NAME = re.compile(r"^\S+\.[A-Za-z0-9]{1,5}$")
_ORGANISATION_ENDINGS = (" inc", " inc.", " ltd", " ltd.", " corp", " group", " agency", " ministry", " news")


@dataclass(frozen=True)
class PublishingDesk:
    """Who publishes the desk's fact-checks and where: the publication settings of the Desk page."""

    name: str = PLACEHOLDER_PUBLISHER_NAME
    url: str = PLACEHOLDER_PUBLISHER_URL
    logo: str = ""
    review_url_pattern: str = PLACEHOLDER_REVIEW_URL

    def review_url(self, claim_id: int) -> str:
        """The address of the published fact-check of a claim: the pattern with its number for {id}."""
        return self.review_url_pattern.replace("{id}", str(claim_id))


def publishing_desk(db: sqlite_utils.Database) -> PublishingDesk:
    """The desk's publication settings."""
    return PublishingDesk(name=get_setting(db, "publisher_name"), url=get_setting(db, "publisher_url"),
                          logo=get_setting(db, "publisher_logo"),
                          review_url_pattern=get_setting(db, "review_url_pattern"))


def publication_warnings(desk: PublishingDesk) -> list[str]:
    """What still reads like the workbench's example instead of the desk's own (one line each; empty when ready)."""
    warnings = []
    if desk.name == PLACEHOLDER_PUBLISHER_NAME:
        warnings.append(_("The publisher is still the example name “{name}”: set the desk's name on the Desk"
                          " page before publishing ClaimReview.").format(name=desk.name))
    if _is_example(desk.url) or _is_example(desk.review_url_pattern):
        warnings.append(_("The fact-check addresses are still the example site ({site}): set the desk's site and"
                          " address pattern on the Desk page before publishing ClaimReview.").format(
            site=urlsplit(PLACEHOLDER_PUBLISHER_URL).hostname))
    return warnings


def _is_example(url: str) -> bool:
    host = (urlsplit(url).hostname or "") if url else ""
    return host == "example.org" or host.endswith((".example.org", ".example"))


def _date(value: str | None) -> str | None:
    """The day of a stored moment, in UTC (ClaimReview dates are ISO 8601 days)."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value[:10]
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.date().isoformat()


def _is_organisation(name: str) -> bool:
    folded = " ".join(name.casefold().split())
    starts = any(folded == word.strip() or folded.startswith(word if word.endswith(" ") else word + " ")
                 for word in _ORGANISATION_WORDS)
    return starts or folded.endswith(_ORGANISATION_ENDINGS)


def _outlet(claim: ReportClaim) -> dict[str, Any] | None:
    """The outlet that carried the claim: the article's source name, else its site."""
    url = safe_url(claim.article.url) and claim.article.url
    host = urlsplit(url).hostname if url else None
    # A page fetched from the web keeps its site's name; an article read from a file keeps the file's name, which
    # is no outlet.
    named = claim.article.source_name or ""
    site_name = named if url and not _FILE_NAME.search(named) else None
    name = site_name or (host.removeprefix("www.") if host else None)
    if not name:
        return None
    outlet: dict[str, Any] = {"@type": "Organization", "name": name}
    if host:
        outlet["url"] = f"{urlsplit(url).scheme}://{host}"
    return outlet


def _speaker(claim: ReportClaim) -> dict[str, Any]:
    """Who made the claim: the speaker when one was named (a Person with their role as jobTitle, or an
    Organization), else the outlet (the article's site, or its title)."""
    if claim.speaker:
        if _is_organisation(claim.speaker):
            author: dict[str, Any] = {"@type": "Organization", "name": claim.speaker}
            if claim.speaker_role:
                author["description"] = claim.speaker_role
            return author
        person: dict[str, Any] = {"@type": "Person", "name": claim.speaker}
        if claim.speaker_role:
            person["jobTitle"] = claim.speaker_role
        return person
    return _outlet(claim) or {"@type": "Organization", "name": claim.article.title}


def _appearance(claim: ReportClaim) -> dict[str, Any]:
    """Where the claim appeared: the article (its address and date) and the outlet that published it."""
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": claim.article.title}
    article_url = safe_url(claim.article.url) and claim.article.url
    if article_url:
        appearance["url"] = article_url
    if claim.article.published:
        appearance["datePublished"] = claim.article.published
    outlet = _outlet(claim)
    if outlet is not None:
        appearance["publisher"] = outlet
    return appearance


def claim_review(claim: ReportClaim, report: Report, *, desk: PublishingDesk | None = None) -> dict[str, Any]:
    """One ClaimReview object for a published claim; its `url` is the desk's address for the claim."""
    desk = desk or PublishingDesk()
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": claim.rating_name or claim.rating}
    if claim.rating_value is not None and report.best_rating is not None:
        rating.update(ratingValue=claim.rating_value, bestRating=report.best_rating,
                      worstRating=report.worst_rating)
    item: dict[str, Any] = {"@type": "Claim", "author": _speaker(claim), "appearance": _appearance(claim)}
    if claim.article.published:
        item["datePublished"] = claim.article.published
    if claim.original_text != claim.text:
        item["text"] = claim.original_text
    author: dict[str, Any] = {"@type": "Organization", "name": desk.name, "url": desk.url}
    if desk.logo:
        author["logo"] = author["image"] = desk.logo
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": desk.review_url(claim.id),
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "author": author,
        "reviewRating": rating,
        "datePublished": _date(claim.first_published_at or claim.published_at),
        "inLanguage": report.language,
    }
    if claim.corrections and claim.published_at:
        review["dateModified"] = _date(claim.published_at)
    if claim.verdict:
        review["headline"] = claim.verdict
    return review


def with_publisher(desk: PublishingDesk | None, publisher_name: str | None,
                   publisher_url: str | None) -> PublishingDesk:
    """The desk's settings, with a name or site given for one export (`--publisher-url`: addresses under it)."""
    desk = desk or PublishingDesk()
    if publisher_url:
        desk = PublishingDesk(name=desk.name, url=publisher_url, logo=desk.logo,
                              review_url_pattern=f"{publisher_url.rstrip('/')}/claims/{{id}}")
    if publisher_name:
        desk = PublishingDesk(name=publisher_name, url=desk.url, logo=desk.logo,
                              review_url_pattern=desk.review_url_pattern)
    return desk


def render_claimreview(report: Report, *, desk: PublishingDesk | None = None, publisher_name: str | None = None,
                       publisher_url: str | None = None) -> list[dict[str, Any]]:
    """A ClaimReview for each published verdict in the report, in report order (drafts are never exported).

    >>> render_claimreview(report, desk=publishing_desk(db))[0]["reviewRating"]  # doctest: +SKIP
    {'@type': 'Rating', 'alternateName': 'Sai', 'ratingValue': 2, 'bestRating': 6, 'worstRating': 2}
    """
    desk = with_publisher(desk, publisher_name, publisher_url)
    return [claim_review(c, report, desk=desk) for c in report.claims if c.published and c.rating]


def render_claimreview_json(report: Report, *, desk: PublishingDesk | None = None,
                            publisher_name: str | None = None, publisher_url: str | None = None) -> str:
    """The ClaimReview list as a JSON document (UTF-8 text, keys in a fixed order, one trailing newline)."""
    reviews = render_claimreview(report, desk=desk, publisher_name=publisher_name, publisher_url=publisher_url)
    text = json.dumps(reviews, ensure_ascii=False, indent=2)
    # Safe to embed in <script type="application/ld+json">: no "</script>", "<!--" or "&" entity can form. JSON
    # readers decode the escapes back to the same characters.
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") + "\n"




def claimreview_problems(review: dict[str, Any]) -> list[str]:
    """What a fact-check archive reading ClaimReview (Google's Fact Check Tools) would miss or refuse in `review`,
    one line each; empty when it is complete."""
    problems = []

    def web(url: Any) -> bool:
        return isinstance(url, str) and safe_url(url) is not None

    if review.get("@context") != "https://schema.org" or review.get("@type") != "ClaimReview":
        problems.append(_("not a schema.org ClaimReview (@context, @type)"))
    if not web(review.get("url")):
        problems.append(_("url: the fact-check's address is missing or not an http(s) address"))
    if not str(review.get("claimReviewed") or "").strip():
        problems.append(_("claimReviewed: the claim's text is missing"))
    if not _DAY.match(str(review.get("datePublished") or "")):
        problems.append(_("datePublished: not a day in the form YYYY-MM-DD"))
    author = review.get("author") or {}
    if not str(author.get("name") or "").strip():
        problems.append(_("author.name: the publisher's name is missing"))
    if author.get("image") and not web(author["image"]):
        problems.append(_("author.image: the logo is not an http(s) address"))
    if not review.get("inLanguage"):
        problems.append(_("inLanguage: the review's language is missing"))
    rating = review.get("reviewRating") or {}
    if not str(rating.get("alternateName") or "").strip():
        problems.append(_("reviewRating.alternateName: the rating's name is missing"))
    value = rating.get("ratingValue")
    if value is not None and not rating.get("worstRating", value) <= value <= rating.get("bestRating", value):
        problems.append(_("reviewRating.ratingValue: outside worstRating–bestRating"))
    item = review.get("itemReviewed") or {}
    if item.get("@type") != "Claim":
        problems.append(_("itemReviewed: not a Claim"))
    if not str((item.get("author") or {}).get("name") or "").strip():
        problems.append(_("itemReviewed.author.name: who made the claim is missing"))
    if (item.get("author") or {}).get("@type") not in ("Person", "Organization"):
        problems.append(_("itemReviewed.author: neither a Person nor an Organization"))
    appearance = item.get("appearance")
    if appearance and "url" in appearance and not web(appearance["url"]):
        problems.append(_("itemReviewed.appearance.url: not an http(s) address"))
    if item.get("datePublished") and not _DAY.match(str(item["datePublished"])):
        problems.append(_("itemReviewed.datePublished: not a day in the form YYYY-MM-DD"))
    return problems
