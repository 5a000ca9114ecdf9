"""Desk page panels for publishing in the desk's language: the rating scale named in each language, and the
publication settings ClaimReview carries (editors change them; everyone sees them)."""
from __future__ import annotations

import streamlit as st

from app_pages.components import flash, reviewer, show_error
from claims.errors import WorkbenchError
from translations import LANGUAGE_NAMES, _, current_language

__all__ = ["rating_scale_panel", "publication_panel"]


def rating_scale_panel(db, *, allowed: bool) -> None:
    """The scale's names and definitions in one language at a time; verdicts keep their labels, so renaming a
    step renames it on every old verdict too, never changes which step a verdict is on."""
    from db.ratings import named_scale, set_rating_names

    st.subheader(_("Rating scale"), anchor=False)
    st.caption(_("Verdicts keep their rating when a name changes: the new name shows on old verdicts too."))
    languages = list(LANGUAGE_NAMES)
    language = st.segmented_control(_("Names in"), languages, default=current_language(),
                                    format_func=LANGUAGE_NAMES.get, key="desk_scale_language") or current_language()
    scale = named_scale(db, language)
    with st.form(f"desk_scale_form_{language}"):
        names = {}
        for step in scale:
            left, right = st.columns([1, 3])
            name = left.text_input(_("Name"), value=step.name, key=f"desk_scale_{language}_{step.label}_name",
                                   disabled=not allowed)
            definition = right.text_input(_("Definition"), value=step.definition or "",
                                          key=f"desk_scale_{language}_{step.label}_definition", disabled=not allowed)
            names[step.label] = (name, definition)
        if st.form_submit_button(_("Save the scale"), disabled=not allowed):
            try:
                set_rating_names(db, language, names, changed_by=reviewer())
            except WorkbenchError as error:
                show_error(error, _("Scale not saved: {reason}."))
                return
            flash("desk", "success", _("Rating scale saved."))
            st.rerun()


def publication_panel(db, *, allowed: bool) -> None:
    """Who publishes the desk's fact-checks and where: ClaimReview's publisher and each fact-check's address."""
    from db.settings import PUBLICATION_SETTINGS, SETTINGS, get_setting, set_setting
    from evidence.claimreview import publication_warnings, publishing_desk

    st.subheader(_("Publication"), anchor=False)
    for warning in publication_warnings(publishing_desk(db)):
        st.warning(warning)
    with st.form("desk_publication_form"):
        values = {key: st.text_input(_(SETTINGS[key].label), value=get_setting(db, key), key=f"desk_setting_{key}",
                                     disabled=not allowed)
                  for key in PUBLICATION_SETTINGS}
        if st.form_submit_button(_("Save publication settings"), disabled=not allowed):
            try:
                for key, value in values.items():
                    SETTINGS[key].check and SETTINGS[key].check(value)
            except WorkbenchError as error:
                show_error(error, _("Publication settings not saved: {reason}"))
                return
            for key, value in values.items():
                set_setting(db, key, value, changed_by=reviewer())
            flash("desk", "success", _("Publication settings saved."))
            st.rerun()
