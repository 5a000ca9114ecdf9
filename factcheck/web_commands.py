"""`factcheck check-links` and `factcheck watch`: the web side of the desk, each a thin call into db/."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from typing import Any

from factcheck.errors import UserError
from factcheck.output import print_json
from fetching.feeds import FEED_CHECK_SECONDS, MAX_ITEMS_PER_CHECK

__all__ = ["add_parsers", "add_address_options", "address_rule"]

DEFAULT_INTERVAL = 900


def _networks(value: str) -> tuple:
    from fetching.networks import InvalidNetwork, parse_networks

    try:
        return parse_networks(value)
    except InvalidNetwork as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_address_options(parser: argparse.ArgumentParser) -> None:
    """--allow-private (every private address) and --allow-network CIDR (only these networks)."""
    parser.add_argument("--allow-private", action="store_true",
                        help="let URLs reach private, loopback and link-local addresses (a desk's own network)")
    parser.add_argument("--allow-network", action="append", type=_networks, default=[], metavar="CIDR",
                        help="let URLs reach these private networks only, e.g. 10.20.0.0/16 (repeat, or separate"
                             " with commas)")


def address_rule(args: argparse.Namespace) -> Any:
    """The AddressRule the options give; a bad FACTCHECK_PRIVATE_NETWORKS is a one-line error here."""
    from fetching.networks import AddressRule, networks_from_env

    networks_from_env()  # an InvalidNetwork here is shown by cli.main as it is
    return AddressRule(args.allow_private, tuple(n for group in args.allow_network for n in group))


def cmd_check_links(args: argparse.Namespace, db: Any) -> int:
    from pipelines.link_checks import check_links

    checks = check_links(db, allow_private=address_rule(args), timeout=args.timeout)
    flagged = [c for c in checks if c.flagged]
    errors = [c for c in checks if c.outcome == "error"]
    if args.json:
        print_json({"checked": len(checks), "flagged": len(flagged), "errors": len(errors),
                     "sources": [{"source_id": c.source_id, "url": c.url, "outcome": c.outcome,
                                  "http_status": c.http_status, "detail": c.detail, "claims": list(c.claim_ids),
                                  "flagged": c.flagged} for c in checks]})
        return 0
    for c in checks:
        claims = ", ".join(f"#{i}" for i in c.claim_ids)
        mark = "FLAGGED " if c.flagged else ""
        print(f"{mark}{c.outcome}: {c.url} (source {c.source_id}, claims {claims})"
              + (f": {c.detail}" if c.detail else ""))
    print(f"{len(checks)} sources of published verdicts checked: {len(flagged)} flagged (changed or gone),"
          f" {len(errors)} could not be checked")
    return 0


def _positive_seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not seconds >= 1:
        raise argparse.ArgumentTypeError("the interval must be at least 1 second")
    return seconds


def _positive_count(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return int(value)


def _report_feeds(checks: list, *, as_json: bool) -> bool:
    """Print one line per feed; True when every feed could be read."""
    if as_json:
        print_json({"checked_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "feeds": [
            {"url": c.feed.url, "title": c.feed.title, "new": c.new, "stored": c.stored,
             "already_stored": c.already_stored, "failed": c.failed, "retried": c.retried, "waiting": c.waiting,
             "left": c.left, "error": c.error, "failures": list(c.failures)}
            for c in checks]})
    else:
        for c in checks:
            if c.error:
                print(f"error: {c.feed.url}: {c.error}", file=sys.stderr)
                continue
            print(f"{c.feed.url}: {c.new} new items, {c.stored} stored, {c.already_stored} already stored,"
                  f" {c.failed} failed{c.later()}")
            for failure in c.failures:
                print(f"  failed: {failure}", file=sys.stderr)
        sys.stdout.flush()
    return all(c.error is None for c in checks)


def _report_claimreview_feeds(checks: list, *, as_json: bool) -> bool:
    """Print one line per ClaimReview feed; True when every feed could be read."""
    from translations import _

    if as_json:
        print_json({"claimreview_feeds": [{"url": c.url, "imported": c.imported, "error": c.error,
                                            "failures": list(c.failures)} for c in checks]})
    else:
        for c in checks:
            if c.error:
                print(_("error: {error}").format(error=c.error), file=sys.stderr)
                continue
            print(_("{url}: {imported} past fact-checks imported (new or updated), {failed} items failed")
                  .format(url=c.url, imported=c.imported, failed=len(c.failures)))
            for failure in c.failures:
                print(_("  failed: {failure}").format(failure=failure), file=sys.stderr)
        sys.stdout.flush()
    return all(c.error is None for c in checks)


def cmd_watch(args: argparse.Namespace, db: Any) -> int:
    from pipelines.claimreview_feeds import check_claimreview_feed
    from pipelines.feeds import add_feeds, check_feeds, list_feeds

    add_feeds(db, args.feeds, added_by=args.reviewer)
    urls = args.feeds or None
    # ClaimReview feeds given alone are read alone; the desk's article feeds join them only when named.
    article_feeds = bool(urls or (not args.claimreview and list_feeds(db)))
    if not article_feeds and not args.claimreview:
        raise UserError("no feeds to watch: give FEED_URL (or add feeds in the app's Articles page)")
    while True:
        ok = True
        if article_feeds:
            checks = check_feeds(db, urls, allow_private=address_rule(args), timeout=args.timeout,
                                 added_by=args.reviewer, max_items=args.max_items, time_limit=args.feed_time)
            ok = _report_feeds(checks, as_json=args.json)
        if args.claimreview:
            reviews = [check_claimreview_feed(db, url, allow_private=address_rule(args), timeout=args.timeout)
                       for url in args.claimreview]
            ok = _report_claimreview_feeds(reviews, as_json=args.json) and ok
        if args.once:
            return 0 if ok else 1
        time.sleep(args.interval)


def cmd_kept_copy(args: argparse.Namespace, db: Any) -> int:
    """Print a kept copy: its main text, or the HTML exactly as it came (--html), or both with its facts (--json)."""
    from db.captures import article_capture_id, get_capture, source_capture_id

    if args.source is not None:
        find, ref, what = source_capture_id, args.source, f"source {args.source}"
    else:
        find, ref, what = article_capture_id, args.article, f"article {args.article}"
    capture_id = find(db, ref)
    capture = get_capture(db, capture_id) if capture_id else None
    if capture is None:
        raise UserError(f"{what} has no kept copy")
    if args.json:
        print_json({k: capture[k] for k in ("id", "url", "final_url", "http_status", "content_type", "title",
                                             "author", "site_name", "published", "content_hash", "fetched_at",
                                             "text", *(("html",) if args.html else ()))})
    elif args.html:
        sys.stdout.write(capture["html"])
    else:
        print(f"# {capture['final_url']} · HTTP {capture['http_status']} · kept {capture['fetched_at']}"
              f" · text SHA-256 {capture['content_hash']}")
        sys.stdout.write(capture["text"].rstrip("\n") + "\n")
    return 0


def add_parsers(sub: Any, db_option: argparse.ArgumentParser) -> None:
    web = argparse.ArgumentParser(add_help=False)
    add_address_options(web)
    web.add_argument("--timeout", type=_positive_seconds, default=None,
                     help="seconds allowed for each page (default 15)")
    web.add_argument("--json", action="store_true")

    p = sub.add_parser("check-links", parents=[db_option, web],
                       help="re-fetch the sources of published verdicts; flag those changed or gone")
    p.set_defaults(handler=cmd_check_links, needs_db=True)

    p = sub.add_parser("watch", parents=[db_option, web],
                       help="take new items of RSS/Atom feeds and ingest each once (--once, or every --interval s)")
    p.add_argument("feeds", nargs="*", metavar="FEED_URL",
                   help="feeds to watch (kept in the database); none: every feed the desk watches")
    p.add_argument("--interval", type=_positive_seconds, default=DEFAULT_INTERVAL,
                   help=f"seconds between checks when looping (default {DEFAULT_INTERVAL})")
    p.add_argument("--once", action="store_true", help="check once and exit (for cron)")
    p.add_argument("--reviewer", help="who is adding the articles (recorded in the history)")
    p.add_argument("--claimreview", action="append", default=[], metavar="URL",
                   help="also import the past fact-checks of a ClaimReview feed (JSON-LD, a Fact Check Tools"
                        " response, another desk's archive as Datasette JSON, or RSS/Atom linking to pages with"
                        " ClaimReview); repeat for several")
    p.add_argument("--max-items", type=_positive_count, default=MAX_ITEMS_PER_CHECK,
                   help=f"items taken from one feed in one check, the rest at the next (default {MAX_ITEMS_PER_CHECK})")
    p.add_argument("--feed-time", type=_positive_seconds, default=FEED_CHECK_SECONDS,
                   help="seconds one feed's check may take; items not reached by then wait for the next check"
                        f" (default {FEED_CHECK_SECONDS:g})")
    p.set_defaults(handler=cmd_watch, needs_db=True)

    p = sub.add_parser("kept-copy", parents=[db_option],
                       help="print the kept copy of a source or an article (main text; --html as it came)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--source", type=int, metavar="SOURCE_ID", help="a source (check-links prints its id)")
    which.add_argument("--article", type=int, metavar="ARTICLE_ID", help="an article fetched by URL")
    p.add_argument("--html", action="store_true", help="the HTML exactly as fetched (never rendered here)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_kept_copy, needs_db=True)
