"""`factcheck publish-archive`: the desk's published verdicts as a separate database for other desks (Datasette)."""
from __future__ import annotations

import argparse
from typing import Any

from factcheck.errors import UserError
from translations import N_, _, ngettext

__all__ = ["add_parsers", "cmd_publish_archive"]


def cmd_publish_archive(args: argparse.Namespace, db: Any) -> int:
    from pipelines.publishing import publish_archive

    options = {}
    if args.publisher_name:
        options["publisher_name"] = args.publisher_name
    if args.publisher_url:
        from fetching.urls import InvalidURL, check_url

        try:
            options["publisher_url"] = check_url(args.publisher_url, what=N_("publisher URL"))
        except InvalidURL as error:
            raise UserError(f"--publisher-url: {error}") from None
    archive = publish_archive(db, args.dest, **options)
    print(ngettext("published 1 verdict to {path}", "published {n} verdicts to {path}", archive.verdicts)
          .format(n=archive.verdicts, path=args.dest))
    return 0


def add_parsers(sub: Any, db_option: argparse.ArgumentParser) -> None:
    p = sub.add_parser("publish-archive", parents=[db_option],
                       help=_("write the published verdicts (only) to a separate database for Datasette or"
                              " another desk's import-claims"))
    p.add_argument("dest", metavar="DEST.db", help=_("the archive file (an earlier archive there is replaced)"))
    p.add_argument("--publisher-name", help=_("the fact-checking organisation named in each verdict's ClaimReview"))
    p.add_argument("--publisher-url", help=_("its site; ClaimReview urls are <publisher-url>/claims/<id>"))
    p.set_defaults(handler=cmd_publish_archive, needs_db=True)
