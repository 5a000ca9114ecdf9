"""A local 127.0.0.1 web server for the web tests, whose pages a test can change, remove or stop serving."""
from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from quiet_server import QuietServer

__all__ = ["LocalSite", "local_site"]


class LocalSite:
    """`pages` maps a path to (content type, body); a missing path is a 404; `redirects` maps a path to another.

    `host` is the address it listens on (127.0.0.1; Linux answers on all of 127/8, so 127.0.0.2 is a second host).
    `requests` lists the paths asked for and `hosts` the Host header each request carried. `delays` maps a path to
    the seconds the server waits before it answers (a slow or trickling server).
    """

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.pages: dict[str, tuple[str, bytes]] = {}
        self.redirects: dict[str, str] = {}
        self.delays: dict[str, float] = {}
        self.requests: list[str] = []
        self.hosts: list[str] = []
        self.url = ""
        self._httpd: http.server.ThreadingHTTPServer | None = None

    def page(self, path: str, body: str, kind: str = "text/html; charset=utf-8") -> str:
        self.pages[path] = (kind, body.encode("utf-8"))
        return self.url + path

    def start(self) -> None:
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.requests.append(self.path)
                site.hosts.append(self.headers.get("Host", ""))
                time.sleep(site.delays.get(self.path, 0.0))
                if self.path in site.redirects:
                    self.send_response(302)
                    self.send_header("Location", site.redirects[self.path])
                    self.end_headers()
                    return
                if self.path not in site.pages:
                    self.send_error(404)
                    return
                kind, body = site.pages[self.path]
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        server = QuietServer
        if ":" in self.host:  # an IPv6 address such as ::1, written [::1] in a URL
            server = type("IPv6Server", (QuietServer,), {"address_family": socket.AF_INET6})
        self._httpd = server((self.host, 0), Handler)
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        self.url = f"http://[{self.host}]:{self.port}" if ":" in self.host else f"http://{self.host}:{self.port}"

    @property
    def port(self) -> int:
        assert self._httpd is not None
        return int(self._httpd.server_address[1])

    def stop(self) -> None:
        """Stop serving entirely: the port is closed, so a fetch cannot connect."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None


@contextmanager
def local_site(host: str = "127.0.0.1") -> Iterator[LocalSite]:
    site = LocalSite(host)
    site.start()
    try:
        yield site
    finally:
        site.stop()
