"""Claim page: the claim in context, why it was flagged, the review (status, assignee, verdict), evidence, history."""
from __future__ import annotations

import datetime as dt
import html
import json

import streamlit as st

from app_pages.components import (
    database,
    flash,
    md_escape,
    md_link,
    open_article,
    open_claim,
    review_progress,
    reviewer,
    show_flash,
    status_label,
)
from app_pages.web_evidence import forget_source_draft, kept_copy, link_flag, source_draft, source_fetch_panel
from claims.language import language_name
from translations import _

NO_RATING = "— no verdict yet —"
STANCES = {"supports": "Supports the claim", "refutes": "Refutes the claim", "context": "Gives context"}


def _chosen_claim_id() -> int | None:
    wanted = st.query_params.get("id") or st.session_state.get("claim_current_id")
    try:
        return int(wanted) if wanted is not None else None
    except (TypeError, ValueError):
        return None


def _claim_picker() -> None:
    st.info("Choose a claim in the Claim queue or the Article view, or open one by its number.")
    with st.form("claim_open_form"):
        number = st.number_input("Claim number", min_value=1, step=1, value=None, key="claim_open_number")
        if st.form_submit_button("Open claim") and number:
            open_claim(int(number))


def _seen_version(claim) -> int:
    """The version this reviewer loaded; saves are checked against it, never against whatever is newest."""
    versions = st.session_state.setdefault("claim_loaded_versions", {})
    return versions.setdefault(claim.id, claim.version)


def _load_version(claim_id: int, version: int) -> None:
    st.session_state.setdefault("claim_loaded_versions", {})[claim_id] = version


def _context(db, claim) -> None:
    from db.claims import claim_neighbours

    before, after = claim_neighbours(db, claim)
    st.html(f'<div style="line-height:1.7;color:#334155">…{html.escape(before)}'
            f'<mark style="background:#fde68a;padding:1px 3px;border-radius:3px;color:#0f172a">'
            f'{html.escape(claim.text if not claim.edited else claim.original_text)}</mark>'
            f'{html.escape(after)}…</div>')


def _number(value: float) -> str:
    """1700000.0 → 1,700,000; 2.5 → 2.5: the figure as a reader checks it, never in scientific notation."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4f}".rstrip("0").rstrip(".")


def _facts(claim) -> None:
    st.markdown(f"**Check-worthiness** {claim.score:.2f}" + ("" if claim.checkworthy else " (not check-worthy)")
                + (f" · **Types** {', '.join(claim.types)}" if claim.types else ""))
    if claim.reasons:
        st.markdown("**Reasons**\n" + "\n".join(f"- {md_escape(r)}" for r in claim.reasons))
    if claim.speaker and claim.speaker_role:
        st.markdown(_("**Speaker** {speaker}, {role}").format(speaker=md_escape(claim.speaker),
                                                              role=md_escape(claim.speaker_role)))
    elif claim.speaker:
        st.markdown(f"**Speaker** {md_escape(claim.speaker)}")
    if claim.quantities:
        st.markdown("**Figures**\n" + "\n".join(
            f"- “{md_escape(q.text)}” = {_number(q.value)}" + (f"–{_number(q.high)}" if q.high is not None else "")
            + (f" {md_escape(q.unit)}" if q.unit else "")
            + (f" ({q.qualifier.replace('_', ' ')})" if q.qualifier != "exact" else "")
            for q in claim.quantities))
    if claim.dates:
        st.markdown("**Dates**\n" + "\n".join(f"- “{md_escape(d.text)}” = {d.value}" for d in claim.dates))
    if claim.edited:
        st.caption(f"Wording edited by a reviewer. The article said: “{md_escape(claim.original_text)}”")


def _review_form(db, claim, seen: int) -> None:
    from db.ratings import rating_scale
    from evidence.review import NEXT_STATUSES, Status

    scale = rating_scale(db)
    current = Status(claim.status)
    from evidence.permissions import Action, can

    statuses = [current, *NEXT_STATUSES[current]]
    if not can(db, reviewer(), Action.PUBLISH):
        # Reviewers draft; an editor publishes. The library refuses it anyway; the form does not offer it.
        statuses = [s for s in statuses if s is not Status.PUBLISHED or s is current]
        if current is Status.PUBLISHED:
            st.caption("Published verdicts are corrected by an editor.")
    labels = [NO_RATING, *[r.label for r in scale]]
    descriptions = {r.label: r.description for r in scale if r.description}
    key = f"claim_{claim.id}_{seen}"  # a new loaded version gets fresh widgets showing its values
    with st.form(f"{key}_review_form"):
        left, right = st.columns(2)
        status = left.selectbox("Status", statuses, format_func=lambda s: Status(s).label, key=f"{key}_status")
        assignee = right.text_input("Assignee", value=claim.assignee or "", key=f"{key}_assignee",
                                    placeholder="Reviewer responsible for this claim")
        rating = st.selectbox("Verdict rating", labels, key=f"{key}_rating",
                              index=labels.index(claim.rating) if claim.rating in labels else 0,
                              help="; ".join(f"{k}: {v}" for k, v in descriptions.items()) or None)
        verdict = st.text_input("Verdict in one line (optional)", value=claim.verdict or "", key=f"{key}_verdict")
        rationale = st.text_area("Rationale (required with a rating)", value=claim.rationale or "",
                                 key=f"{key}_rationale", height=120,
                                 placeholder="Why the claim earns this rating, citing the sources below.")
        submitted = st.form_submit_button("Save review", type="primary")
    if not submitted:
        return
    saved = _save(db, claim.id, seen, status=status, assignee=assignee,
                  rating=None if rating == NO_RATING else rating, verdict=verdict, rationale=rationale)
    if saved is None:
        return
    reviewed, total = review_progress(db)
    if saved.version == seen:
        flash("claim", "info", "Nothing changed, so nothing was saved.")
    else:
        verdict_part = f", {md_escape(saved.rating)}" if saved.rating else ""
        flash("claim", "success", f"Saved: {Status(saved.status).label}{verdict_part}."
                                  f" {reviewed} of {total} check-worthy claims reviewed.")
    st.rerun()


def _save(db, claim_id: int, seen: int, **changes):
    """Save a reviewer's changes against the version they saw; None (with a message shown) when not saved."""
    from db.claims import ClaimNotFound, VersionConflict
    from evidence.review import ReviewError, save_review

    try:
        saved = save_review(db, claim_id, expected_version=seen, reviewer=reviewer(), **changes)
    except VersionConflict as conflict:
        # Show what the other reviewer did, then load their version: nothing of theirs is overwritten.
        flash("claim", "error", f"{md_escape(str(conflict))} Their version is shown below.")
        _load_version(claim_id, conflict.current.version)
        st.rerun()
    except (ReviewError, ClaimNotFound) as error:
        st.error(f"Not saved: {md_escape(str(error))}")
        return None
    _load_version(claim_id, saved.version)
    return saved


def _wording_form(db, claim, seen: int) -> None:

    with st.expander("Edit the claim's wording"), st.form(f"claim_{claim.id}_{seen}_wording_form"):
        wording = st.text_area("Wording to check and report (the article's own words stay recorded)",
                               value=claim.text, key=f"claim_{claim.id}_{seen}_wording")
        if st.form_submit_button("Save wording") and _save(db, claim.id, seen, text=wording) is not None:
            flash("claim", "success", "Saved the new wording.")
            st.rerun()


def _sources(db, claim) -> None:
    from db.sources import remove_claim_source, sources_for_claim
    from evidence.sources import InvalidSource
    from evidence.web_sources import attach_source_keeping_copy

    sources = sources_for_claim(db, claim.id)
    if not sources:
        st.caption("No sources yet.")
    for number, source in enumerate(sources, 1):
        with st.container(border=True):
            body, action = st.columns([8, 1], vertical_alignment="top")
            title = md_escape(source.title or source.url)
            meta = [STANCES.get(source.stance, source.stance)]
            meta += [md_escape(x) for x in (source.publisher, source.published) if x]
            if source.accessed:
                meta.append(f"accessed {source.accessed}")
            body.markdown(f"**[{number}] {title}**  \n{' · '.join(meta)}  \n{md_link(source.url, source.url)}")
            if source.archive_url:
                body.caption(f"Archived copy: {md_link(source.archive_url, source.archive_url)}")
            if source.excerpt:
                body.markdown(f"> {md_escape(source.excerpt)}")
            with body:
                link_flag(source)
                kept_copy(db, source)
            if action.button("Remove", key=f"claim_remove_source_{source.link_id}", type="tertiary"):
                remove_claim_source(db, source.link_id, reviewer=reviewer())
                flash("claim", "success", f"Removed source [{number}].")
                st.rerun()
    attach = st.expander("Attach a source", expanded=not sources or source_draft(claim.id) is not None)
    with attach:
        source_fetch_panel(db, claim)
    with attach, st.form(f"claim_{claim.id}_source_form", clear_on_submit=False):
        url = st.text_input("URL (http or https)", key="claim_source_url", placeholder="https://…")
        left, right = st.columns(2)
        title = left.text_input("Title", key="claim_source_title")
        publisher = right.text_input("Publisher", key="claim_source_publisher")
        published = left.date_input("Date published", value=None, key="claim_source_published", format="YYYY-MM-DD")
        accessed = right.date_input("Date accessed", value=dt.date.today(), key="claim_source_accessed",
                                    format="YYYY-MM-DD")
        archive = st.text_input("Archived copy URL (optional)", key="claim_source_archive",
                                placeholder="https://web.archive.org/…")
        excerpt = st.text_area("Quoted excerpt", key="claim_source_excerpt", height=80)
        stance = st.radio("Stance", list(STANCES), format_func=STANCES.get, horizontal=True,
                          key="claim_source_stance")
        keep = st.checkbox("Keep a copy of the page", value=True, key="claim_source_keep",
                           help="The page is fetched when you attach the source (unless you fetched it above)")
        if st.form_submit_button("Attach source"):
            try:
                with st.spinner("Attaching the source…"):
                    attached = attach_source_keeping_copy(
                        db, claim.id, url=url, keep_copy=keep, stance=stance, reviewer=reviewer(), title=title,
                        publisher=publisher, published=published, accessed=accessed, archive_url=archive,
                        excerpt=excerpt, page=draft.page if (draft := source_draft(claim.id)) is not None
                        and draft.matches(url) else None)
            except InvalidSource as error:
                st.error(f"Source not attached: {md_escape(str(error))}.")
            else:
                for field in ("url", "title", "publisher", "archive", "excerpt", "published"):
                    st.session_state.pop(f"claim_source_{field}", None)
                forget_source_draft()
                if attached.no_copy_reason:
                    flash("claim", "warning", "Source attached. No copy of the page was kept:"
                                              f" {md_escape(attached.no_copy_reason)}")
                else:
                    flash("claim", "success", "Source attached" + (" with a kept copy of the page."
                                                                   if attached.kept_copy else "."))
                st.rerun()


def _describe(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {'—' if v is None else v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)}"
                         for k, v in value.items())
    return str(value)


def _history(db, claim) -> None:
    from db.history import history_for_claim

    entries = history_for_claim(db, claim.id)
    if not entries:
        st.caption("No changes recorded yet.")
        return
    rows = [{"When": e.at[:19].replace("T", " "), "Who": e.reviewer or "", "What": e.action.replace("_", " "),
             "Fields": e.field or "", "Before": _describe(e.before), "After": _describe(e.after)}
            for e in reversed(entries)]
    st.dataframe(rows, hide_index=True, width="stretch")


def _similar(db, claim, seen: int) -> None:
    """Similar claims and past fact-checks: the stored suggestions, each confirmed or rejected here."""
    from db.matching import suggestions_for

    suggestions = suggestions_for(db, claim.id)
    st.subheader("Similar claims", anchor=False)
    if not suggestions:
        st.caption("No similar claims or past fact-checks found.")
    _suggestion_cards(db, claim, seen, suggestions)
    _search_by_meaning(db, claim)


def _suggestion_cards(db, claim, seen: int, suggestions) -> None:
    """One card per suggestion: what it is, how close, who checked it, and the buttons to decide on it."""
    from db.claims import VersionConflict
    from db.duplicates import decide_match
    from evidence.review import ReviewError, adopt_verdict

    for s in suggestions:
        with st.container(border=True):
            where = f"claim #{s.other_claim_id}" if s.other_kind == "claim" else "past fact-check"
            meta = [where, f"similarity {s.score:.0f}", s.relation.replace("_", " ")]
            if s.language:
                meta.append(f"in {language_name(s.language)}")
            if s.rating:
                by = f" by {md_escape(s.checked_by)}" if s.checked_by and s.checked_by != where else ""
                meta.append(f"already checked{by}: **{md_escape(s.rating)}**")
            if s.decision in ("confirmed", "rejected"):
                meta.append("confirmed as the same claim" if s.decision == "confirmed" else "marked as different")
            st.markdown(md_escape(s.text))
            st.caption(" · ".join(meta))
            if s.url:
                st.caption(md_escape(s.url))
            buttons = st.container(horizontal=True)
            if s.decision != "confirmed" and buttons.button("Same claim", key=f"claim_match_yes_{s.match_id}"):
                decide_match(db, s.match_id, decision="confirmed", reviewer=reviewer())
                flash("claim", "success", f"Linked to {where} as the same claim.")
                st.rerun()
            if s.decision != "rejected" and buttons.button("Not the same", key=f"claim_match_no_{s.match_id}"):
                decide_match(db, s.match_id, decision="rejected", reviewer=reviewer())
                flash("claim", "info", f"Marked {where} as a different claim; it will not be suggested again.")
                st.rerun()
            can_adopt = s.other_claim_id is not None and s.rating and s.decision == "confirmed" and not claim.rating
            if can_adopt and buttons.button("Adopt its verdict", key=f"claim_adopt_{s.match_id}"):
                try:
                    saved = adopt_verdict(db, claim.id, s.other_claim_id, expected_version=seen, reviewer=reviewer())
                except (VersionConflict, ReviewError) as error:
                    st.error(md_escape(str(error)))
                else:
                    _load_version(claim.id, saved.version)
                    flash("claim", "success",
                          f"Adopted the verdict {md_escape(saved.rating)} from claim #{s.other_claim_id}.")
                    st.rerun()


def _search_by_meaning(db, claim) -> None:
    """A reviewer's search for claims and past fact-checks worded differently; what it finds joins the suggestions."""
    from claims.matching.multilingual import is_available
    from db.matching import suggest_matches
    from db.meaning import latest_job

    if not is_available():
        st.caption("Search by meaning needs the multilingual sentence model (`make run` installs it).")
        return
    job = latest_job(db)
    if job is not None and job.running:
        st.caption(f"Vectors by meaning: {job.done:,} of {job.total:,} stored texts done; the others are found by "
                   "their words until they are reached.")
    if st.button("Search by meaning", key="claim_search_meaning",
                 help="Also finds past fact-checks and claims that say the same in other words, in Vietnamese or "
                      "English (the desk's setting decides whether other languages are shown)."):
        with st.spinner("Comparing meanings…"):
            added = suggest_matches(db, [claim.id], by_meaning=True)
        if added:
            flash("claim", "success", f"Search by meaning: {added} more similar {_plural(added, 'text')} below.")
        else:
            flash("claim", "info", "Search by meaning found nothing new.")
        st.rerun()


def _dismissal(db, claim, seen: int, where) -> None:
    """One click to dismiss a claim as not worth checking, one to restore it; both are in the history."""
    from db.claims import VersionConflict
    from evidence.dismissal import DISMISSABLE, dismiss_claim, restore_claim
    from evidence.review import ReviewError

    if claim.status in DISMISSABLE:
        action, label, icon = dismiss_claim, "Dismiss: not worth checking", "🚫"
    elif claim.status == "dismissed":
        action, label, icon = restore_claim, "Restore", "↩️"
    else:
        return
    if where.button(label, key="claim_dismiss" if action is dismiss_claim else "claim_restore", icon=icon):
        try:
            saved = action(db, claim.id, expected_version=seen, reviewer=reviewer())
        except (VersionConflict, ReviewError) as error:
            st.error(md_escape(str(error)))
            return
        _load_version(claim.id, saved.version)
        flash("claim", "success", "Dismissed: not worth checking." if saved.status == "dismissed"
              else f"Restored: {md_escape(status_label(saved.status))}.")
        st.rerun()


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def _next_open_claim(db, after_id: int) -> int | None:
    from db.claims import ClaimFilter, claim_queue

    for status in ("new", "in_review"):
        page = claim_queue(db, ClaimFilter(status=status), limit=2)
        for candidate in page.claims:
            if candidate.id != after_id:
                return candidate.id
    return None


def _page() -> None:
    from db.articles import get_article
    from db.claims import get_claim

    st.title("Claim")
    show_flash("claim")
    db = database()
    claim_id = _chosen_claim_id()
    claim = get_claim(db, claim_id) if claim_id is not None else None
    if claim is None:
        if claim_id is not None:
            st.warning(f"There is no claim #{claim_id}.")
        _claim_picker()
        return
    st.session_state["claim_current_id"] = claim.id
    if st.query_params.get("id") != str(claim.id):
        st.query_params["id"] = str(claim.id)
    seen = _seen_version(claim)
    article = get_article(db, claim.article_id)

    st.markdown(f"### “{md_escape(claim.text)}”")
    badges = st.container(horizontal=True, vertical_alignment="center")
    badges.badge(status_label(claim.status), color="blue")
    if claim.rating:
        badges.badge(f"Verdict: {md_escape(claim.rating)}", color="green")
    if claim.assignee:
        badges.badge(f"Assigned to {md_escape(claim.assignee)}", color="gray")
    badges.caption(f"Claim #{claim.id} · version {claim.version}"
                   + (f" · last changed by {md_escape(claim.updated_by)}" if claim.updated_by else ""))
    title = md_escape(article.title[:60]) if article else ""
    if badges.button(f"Article #{claim.article_id}: {title}", type="tertiary", key="claim_open_article",
                     icon="📄"):
        open_article(claim.article_id)
    _dismissal(db, claim, seen, badges)
    if claim.version != seen:
        st.warning(f"{md_escape(claim.updated_by) or 'Someone'} changed this claim after you opened it"
                   f" (version {seen} → {claim.version}). Saving now will be refused; load their version first.")
        if st.button("Load their version", key="claim_reload"):
            _load_version(claim.id, claim.version)
            st.rerun()

    main, side = st.columns([3, 2], gap="large")
    with main:
        st.subheader("In context", anchor=False)
        _context(db, claim)
        st.subheader("Review", anchor=False)
        if claim.status == "merged":
            st.info("This claim was merged or split into other claims; review those instead.")
        elif claim.status == "dismissed":
            st.info("Dismissed as not worth checking: it is out of the review queue, and the desk's check-worthiness"
                    " model learns from it. Restore it to review it.")
        else:
            _review_form(db, claim, seen)
            _wording_form(db, claim, seen)
        next_id = _next_open_claim(db, claim.id)
        if next_id is not None and st.button("Next open claim →", key="claim_next"):
            open_claim(next_id)
        st.subheader("Evidence", anchor=False)
        _sources(db, claim)
    with side:
        st.subheader("Why it was flagged", anchor=False)
        _facts(claim)
        _similar(db, claim, seen)
    st.subheader("History", anchor=False)
    _history(db, claim)


_page()
