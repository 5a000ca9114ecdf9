"""Claim queue: every claim, filtered and searched, best-scored first, one page at a time."""
from __future__ import annotations

import zlib

import streamlit as st

from app_pages.claim_words import claim_type_name
from app_pages.components import (
    database,
    flash,
    md_escape,
    open_claim,
    rating_names,
    review_progress,
    reviewer,
    short,
    show_error,
    show_flash,
    signed_in,
)
from claims.errors import WorkbenchError
from claims.workflow import NOT_YET_DRAFTED, Status
from db.fts import read_query
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


FILTER_KEYS = ("queue_search", "queue_status", "queue_rating", "queue_type", "queue_article", "queue_assignee",
               "queue_has_number", "queue_checkworthy", "queue_sort")


def _saved_filters(db) -> None:
    """Filters saved per account: set them again in one click, or save the ones shown under a name."""
    from db.saved_filters import delete_filter, save_filter, saved_filters

    account = signed_in()
    if account is None:
        return
    pending = st.session_state.pop("queue_apply_filter", None)
    if pending is not None:  # set before the widgets are drawn: Streamlit refuses changes after
        for key in FILTER_KEYS:
            st.session_state.pop(key, None)
        st.session_state.update({k: v for k, v in pending.items() if k in FILTER_KEYS})
    saved = saved_filters(db, account.id)
    with st.expander(_("Saved filters") + (f" ({len(saved)})" if saved else "")):
        if saved:
            left, middle, right = st.columns([3, 1, 1], vertical_alignment="bottom")
            name = left.selectbox(_("My saved filters"), list(saved), key="queue_saved_choice")
            if middle.button(_("Apply"), key="queue_saved_apply", width="stretch"):
                st.session_state["queue_apply_filter"] = saved[name]
                st.rerun()
            if right.button(_("Delete"), key="queue_saved_delete", width="stretch", type="tertiary"):
                delete_filter(db, account.id, name)
                st.rerun()
        left, right = st.columns([4, 1], vertical_alignment="bottom")
        new_name = left.text_input(_("Save the filters shown as"), key="queue_saved_name", max_chars=80)
        if right.button(_("Save"), key="queue_saved_save", width="stretch"):
            if not new_name.strip():
                st.error(_("Give the saved filter a name."))
            else:
                values = {k: st.session_state[k] for k in FILTER_KEYS if k in st.session_state}
                save_filter(db, account.id, new_name, values)
                flash("queue", "success", _("Saved the filters as “{name}”.").format(name=md_escape(new_name)))
                st.rerun()


def _filters(db):
    from app_pages.article_picker import article_picker
    from db.claims import ClaimFilter, facet_values
    from db.ratings import rating_scale

    facets = facet_values(db)
    # Shown names worked out here, in this run's language (AppTest calls format_func outside the script's thread).
    any_ = {ANY: _("Any")}
    statuses = {**any_, **{s.value: s.label for s in Status}}
    ratings = {**any_, **rating_names(db)}
    sorts = {k: _(v) for k, v in SORTS.items()}
    worthiness = {**any_, **{k: _(v) for k, v in WORTHINESS.items()}}
    numbers = {**any_, **{k: _(v) for k, v in HAS_NUMBER.items()}}
    search = st.text_input(_("Search claims"), key="queue_search", type="search",
                           placeholder=_("Words from the claim, with or without diacritics (e.g. dien kremlin)"))
    row1 = st.columns(4)
    status = row1[0].selectbox(_("Status"), [ANY, *[s.value for s in Status if s is not Status.MERGED]],
                               key="queue_status", format_func=statuses.get)
    rating = row1[1].selectbox(_("Verdict"), [ANY, *[r.label for r in rating_scale(db)]], key="queue_rating",
                               format_func=lambda r: ratings.get(r, r))
    types = {**any_, **{t: claim_type_name(t) for t in facets["type"]}}
    claim_type = row1[2].selectbox(_("Type"), [ANY, *facets["type"]], key="queue_type",
                                   format_func=lambda t: types.get(t, t))
    article, _exists = article_picker(db, key="queue_article", label=_("Article"), any_label=ANY, any_shown=_("Any"),
                                      container=row1[3])
    row2 = st.columns(4)
    assignee = row2[0].selectbox(_("Assignee"), [ANY, *facets["assignee"]], key="queue_assignee",
                                 format_func=lambda a: any_.get(a, a))
    has_number = row2[1].selectbox(_("Has a number"), [ANY, *HAS_NUMBER], key="queue_has_number",
                                   format_func=numbers.get)
    worthy = row2[2].selectbox(_("Check-worthiness"), [*WORTHINESS, ANY], key="queue_checkworthy",
                               format_func=worthiness.get)
    sort = row2[3].selectbox(_("Sort by"), list(SORTS), format_func=sorts.get, key="queue_sort")
    pick = lambda v: None if v == ANY else v  # noqa: E731
    speaker = st.text_input(_("Speaker (any spelling)"), key="queue_speaker", placeholder=_("Peskov"))
    spellings = _speaker_spellings(db, speaker)
    flt = ClaimFilter(
        status=pick(status), rating=pick(rating), claim_type=pick(claim_type), article_id=article,
        assignee=pick(assignee), has_number=None if has_number == ANY else has_number == "Yes",
        checkworthy=None if worthy == ANY else worthy == "Check-worthy", search=search.strip() or None,
        speakers=spellings,
    )
    return flt, sort


def _speaker_spellings(db, name: str) -> tuple[str, ...] | None:
    """Every spelling of the speaker typed ("ông Peskov" finds "Dmitry Peskov" too); None when nothing is typed."""
    from db.speakers import speaker_record

    if not name.strip():
        return None
    record = speaker_record(db, name)
    if record is None:
        st.caption(_("No speaker on the desk is written “{name}”.").format(name=md_escape(name.strip())))
        return ()
    return record.spellings


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
    from evidence.dismissal import dismiss_claim, restore_claim

    dismissed = claim.status == Status.DISMISSED
    if where.button(_("Restore") if dismissed else _("Dismiss"), key=f"queue_dismiss_{claim.id}", width="stretch",
                    type="tertiary", help=None if dismissed else _("Not worth checking: out of the queue")):
        try:
            (restore_claim if dismissed else dismiss_claim)(db, claim.id, expected_version=claim.version,
                                                            reviewer=reviewer())
        except WorkbenchError as error:
            show_error(error)
            return
        if dismissed:
            flash("queue", "success", _("Claim #{id} restored.").format(id=claim.id))
        else:
            # Its notice, with Undo, takes the claim's place in the list.
            st.session_state["queue_just_dismissed"] = (claim.id, st.session_state.get("queue_row", 0))
        st.rerun()


def _selected(claims) -> list[int]:
    return [c.id for c in claims if st.session_state.get(f"queue_pick_{c.id}")]


def _bulk_actions(db, claims) -> None:
    """Assign, dismiss or mark "not the same" every selected claim on this page."""
    from db.accounts import active_accounts
    from evidence.bulk import assign_claims, dismiss_claims, mark_not_the_same

    if not claims:
        return
    chosen = _selected(claims)
    with st.container(border=True):
        top = st.container(horizontal=True, vertical_alignment="center")
        top.markdown(ngettext("**{n} claim selected**", "**{n} claims selected**", len(chosen)).format(
            n=len(chosen)))
        if top.button(_("Select all on this page"), key="queue_select_all", type="tertiary"):
            for c in claims:
                st.session_state[f"queue_pick_{c.id}"] = True
            st.rerun()
        if chosen and top.button(_("Clear the selection"), key="queue_select_none", type="tertiary"):
            for c in claims:
                st.session_state[f"queue_pick_{c.id}"] = False
            st.rerun()
        row = st.container(horizontal=True, vertical_alignment="bottom")
        names = [a.name for a in active_accounts(db)]
        nobody = _("— nobody —")  # worked out in this run's language, as the filters' names are
        who = row.selectbox(_("Assign to"), ["", *names], key="queue_bulk_assignee",
                            format_func=lambda n: n or nobody)
        outcome, done = None, ""
        if row.button(_("Assign selected"), key="queue_bulk_assign", disabled=not chosen):
            outcome = assign_claims(db, chosen, who or None, reviewer=reviewer())
            done = ngettext("Assigned {n} claim to {who}.", "Assigned {n} claims to {who}.",
                            len(outcome.changed)).format(n=len(outcome.changed), who=md_escape(who or "nobody"))
        if row.button(_("Dismiss selected"), key="queue_bulk_dismiss", disabled=not chosen):
            outcome = dismiss_claims(db, chosen, reviewer=reviewer())
            done = ngettext("Dismissed {n} claim: not worth checking.", "Dismissed {n} claims: not worth checking.",
                            len(outcome.changed)).format(n=len(outcome.changed))
        if row.button(_("Mark selected: not the same"), key="queue_bulk_not_same", disabled=not chosen,
                      help=_("Rejects every undecided duplicate suggestion of the selected claims")):
            outcome = mark_not_the_same(db, chosen, reviewer=reviewer())
            done = ngettext("Marked the suggestions of {n} claim as not the same.",
                            "Marked the suggestions of {n} claims as not the same.",
                            len(outcome.changed)).format(n=len(outcome.changed))
        if outcome is not None:
            flash("queue", "success", done)
            for claim_id, why in outcome.refused:
                flash("queue", "warning", _("Claim #{id} was not changed: {why}").format(id=claim_id,
                                                                                       why=md_escape(why)))
            for c in claims:
                st.session_state.pop(f"queue_pick_{c.id}", None)
            st.rerun()


def _undo_notice(db) -> None:
    """The notice of the last one-click dismissal, with Undo."""
    from db.claims import get_claim
    from evidence.dismissal import restore_claim

    claim_id, _row = st.session_state.get("queue_just_dismissed") or (None, 0)
    claim = get_claim(db, claim_id) if claim_id else None
    if claim is None or claim.status != Status.DISMISSED:
        return
    notice = st.container(horizontal=True, vertical_alignment="center")
    notice.success(_("Claim #{id} dismissed: not worth checking.").format(id=claim.id))
    if notice.button(_("Undo"), key="queue_undo_dismiss"):
        try:
            restore_claim(db, claim.id, expected_version=claim.version, reviewer=reviewer())
        except WorkbenchError as error:
            show_error(error)
            return
        st.session_state.pop("queue_just_dismissed", None)
        flash("queue", "success", _("Undone: claim #{id} is back in the queue.").format(id=claim.id))
        st.rerun()


st.title(_("Claim queue"))
show_flash("queue")
_db = database()
_reviewed, _total = review_progress(_db)
st.progress(_reviewed / _total if _total else 0.0,
            text=_("{reviewed} of {total} check-worthy claims reviewed (verdict drafted or published)").format(
                reviewed=_reviewed, total=_total))
_saved_filters(_db)
_flt, _sort = _filters(_db)
st.session_state["queue_order"] = (_flt, _sort)  # "Next open claim" on a claim page walks this order
_result, _fuzzy = _page_of_claims(_db, _flt, _sort)

_head, _next = st.columns([4, 1], vertical_alignment="bottom")
if _result.total:
    _matching = ngettext("**{n} claim** matches · showing {first}–{last} of {n}",
                         "**{n} claims** match · showing {first}–{last} of {n}", _result.total).format(
        n=_result.total, first=_result.offset + 1, last=_result.offset + len(_result.claims))
else:
    _matching = _("**0 claims** match")
if _fuzzy:
    _matching = _("{matching} · no claim has these words, showing near matches").format(matching=_matching)
_head.markdown(_matching)
if _flt.search and not _fuzzy and _result.total:
    _read = read_query(_flt.search)
    if _result.with_marks is not None and _result.with_marks < _result.total:
        _head.caption(_("First the {exact} written with your diacritics, then {folded} with the same letters"
                        " written without them or with other marks.").format(
            exact=_result.with_marks, folded=_result.total - _result.with_marks))
    _head.caption(_("Whole words only; type * after a word to find the words it begins (e.g. {example}).").format(
        example="Luga*") if not _read.prefixes else _("Whole words; {words} also as the beginning of a word.").format(
        words=", ".join(f"“{w}”" for w in _read.prefixes)))
if _result.claims:
    _first_open = next((c for c in _result.claims if c.status in NOT_YET_DRAFTED), None)
    if _first_open is not None and _next.button(_("Review next open claim"), key="queue_next", type="primary",
                                                width="stretch"):
        open_claim(_first_open.id)
else:
    st.info(_("No claims match these filters."))

_bulk_actions(_db, _result.claims)

_notice_row = (st.session_state.get("queue_just_dismissed") or (None, None))[1]
if _notice_row is not None and _notice_row >= len(_result.claims):
    _undo_notice(_db)
for _row, _claim in enumerate(_result.claims):
    if _row == _notice_row:
        _undo_notice(_db)  # where the dismissed claim was, beside its neighbours
    st.session_state["queue_row"] = _row
    with st.container(border=True):
        pick_col, score_col, text_col, action_col = st.columns([0.3, 0.8, 7, 1.2], vertical_alignment="center")
        pick_col.checkbox(_("Select claim #{id}").format(id=_claim.id), key=f"queue_pick_{_claim.id}",
                          label_visibility="collapsed")
        score_col.metric(_("Score"), format_decimal(_claim.score, places=2), label_visibility="collapsed")
        details = [f"#{_claim.id}", _claim.status.label]
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
        if _claim.status in (*NOT_YET_DRAFTED, Status.DISMISSED):
            _dismiss_or_restore(_db, _claim, action_col)

_pages = max(1, -(-_result.total // PER_PAGE))
if _pages > 1:
    st.pagination(_pages, default=_result.offset // PER_PAGE + 1, key=_page_key(_flt, _sort))
