"""Choosing an article on a desk of any size: by its number or the words of its title, never only the newest 500."""
from __future__ import annotations

import streamlit as st

from app_pages.components import short
from translations import _

__all__ = ["article_picker"]

OFFERED = 50  # articles listed at a time: the newest, or those the search finds


def article_picker(db, *, key: str, label: str, wanted: int | None = None, any_label: str | None = None,
                   any_shown: str | None = None, container=st) -> tuple[int | None, bool]:
    """A search box (title words or #number) and a list of the articles it finds; returns (the article chosen,
    whether `wanted` exists). `wanted` (from a link or the last article opened) is chosen when the list first
    shows; `any_label` adds a first choice meaning "any article" (returned as None), shown as `any_shown` (the
    reader's words for it) when given."""
    from db.article_lookup import article_titles, find_articles

    query = container.text_input(_("Find an article"), key=f"{key}_find", type="search",
                                 placeholder=_("Words of its title, or its number (e.g. #1234)"))
    offered = dict(find_articles(db, query, limit=OFFERED))
    exists = True
    if wanted is not None:
        titles = article_titles(db, [wanted])
        exists = wanted in titles
        offered = {**titles, **offered}
    current = st.session_state.get(key)
    if isinstance(current, int) and current not in offered:  # chosen before, or set by a saved filter
        offered = {**article_titles(db, [current]), **offered}
    if not offered and any_label is None:
        return None, exists
    labels = {article_id: f"#{article_id} · {short(title, 80)}" for article_id, title in offered.items()}
    choices: list = ([any_label] if any_label is not None else []) + list(offered)
    if key not in st.session_state:  # the list first shows: the linked article, none when it does not exist
        st.session_state[key] = wanted if wanted in offered else None if wanted is not None else choices[0]
    elif st.session_state[key] is not None and st.session_state[key] not in choices:
        st.session_state[key] = choices[0]  # a new search: the list changed under the old choice
    chosen = container.selectbox(label, choices, key=key, placeholder=_("Choose an article"),
                                 format_func=lambda c: (any_shown or c) if c == any_label else labels.get(c, f"#{c}"))
    return (None if chosen == any_label else chosen), exists
