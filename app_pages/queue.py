"""Claim queue: every claim, filtered and searched, best-scored first, one page at a time."""
from __future__ import annotations

import zlib

import streamlit as st

from app_pages.components import (
    STATUS_LABELS,
    database,
    flash,
    md_escape,
    open_claim,
    review_progress,
    reviewer,
    short,
    show_flash,
    status_label,
)
from translations import _

PER_PAGE = 25
ANY = "Any"
SORTS = {"score": "Check-worthiness score", "newest": "Newest first", "oldest": "Oldest first",
         "updated": "Recently changed", "article": "Article order"}


def fuzzy_claim_ids(db, query: str, flt, limit: int = 500) -> tuple[int, ...] | None:
    """Claim ids the fuzzy search (db.search) finds for a misspelt query, or None while it is not installed."""
    try:
        from db.search import search_claims
    except ImportError:
        return None
    rows = search_claims(db, query, limit=limit, status=flt.status, checkworthy=flt.checkworthy,
                         article_id=flt.article_id)
    return tuple(dict.fromkeys(int(row["id"]) for row in rows))


def _filters(db):
    from app_pages.article_picker import article_picker
    from db.claims import ClaimFilter, facet_values
    from db.ratings import rating_scale

    facets = facet_values(db)
    search = st.text_input("Search claims", key="queue_search", type="search",
                           placeholder="Words from the claim, with or without diacritics (e.g. dien kremlin)")
    row1 = st.columns(4)
    status = row1[0].selectbox("Status", [ANY, *[k for k in STATUS_LABELS if k != "merged"]], key="queue_status",
                               format_func=lambda s: s if s == ANY else status_label(s))
    rating = row1[1].selectbox("Verdict", [ANY, *[r.label for r in rating_scale(db)]], key="queue_rating")
    claim_type = row1[2].selectbox("Type", [ANY, *facets["type"]], key="queue_type")
    article, _exists = article_picker(db, key="queue_article", label=_("Article"), any_label=ANY,
                                      container=row1[3])
    row2 = st.columns(4)
    assignee = row2[0].selectbox("Assignee", [ANY, *facets["assignee"]], key="queue_assignee")
    has_number = row2[1].selectbox("Has a number", [ANY, "Yes", "No"], key="queue_has_number")
    worthy = row2[2].selectbox("Check-worthiness", ["Check-worthy", "Not check-worthy", ANY],
                               key="queue_checkworthy")
    sort = row2[3].selectbox("Sort by", list(SORTS), format_func=SORTS.get, key="queue_sort")
    pick = lambda v: None if v == ANY else v  # noqa: E731
    flt = ClaimFilter(
        status=pick(status), rating=pick(rating), claim_type=pick(claim_type), article_id=article,
        assignee=pick(assignee), has_number=None if has_number == ANY else has_number == "Yes",
        checkworthy=None if worthy == ANY else worthy == "Check-worthy", search=search.strip() or None,
    )
    return flt, sort


def _page_key(flt, sort) -> str:
    """The pagination widget's key: new filters or a new search get a fresh widget, so they start at page 1."""
    return f"queue_pagination_{zlib.crc32(repr((flt, sort)).encode())}"


def _page_of_claims(db, flt, sort):
    """One page of claims: full-text first; when that finds nothing, the fuzzy search (if installed)."""
    from dataclasses import replace

    from db.claims import claim_queue

    page = st.session_state.get(_page_key(flt, sort), 1)

    def query(flt):
        result = claim_queue(db, flt, sort=sort, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
        if not result.claims and result.total:  # claims went away under a later page: show the last one
            last = (result.total - 1) // PER_PAGE
            result = claim_queue(db, flt, sort=sort, limit=PER_PAGE, offset=last * PER_PAGE)
        return result

    result = query(flt)
    if result.total == 0 and flt.search:
        ids = fuzzy_claim_ids(db, flt.search, flt)
        if ids:
            return query(replace(flt, search=None, ids=ids)), True
    return result, False


def _dismiss_or_restore(db, claim, where) -> None:
    """One click: not worth checking (it leaves the queue), or back into the queue; both are in the history."""
    from db.claims import VersionConflict
    from evidence.dismissal import dismiss_claim, restore_claim
    from evidence.review import ReviewError

    dismissed = claim.status == "dismissed"
    if where.button("Restore" if dismissed else "Dismiss", key=f"queue_dismiss_{claim.id}", width="stretch",
                    type="tertiary", help=None if dismissed else "Not worth checking: out of the queue"):
        try:
            (restore_claim if dismissed else dismiss_claim)(db, claim.id, expected_version=claim.version,
                                                            reviewer=reviewer())
        except (VersionConflict, ReviewError) as error:
            st.error(md_escape(str(error)))
            return
        flash("queue", "success", f"Claim #{claim.id} {'restored' if dismissed else 'dismissed: not worth checking'}.")
        st.rerun()


st.title("Claim queue")
show_flash("queue")
_db = database()
_reviewed, _total = review_progress(_db)
st.progress(_reviewed / _total if _total else 0.0,
            text=f"{_reviewed} of {_total} check-worthy claims reviewed (verdict drafted or published)")
_flt, _sort = _filters(_db)
_result, _fuzzy = _page_of_claims(_db, _flt, _sort)

_head, _next = st.columns([4, 1], vertical_alignment="bottom")
_shown = f"{_result.offset + 1}–{_result.offset + len(_result.claims)} of {_result.total}" if _result.total else "0"
_head.markdown(f"**{_result.total} claims** match · showing {_shown}"
               + (" · no exact words found, showing near matches" if _fuzzy else ""))
if _result.claims:
    _first_open = next((c for c in _result.claims if c.status in ("new", "in_review")), None)
    if _first_open is not None and _next.button("Review next open claim", key="queue_next", type="primary",
                                                width="stretch"):
        open_claim(_first_open.id)
else:
    st.info("No claims match these filters.")

for _claim in _result.claims:
    with st.container(border=True):
        score_col, text_col, action_col = st.columns([0.8, 7, 1.2], vertical_alignment="center")
        score_col.metric("Score", f"{_claim.score:.2f}", label_visibility="collapsed")
        details = [f"#{_claim.id}", status_label(_claim.status)]
        if _claim.rating:
            details.append(f"verdict **{md_escape(_claim.rating)}**")
        if _claim.types:
            details.append(", ".join(_claim.types))
        if _claim.assignee:
            details.append(f"assigned to {md_escape(_claim.assignee)}")
        if _claim.speaker:
            details.append(f"speaker {md_escape(_claim.speaker)}")
        text_col.markdown(md_escape(short(_claim.text, 300)))
        text_col.caption(" · ".join(details))
        if action_col.button("Review", key=f"queue_open_{_claim.id}", width="stretch"):
            open_claim(_claim.id)
        if _claim.status in ("new", "in_review", "dismissed"):
            _dismiss_or_restore(_db, _claim, action_col)

_pages = max(1, -(-_result.total // PER_PAGE))
if _pages > 1:
    st.pagination(_pages, default=_result.offset // PER_PAGE + 1, key=_page_key(_flt, _sort))
