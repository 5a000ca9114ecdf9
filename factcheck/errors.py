"""The command line's own kind of `WorkbenchError`: bad input a command finds itself (an option, a file)."""
from __future__ import annotations

from claims.errors import WorkbenchError

__all__ = ["UserError"]


class UserError(WorkbenchError):
    """Raised by a command for bad input; cli.main prints it to stderr and exits 1, without a traceback."""
