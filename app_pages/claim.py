"""Claim page: the claim in context, why it was flagged, the review (status, assignee, verdict), evidence, history."""
from __future__ import annotations

import datetime as dt
import html

import streamlit as st

from app_pages.claim_words import claim_type_name, reason_text
from app_pages.components import (
    database,
    date_input_format,
    flash,
    md_escape,
    md_link,
    open_article,
    open_claim,
    rating_help,
    rating_names,
    review_progress,
    reviewer,
    show_error,
    show_flash,
)
from app_pages.web_evidence import forget_source_draft, kept_copy, link_flag, source_draft, source_fetch_panel
from claims.errors import WorkbenchError
from claims.language import language_name
from claims.workflow import FINISHED, WAITING_FOR_EDITOR, MatchDecision, Status
from translations import N_, _, format_date, format_datetime, format_decimal, ngettext

NO_RATING = N_("— no verdict yet —")
STANCES = {"supports": N_("Supports the claim"), "refutes": N_("Refutes the claim"), "context": N_("Gives context")}


def _chosen_claim_id() -> int | None:
    wanted = st.query_params.get("id") or st.session_state.get("claim_current_id")
    try:
        return int(wanted) if wanted is not None else None
    except (TypeError, ValueError):
        return None


def _claim_picker() -> None:
    st.info(_("Choose a claim in the Claim queue or the Article view, or open one by its number."))
    with st.form("claim_open_form"):
        number = st.number_input(_("Claim number"), min_value=1, step=1, value=None, key="claim_open_number")
        if st.form_submit_button(_("Open claim")) and number:
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
    """1700000.0 → 1.700.000 (1,700,000 in English); 2.5 → 2,5: the figure as a reader checks it."""
    return format_decimal(round(value, 4))


QUALIFIERS = {"approx": N_("about"), "more_than": N_("more than"), "at_least": N_("at least"),
              "less_than": N_("less than"), "at_most": N_("at most"), "up_to": N_("up to")}


def _facts(claim) -> None:
    facts = [_("**Check-worthiness** {score}").format(score=format_decimal(claim.score, places=2))]
    if not claim.checkworthy:
        facts[0] = _("**Check-worthiness** {score} (not check-worthy)").format(
            score=format_decimal(claim.score, places=2))
    if claim.types:
        facts.append(_("**Types** {types}").format(types=", ".join(claim_type_name(t) for t in claim.types)))
    st.markdown(" · ".join(facts))
    if claim.reasons:
        st.markdown(_("**Reasons**") + "\n" + "\n".join(f"- {md_escape(reason_text(r))}" for r in claim.reasons))
    if claim.speaker and claim.speaker_role:
        st.markdown(_("**Speaker** {speaker}, {role}").format(speaker=md_escape(claim.speaker),
                                                              role=md_escape(claim.speaker_role)))
    elif claim.speaker:
        st.markdown(_("**Speaker** {speaker}").format(speaker=md_escape(claim.speaker)))
    if claim.quantities:
        lines = []
        for q in claim.quantities:
            line = f"- “{md_escape(q.text)}” = {_number(q.value)}" + (f"–{_number(q.high)}" if q.high is not None
                                                                       else "")
            line += f" {md_escape(q.unit)}" if q.unit else ""
            if q.qualifier != "exact":
                qualifier = _(QUALIFIERS[q.qualifier]) if q.qualifier in QUALIFIERS else q.qualifier
                line += f" ({qualifier})"
            lines.append(line)
        st.markdown(_("**Figures**") + "\n" + "\n".join(lines))
    if claim.dates:
        days = [f"- “{md_escape(d.text)}” = {md_escape(format_date(d.value))}" for d in claim.dates]
        st.markdown(_("**Dates**") + "\n" + "\n".join(days))
    if claim.edited:
        st.caption(_("Wording edited by a reviewer. The article said: “{text}”").format(
            text=md_escape(claim.original_text)))


def _review_form(db, claim, seen: int) -> None:
    from db.ratings import rating_scale
    from evidence.review import NEXT_STATUSES

    scale = rating_scale(db)
    current = Status(claim.status)
    from evidence.permissions import Action, can

    statuses = [current, *NEXT_STATUSES[current]]
    if not can(db, reviewer(), Action.PUBLISH):
        # Reviewers draft; an editor publishes. The library refuses it anyway; the form does not offer it.
        statuses = [s for s in statuses if s is not Status.PUBLISHED or s is current]
        if current is Status.PUBLISHED:
            st.caption(_("Published verdicts are corrected by an editor."))
        else:
            st.caption(_("Publishing is an editor's step (the desk's two-person rule): draft the verdict, then"
                         " hand it over with “Ready for an editor”."))
    labels = [NO_RATING, *[r.label for r in scale]]
    names = rating_names(db)  # verdicts keep the label; the reader sees the desk's name for it in their language
    shown = {NO_RATING: _(NO_RATING), **names}
    shown_statuses = {s: s.label for s in statuses}
    key = f"claim_{claim.id}_{seen}"  # a new loaded version gets fresh widgets showing its values
    with st.form(f"{key}_review_form"):
        left, right = st.columns(2)
        status = left.selectbox(_("Status"), statuses, format_func=lambda s: shown_statuses[s], key=f"{key}_status")
        people = _assignee_choices(db, claim)
        assignee = right.selectbox(_("Assignee"), people, index=people.index(claim.assignee or NOBODY),
                                   key=f"{key}_assignee", format_func=_assignee_label,
                                   help=_("A desk account responsible for this claim"))
        rating = st.selectbox(_("Verdict rating"), labels, key=f"{key}_rating",
                              index=labels.index(claim.rating) if claim.rating in labels else 0,
                              format_func=lambda label: shown.get(label, label), help=rating_help(db))
        verdict = st.text_input(_("Verdict in one line (optional)"), value=claim.verdict or "",
                                key=f"{key}_verdict")
        rationale = st.text_area(_("Rationale (required with a rating)"), value=claim.rationale or "",
                                 key=f"{key}_rationale", height=120,
                                 placeholder=_("Why the claim earns this rating, citing the sources below."))
        submitted = st.form_submit_button(_("Save review"), type="primary")
    if not submitted:
        return
    saved = _save(db, claim.id, seen, status=status, assignee=None if assignee == NOBODY else assignee,
                  rating=None if rating == NO_RATING else rating, verdict=verdict, rationale=rationale)
    if saved is None:
        return
    reviewed, total = review_progress(db)
    if saved.version == seen:
        flash("claim", "info", _("Nothing changed, so nothing was saved."))
    else:
        status_name = saved.status.label
        if saved.rating:
            message = _("Saved: {status}, {rating}. {reviewed} of {total} check-worthy claims reviewed.").format(
                status=status_name, rating=md_escape(names.get(saved.rating, saved.rating)), reviewed=reviewed,
                total=total)
        else:
            message = _("Saved: {status}. {reviewed} of {total} check-worthy claims reviewed.").format(
                status=status_name, reviewed=reviewed, total=total)
        flash("claim", "success", message)
    st.rerun()


NOBODY = ""


def _assignee_choices(db, claim) -> list[str]:
    """Nobody, the desk's active accounts by name, and a name from before accounts if the claim still has one."""
    from db.accounts import active_accounts

    names = [a.name for a in active_accounts(db)]
    if claim.assignee and claim.assignee not in names:
        names.append(claim.assignee)
    return [NOBODY, *names]


def _assignee_label(name: str) -> str:
    return name or _("— nobody —")


def _assign_to_me(db, claim, seen: int, where) -> None:
    me = reviewer()
    if claim.assignee == me or claim.status in FINISHED:
        return
    if where.button(_("Assign to me"), key="claim_assign_me", type="tertiary"):
        if _save(db, claim.id, seen, assignee=me) is not None:
            flash("claim", "success", _("Assigned to you."))
            st.rerun()


def _hand_over(db, claim, seen: int) -> None:
    """The two-person rule as steps: a drafter hands the verdict to an editor; an editor publishes or sends it
    back with a note."""
    from evidence.handover import hand_over, send_back, who_may_publish
    from evidence.permissions import Action, can

    if claim.status not in WAITING_FOR_EDITOR:
        return
    editors = who_may_publish(db, claim)
    with st.container(border=True):
        if claim.status == Status.READY:
            st.markdown(_("**Ready for an editor** · drafted by {name}").format(
                name=md_escape(claim.drafted_by or "?")))
        if editors:
            st.caption(_("Who may publish: {names}. A reviewer cannot publish: the desk's two-person rule has an"
                         " editor other than the drafter check every verdict before readers see it.").format(
                names=md_escape(", ".join(editors))))
        else:
            st.caption(_("No editor other than the drafter can publish this yet: an admin can make another"
                         " editor, or allow drafters to publish in the desk settings."))
        buttons = st.container(horizontal=True)
        if claim.status == Status.DRAFTED and buttons.button(_("Ready for an editor"), key="claim_hand_over",
                                                              type="primary"):
            try:
                saved = hand_over(db, claim.id, expected_version=seen, reviewer=reviewer())
            except WorkbenchError as error:
                show_error(error)
                return
            _load_version(claim.id, saved.version)
            flash("claim", "success", _("Handed to an editor: it waits in their inbox."))
            st.rerun()
        if not can(db, reviewer(), Action.PUBLISH):
            return
        if buttons.button(_("Publish"), key="claim_publish", type="primary" if claim.status == Status.READY
                          else "secondary") and _save(db, claim.id, seen, status=Status.PUBLISHED) is not None:
            flash("claim", "success", _("Published."))
            st.rerun()
        with st.form("claim_send_back_form", clear_on_submit=True):
            note = st.text_area(_("Send back with a note"), key="claim_send_back_note", height=70,
                                placeholder=_("What should change before it is published"))
            if st.form_submit_button(_("Send back")):
                try:
                    saved = send_back(db, claim.id, expected_version=seen, editor=reviewer(), note=note)
                except WorkbenchError as error:
                    show_error(error)
                    return
                _load_version(claim.id, saved.version)
                flash("claim", "success", _("Sent back to review with your note."))
                st.rerun()


def _notes(db, claim) -> None:
    """The claim's thread of notes: who, when, what; @login mentions an account (it shows in their inbox)."""
    from db.notes import add_note, notes_for_claim

    st.subheader(_("Notes"), anchor=False)
    notes = notes_for_claim(db, claim.id)
    if not notes:
        st.caption(_("No notes yet. Notes are for the desk only: they never appear in a published report."))
    for note in notes:
        with st.container(border=True):
            heading = [f"**{md_escape(note.author)}**", format_datetime(note.created_at)]
            if note.mentions:
                heading.append(_("mentions {names}").format(names=md_escape(", ".join(note.mentions))))
            st.caption(" · ".join(heading))
            st.markdown(md_escape(note.text))
    with st.form(f"claim_{claim.id}_note_form", clear_on_submit=True):
        text = st.text_area(_("Add a note"), key=f"claim_{claim.id}_note", height=70,
                            placeholder=_("Mention a colleague with @login"))
        if st.form_submit_button(_("Add note")):
            try:
                add_note(db, claim.id, author=reviewer(), text=text)
            except WorkbenchError as error:
                show_error(error)
            else:
                flash("claim", "success", _("Note added."))
                st.rerun()


def _save(db, claim_id: int, seen: int, **changes):
    """Save a reviewer's changes against the version they saw; None (with a message shown) when not saved."""
    from db.claims import VersionConflict
    from evidence.review import save_review

    try:
        saved = save_review(db, claim_id, expected_version=seen, reviewer=reviewer(), **changes)
    except VersionConflict as conflict:
        # Show what the other reviewer did, then load their version: nothing of theirs is overwritten.
        flash("claim", "error", _("{conflict} Their version is shown below.").format(
            conflict=md_escape(str(conflict))))
        _load_version(claim_id, conflict.current.version)
        st.rerun()
    except WorkbenchError as error:
        show_error(error, _("Not saved: {reason}"))
        return None
    _load_version(claim_id, saved.version)
    return saved


def _wording_form(db, claim, seen: int) -> None:

    with st.expander(_("Edit the claim's wording")), st.form(f"claim_{claim.id}_{seen}_wording_form"):
        wording = st.text_area(_("Wording to check and report (the article's own words stay recorded)"),
                               value=claim.text, key=f"claim_{claim.id}_{seen}_wording")
        if st.form_submit_button(_("Save wording")) and _save(db, claim.id, seen, text=wording) is not None:
            flash("claim", "success", _("Saved the new wording."))
            st.rerun()


def _sources(db, claim) -> None:
    from db.sources import remove_claim_source, sources_for_claim
    from evidence.web_sources import attach_source_keeping_copy

    sources = sources_for_claim(db, claim.id)
    if not sources:
        st.caption(_("No sources yet."))
    for number, source in enumerate(sources, 1):
        with st.container(border=True):
            body, action = st.columns([8, 1], vertical_alignment="top")
            title = md_escape(source.title or source.url)
            meta = [_(STANCES[source.stance]) if source.stance in STANCES else source.stance]
            meta += [md_escape(x) for x in (source.publisher, format_date(source.published)) if x]
            if source.accessed:
                meta.append(_("accessed {date}").format(date=format_date(source.accessed)))
            body.markdown(f"**[{number}] {title}**  \n{' · '.join(meta)}  \n{md_link(source.url, source.url)}")
            if source.archive_url:
                body.caption(_("Archived copy: {address}").format(address=md_link(source.archive_url,
                                                                                   source.archive_url)))
            if source.excerpt:
                body.markdown(f"> {md_escape(source.excerpt)}")
            with body:
                link_flag(source)
                kept_copy(db, source)
            if action.button(_("Remove"), key=f"claim_remove_source_{source.link_id}", type="tertiary"):
                remove_claim_source(db, source.link_id, reviewer=reviewer())
                flash("claim", "success", _("Removed source [{number}].").format(number=number))
                st.rerun()
    attach = st.expander(_("Attach a source"), expanded=not sources or source_draft(claim.id) is not None)
    with attach:
        source_fetch_panel(db, claim)
    with attach, st.form(f"claim_{claim.id}_source_form", clear_on_submit=False):
        url = st.text_input(_("URL (http or https)"), key="claim_source_url", placeholder="https://…")
        left, right = st.columns(2)
        title = left.text_input(_("Title"), key="claim_source_title")
        publisher = right.text_input(_("Publisher"), key="claim_source_publisher")
        published = left.date_input(_("Date published"), value=None, key="claim_source_published",
                                    format=date_input_format())
        accessed = right.date_input(_("Date accessed"), value=dt.date.today(), key="claim_source_accessed",
                                    format=date_input_format())
        archive = st.text_input(_("Archived copy URL (optional)"), key="claim_source_archive",
                                placeholder="https://web.archive.org/…")
        excerpt = st.text_area(_("Quoted excerpt"), key="claim_source_excerpt", height=80)
        stances = {key: _(label) for key, label in STANCES.items()}
        stance = st.radio(_("Stance"), list(STANCES), format_func=stances.get, horizontal=True,
                          key="claim_source_stance")
        keep = st.checkbox(_("Keep a copy of the page"), value=True, key="claim_source_keep",
                           help=_("The page is fetched when you attach the source (unless you fetched it above)"))
        if st.form_submit_button(_("Attach source")):
            try:
                with st.spinner(_("Attaching the source…")):
                    attached = attach_source_keeping_copy(
                        db, claim.id, url=url, keep_copy=keep, stance=stance, reviewer=reviewer(), title=title,
                        publisher=publisher, published=published, accessed=accessed, archive_url=archive,
                        excerpt=excerpt, page=draft.page if (draft := source_draft(claim.id)) is not None
                        and draft.matches(url) else None)
            except WorkbenchError as error:
                show_error(error, _("Source not attached: {reason}."))
            else:
                for field in ("url", "title", "publisher", "archive", "excerpt", "published"):
                    st.session_state.pop(f"claim_source_{field}", None)
                forget_source_draft()
                if attached.no_copy_reason:
                    flash("claim", "warning", _("Source attached. No copy of the page was kept: {reason}").format(
                        reason=md_escape(attached.no_copy_reason)))
                elif attached.kept_copy:
                    flash("claim", "success", _("Source attached with a kept copy of the page."))
                else:
                    flash("claim", "success", _("Source attached."))
                st.rerun()


def _history(db, claim) -> None:
    from db.change_words import action_words, change_words, field_label
    from db.history import history_for_claim

    entries = history_for_claim(db, claim.id)
    if not entries:
        st.caption(_("No changes recorded yet."))
        return
    rows = []
    for e in reversed(entries):
        changes = change_words(e.before, e.after)
        if not changes and e.after is not None and not isinstance(e.after, dict):
            changes = [(field_label(e.field or ""), "—", str(e.after))]
        rows.append({_("When"): format_datetime(e.at), _("Who"): e.reviewer or "—",
                     _("What"): action_words(e.action),
                     _("Fields"): ", ".join(label for label, _b, _a in changes) or "—",
                     _("Before"): "; ".join(f"{label}: {before}" for label, before, _a in changes) or "—",
                     _("After"): "; ".join(f"{label}: {after}" for label, _b, after in changes) or "—"})
    st.dataframe(rows, hide_index=True, width="stretch")


def _similar(db, claim, seen: int) -> None:
    """Similar claims and past fact-checks: the stored suggestions, each confirmed or rejected here."""
    from db.matching import article_neighbours, suggestions_for

    suggestions = suggestions_for(db, claim.id)
    st.subheader(_("Similar claims"), anchor=False)
    if not suggestions:
        st.caption(_("No similar claims or past fact-checks found in other articles."))
    _suggestion_cards(db, claim, seen, suggestions)
    _reject_all(db, claim, suggestions)
    neighbours = article_neighbours(db, claim.id)
    if neighbours:
        with st.expander(ngettext("Elsewhere in this article: 1 sentence with the same figure",
                                  "Elsewhere in this article: {n} sentences with the same figures",
                                  len(neighbours)).format(n=len(neighbours)), expanded=False):
            st.caption(_("The same article develops its figures; these are never suggested as the same claim."))
            for other_id, text, _pairs in neighbours:
                st.markdown(f"#{other_id} · {md_escape(text)}")
    _search_by_meaning(db, claim)


def _origin(s) -> str:
    """Where the other side comes from and when: its article (or archive) and date."""
    if s.other_kind == "claim":
        title = md_escape(s.article_title[:60]) if s.article_title else ""
        return _("claim #{id} · article #{article} “{title}” · {date}").format(
            id=s.other_claim_id, article=s.article_id, title=title, date=s.published or _("date unknown"))
    return _("past fact-check · {archive} · {date}").format(
        archive=md_escape(s.checked_by or _("archive")), date=s.published or _("date unknown"))


def _verdict_words(s, names: dict[str, str]) -> str | None:
    """"already checked" only for a published verdict (or a past fact-check); a drafted one is a draft. A claim's
    rating is named in the reader's language (`names`); a past fact-check's is its archive's own words."""
    if not s.rating:
        return None
    rating = md_escape(names.get(s.rating, s.rating) if s.other_kind == "claim" else s.rating)
    if s.other_kind == "claim" and s.status != Status.PUBLISHED:
        return _("draft verdict: **{rating}** (not published)").format(rating=rating)
    return _("already checked: **{rating}**").format(rating=rating)


def _figures_side_by_side(s) -> None:
    if not s.figures:
        return
    rows = [{_("This claim"): p.mine.text if p.mine else "—", _("The other"): p.theirs.text if p.theirs else "—",
             "": "=" if p.same else "≠"} for p in s.figures]
    st.dataframe(rows, hide_index=True, width="stretch")


def _suggestion_cards(db, claim, seen: int, suggestions) -> None:
    """One card per suggestion: where it comes from, why it was paired, what the reviewer decided and the buttons."""
    names = rating_names(db)
    for s in suggestions:
        with st.container(border=True, key=f"similar_card_{s.match_id}"):
            st.markdown(md_escape(s.text))
            st.caption(_origin(s) + (f" · {language_name(s.language)}" if s.language else ""))
            if s.why:
                st.markdown(_("**Why:** {why}").format(why=md_escape(s.why)))
            _figures_side_by_side(s)
            measured = _("engine: {relation}, similarity {score}").format(
                relation=s.relation.label, score=f"{s.score:.0f}")
            if s.decision is MatchDecision.CONFIRMED:
                decided = _("You linked it as the same claim") if s.decided_by == reviewer() else \
                    _("Linked as the same claim by {who}").format(who=md_escape(s.decided_by or _("a reviewer")))
                if s.decision_note:
                    decided += " " + _("despite: {difference}").format(difference=md_escape(s.decision_note))
                st.caption(_("Decision: {decided} · {measured}").format(decided=decided, measured=measured))
            else:
                st.caption(measured)
            verdict = _verdict_words(s, names)
            if verdict:
                st.caption(verdict)
            if s.url:
                st.caption(md_escape(s.url))
            _card_buttons(db, claim, seen, s)


def _card_buttons(db, claim, seen: int, s) -> None:
    from db.duplicates import DifferenceNotConfirmed, decide_match
    from evidence.review import adopt_verdict

    where = _("claim #{id}").format(id=s.other_claim_id) if s.other_kind == "claim" else _("the past fact-check")
    pending = st.session_state.get("claim_link_pending")
    if pending and pending[0] == s.match_id:
        st.warning(_("These claims differ: {difference}. Link them as the same claim anyway? The difference is kept"
                     " in the history.").format(difference=md_escape(pending[1])))
        confirm = st.container(horizontal=True)
        if confirm.button(_("Link anyway"), key=f"claim_match_anyway_{s.match_id}", type="primary"):
            st.session_state.pop("claim_link_pending", None)
            try:
                decide_match(db, s.match_id, decision=MatchDecision.CONFIRMED, reviewer=reviewer(),
                             confirmed_difference=pending[1])
            except DifferenceNotConfirmed as changed:  # the claims changed while the question was shown
                st.session_state["claim_link_pending"] = (s.match_id, changed.difference)
                st.rerun()
            flash("claim", "success", _("Linked to {where} as the same claim, despite: {difference}.").format(
                where=where, difference=md_escape(pending[1])))
            st.rerun()
        if confirm.button(_("Cancel"), key=f"claim_match_cancel_{s.match_id}"):
            st.session_state.pop("claim_link_pending", None)
            st.rerun()
        return
    buttons = st.container(horizontal=True)
    if s.decision is not MatchDecision.CONFIRMED and buttons.button(MatchDecision.CONFIRMED.label,
                                                                    key=f"claim_match_yes_{s.match_id}"):
        try:
            decide_match(db, s.match_id, decision=MatchDecision.CONFIRMED, reviewer=reviewer())
        except DifferenceNotConfirmed as differ:
            st.session_state["claim_link_pending"] = (s.match_id, differ.difference)
            st.rerun()
        flash("claim", "success", _("Linked to {where} as the same claim.").format(where=where))
        st.rerun()
    if s.decision is not MatchDecision.REJECTED and buttons.button(MatchDecision.REJECTED.label,
                                                                   key=f"claim_match_no_{s.match_id}"):
        decide_match(db, s.match_id, decision=MatchDecision.REJECTED, reviewer=reviewer())
        flash("claim", "info", _("Marked {where} as a different claim; it will not be suggested again.").format(
            where=where))
        st.rerun()
    can_adopt = (s.other_claim_id is not None and s.rating and s.status == Status.PUBLISHED
                 and s.decision is MatchDecision.CONFIRMED
                 and not claim.rating)
    if can_adopt and buttons.button(_("Adopt its verdict"), key=f"claim_adopt_{s.match_id}"):
        try:
            adopted = adopt_verdict(db, claim.id, s.other_claim_id, expected_version=seen, reviewer=reviewer())
        except WorkbenchError as error:
            show_error(error)
        else:
            _load_version(claim.id, adopted.claim.version)
            flash("claim", "success", ngettext(
                "Adopted the verdict {rating} from claim #{id}, with its 1 source.",
                "Adopted the verdict {rating} from claim #{id}, with its {n} sources.", adopted.sources).format(
                rating=md_escape(rating_names(db).get(adopted.claim.rating, adopted.claim.rating)),
                id=s.other_claim_id, n=adopted.sources))
            st.rerun()


def _reject_all(db, claim, suggestions) -> None:
    """One "Not the same for all" for the suggestions still waiting, after a confirmation."""
    from db.duplicates import reject_all_suggestions

    waiting = [s for s in suggestions if s.decision is MatchDecision.SUGGESTED]
    if len(waiting) < 2:
        return
    if not st.session_state.get("claim_reject_all_pending"):
        if st.button(_("Not the same for all"), key="claim_reject_all"):
            st.session_state["claim_reject_all_pending"] = True
            st.rerun()
        return
    st.warning(ngettext("Mark the 1 waiting suggestion as a different claim?",
                        "Mark all {n} waiting suggestions as different claims? None will be suggested again.",
                        len(waiting)).format(n=len(waiting)))
    confirm = st.container(horizontal=True)
    if confirm.button(_("Yes, none is the same claim"), key="claim_reject_all_yes", type="primary"):
        st.session_state.pop("claim_reject_all_pending", None)
        n = reject_all_suggestions(db, claim.id, reviewer=reviewer())
        flash("claim", "info", ngettext("Marked 1 suggestion as a different claim.",
                                        "Marked {n} suggestions as different claims.", n).format(n=n))
        st.rerun()
    if confirm.button(_("Cancel"), key="claim_reject_all_no"):
        st.session_state.pop("claim_reject_all_pending", None)
        st.rerun()


def _search_by_meaning(db, claim) -> None:
    """A reviewer's search for claims and past fact-checks worded differently; what it finds joins the suggestions."""
    from claims.matching.multilingual import is_available
    from db.meaning import latest_job
    from pipelines.matching import suggest_matches

    if not is_available():
        st.caption(_("Search by meaning needs the multilingual sentence model (`make run` installs it)."))
        return
    job = latest_job(db)
    if job is not None and job.running:
        st.caption(_("Vectors by meaning: {done} of {total} stored texts done; the others are found by their words"
                     " until they are reached.").format(done=format_decimal(job.done), total=format_decimal(job.total)))
    if st.button(_("Search by meaning"), key="claim_search_meaning",
                 help=_("Also finds past fact-checks and claims that say the same in other words, in Vietnamese or "
                        "English (the desk's setting decides whether other languages are shown).")):
        with st.spinner(_("Comparing meanings…")):
            added = suggest_matches(db, [claim.id], by_meaning=True)
        if added:
            found = ngettext("Search by meaning: {n} more similar text below.",
                             "Search by meaning: {n} more similar texts below.", added)
            flash("claim", "success", found.format(n=added))
        else:
            flash("claim", "info", _("Search by meaning found nothing new."))
        st.rerun()


def _dismissal(db, claim, seen: int, where) -> None:
    """One click to dismiss a claim as not worth checking, one to restore it; both are in the history."""
    from evidence.dismissal import DISMISSABLE, dismiss_claim, restore_claim

    if claim.status in DISMISSABLE:
        action, label, icon = dismiss_claim, _("Dismiss: not worth checking"), "🚫"
    elif claim.status == Status.DISMISSED:
        action, label, icon = restore_claim, _("Restore"), "↩️"
    else:
        return
    if where.button(label, key="claim_dismiss" if action is dismiss_claim else "claim_restore", icon=icon):
        try:
            saved = action(db, claim.id, expected_version=seen, reviewer=reviewer())
        except WorkbenchError as error:
            show_error(error)
            return
        _load_version(claim.id, saved.version)
        if saved.status == Status.DISMISSED:
            st.session_state["claim_just_dismissed"] = claim.id  # its notice, with Undo, shows beside the claim
        else:
            flash("claim", "success", _("Restored: {status}.").format(status=md_escape(saved.status.label)))
        st.rerun()


def _next_open_claim(db, claim) -> None:
    """Walk the open claims in the queue's order (its filters and sort as last set, or the article's order when
    the claim was opened from the Article view), each once; say so when none are left."""
    from db.claims import ClaimFilter, next_open_claim

    flt, sort = st.session_state.get("queue_order") or (ClaimFilter(), "score")
    walk = st.session_state.setdefault("claim_walk", {"order": repr((flt, sort)), "visited": []})
    if walk["order"] != repr((flt, sort)):
        walk.update(order=repr((flt, sort)), visited=[])
    if claim.id not in walk["visited"]:
        walk["visited"].append(claim.id)
    next_id = next_open_claim(db, flt, sort=sort, skip=walk["visited"])
    if next_id is None:
        st.caption(_("No open claims left in this order: you have been through all of them."))
        if walk["visited"] and st.button(_("Start the walk again"), key="claim_walk_again", type="tertiary"):
            walk["visited"] = []
            st.rerun()
        return
    if st.button(_("Next open claim →"), key="claim_next"):
        open_claim(next_id)


def _undo_dismissal(db, claim, where) -> None:
    """The notice of a dismissal, beside the claim, with Undo (restores the status it had)."""
    from evidence.dismissal import restore_claim

    if st.session_state.get("claim_just_dismissed") != claim.id or claim.status != Status.DISMISSED:
        return
    notice = where.container(horizontal=True, vertical_alignment="center")
    notice.success(_("Dismissed: not worth checking."))
    if notice.button(_("Undo"), key="claim_undo_dismiss"):
        try:
            saved = restore_claim(db, claim.id, expected_version=claim.version, reviewer=reviewer())
        except WorkbenchError as error:
            show_error(error)
            return
        st.session_state.pop("claim_just_dismissed", None)
        _load_version(claim.id, saved.version)
        flash("claim", "success", _("Undone: the claim is back, {status}.").format(
            status=md_escape(saved.status.label)))
        st.rerun()


def _page() -> None:
    from db.articles import get_article
    from db.claims import get_claim

    st.title(_("Claim"))
    show_flash("claim")
    db = database()
    claim_id = _chosen_claim_id()
    claim = get_claim(db, claim_id) if claim_id is not None else None
    if claim is None:
        if claim_id is not None:
            st.warning(_("There is no claim #{id}.").format(id=claim_id))
        _claim_picker()
        return
    st.session_state["claim_current_id"] = claim.id
    if st.query_params.get("id") != str(claim.id):
        st.query_params["id"] = str(claim.id)
    seen = _seen_version(claim)
    article = get_article(db, claim.article_id)

    st.markdown(f"### “{md_escape(claim.text)}”")
    badges = st.container(horizontal=True, vertical_alignment="center")
    badges.badge(claim.status.label, color="blue")
    if claim.rating:
        badges.badge(_("Verdict: {rating}").format(rating=md_escape(rating_names(db).get(claim.rating,
                                                                                          claim.rating))),
                     color="green")
    if claim.assignee:
        badges.badge(_("Assigned to {name}").format(name=md_escape(claim.assignee)), color="gray")
    if claim.updated_by:
        badges.caption(_("Claim #{id} · version {version} · last changed by {who}").format(
            id=claim.id, version=claim.version, who=md_escape(claim.updated_by)))
    else:
        badges.caption(_("Claim #{id} · version {version}").format(id=claim.id, version=claim.version))
    title = md_escape(article.title[:60]) if article else ""
    if badges.button(_("Article #{id}: {title}").format(id=claim.article_id, title=title), type="tertiary",
                     key="claim_open_article", icon="📄"):
        open_article(claim.article_id)
    _dismissal(db, claim, seen, badges)
    _assign_to_me(db, claim, seen, badges)
    _undo_dismissal(db, claim, st)
    if claim.version != seen:
        st.warning(_("{who} changed this claim after you opened it (version {seen} → {version}). Saving now will"
                     " be refused; load their version first.").format(
            who=md_escape(claim.updated_by) or _("Someone"), seen=seen, version=claim.version))
        if st.button(_("Load their version"), key="claim_reload"):
            _load_version(claim.id, claim.version)
            st.rerun()

    main, side = st.columns([3, 2], gap="large")
    with main:
        st.subheader(_("In context"), anchor=False)
        _context(db, claim)
        st.subheader(_("Review"), anchor=False)
        if claim.status == Status.MERGED:
            st.info(_("This claim was merged or split into other claims; review those instead."))
        elif claim.status == Status.DISMISSED:
            st.info(_("Dismissed as not worth checking: it is out of the review queue, and the desk's"
                      " check-worthiness model learns from it. Restore it to review it."))
        else:
            _review_form(db, claim, seen)
            _hand_over(db, claim, seen)
            _wording_form(db, claim, seen)
        _next_open_claim(db, claim)
        _notes(db, claim)
        st.subheader(_("Evidence"), anchor=False)
        _sources(db, claim)
    with side:
        st.subheader(_("Why it was flagged"), anchor=False)
        _facts(claim)
        _similar(db, claim, seen)
    st.subheader(_("History"), anchor=False)
    _history(db, claim)


_page()
