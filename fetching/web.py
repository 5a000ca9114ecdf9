"""Fetching a web page safely (checked addresses, capped size, time and redirects) and reading its text and metadata.

No database here: `fetch_page` returns a `Page` or raises `FetchError` with one line naming the URL and the reason.
"""
from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import http.client
import os
import re
import socket
import ssl
import threading
import time
import unicodedata
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from claims.errors import WorkbenchError
from claims.folding import nfc
from fetching.networks import OFFLINE_ENV, AddressRule, address_of, networks_text
from fetching.urls import InvalidURL, check_url
from translations import N_, _

__all__ = ["FetchError", "Page", "USER_AGENT", "MAX_PAGE_BYTES", "PAGE_TYPES", "allow_private_from_env",
           "fetch", "fetch_page", "read_page"]

USER_AGENT = "factcheck-workbench/0.1 (+https://github.com/factcheck-workbench; a fact-checking desk's page fetcher)"
MAX_PAGE_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 15.0
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# A page whose text is more than this share of replacement or control characters is not text (binary served as
# HTML, or a charset nothing could read): it is refused rather than stored as noise.
MAX_UNREADABLE_SHARE = 0.1


class FetchError(WorkbenchError, ValueError):
    """A page could not be fetched; the message is one line: the URL and why.

    `status` is the HTTP status when the server answered with an error; `gone` says the page is not there any more
    (HTTP 404 or 410, or a host name that no longer resolves), as a link check reports it.
    """

    def __init__(self, message: str, *, status: int | None = None, gone: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.gone = gone


@dataclass(frozen=True)
class Fetched:
    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    fetched_at: str


@dataclass(frozen=True)
class Page:
    """A fetched page, read: the HTML kept as it came, its main text (NFC) and what the page says about itself."""

    url: str
    final_url: str
    status: int
    content_type: str
    html: str
    text: str
    title: str | None
    author: str | None
    site_name: str | None
    published: str | None
    content_hash: str
    fetched_at: str


def allow_private_from_env() -> bool:
    """FACTCHECK_ALLOW_PRIVATE=1 lets a desk fetch from its own network."""
    return os.environ.get("FACTCHECK_ALLOW_PRIVATE", "").strip().lower() in ("1", "true", "yes")


def _refused(address: str, rule: AddressRule) -> str | None:
    """Why `address` may not be reached under `rule`, or None."""
    ip = address_of(address)
    assert ip is not None, address  # getaddrinfo gives addresses only
    if rule.allows(ip):
        return None
    for kind, flag in ((N_("loopback address {ip}"), ip.is_loopback), (N_("link-local address {ip}"), ip.is_link_local),
                       (N_("multicast address {ip}"), ip.is_multicast), (N_("private address {ip}"), ip.is_private),
                       (N_("reserved address {ip}"), ip.is_reserved or ip.is_unspecified)):
        if flag:
            return _(kind).format(ip=ip)
    if not ip.is_global:
        return _("non-public address {ip}").format(ip=ip)
    return None


def _is_address(host: str) -> bool:
    return address_of(host) is not None


def _is_public(address: str) -> bool:
    return _refused(address, AddressRule()) is None


def _lookup(host: str, port: int, deadline: float) -> list:
    """getaddrinfo, given up at the fetch's deadline: a resolver that never answers cannot hold the fetch (the
    lookup's thread is left to finish on its own; it holds nothing)."""
    found: dict[str, object] = {}

    def look_up() -> None:
        try:
            found["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except BaseException as error:  # noqa: BLE001 - handed over to the fetch, raised there
            found["error"] = error

    lookup = threading.Thread(target=look_up, name=f"dns:{host}", daemon=True)
    lookup.start()
    lookup.join(max(0.0, deadline - time.monotonic()))
    if lookup.is_alive():
        raise FetchError(_("the host name {host} did not resolve in time (timed out)").format(host=host))
    if "error" in found:
        raise found["error"]  # type: ignore[misc]
    return found["infos"]  # type: ignore[return-value]


def _resolve(host: str, port: int, *, rule: AddressRule, deadline: float) -> str:
    """The address to connect to, checked after DNS; the connection uses it, so a second lookup cannot switch it.

    Every address the name resolves to must be allowed: a name with one refused address is refused.
    """
    offline = _("fetching from the internet is off ({setting}=1); refused").format(setting=OFFLINE_ENV)
    if not rule.internet and not _is_address(host) and host.lower() != "localhost":
        raise FetchError(_("{host}: {offline} (only allowed private addresses, given as IP addresses or localhost)")
                         .format(host=host, offline=offline))
    try:
        infos = _lookup(host, port, deadline)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(_("the host name {host} does not resolve ({error})").format(host=host, error=error),
                         gone=True) from None
    # An IPv4 address written in IPv6 form is connected to as IPv4: the address checked is the address used.
    addresses = [str(address_of(info[4][0])) if "%" not in info[4][0] else info[4][0] for info in infos]
    for address in addresses:
        if not rule.internet and _is_public(address):
            raise FetchError(_("{host} resolves to the public address {address}: {offline}").format(
                host=host, address=address, offline=offline))
        why = _refused(address, rule)
        if why:
            where = (_("{host} is a {what}") if address_of(host) == address_of(address) else
                     _("{host} resolves to a {what}")).format(host=host, what=why)
            if rule.networks:
                raise FetchError(_("{where}, outside the networks the desk allows ({networks}); refused").format(
                    where=where, networks=networks_text(rule.networks)))
            raise FetchError(_("{where}; refused (a desk's own network needs the desk setting for private addresses"
                               " or networks, or --allow-private)").format(where=where))
    return addresses[0]


class _Deadline:
    """Connects to the checked address, and cuts the connection at the fetch's deadline: a server that sends its
    headers or its page a byte at a time cannot hold a fetch past its time (socket timeouts are per read only)."""

    _address: str
    _deadline: float
    _watchdog: threading.Timer | None = None

    def _open(self, port: int, timeout: float) -> socket.socket:
        sock = socket.create_connection((self._address, port), timeout)
        self._watchdog = threading.Timer(max(self._deadline - time.monotonic(), 0.0), _cut, [sock])
        self._watchdog.daemon = True
        self._watchdog.start()
        return sock

    def stop_watchdog(self) -> None:
        if self._watchdog is not None:
            self._watchdog.cancel()


def _cut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _PinnedHTTP(_Deadline, http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, deadline: float) -> None:
        super().__init__(host, port, timeout=max(deadline - time.monotonic(), 0.001))
        self._address, self._deadline = address, deadline

    def connect(self) -> None:
        self.sock = self._open(self.port, self.timeout)


class _PinnedHTTPS(_Deadline, http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, deadline: float) -> None:
        super().__init__(host, port, timeout=max(deadline - time.monotonic(), 0.001),
                         context=ssl.create_default_context())
        self._address, self._deadline = address, deadline

    def connect(self) -> None:
        self.sock = self._context.wrap_socket(self._open(self.port, self.timeout), server_hostname=self.host)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def fetch(url: str, *, allow_private: bool | AddressRule = False, timeout: float = TIMEOUT_SECONDS,
          max_bytes: int = MAX_PAGE_BYTES, max_redirects: int = MAX_REDIRECTS,
          types: tuple[str, ...] = PAGE_TYPES) -> Fetched:
    """GET `url` with every safety rule; each redirect target is checked again like the first URL.

    `allow_private` is True for every private address, or an `AddressRule` naming the networks allowed.
    Raises FetchError (one line naming the URL) for a malformed or non-http URL, a refused address, a timeout, a TLS
    error, an HTTP error status, a body over `max_bytes`, a content type not in `types`, or too many redirects.
    """
    rule = AddressRule.of(allow_private)
    original = url
    try:
        current = check_url(url, what=N_("URL"))
    except InvalidURL as error:
        raise FetchError(f"{url}: {error}") from None
    deadline = time.monotonic() + timeout
    for _hop in range(max_redirects + 1):
        try:
            status, headers, body = _get_once(current, rule=rule, deadline=deadline,
                                              max_bytes=max_bytes, types=types)
        except FetchError as error:
            raise FetchError(f"{original}: {error}", status=error.status, gone=error.gone) from None
        if status in (301, 302, 303, 307, 308):
            location = headers.get("location")
            if not location:
                raise FetchError(_("{url}: redirect ({status}) without a Location").format(url=original,
                                                                                        status=status))
            try:
                current = check_url(urljoin(current, location.strip()), what=N_("redirect target"))
            except InvalidURL as error:
                raise FetchError(f"{original}: {error}") from None
            continue
        content_type = (headers.get("content-type") or "").strip()
        return Fetched(original, current, status, content_type, body, _now())
    raise FetchError(_("{url}: too many redirects (more than {count})").format(url=original, count=max_redirects))


def _get_once(url: str, *, rule: AddressRule, deadline: float, max_bytes: int,
              types: tuple[str, ...]) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    https = parts.scheme.lower() == "https"
    port = parts.port or (443 if https else 80)
    host = parts.hostname or ""
    address = _resolve(host, port, rule=rule, deadline=deadline)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(_("timed out"))
    connection = (_PinnedHTTPS if https else _PinnedHTTP)(host, port, address, deadline)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    try:
        connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(types) + ";q=0.9",
                                                 "Accept-Encoding": "identity"})
        response = connection.getresponse()
        headers = {key.lower(): value for key, value in response.getheaders()}
        status = response.status
        if status in (301, 302, 303, 307, 308):
            return status, headers, b""
        if status >= 400:
            raise FetchError(_("the server answered HTTP {status} {reason}").format(
                status=status, reason=response.reason).rstrip(), status=status, gone=status in (404, 410))
        if not 200 <= status < 300:
            raise FetchError(_("the server answered HTTP {status}, not a page").format(status=status))
        kind = (headers.get("content-type") or "").split(";", 1)[0].strip().lower()
        if kind not in types:
            raise FetchError((_("the content type is {kind}, not a page ({types})") if kind else
                              _("the content type is not given, not a page ({types})")).format(
                kind=kind, types=", ".join(types)))
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(_("is too large ({size:.1f} MB; at most {limit:g} MB)").format(
                size=int(declared) / 1048576, limit=max_bytes / 1048576))
        chunks, size = [], 0
        while True:  # streamed and stopped at the cap: a server that lies about its length gets no further
            if time.monotonic() > deadline:
                raise FetchError(_("timed out while reading the page"))
            chunk = response.read(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(_("is too large (over {limit:g} MB)").format(limit=max_bytes / 1048576))
            chunks.append(chunk)
        if time.monotonic() >= deadline:  # the watchdog cut the connection: what came is not the whole page
            raise FetchError(_("timed out while reading the page"))
        if declared.isdigit() and size < int(declared):
            raise FetchError(_("the page was cut short ({size} of {declared} bytes)").format(size=size,
                                                                                          declared=int(declared)))
        return status, headers, b"".join(chunks)
    except FetchError:
        raise
    except (OSError, http.client.HTTPException) as error:
        if isinstance(error, TimeoutError) or time.monotonic() >= deadline:  # a read's timeout, or the watchdog
            raise FetchError(_("timed out")) from None
        if isinstance(error, ssl.SSLError):
            raise FetchError(_("TLS error: {reason}").format(reason=error.reason or error)) from None
        raise FetchError(_("could not connect or read ({kind}: {error})").format(kind=type(error).__name__,
                                                                                  error=error)) from None
    finally:
        connection.stop_watchdog()
        connection.close()


def _text_codec(name: str) -> str | None:
    """The codec a declared charset names, if it is one that turns bytes into text (`undefined`, `base64`, `rot13`
    and names Python does not know are not: they are ignored like a missing declaration)."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _declared(body: bytes, content_type: str) -> list[str]:
    names = []
    for match in (_CHARSET.search(content_type), _META_CHARSET.search(body[:4096])):
        if match:
            name = match.group(1).decode("ascii", "replace") if isinstance(match.group(1), bytes) else match.group(1)
            codec = _text_codec(name)
            if codec and codec not in names:
                names.append(codec)
    return names


def _decode(body: bytes, content_type: str) -> str:
    """The page's text: a byte-order mark first (it outranks any declaration, as browsers do), then the charset
    the header or a <meta> declares if it decodes, then UTF-8, then what detection finds, then Windows-1258."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(encoding, errors="replace")
    for codec in [*_declared(body, content_type), "utf-8"]:
        try:
            return body.decode(codec)
        except (UnicodeError, LookupError, ValueError):  # a codec may raise any of these on bytes it cannot take
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    if best is not None and _text_codec(best.encoding):
        try:
            return body.decode(best.encoding)
        except (UnicodeError, LookupError, ValueError):
            pass
    return body.decode("cp1258", errors="replace")


def _unreadable_share(text: str) -> float:
    """The share of replacement and control characters (line breaks and tabs aside) in the page's first 20,000."""
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\n\r\t") for ch in sample)
    return bad / len(sample)


def read_page(fetched: Fetched) -> Page:
    """The main text (trafilatura) and the page's own title, author, site name and publication date."""
    from claims.reading import clean_text

    decoded = _decode(fetched.body, fetched.content_type)
    if _unreadable_share(decoded) > MAX_UNREADABLE_SHARE:
        raise FetchError(_("{url}: the page does not decode to readable text (mostly replacement or control"
                           " characters); refused").format(url=fetched.url))
    html = clean_text(decoded)
    kind = fetched.content_type.split(";", 1)[0].strip().lower()
    title = author = site = published = None
    if kind == "text/plain":
        text = html
    else:
        import trafilatura

        text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True) or ""
        meta = trafilatura.extract_metadata(html, default_url=fetched.final_url)
        if meta is not None:
            title, author, site, published = meta.title, meta.author, meta.sitename, meta.date
    text = clean_text(text).strip()
    if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        published = None
    return Page(fetched.url, fetched.final_url, fetched.status, fetched.content_type, html, text,
                nfc(title) if title else None, nfc(author) if author else None, nfc(site) if site else None,
                published, hashlib.sha256(text.encode("utf-8")).hexdigest(), fetched.fetched_at)


def fetch_page(url: str, *, allow_private: bool | AddressRule = False, **limits: float) -> Page:
    """Fetch and read one page; raise FetchError if it has no readable text.

    >>> fetch_page("http://127.0.0.1:8000/a.html", allow_private=True).title  # doctest: +SKIP
    'Giá xăng tăng'
    """
    page = read_page(fetch(url, allow_private=allow_private, **limits))  # type: ignore[arg-type]
    if not page.text:
        raise FetchError(_("{url}: the page has no readable text").format(url=url))
    return page
