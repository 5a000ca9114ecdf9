"""`factcheck stats`: the desk's figures for a period (the same ones as the Statistics page), for people or as JSON."""
from __future__ import annotations

import argparse
import json
from typing import Any

from factcheck.inputs import iso_date
from translations import _

__all__ = ["add_parsers", "cmd_stats"]




def _hours(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} h"


def cmd_stats(args: argparse.Namespace, db: Any) -> int:
    from db.rechecks import verdicts_to_recheck
    from db.statistics import desk_statistics

    figures = desk_statistics(db, since=args.since, until=args.until, reviewer=args.reviewer, grouping=args.by)
    rechecks = verdicts_to_recheck(db)
    if args.json:
        print(json.dumps(figures.as_json() | {"verdicts_to_recheck": [vars(r) for r in rechecks]},
                         ensure_ascii=False, indent=2))
        return 0
    counts = figures.counts
    lines = [
        _("Claims ingested: {n}").format(n=counts["ingested"]),
        _("Check-worthy: {n}").format(n=counts["checkworthy"]),
        _("Dismissed: {n}").format(n=counts["dismissed"]),
        _("In review now: {n}").format(n=counts["in_review"]),
        _("Drafted now: {n}").format(n=counts["drafted"]),
        _("Ready for an editor now: {n}").format(n=counts["ready"]),
        _("Published: {n}").format(n=counts["published"]),
        _("Corrected: {n}").format(n=counts["corrected"]),
        _("Duplicates found: {found}, confirmed: {confirmed}").format(found=counts["duplicates_found"],
                                                                      confirmed=counts["duplicates_confirmed"]),
        _("Claims matched to past fact-checks: {n}").format(n=counts["past_fact_checks_matched"]),
    ]
    for label, durations in ((_("Time to first review"), figures.time_to_review),
                             (_("Time to draft"), figures.time_to_draft),
                             (_("Time to publication"), figures.time_to_publication)):
        lines.append(_("{label}: median {median}, 90th percentile {p90} ({n} claims)").format(
            label=label, median=_hours(durations.median_hours), p90=_hours(durations.p90_hours), n=durations.claims))
    for row in figures.ratings_over_time:
        lines.append(_("Verdicts {period}: {rating} {n}").format(period=row["period"], rating=row["rating"],
                                                                  n=row["verdicts"]))
    lines.append(_("Verdicts to re-check: {n}").format(n=len(rechecks)))
    print("\n".join(lines))
    return 0


def add_parsers(sub: Any, db_option: argparse.ArgumentParser) -> None:
    p = sub.add_parser("stats", parents=[db_option],
                       help="the desk's figures: claims ingested, dismissed, published, times to a verdict")
    p.add_argument("--since", type=iso_date, help="from this day (YYYY-MM-DD, UTC)")
    p.add_argument("--until", type=iso_date, help="up to and including this day (YYYY-MM-DD, UTC)")
    p.add_argument("--reviewer", help="only the claims assigned to this person or whose verdict they drafted")
    p.add_argument("--by", choices=("week", "month"), default="week", help="verdicts by rating per week or month")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats, needs_db=True)
