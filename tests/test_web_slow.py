"""A server that answers a byte at a time cannot hold a fetch past its timeout (a socket timeout alone is per read,
so a trickle would never trip it): the connection is cut at the deadline, and a page cut short is not kept."""
from __future__ import annotations

import socket
import threading
import time

import pytest

from fetching.web import FetchError, fetch_page

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
BODY = b"<html><body><p>" + "Hơn 1,7 triệu người rời nhà cửa.".encode() + b"</p></body></html>"


class Trickle:
    """One connection on 127.0.0.1: sends `head` at once, then `drip` one byte every `every` seconds, and counts
    how many bytes of `drip` went out before the client hung up."""

    def __init__(self, head: bytes, drip: bytes, every: float) -> None:
        self.head, self.drip, self.every, self.sent = head, drip, every, 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/page.html"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        connection, _ = self.listener.accept()
        with connection:
            request = b""
            while b"\r\n\r\n" not in request:
                request += connection.recv(4096)
            try:
                connection.sendall(self.head)
                for byte in self.drip:
                    time.sleep(self.every)
                    connection.sendall(bytes([byte]))
                    self.sent += 1
            except OSError:
                pass

    def close(self) -> None:
        self.thread.join(timeout=15)
        self.listener.close()


@pytest.mark.parametrize("where", ["body", "headers"])
def test_a_trickling_server_is_cut_at_the_timeout(where: str) -> None:
    if where == "body":
        server = Trickle(HEAD + f"Content-Length: {len(BODY)}\r\n\r\n".encode(), BODY, 0.1)
    else:
        server = Trickle(HEAD, b"X-Slow: 1\r\n" * 10 + b"\r\n" + BODY, 0.1)
    try:
        with pytest.raises(FetchError, match="timed out") as error:
            fetch_page(server.url, allow_private=True, timeout=1)
        assert str(error.value).startswith(server.url + ": ") and "\n" not in str(error.value)
    finally:
        server.close()
    total = len(server.drip)
    assert server.sent < total / 2  # the client hung up at about 1 s of the trickle's 10 s or more


def test_a_page_shorter_than_its_declared_length_is_refused() -> None:
    server = Trickle(HEAD + f"Content-Length: {len(BODY) + 100}\r\n\r\n".encode() + BODY, b"", 0)
    try:
        with pytest.raises(FetchError, match=rf"the page was cut short \({len(BODY)} of {len(BODY) + 100} bytes\)"):
            fetch_page(server.url, allow_private=True, timeout=5)
    finally:
        server.close()
