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

import contextlib
import gc
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import orjson

from claims.errors import WorkbenchError
from claims.folding import nfc

__all__ = ["ClaimReviewError", "CLAIMREVIEW_KEYS", "REVIEW_FIELDS", "ReviewRow", "claimreview_rows",
           "is_claimreview_document", "ld_json_blocks", "parse_claimreview"]

# A JSON object holding one of these keys is a ClaimReview document (or a container of reviews), not a JSON Lines
# row of the workbench's own archive format.
CLAIMREVIEW_KEYS = frozenset({"@context", "@type", "@graph", "claims", "claimReview", "rows", "claimreview"})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}")


class ClaimReviewError(WorkbenchError, ValueError):
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
    if value.__class__ is not str:  # the common case first: this runs eight times a review
        if value is None or not isinstance(value, (str, int, float)) or isinstance(value, bool):
            return None
        value = str(value)
    value = (value if value.isascii() else nfc(value)).strip()
    return value or None


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _name_and_url(value: Any) -> tuple[str | None, str | None]:
    """(name, url) of an author, publisher or claimant given as an object, a list of them, or a bare name."""
    if value.__class__ is dict:
        return _text(value.get("name")), _text(value.get("url") or value.get("site"))
    value = _first(value)
    if isinstance(value, dict):
        return _text(value.get("name")), _text(value.get("url") or value.get("site"))
    return _text(value), None


def _language(value: Any) -> str | None:
    if value.__class__ is str and len(value) == 2 and value.isascii() and value.isalpha():
        return value.lower()  # "vi", "en": most reviews say it so
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    text = _text(value)
    if not text:
        return None
    primary = text.replace("_", "-").split("-")[0]
    return primary.lower() if _LANGUAGE.fullmatch(primary) else None


class ReviewRow(dict):
    """One past fact-check read from a review: a plain dict of REVIEW_FIELDS, checked and cleaned already (an
    import takes its fields as they are)."""

    __slots__ = ()


REVIEW_FIELDS = ("id", "text", "verdict", "url", "published", "language", "publisher", "publisher_url", "claimant")


class _Reviews:
    """Numbers the reviews of one document as they are read, so that an error can name the bad one."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.count = 0

    def fail(self, url: str | None, problem: str) -> ClaimReviewError:
        which = f"item {self.count}" + (f" ({url})" if url else "")
        return ClaimReviewError(f"{self.name}, {which}: {problem}")

    def row(self, *, url: Any, text: Any, rating: Any, date: Any, publisher: tuple[str | None, str | None],
            language: Any, claimant: str | None) -> ReviewRow:
        # This runs once a review of a 200,000-review document: the checks are written out, the common case first.
        self.count += 1
        if url.__class__ is not str:
            if url is not None:
                raise self.fail(None, f"url must be text, not {type(url).__name__}")
            raise self.fail(None, "no url (a ClaimReview's url is its id)")
        link = _text(url)
        if not link:
            raise self.fail(None, "no url (a ClaimReview's url is its id)")
        if text.__class__ is not str and text is not None:
            raise self.fail(link, f"the claim reviewed must be text, not {type(text).__name__}")
        claim = _text(text)
        if not claim:
            raise self.fail(link, "no claim reviewed (claimReviewed)")
        if rating is not None and rating.__class__ is not str:
            raise self.fail(link, f"the rating must be text, not {type(rating).__name__}")
        if date is not None:
            if date.__class__ is not str or not _DATE.match(date := date.strip()):
                raise self.fail(link, f"the date {date!r} is not a date (YYYY-MM-DD)")
            date = date[:10]
        name, site = publisher
        verdict = _text(rating) if rating is not None else None
        if "\x00" in "".join(v for v in (link, claim, verdict, name, site, claimant) if v):
            raise self.fail(link, "a NUL character (\\0) in a field")
        return ReviewRow(id=link, text=claim, verdict=verdict, url=link, published=date,
                         language=_language(language), publisher=name, publisher_url=site, claimant=claimant)


def _claim_review(reviews: _Reviews, item: dict[str, Any]) -> ReviewRow:
    get = item.get
    rating = get("reviewRating")
    if rating.__class__ is dict:
        words = rating.get("alternateName") or rating.get("name")
    elif rating is None:
        words = None
    elif isinstance(rating, list):
        first = rating[0] if rating else None
        words = first.get("alternateName") or first.get("name") if isinstance(first, dict) else None
    else:
        reviews.count += 1
        raise reviews.fail(_text(get("url")), "reviewRating must be an object (a Rating)")
    reviewed = _first(get("itemReviewed"))
    claimant = _name_and_url(reviewed.get("author"))[0] if reviewed.__class__ is dict else None
    return reviews.row(url=get("url"), text=get("claimReviewed"), rating=words,
                       date=get("datePublished") or None, publisher=_name_and_url(get("author") or get("publisher")),
                       language=get("inLanguage"), claimant=claimant)


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
            if part.__class__ is dict and part.get("@type") == "ClaimReview":  # the common case, without a frame
                yield _claim_review(reviews, part)
            else:
                yield from _walk(reviews, part)
        return
    if not isinstance(value, dict):
        return
    if value.get("@type") == "ClaimReview" or "ClaimReview" in _types(value):
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
            embedded = _loads(embedded)
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


def _loads(data: str | bytes) -> Any:
    """orjson reads a large document several times faster; json reads what it refuses and names the error."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off while a document's millions of objects are made and read: none of them forms a
    cycle, and each collection would walk them all again (it more than doubled the time of 200,000 reviews)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_claimreview(data: str | bytes, *, name: str = "document") -> list[dict[str, Any]]:
    """Past fact-check rows of a ClaimReview document given as text or UTF-8 bytes: JSON, JSON Lines of documents,
    or an HTML page with JSON-LD blocks (a text whose first character is `<`)."""
    with _no_cycle_collection():
        return _parse(data, name)


def _parse(data: str | bytes, name: str) -> list[dict[str, Any]]:
    if isinstance(data, bytes):
        data = data.removeprefix(b"\xef\xbb\xbf")
        start = data.lstrip()[:1]
        if start == b"<":
            data = data.decode("utf-8", errors="replace")
    else:
        data = data.lstrip("\ufeff")
        start = data.lstrip()[:1]
    if start in ("<", b"<"):
        return claimreview_rows(ld_json_blocks(data, name=name), name=name)  # type: ignore[arg-type]
    try:
        value = _loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) < 2:
            reason = f"{error.msg}, line {error.lineno}" if isinstance(error, json.JSONDecodeError) else "not UTF-8"
            raise ClaimReviewError(f"{name}: not JSON ({reason})") from None
        value = []
        for number, line in enumerate(lines, 1):  # JSON Lines of documents, as Datasette's `_nl=on` writes
            try:
                value.append(json.loads(line))
            except json.JSONDecodeError as bad:
                raise ClaimReviewError(f"{name}, line {number}: not JSON ({bad.msg})") from None
    return claimreview_rows(value, name=name)
