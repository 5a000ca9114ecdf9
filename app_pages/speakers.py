"""Speakers page: who said what across the desk's articles, their claims the latest first, and their published
verdicts by rating; editors merge or split spellings of one speaker."""
from __future__ import annotations

import streamlit as st

from app_pages.components import PAGES, database, md_escape, open_claim, rating_names, short, signed_in
from claims.workflow import Status
from db.speakers import merge_speakers, speaker_record, speakers, split_speaker
from translations import _, ngettext

db = database()
account = signed_in()
editor = account is None or account.role.value in ("editor", "admin")

st.title(_("Speakers"))
search = st.text_input(_("Find a speaker (any spelling, with or without diacritics)"), key="speakers_search")
found = speakers(db, search=search or None)
if not found:
    st.info(_("No speaker is named in the desk's claims yet.") if not search else _("No speaker matches."))
    st.stop()

chosen_name = st.query_params.get("name")
names = [s.name for s in found]
index = names.index(chosen_name) if chosen_name in names else 0
chosen = st.selectbox(_("Speaker"), names, index=index, key="speakers_chosen",
                      format_func=lambda n: next(
                          f"{s.name} · " + ngettext("{n} claim", "{n} claims", s.claims).format(n=s.claims)
                          for s in found if s.name == n))
st.query_params["name"] = chosen
record = speaker_record(db, chosen)
if record is None:
    st.warning(_("This speaker is no longer named on the desk."))
    st.stop()

st.header(md_escape(record.name))
if record.roles:
    st.caption(_("Role as written: {roles}").format(roles=md_escape("; ".join(record.roles))))
if len(record.spellings) > 1:
    st.caption(_("Written as: {spellings}").format(spellings=md_escape(", ".join(record.spellings))))

if st.button(_("Their claims in the queue"), key="speakers_queue"):
    st.session_state["queue_speaker"] = record.name
    st.switch_page(PAGES["queue"])

st.subheader(_("Published verdicts by rating"))
if record.ratings:
    names = rating_names(db)
    st.dataframe([{_("rating"): names.get(rating, rating), _("verdicts"): n} for rating, n in record.ratings.items()],
                 hide_index=True, width="stretch")
else:
    st.caption(_("No verdict on this speaker's claims has been published yet."))

st.subheader(ngettext("{n} claim in {a} article", "{n} claims in {a} articles", len(record.claims))
             .format(n=len(record.claims), a=len(record.articles)))
for claim in record.claims:
    left, right = st.columns([5, 1])
    rating = rating_names(db).get(claim.rating, claim.rating) if claim.status == Status.PUBLISHED and claim.rating \
        else _("not published")
    left.markdown(f"**#{claim.id}** {md_escape(short(claim.text, 160))}  \n"
                  + _("{article} · {rating}").format(article=md_escape(short(claim.article_title, 80)),
                                                     rating=md_escape(rating)))
    if right.button(_("Open"), key=f"speakers_open_{claim.id}"):
        open_claim(claim.id)

if editor:
    with st.expander(_("Merge or split spellings")):
        st.caption(_("The workbench groups a surname with the one full name that ends with it. Merge two spellings"
                     " of one person, or split a spelling that names someone else; each decision is recorded."))
        spelling = st.selectbox(_("Spelling"), record.spellings, key="speakers_spelling")
        others = [n for n in names if n != record.name]
        into = st.selectbox(_("Is the same person as"), others, key="speakers_into") if others else None
        left, right = st.columns(2)
        if into and left.button(_("Merge"), key="speakers_merge"):
            merge_speakers(db, spelling, into, decided_by=account.name if account else "desk")
            st.query_params["name"] = into
            st.rerun()
        if right.button(_("Split it out as its own speaker"), key="speakers_split"):
            split_speaker(db, spelling, decided_by=account.name if account else "desk")
            st.rerun()
