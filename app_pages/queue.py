"""Claim queue: every claim, filtered and searched, best-scored first, one page at a time."""
from __future__ import annotations

import zlib

import streamlit as st

from app_pages.claim_words import claim_type_name
from app_pages.components import (
    STATUS_LABELS,
    database,
    flash,
    md_escape,
    open_claim,
    rating_names,
    review_progress,
    reviewer,
    short,
    show_flash,
    status_label,
)
from translations import N_, _, format_decimal, ngettext

PER_PAGE = 25
ANY = "Any"  # the filters' "no choice" value, shown as _("Any")
SORTS = {"score": N_("Check-worthiness score"), "newest": N_("Newest first"), "oldest": N_("Oldest first"),
         "updated": N_("Recently changed"), "article": N_("Article order")}
# Option values stay these words (what a test or a saved filter sets); the reader sees them translated.
WORTHINESS = {"Check-worthy": N_("Check-worthy"), "Not check-worthy": N_("Not check-worthy")}
HAS_NUMBER = {"Yes": N_("Yes"), "No": N_("No")}


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
    from db.articles import article_summaries
    from db.claims import ClaimFilter, facet_values
    from db.ratings import rating_scale

    facets = facet_values(db)
    articles = {s.id: f"#{s.id} · {short(s.title, 60)}" for s in article_summaries(db, limit=500)}
    # Shown names worked out here, in this run's language (AppTest calls format_func outside the script's thread).
    any_ = {ANY: _("Any")}
    statuses = {**any_, **{k: status_label(k) for k in STATUS_LABELS}}
    ratings = {**any_, **rating_names(db)}
    sorts = {k: _(v) for k, v in SORTS.items()}
    worthiness = {**any_, **{k: _(v) for k, v in WORTHINESS.items()}}
    numbers = {**any_, **{k: _(v) for k, v in HAS_NUMBER.items()}}
    search = st.text_input(_("Search claims"), key="queue_search", type="search",
                           placeholder=_("Words from the claim, with or without diacritics (e.g. dien kremlin)"))
    row1 = st.columns(4)
    status = row1[0].selectbox(_("Status"), [ANY, *[k for k in STATUS_LABELS if k != "merged"]],
                               key="queue_status", format_func=statuses.get)
    rating = row1[1].selectbox(_("Verdict"), [ANY, *[r.label for r in rating_scale(db)]], key="queue_rating",
                               format_func=lambda r: ratings.get(r, r))
    types = {**any_, **{t: claim_type_name(t) for t in facets["type"]}}
    claim_type = row1[2].selectbox(_("Type"), [ANY, *facets["type"]], key="queue_type",
                                   format_func=lambda t: types.get(t, t))
    article = row1[3].selectbox(_("Article"), [ANY, *articles], key="queue_article",
                                format_func=lambda a: any_.get(a) or articles[a])
    row2 = st.columns(4)
    assignee = row2[0].selectbox(_("Assignee"), [ANY, *facets["assignee"]], key="queue_assignee",
                                 format_func=lambda a: any_.get(a, a))
    has_number = row2[1].selectbox(_("Has a number"), [ANY, *HAS_NUMBER], key="queue_has_number",
                                   format_func=numbers.get)
    worthy = row2[2].selectbox(_("Check-worthiness"), [*WORTHINESS, ANY], key="queue_checkworthy",
                               format_func=worthiness.get)
    sort = row2[3].selectbox(_("Sort by"), list(SORTS), format_func=sorts.get, key="queue_sort")
    pick = lambda v: None if v == ANY else v  # noqa: E731
    flt = ClaimFilter(
        status=pick(status), rating=pick(rating), claim_type=pick(claim_type), article_id=pick(article),
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
    if where.button(_("Restore") if dismissed else _("Dismiss"), key=f"queue_dismiss_{claim.id}", width="stretch",
                    type="tertiary", help=None if dismissed else _("Not worth checking: out of the queue")):
        try:
            (restore_claim if dismissed else dismiss_claim)(db, claim.id, expected_version=claim.version,
                                                            reviewer=reviewer())
        except (VersionConflict, ReviewError) as error:
            st.error(md_escape(str(error)))
            return
        done = _("Claim #{id} restored.") if dismissed else _("Claim #{id} dismissed: not worth checking.")
        flash("queue", "success", done.format(id=claim.id))
        st.rerun()


st.title(_("Claim queue"))
show_flash("queue")
_db = database()
_reviewed, _total = review_progress(_db)
st.progress(_reviewed / _total if _total else 0.0,
            text=_("{reviewed} of {total} check-worthy claims reviewed (verdict drafted or published)").format(
                reviewed=_reviewed, total=_total))
_flt, _sort = _filters(_db)
_result, _fuzzy = _page_of_claims(_db, _flt, _sort)

_head, _next = st.columns([4, 1], vertical_alignment="bottom")
if _result.total:
    _matching = ngettext("**{n} claim** matches · showing {first}–{last} of {n}",
                         "**{n} claims** match · showing {first}–{last} of {n}", _result.total).format(
        n=_result.total, first=_result.offset + 1, last=_result.offset + len(_result.claims))
else:
    _matching = _("**0 claims** match")
if _fuzzy:
    _matching = _("{matching} · no exact words found, showing near matches").format(matching=_matching)
_head.markdown(_matching)
if _result.claims:
    _first_open = next((c for c in _result.claims if c.status in ("new", "in_review")), None)
    if _first_open is not None and _next.button(_("Review next open claim"), key="queue_next", type="primary",
                                                width="stretch"):
        open_claim(_first_open.id)
else:
    st.info(_("No claims match these filters."))

for _claim in _result.claims:
    with st.container(border=True):
        score_col, text_col, action_col = st.columns([0.8, 7, 1.2], vertical_alignment="center")
        score_col.metric(_("Score"), format_decimal(_claim.score, places=2), label_visibility="collapsed")
        details = [f"#{_claim.id}", status_label(_claim.status)]
        if _claim.rating:
            details.append(_("verdict **{rating}**").format(
                rating=md_escape(rating_names(_db).get(_claim.rating, _claim.rating))))
        if _claim.types:
            details.append(", ".join(claim_type_name(t) for t in _claim.types))
        if _claim.assignee:
            details.append(_("assigned to {name}").format(name=md_escape(_claim.assignee)))
        if _claim.speaker:
            details.append(_("speaker {name}").format(name=md_escape(_claim.speaker)))
        text_col.markdown(md_escape(short(_claim.text, 300)))
        text_col.caption(" · ".join(details))
        if action_col.button(_("Review"), key=f"queue_open_{_claim.id}", width="stretch"):
            open_claim(_claim.id)
        if _claim.status in ("new", "in_review", "dismissed"):
            _dismiss_or_restore(_db, _claim, action_col)

_pages = max(1, -(-_result.total // PER_PAGE))
if _pages > 1:
    st.pagination(_pages, default=_result.offset // PER_PAGE + 1, key=_page_key(_flt, _sort))
