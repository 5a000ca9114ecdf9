"""A test web server that keeps quiet when a client hangs up."""
from __future__ import annotations

import http.server
import sys

__all__ = ["QuietServer"]


class QuietServer(http.server.ThreadingHTTPServer):
    """A client that hangs up early (the workbench stops reading a page past its size limit, or gives up on a TLS
    handshake with a plain server) is no error of the test's: printed from the server's thread, its traceback would
    land in whatever stderr a test is reading."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # reset, aborted, broken pipe
            super().handle_error(request, client_address)
