"""The one base of the errors a user can fix: bad input, or an action the workbench refuses, said in a message
that is shown as it is.

Every room raises its own kind (`fetching.urls.InvalidURL`, `evidence.review.ReviewError`, ...), each a
`WorkbenchError` and, where callers long caught it so, a `ValueError` or `LookupError` too. The two edges convert
it once: `factcheck` prints ``error: <message>`` on standard error and exits 1 (`factcheck.cli.main`), a page shows
it with `app_pages.components.show_error`. An error that is a bug (a broken invariant, a failing library) is not a
`WorkbenchError`: it keeps its traceback, so it is noticed and fixed.
"""
from __future__ import annotations

__all__ = ["WorkbenchError", "NotFound", "InvalidInput"]


class WorkbenchError(Exception):
    """Bad input or a refused action the user can fix; its message says what and with which input, and is shown
    as is."""


class NotFound(WorkbenchError, LookupError):
    """The claim, article, source or match a user named does not exist ("claim 12 does not exist")."""


class InvalidInput(WorkbenchError, ValueError):
    """A value a user gave breaks a rule of the desk (an empty name, a label twice, an unknown language); the
    message names the rule. Rooms with their own kind of bad input (`fetching.urls.InvalidURL`, ...) raise that."""
