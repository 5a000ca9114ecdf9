"""Checking a link a fact-checker pastes: absolute http(s) only, since reports and pages turn it into a link."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from claims.errors import WorkbenchError
from claims.folding import nfc
from fetching.networks import address_of
from translations import _

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
    what = _(what)  # the callers' nouns are marked with N_ ("URL", "feed URL"): said in the reader's language
    if not url:
        raise InvalidURL(_("the {what} is empty").format(what=what))
    if any(ch.isspace() or ord(ch) < 32 for ch in url) or len(url) > 2048:
        raise InvalidURL(_("the {what} contains spaces or control characters, or is too long").format(what=what))
    try:
        parts = urlsplit(url)
        port_ok = parts.port is None or parts.port > 0
    except ValueError as error:
        raise InvalidURL(_("the {what} is malformed: {error}").format(what=what, error=error)) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InvalidURL((_("the {what} must start with http:// or https:// (got {scheme} scheme)") if parts.scheme
                          else _("the {what} must start with http:// or https:// (got no scheme)")).format(
            what=what, scheme=parts.scheme))
    host = parts.hostname or ""
    if address_of(host) is not None and port_ok:
        return url  # an address such as [::1]: whether it may be reached is the address rule's to say, at the fetch
    if not host or "." not in host.strip(".") and not _ONE_LABEL.fullmatch(host) or not port_ok:
        raise InvalidURL(_("the {what} has no valid host name").format(what=what))
    return url
