"""Article view: the text with its claims highlighted in place; add a missed claim, edit, split or merge claims."""
from __future__ import annotations

import streamlit as st

from app_pages.components import (
    database,
    find_passage,
    flash,
    highlighted_article_html,
    legend_html,
    md_escape,
    md_link,
    open_claim,
    rating_names,
    review_progress,
    reviewer,
    short,
    show_error,
    show_flash,
)
from claims.errors import WorkbenchError
from translations import _, format_date, format_decimal, ngettext


def _chosen_article_id(db) -> int | None:
    from app_pages.article_picker import article_picker
    from db.articles import count_articles

    if not count_articles(db):
        st.info(_("No articles yet: add one on the Articles page."))
        return None
    linked = st.query_params.get("id")
    wanted = linked or st.session_state.get("article_current_id")
    try:
        wanted_id = int(wanted) if wanted is not None else None
    except ValueError:
        wanted_id = None
    if linked is not None and wanted_id is None:
        st.warning(_("There is no article {ref}: articles are numbered 1, 2, 3…").format(ref=md_escape(str(linked))))
    chosen, exists = article_picker(db, key="article_choice", label=_("Article"), wanted=wanted_id)
    if not exists and chosen is None:
        st.warning(_("Article #{n} does not exist (it may have been removed): choose one above.").format(n=wanted_id))
    if chosen is None:
        return None
    st.session_state["article_current_id"] = chosen
    st.query_params["id"] = str(chosen)
    return chosen


def _edit_claim_panel(db, claim, article_claims) -> None:
    from db.claim_edits import merge_claims, split_claim
    from evidence.review import save_review

    facts = [_("**Claim #{id}**").format(id=claim.id), claim.status.label]
    if claim.rating:
        facts.append(_("verdict **{rating}**").format(
            rating=md_escape(rating_names(db).get(claim.rating, claim.rating))))
    facts.append(_("score {score}").format(score=format_decimal(claim.score, places=2)))
    st.markdown(" · ".join(facts))
    st.markdown(f"> {md_escape(claim.text)}")
    if claim.edited:
        st.caption(_("Original wording in the article: “{text}”").format(text=md_escape(claim.original_text)))
    if st.button(_("Review this claim"), key=f"article_review_{claim.id}", type="primary"):
        from db.claims import ClaimFilter

        # "Next open claim" then walks this article's open claims in their order in the text.
        st.session_state["queue_order"] = (ClaimFilter(article_id=claim.article_id, checkworthy=None), "article")
        open_claim(claim.id)

    tab_edit, tab_split, tab_merge = st.tabs([_("Edit wording"), _("Split in two"), _("Merge with others")])
    with tab_edit, st.form(f"article_edit_form_{claim.id}_{claim.version}"):
        wording = st.text_area(_("Wording checked and reported (the article's own words stay recorded)"),
                               value=claim.text, key=f"article_wording_{claim.id}_{claim.version}")
        if st.form_submit_button(_("Save wording")):
            try:
                save_review(db, claim.id, expected_version=claim.version, reviewer=reviewer(), text=wording)
            except WorkbenchError as error:
                show_error(error)
            else:
                flash("article", "success", _("Saved the wording of claim #{id}.").format(id=claim.id))
                st.rerun()
    with tab_split, st.form(f"article_split_form_{claim.id}_{claim.version}"):
        st.caption(_("Type or paste the words where the second claim starts."))
        second_start = st.text_input(_("Second claim starts at"), key=f"article_split_at_{claim.id}")
        if st.form_submit_button(_("Split claim")):
            span = find_passage(db_text(db, claim.article_id), second_start, within=(claim.start + 1, claim.end))
            if span is None:
                st.error(_("Those words are not inside this claim (after its first character); copy them from it."))
            else:
                try:
                    first, second = split_claim(db, claim.id, span[0], expected_version=claim.version,
                                                reviewer=reviewer())
                except WorkbenchError as error:
                    show_error(error)
                else:
                    flash("article", "success", _("Split claim #{id} into #{first} and #{second}.").format(
                        id=claim.id, first=first, second=second))
                    _select(first, claim.article_id)
                    st.rerun()
    with tab_merge, st.form(f"article_merge_form_{claim.id}"):
        others = [c for c in article_claims if c.id != claim.id]
        chosen = st.multiselect(_("Merge with"), [c.id for c in others], key=f"article_merge_with_{claim.id}",
                                format_func=lambda i: f"#{i} · {short(next(c.text for c in others if c.id == i), 70)}")
        if st.form_submit_button(_("Merge claims")):
            try:
                new_id = merge_claims(db, [claim.id, *chosen], reviewer=reviewer())
            except WorkbenchError as error:
                show_error(error)
            else:
                flash("article", "success", _("Merged into claim #{id}.").format(id=new_id))
                _select(new_id, claim.article_id)
                st.rerun()


def _select(claim_id: int, article_id: int) -> None:
    """Select a claim on the next run (the picker's own state would otherwise keep the old one)."""
    st.session_state["article_selected_claim"] = claim_id
    st.session_state.pop(f"article_pick_{article_id}", None)


def db_text(db, article_id: int) -> str:
    from db.articles import get_article

    article = get_article(db, article_id)
    return article.text if article else ""


def _add_missed_claim(db, article) -> None:
    from db.claim_edits import add_claim_from_passage

    with st.expander(_("Add a claim the engine missed")), st.form("article_add_claim_form"):
        passage = st.text_area(_("Copy the passage from the article text above"), key="article_missed_passage",
                               height=90)
        if st.form_submit_button(_("Add claim")):
            span = find_passage(article.text, passage)
            if span is None:
                st.error(_("That passage is not in the article; copy it exactly from the text above."))
                return
            try:
                claim_id = add_claim_from_passage(db, article.id, span[0], span[1], reviewer=reviewer())
            except WorkbenchError as error:
                show_error(error)
                return
            flash("article", "success", _("Added claim #{id}.").format(id=claim_id))
            _select(claim_id, article.id)
            st.session_state.pop("article_missed_passage", None)
            st.rerun()


def _kept_copy(db, article_id: int) -> None:
    """The page as fetched, for an article ingested by URL (the same widget as a source's kept copy)."""
    from app_pages.web_evidence import kept_page
    from db.captures import article_capture_id

    kept_page(db, article_capture_id(db, article_id), key=f"article_kept_html_{article_id}")


st.title(_("Article view"))
show_flash("article")
_db = database()
_article_id = _chosen_article_id(_db)
if _article_id is not None:
    from db.articles import get_article
    from db.claims import claims_for_article
    from db.ratings import rating_scale

    _article = get_article(_db, _article_id)
    _claims = claims_for_article(_db, _article_id)
    _reviewed, _total = review_progress(_db, _article_id)
    meta = [ngettext("{n} claim", "{n} claims", len(_claims)).format(n=len(_claims)),
            _("{reviewed} of {total} check-worthy claims reviewed").format(reviewed=_reviewed, total=_total),
            _article.language]
    if _article.published:
        meta.append(_("published {date}").format(date=format_date(_article.published)))
    st.caption(" · ".join(meta))
    if _article.url:
        st.markdown(_("Source: {address}").format(address=md_link(_article.url, _article.url)))
    _kept_copy(_db, _article_id)

    text_col, side_col = st.columns([3, 2], gap="large")
    with side_col:
        _colour_names = {"status": _("Status"), "verdict": _("Verdict")}
        colour_by = st.segmented_control(_("Colour claims by"), ["status", "verdict"], default="status",
                                         key="article_colour_by", required=True, format_func=_colour_names.get)
        _names = rating_names(_db)
        st.html(legend_html(colour_by, [r.label for r in rating_scale(_db)], names=_names))
        show_all = st.toggle(_("Include claims that are not check-worthy"), key="article_show_all", value=True)
        listed = [c for c in _claims if show_all or c.checkworthy]
        selected = None
        if listed:
            ids = [c.id for c in listed]
            by_id = {c.id: c for c in listed}
            wanted = st.session_state.get("article_selected_claim")
            clicked = st.query_params.get("select")  # a claim clicked in the text (its words are links)
            if clicked and clicked.isdigit() and int(clicked) in by_id:
                wanted = int(clicked)
                st.session_state.pop(f"article_pick_{_article_id}", None)
                del st.query_params["select"]
            shown = {i: f"#{i} · {by_id[i].status.label} · {short(by_id[i].text, 80)}" for i in ids}
            selected = st.selectbox(
                _("Select a claim"), ids, index=ids.index(wanted) if wanted in ids else 0,
                key=f"article_pick_{_article_id}", format_func=shown.get)
            st.session_state["article_selected_claim"] = selected
            _edit_claim_panel(_db, by_id[selected], _claims)
        else:
            st.info(_("No claims to show."))
    with text_col:
        st.subheader(md_escape(_article.title), anchor=False)
        st.html(highlighted_article_html(_article.text, [c for c in _claims if show_all or c.checkworthy],
                                         colour_by=colour_by, selected=selected,
                                         link=f"?id={_article_id}&select={{id}}", names=_names))
        _add_missed_claim(_db, _article)
