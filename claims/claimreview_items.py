"""Past fact-checks read from schema.org ClaimReview, in every shape the world publishes them.

Shapes read: one ClaimReview object, an array of them, a JSON-LD `@graph`, an HTML page carrying them in
`<script type="application/ld+json">` blocks, the Fact Check Tools API's `claims:search` response
(`{"claims": [{"text", "claimant", "claimDate", "claimReview": [{"publisher": {"name", "site"}, "url", "title",
"reviewDate", "textualRating", "languageCode"}]}]}`), and a Datasette JSON export of another desk's published
archive (rows carrying a `claimreview` column, in any of Datasette's shapes).

Each review becomes one past fact-check row: `id` and `url` are the review's `url`, `text` what was claimed
(`claimReviewed`), `verdict` the rating's words (`reviewRating.alternateName`), `published` the review's date,
`publisher` and `publisher_url` who checked it (`author`), `claimant` who made the claim, `language` the review's.
A review that cannot be read raises ClaimReviewError naming it (its number, and its url when it has one): an
import takes every review of a document or none.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from claims.folding import nfc

__all__ = ["ClaimReviewError", "CLAIMREVIEW_KEYS", "claimreview_rows", "is_claimreview_document",
           "ld_json_blocks", "parse_claimreview"]

# A JSON object holding one of these keys is a ClaimReview document (or a container of reviews), not a JSON Lines
# row of the workbench's own archive format.
CLAIMREVIEW_KEYS = frozenset({"@context", "@type", "@graph", "claims", "claimReview", "rows", "claimreview"})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}")


class ClaimReviewError(ValueError):
    """A ClaimReview document or one of its reviews cannot be read; the message names which, in one line."""


def is_claimreview_document(value: Any) -> bool:
    """Whether a parsed JSON value is a ClaimReview document rather than a row of the workbench's archive format."""
    if isinstance(value, list):
        return True
    return isinstance(value, dict) and not CLAIMREVIEW_KEYS.isdisjoint(value)


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
        if tag == "script" and kind == "application/ld+json":
            self._inside = True
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


def ld_json_blocks(html: str, *, name: str = "page") -> list[Any]:
    """The JSON values of the page's `<script type="application/ld+json">` blocks, in page order.

    >>> ld_json_blocks('<script type="application/ld+json">{"@type": "ClaimReview"}</script>')
    [{'@type': 'ClaimReview'}]
    """
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    values = []
    for number, block in enumerate(parser.blocks, 1):
        if not block.strip():
            continue
        try:
            values.append(json.loads(block))
        except json.JSONDecodeError as error:
            raise ClaimReviewError(f"{name}: JSON-LD block {number} is not JSON ({error.msg})") from None
    return values


def _types(value: dict[str, Any]) -> set[str]:
    kind = value.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = nfc(value).strip()
    return value or None


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _name_and_url(value: Any) -> tuple[str | None, str | None]:
    """(name, url) of an author, publisher or claimant given as an object, a list of them, or a bare name."""
    value = _first(value)
    if isinstance(value, dict):
        return _text(value.get("name")), _text(value.get("url") or value.get("site"))
    return _text(value), None


def _language(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    text = _text(value)
    if not text:
        return None
    primary = text.replace("_", "-").split("-")[0]
    return primary.lower() if _LANGUAGE.fullmatch(primary) else None


class _Reviews:
    """Numbers the reviews of one document as they are read, so that an error can name the bad one."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.count = 0

    def fail(self, url: str | None, problem: str) -> ClaimReviewError:
        which = f"item {self.count}" + (f" ({url})" if url else "")
        return ClaimReviewError(f"{self.name}, {which}: {problem}")

    def row(self, *, url: Any, text: Any, rating: Any, date: Any, publisher: Any, language: Any,
            claimant: Any) -> dict[str, Any]:
        self.count += 1
        link = _text(url) if isinstance(url, str) else None
        if url is not None and not isinstance(url, str):
            raise self.fail(None, f"url must be text, not {type(url).__name__}")
        if not link:
            raise self.fail(None, "no url (a ClaimReview's url is its id)")
        if "\x00" in link:
            raise self.fail(None, "a NUL character (\\0) in its url")
        if text is not None and not isinstance(text, str):
            raise self.fail(link, f"the claim reviewed must be text, not {type(text).__name__}")
        claim = _text(text)
        if not claim:
            raise self.fail(link, "no claim reviewed (claimReviewed)")
        if rating is not None and not isinstance(rating, str):
            raise self.fail(link, f"the rating must be text, not {type(rating).__name__}")
        if date is not None and (not isinstance(date, str) or not _DATE.match(date.strip())):
            raise self.fail(link, f"the date {date!r} is not a date (YYYY-MM-DD)")
        name, site = publisher
        row = {"id": link, "text": claim, "verdict": _text(rating), "url": link,
               "published": date.strip()[:10] if date else None, "language": _language(language),
               "publisher": name, "publisher_url": site, "claimant": claimant}
        if any("\x00" in v for v in row.values() if isinstance(v, str)):
            raise self.fail(link, "a NUL character (\\0) in a field")
        return row


def _claim_review(reviews: _Reviews, item: dict[str, Any]) -> dict[str, Any]:
    rating = item.get("reviewRating")
    if rating is not None and not isinstance(rating, (dict, list)):
        reviews.count += 1
        raise reviews.fail(_text(item.get("url")), "reviewRating must be an object (a Rating)")
    rating = _first(rating) if rating is not None else {}
    words = rating.get("alternateName") or rating.get("name") if isinstance(rating, dict) else None
    reviewed = item.get("itemReviewed")
    reviewed = _first(reviewed) if isinstance(reviewed, (dict, list)) else {}
    claimant, _ = _name_and_url(reviewed.get("author") if isinstance(reviewed, dict) else None)
    return reviews.row(url=item.get("url"), text=item.get("claimReviewed"), rating=words,
                       date=item.get("datePublished") or None,
                       publisher=_name_and_url(item.get("author") or item.get("publisher")),
                       language=item.get("inLanguage"), claimant=claimant)


def _api_claims(reviews: _Reviews, claims: list[Any]) -> Iterator[dict[str, Any]]:
    """The Fact Check Tools API's claims: one past fact-check per review of each claim."""
    for claim in claims:
        if not isinstance(claim, dict):
            reviews.count += 1
            raise reviews.fail(None, "a claim of the response is not an object")
        for review in claim.get("claimReview") or []:
            if not isinstance(review, dict):
                reviews.count += 1
                raise reviews.fail(None, "a claimReview is not an object")
            yield reviews.row(url=review.get("url"), text=claim.get("text"), rating=review.get("textualRating"),
                              date=review.get("reviewDate") or None, publisher=_name_and_url(review.get("publisher")),
                              language=review.get("languageCode"), claimant=_text(claim.get("claimant")))


def _datasette_rows(reviews: _Reviews, value: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Rows of a Datasette JSON export: lists with `columns` (its default shape) or objects; each row's
    `claimreview` column holds the review as the publishing desk wrote it."""
    columns = value.get("columns")
    for row in value["rows"]:
        if isinstance(row, list) and isinstance(columns, list):
            row = dict(zip(columns, row, strict=False))
        yield from _walk(reviews, row)


def _walk(reviews: _Reviews, value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for part in value:
            yield from _walk(reviews, part)
        return
    if not isinstance(value, dict):
        return
    if "ClaimReview" in _types(value):
        yield _claim_review(reviews, value)
        return
    if isinstance(value.get("@graph"), list):
        yield from _walk(reviews, value["@graph"])
    if isinstance(value.get("claims"), list):
        yield from _api_claims(reviews, value["claims"])
    if isinstance(value.get("rows"), list):
        yield from _datasette_rows(reviews, value)
    embedded = value.get("claimreview")
    if isinstance(embedded, str):  # a row of a published archive: the review as JSON text
        try:
            embedded = json.loads(embedded)
        except json.JSONDecodeError as error:
            reviews.count += 1
            raise reviews.fail(_text(value.get("url")), f"its claimreview column is not JSON ({error.msg})") from None
    if isinstance(embedded, dict):
        yield from _walk(reviews, embedded)
    for key in ("mainEntity", "review"):  # a page's WebPage or Article carrying its review inside
        if isinstance(value.get(key), (dict, list)):
            yield from _walk(reviews, value[key])


def claimreview_rows(value: Any, *, name: str = "document") -> list[dict[str, Any]]:
    """Past fact-check rows of a parsed ClaimReview document (any shape in the module docstring), in order.

    Raises ClaimReviewError naming the first review that cannot be read, or saying that none was found.

    >>> claimreview_rows({"@type": "ClaimReview", "url": "https://x.org/1", "claimReviewed": "Pigs fly",
    ...                   "reviewRating": {"alternateName": "False"}, "author": {"name": "X"}})[0]["publisher"]
    'X'
    """
    reviews = _Reviews(name)
    rows = list(_walk(reviews, value))
    if not rows:
        raise ClaimReviewError(f"{name}: no ClaimReview found (no object of @type ClaimReview, no Fact Check"
                               " Tools claims, no archive rows)")
    return rows


def parse_claimreview(text: str, *, name: str = "document") -> list[dict[str, Any]]:
    """Past fact-check rows of a ClaimReview document given as text: JSON, JSON Lines of documents, or an HTML
    page with JSON-LD blocks (a text whose first character is `<`)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<"):
        return claimreview_rows(ld_json_blocks(stripped, name=name), name=name)
    try:
        value = json.loads(stripped)
    except json.JSONDecodeError as error:
        lines = [line for line in stripped.splitlines() if line.strip()]
        if len(lines) < 2:
            raise ClaimReviewError(f"{name}: not JSON ({error.msg}, line {error.lineno})") from None
        value = []
        for number, line in enumerate(lines, 1):  # JSON Lines of documents, as Datasette's `_nl=on` writes
            try:
                value.append(json.loads(line))
            except json.JSONDecodeError as bad:
                raise ClaimReviewError(f"{name}, line {number}: not JSON ({bad.msg})") from None
    return claimreview_rows(value, name=name)
