"""Checking a link a fact-checker pastes: absolute http(s) only, since reports and pages turn it into a link."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from claims.errors import WorkbenchError
from claims.folding import nfc
from fetching.networks import address_of

__all__ = ["InvalidURL", "check_url"]


class InvalidURL(WorkbenchError, ValueError):
    pass


# A host name of one label (an intranet's `http://wiki/`): letters, digits and inner hyphens, with a letter in it,
# so that a number such as `http://2130706433/` is not taken for a name (the address check refuses it anyway).
_ONE_LABEL = re.compile(r"(?=[a-z0-9-]*[a-z])[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def check_url(url: str, *, what: str = "URL") -> str:
    """Return the URL trimmed if it is an absolute http(s) URL with a host; raise InvalidURL otherwise.

    javascript:, data:, file: and every other scheme are refused: reports turn these URLs into links.
    """
    url = nfc(url or "").strip()
    if not url:
        raise InvalidURL(f"the {what} is empty")
    if any(ch.isspace() or ord(ch) < 32 for ch in url) or len(url) > 2048:
        raise InvalidURL(f"the {what} contains spaces or control characters, or is too long")
    try:
        parts = urlsplit(url)
        port_ok = parts.port is None or parts.port > 0
    except ValueError as error:
        raise InvalidURL(f"the {what} is malformed: {error}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InvalidURL(f"the {what} must start with http:// or https:// (got {parts.scheme or 'no'} scheme)")
    host = parts.hostname or ""
    if address_of(host) is not None and port_ok:
        return url  # an address such as [::1]: whether it may be reached is the address rule's to say, at the fetch
    if not host or "." not in host.strip(".") and not _ONE_LABEL.fullmatch(host) or not port_ok:
        raise InvalidURL(f"the {what} has no valid host name")
    return url
