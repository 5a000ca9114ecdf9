"""Statistics page: the desk's figures for a period (editors and admins see the desk; reviewers their own work)."""
from __future__ import annotations

import datetime as dt

import altair as alt
import streamlit as st

from app_pages.components import database, rating_names, signed_in
from claims.workflow import Status, status_label
from db.rechecks import verdicts_to_recheck
from db.statistics import desk_statistics
from evidence.csv_export import table_csv
from translations import _, format_decimal

db = database()
account = signed_in()
RATINGS = rating_names(db)  # the desk's rating labels, named in the reader's language
own_only = account is not None and account.role.value == "reviewer"

st.title(_("Statistics"))
if own_only:
    st.caption(_("Your own work: the claims assigned to you or whose verdict you drafted."))

today = dt.date.today()
left, middle, right = st.columns(3)
since = left.date_input(_("From"), value=today - dt.timedelta(days=30), key="statistics_since")
until = middle.date_input(_("To (inclusive)"), value=today, key="statistics_until")
grouping = right.radio(_("Verdicts by"), ["week", "month"], horizontal=True, key="statistics_grouping",
                       format_func=lambda g: _("week") if g == "week" else _("month"))
if since > until:
    st.warning(_("The period ends before it starts: choose a 'To' date after the 'From' date."))
    st.stop()

figures = desk_statistics(db, since=since, until=until, grouping=grouping,
                          reviewer=account.name if own_only and account else None)
counts = figures.counts

st.subheader(_("Claims in the period"))
row = st.columns(4)
row[0].metric(_("Ingested"), counts["ingested"])
row[1].metric(_("Check-worthy"), counts["checkworthy"])
row[2].metric(Status.DISMISSED.label, counts["dismissed"])
row[3].metric(Status.PUBLISHED.label, counts["published"])
row = st.columns(4)
row[0].metric(_("Corrected"), counts["corrected"])
row[1].metric(_("Duplicates found"), counts["duplicates_found"])
row[2].metric(_("Duplicates confirmed"), counts["duplicates_confirmed"])
row[3].metric(_("Matched to past fact-checks"), counts["past_fact_checks_matched"])
st.caption(_("Open now, whatever the period: {in_review} in review, {drafted} drafted, {ready} ready for an editor.")
           .format(in_review=counts["in_review"], drafted=counts["drafted"], ready=counts["ready"]))


def _hours(value: float | None) -> str:
    if value is None:
        return "—"
    if value >= 48:
        return _("{days} days").format(days=format_decimal(value / 24, places=1))
    return _("{hours} h").format(hours=format_decimal(value, places=1))


st.subheader(_("Time to a verdict"))
times = [
    {_("step"): label, _("claims"): d.claims, _("median"): _hours(d.median_hours),
     _("90th percentile"): _hours(d.p90_hours)}
    for label, d in ((_("stored → first review"), figures.time_to_review),
                     (_("stored → draft"), figures.time_to_draft),
                     (_("stored → publication"), figures.time_to_publication))]
st.dataframe(times, hide_index=True, width="stretch")


COLUMNS = {"language": _("language"), "outlet": _("outlet"), "article": _("article"), "title": _("title"),
           "ingested": _("ingested"), "checkworthy": _("check-worthy"), "dismissed": _("dismissed"),
           "published": _("published"), "reviewer": _("reviewer"), "drafts_waiting": _("drafts waiting"),
           "id": _("claim"), "text": _("text"), "status": _("status"), "assignee": _("assignee"),
           "created_at": _("stored"), "period": _("period"), "rating": _("rating"), "verdicts": _("verdicts")}


def labelled(rows: list[dict]) -> list[dict]:
    """Rows with their columns named in the reader's language, statuses in words and empty cells as "—"."""
    def cell(key: str, value):
        if value is None:
            return "—"
        if key == "status":
            return status_label(value)
        if key == "rating":
            return RATINGS.get(value, value)
        return value[:16].replace("T", " ") if key == "created_at" else value

    return [{COLUMNS.get(k, k): cell(k, v) for k, v in row.items()} for row in rows]


def table(title: str, rows: list[dict], key: str) -> None:
    st.subheader(title)
    if not rows:
        st.caption(_("Nothing in this period."))
        return
    shown = labelled(rows)
    st.dataframe(shown, hide_index=True, width="stretch")
    st.download_button(_("Download as CSV"), table_csv(shown), file_name=f"{key}-{since}-{until}.csv",
                       mime="text/csv", key=f"statistics_csv_{key}")


st.subheader(_("Verdicts by rating"))
if figures.ratings_over_time:
    named = [r | {"rating": RATINGS.get(r["rating"], r["rating"])} for r in figures.ratings_over_time]
    data = alt.Data(values=[r | {"label": f"{r['period']} · {r['rating']}"} for r in named])
    bars = alt.Chart(data).mark_bar().encode(
        y=alt.Y("label:N", sort=None, title=None),
        x=alt.X("verdicts:Q", title=_("verdicts"), axis=alt.Axis(tickMinStep=1, format="d")),  # whole verdicts
        color=alt.Color("rating:N", title=_("rating")), tooltip=["period:N", "rating:N", "verdicts:Q"])
    # The count is written on each bar and the rating in its label, so the chart reads without its colours.
    labels = bars.mark_text(align="left", dx=3).encode(text="verdicts:Q", color=alt.value("black"))
    st.altair_chart(bars + labels, width="stretch")
    st.download_button(_("Download as CSV"), table_csv(labelled(figures.ratings_over_time)),
                       file_name=f"verdicts-{since}-{until}.csv", mime="text/csv", key="statistics_csv_verdicts")
else:
    st.caption(_("No verdict was published in this period."))

table(_("By language"), figures.by_language, "languages")
table(_("By outlet"), figures.by_outlet, "outlets")
table(_("By article"), figures.by_article, "articles")
table(_("By reviewer (who drafted the verdict)"), figures.by_reviewer, "reviewers")
table(_("Open claims, oldest first"), figures.open_claims, "open-claims")


REASONS = {"present": _("speaks of the present (“{detail}”) and has aged"),
           "changed": _("a source has changed since its copy was kept: {detail}"),
           "gone": _("a source has gone: {detail}")}
rechecks = verdicts_to_recheck(db)
table(_("Verdicts to re-check"), [
    {_("claim"): r.claim_id, _("text"): r.text, _("rating"): RATINGS.get(r.rating, r.rating),
     _("published"): r.published_at[:10],
     _("why"): REASONS[r.reason].format(detail=r.detail)} for r in rechecks], "recheck")
