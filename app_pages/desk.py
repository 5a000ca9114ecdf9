"""Desk page: the desk's settings (editors) and its accounts (admins)."""
from __future__ import annotations

import streamlit as st

from app_pages.components import database, flash, md_escape, reviewer, role_name, show_error, show_flash, signed_in
from app_pages.desk_language import publication_panel, rating_scale_panel
from claims.errors import WorkbenchError
from translations import LANGUAGE_NAMES, _, format_datetime, ngettext

st.title(_("Desk"))
show_flash("desk")
_db = database()
_me = reviewer()
_account = signed_in()


def _settings(db) -> None:
    from db.settings import PUBLICATION_SETTINGS, SETTINGS, get_setting, set_setting
    from evidence.permissions import Action, can

    st.subheader(_("Settings"), anchor=False)
    allowed = can(db, _me, Action.MANAGE_SCALE)
    if not allowed:
        st.caption(_("Only editors and admins change the desk's settings."))
    with st.form("desk_settings_form"):
        values = {}
        for key, setting in SETTINGS.items():
            current = get_setting(db, key)
            if key in PUBLICATION_SETTINGS:
                continue  # in their own panel (desk_language.py)
            if key == "language":
                values[key] = st.selectbox(_(setting.label), list(LANGUAGE_NAMES), format_func=LANGUAGE_NAMES.get,
                                           index=list(LANGUAGE_NAMES).index(current), key=f"desk_setting_{key}",
                                           disabled=not allowed)
            elif isinstance(current, bool):
                values[key] = st.toggle(_(setting.label), value=current, key=f"desk_setting_{key}",
                                        disabled=not allowed)
            elif isinstance(current, str):
                values[key] = st.text_input(_(setting.label), value=current, key=f"desk_setting_{key}",
                                            disabled=not allowed)
            else:
                values[key] = int(st.number_input(_(setting.label), value=int(current), min_value=5, max_value=24 * 60,
                                                  step=5, key=f"desk_setting_{key}", disabled=not allowed))
        if st.form_submit_button(_("Save settings"), disabled=not allowed):
            refused = [error for key, value in values.items() if (error := _refusal(key, value))]
            if refused:
                st.error(_("Settings not saved: {reason}").format(reason=md_escape(refused[0])))
                return
            for key, value in values.items():
                set_setting(db, key, value, changed_by=_me)
            flash("desk", "success", _("Settings saved."))
            st.rerun()


def _can_manage_scale(db) -> bool:
    from evidence.permissions import Action, can

    return can(db, _me, Action.MANAGE_SCALE)


def _refusal(key: str, value) -> str | None:
    """Why the setting refuses `value` (checked for every setting before any is saved), or None."""
    from db.settings import SETTINGS

    check = SETTINGS[key].check
    try:
        check is not None and check(value)
    except ValueError as error:
        return str(error)
    return None


def _accounts(db) -> None:
    from db.accounts import (
        Role,
        add_account,
        disable_account,
        enable_account,
        list_accounts,
        reset_password,
        set_role,
    )
    from evidence.permissions import Action, can

    st.subheader(_("Accounts"), anchor=False)
    accounts = list_accounts(db)
    states = {"(unchanged)": _("(unchanged)"), "active": _("active"), "disabled": _("disabled")}
    st.dataframe([{_("Login"): a.login, _("Name"): a.name, _("Role"): role_name(a.role.value),
                   _("State"): states["disabled" if a.disabled else "active"],
                   _("Last sign-in"): format_datetime(a.last_sign_in_at)}
                  for a in accounts], hide_index=True, width="stretch")
    if not can(db, _me, Action.MANAGE_ACCOUNTS):
        st.caption(_("Only admins add accounts and change roles."))
        return
    roles = [r.value for r in Role]
    role_names = {"(unchanged)": _("(unchanged)"), **{r: role_name(r) for r in roles}}
    with st.expander(_("Add an account")), st.form("desk_add_account", clear_on_submit=True):
        login = st.text_input(_("Login"), key="desk_new_login")
        name = st.text_input(_("Name shown in the history and reports"), key="desk_new_name")
        role = st.selectbox(_("Role"), roles, key="desk_new_role", format_func=role_names.get)
        password = st.text_input(_("First password (give it to them; they can be given a new one here)"),
                                 type="password", key="desk_new_password")
        if st.form_submit_button(_("Add account"), type="primary"):
            try:
                made = add_account(db, login, role=role, password=password, name=name or None, created_by=_me)
            except WorkbenchError as error:
                show_error(error, _("Not added: {reason}."))
            else:
                flash("desk", "success", _("Added {login} ({role}).").format(login=md_escape(made.login),
                                                                              role=role_name(made.role.value)))
                st.rerun()
    if not accounts:
        return
    with st.expander(_("Change an account")), st.form("desk_change_account"):
        chosen = st.selectbox(_("Account"), [a.login for a in accounts], key="desk_change_login")
        new_role = st.selectbox(_("Role"), ["(unchanged)", *roles], key="desk_change_role",
                                format_func=role_names.get)
        state = st.radio(_("State"), list(states), horizontal=True, key="desk_change_state", format_func=states.get)
        new_password = st.text_input(_("New password (leave empty to keep it)"), type="password",
                                     key="desk_change_password")
        if st.form_submit_button(_("Apply")):
            try:
                if new_role != "(unchanged)":
                    set_role(db, chosen, new_role, changed_by=_me)
                if state == "disabled":
                    disable_account(db, chosen, changed_by=_me)
                elif state == "active":
                    enable_account(db, chosen, changed_by=_me)
                if new_password:
                    reset_password(db, chosen, new_password, changed_by=_me)
            except WorkbenchError as error:
                show_error(error, _("Not changed: {reason}."))
            else:
                flash("desk", "success", _("Changed {login}.").format(login=md_escape(chosen)))
                st.rerun()


def _checkworthiness_model(db) -> None:
    """Which model scores the claims and how it and the rules did on the newest decisions held back from it; an
    editor retrains it from the desk's decisions (once there are enough of both kinds) or goes back to the rules."""
    from evidence.permissions import Action, can
    from pipelines.desk_model import (
        MIN_EACH,
        active_model,
        desk_decisions,
        file_labels,
        latest_model,
        missing_decisions,
        model_summary,
        train_desk_model,
        use_builtin,
    )
    from translations import _

    st.subheader(_("Check-worthiness model"), anchor=False)
    model = active_model(db)
    last = latest_model(db)
    st.markdown(_("Claims are scored by {summary}.").format(summary=md_escape(model_summary(model))))
    if last is not None and last.f1 is not None and last.rules_f1 is not None:
        st.markdown(_("Last training, {when}: on the {n} newest decisions held back from it (whole articles), the"
                      " model's F1 is **{f1:.2f}** (precision {p:.2f}, recall {r:.2f}) and the built-in rules' F1 is"
                      " **{rules_f1:.2f}** (precision {rp:.2f}, recall {rr:.2f}).").format(
            when=last.trained_at[:16].replace("T", " "), n=last.held_back_sentences, f1=last.f1, p=last.precision,
            r=last.recall, rules_f1=last.rules_f1, rp=last.rules_precision, rr=last.rules_recall))
        if not last.active:
            st.info(_("That model did not beat the built-in rules on those decisions beyond chance, so the built-in"
                      " rules keep scoring the claims."))
    if model is not None:
        st.caption(_("Model #{id}, trained {when}{by}; threshold {threshold:.2f}.").format(
            id=model.id, when=model.trained_at[:16].replace("T", " "),
            by=_(" by {name}").format(name=md_escape(model.trained_by)) if model.trained_by else "",
            threshold=model.threshold))
    decisions = desk_decisions(db)
    st.caption(_("Reviewers' decisions so far: {n} (dismissed claims count as not worth checking; claims added by"
                 " hand, taken into review or given a verdict as worth checking).").format(n=len(decisions)))
    if not can(db, _me, Action.MANAGE_SCALE):
        st.caption(_("Only editors and admins retrain the model."))
        return
    short_yes, short_no = missing_decisions([s.check_worthy for s in [*file_labels(db), *decisions]])
    buttons = st.container(horizontal=True)
    if short_yes or short_no:
        st.caption(_("Retraining needs at least {min} decisions of each kind: {yes} more worth checking and {no} more"
                     " dismissed.").format(min=MIN_EACH, yes=short_yes, no=short_no))
    elif buttons.button(_("Retrain now"), key="desk_cw_retrain", type="primary"):
        try:
            with st.spinner(_("Learning from the desk's decisions…")):
                outcome = train_desk_model(db, trained_by=_me)
        except WorkbenchError as error:
            show_error(error, _("Not retrained: {reason}."))
        else:
            if outcome.model.active:
                flash("desk", "success", _("Retrained: {summary}; {n} claims rescored.").format(
                    summary=md_escape(model_summary(outcome.model)), n=outcome.rescored))
            else:
                flash("desk", "warning", _("Retrained, but the new model did not beat the built-in rules on the"
                                           " newest decisions beyond chance, so the built-in rules score the"
                                           " claims."))
            st.rerun()
    if model is not None and buttons.button(_("Go back to the built-in rules"), key="desk_cw_builtin"):
        rescored = use_builtin(db, changed_by=_me)
        flash("desk", "success", _("The built-in rules score the claims again; {n} claims rescored.").format(
            n=rescored))
        st.rerun()


def _background_work(db) -> None:
    """What the worker beside the app still has to do (pending suggestions, vectors by meaning)."""
    from pipelines.worker import background_progress

    progress = background_progress(db)
    st.subheader(_("Background work"), anchor=False)
    if progress.pending_suggestions:
        st.caption(ngettext("Suggestions pending for {n} article (a bulk ingest stored it; the worker is matching"
                            " it now).", "Suggestions pending for {n} articles (a bulk ingest stored them; the"
                            " worker is matching them now).", progress.pending_suggestions)
                   .format(n=f"{progress.pending_suggestions:,}"))
    else:
        st.caption(_("Every article has its match suggestions."))
    if progress.vectors_total:
        if progress.vectors_running:
            st.progress(min(1.0, (progress.vectors_done or 0) / progress.vectors_total),
                        text=_("Vectors by meaning: {done} of {total} texts").format(
                            done=f"{progress.vectors_done or 0:,}", total=f"{progress.vectors_total:,}"))
        else:
            st.caption(_("Vectors by meaning: the last job is done ({total} texts).").format(
                total=f"{progress.vectors_total:,}"))
    st.caption(_("A worker is running beside the app at a lower priority.") if progress.worker_running else
               _("No worker is running: the app starts one, or run `factcheck worker` beside it."))


st.caption(_("You are **{name}**, {role}.").format(name=md_escape(_me),
                                                   role=role_name(_account.role.value if _account else "reviewer")))
_background_work(_db)
_settings(_db)
_rating_and_publication_allowed = _can_manage_scale(_db)
rating_scale_panel(_db, allowed=_rating_and_publication_allowed)
publication_panel(_db, allowed=_rating_and_publication_allowed)
_checkworthiness_model(_db)
_accounts(_db)
