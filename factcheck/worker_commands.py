"""`factcheck worker`: the desk's background work (pending suggestions, vectors by meaning) beside the app."""
from __future__ import annotations

import argparse
import os
import sys
import threading
from typing import Any

__all__ = ["add_parsers"]


def cmd_worker(args: argparse.Namespace, db: Any) -> int:
    from db.connection import resolve_db_path
    from pipelines.worker import WORKER_NICENESS, run_worker

    os.nice(WORKER_NICENESS)  # the reviewers' pages come first
    stop = threading.Event()  # SIGTERM or Ctrl-C end the process: what is done is stored, the rest waits
    path = str(resolve_db_path(args.db))
    db.close()
    run_worker(path, once=args.once, idle_seconds=args.idle, stop=stop,
               report=None if args.quiet else lambda line: print(line, file=sys.stderr, flush=True))
    return 0


def add_parsers(sub: Any, db_option: argparse.ArgumentParser) -> None:
    p = sub.add_parser("worker", parents=[db_option],
                       help="do the background work (pending suggestions, vectors by meaning) at a low priority")
    p.add_argument("--once", action="store_true", help="stop when nothing is left to do")
    p.add_argument("--idle", type=float, default=10.0, help="seconds between looks for new work (default 10)")
    p.add_argument("--quiet", action="store_true", help="print nothing while working")
    p.set_defaults(handler=cmd_worker, needs_db=True)
