"""Articles by URL: a page from a local server is stored with its metadata and kept copy; refusals are one line."""
from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import factcheck
from quiet_server import QuietServer

from db.captures import get_capture
from db.connection import open_database
from fetching.networks import AddressRule
from fetching.urls import InvalidURL, check_url
from fetching.web import FetchError, fetch_page
from pipelines.url_ingest import ingest_url

ARTICLE = """<!doctype html><html><head><meta charset="utf-8"><title>Hơn 1,7 triệu người rời nhà</title>
<meta name="author" content="Nguyễn Lan"><meta property="og:site_name" content="Báo Thử">
<meta property="article:published_time" content="2022-03-08T09:00:00+07:00"></head><body><article>
<h1>Hơn 1,7 triệu người rời nhà</h1>
<p>Người phát ngôn Điện Kremlin Dmitry Peskov hôm 7/3 cho biết hơn 1,7 triệu người đã rời bỏ nhà cửa.</p>
<p>Nga hiện kiểm soát tới 90% lãnh thổ vùng Donbass, theo Bộ Quốc phòng Anh, trong báo cáo công bố sáng nay.</p>
</article></body></html>"""


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        routes = {
            "/article.html": (200, "text/html; charset=utf-8", ARTICLE.encode()),
            "/data.json": (200, "application/json", b"{}"),
            "/big.html": (200, "text/html", b"<p>" + b"x" * (6 * 1024 * 1024) + b"</p>"),
        }
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.end_headers()
            return
        if self.path == "/to-file":
            self.send_response(301)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(self.path)}")
            self.end_headers()
            return
        if self.path == "/slow.html":
            time.sleep(3)
        if self.path not in routes:
            self.send_error(404)
            return
        status, kind, body = routes[self.path]
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_an_article_by_url_is_stored_with_the_pages_title_date_and_kept_copy(server: str, tmp_path: Path) -> None:
    db = open_database(tmp_path / "f.db")
    outcome = ingest_url(db, server + "/moved", allow_private=True, added_by="Lan")
    assert outcome.ok, outcome.error
    article = next(db.query("SELECT * FROM articles"))
    assert article["title"] == "Hơn 1,7 triệu người rời nhà"
    assert article["published"] == "2022-03-08"
    assert article["url"] == server + "/article.html"  # where the redirect led
    capture = get_capture(db, article["capture_id"])
    assert capture is not None and "hơn 1,7 triệu người" in capture["text"] and capture["http_status"] == 200
    assert capture["author"] == "Nguyễn Lan" and len(capture["content_hash"]) == 64
    claims = [row["text"] for row in db.query("SELECT text FROM claims")]
    assert any("1,7 triệu" in text for text in claims)


def test_loopback_is_refused_unless_private_addresses_are_allowed(server: str, tmp_path: Path) -> None:
    db = open_database(tmp_path / "f.db")
    outcome = ingest_url(db, server + "/article.html")
    assert not outcome.ok and "loopback address 127.0.0.1" in (outcome.error or "")
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM page_captures").fetchone()[0] == 0


@pytest.mark.parametrize(("path", "reason"), [
    ("/missing.html", "HTTP 404"),
    ("/data.json", "content type is application/json"),
    ("/big.html", "too large"),
    ("/loop", "too many redirects"),
    ("/to-file", "redirect target must start with http:// or https://"),
])
def test_each_refusal_is_one_line_naming_the_url_and_the_reason(server: str, path: str, reason: str) -> None:
    with pytest.raises(FetchError) as error:
        fetch_page(server + path, allow_private=True)
    message = str(error.value)
    assert message.startswith(server + path + ": ") and reason in message and "\n" not in message


def test_a_resolver_that_does_not_answer_is_given_up_at_the_deadline(monkeypatch) -> None:
    """No DNS server can be made to hang here, so this one resolver is stood in for by a lookup that waits: the fetch
    ends at its deadline with a reason, instead of waiting on the resolver (the lookup answers 10 s later)."""
    answered = threading.Event()
    real = socket.getaddrinfo

    def unanswered(*args, **kwargs):
        answered.wait(10)
        return real("127.0.0.1", 80, type=socket.SOCK_STREAM)

    monkeypatch.setattr(socket, "getaddrinfo", unanswered)
    try:
        with pytest.raises(FetchError, match="did not resolve in time"):
            fetch_page("http://slow-resolver.example/", allow_private=True, timeout=0.5)
    finally:
        answered.set()


def test_a_slow_server_times_out(server: str) -> None:
    with pytest.raises(FetchError, match="timed out"):
        fetch_page(server + "/slow.html", allow_private=True, timeout=1)


@pytest.mark.parametrize(("url", "reason"), [
    ("file:///etc/passwd", "must start with http:// or https://"),
    ("javascript:alert(1)", "must start with http:// or https://"),
    ("http://", "no valid host name"),
    ("http://exa mple.com/", "spaces"),
])
def test_malformed_urls_and_other_schemes_are_refused(url: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason):
        fetch_page(url, allow_private=True)


@pytest.mark.parametrize("url", ["http://wiki/bao-cao", "https://intranet:8443/so-lieu", "http://wiki-2/"])
def test_an_intranet_name_of_one_label_is_a_host_not_a_malformed_url(url: str) -> None:
    """`http://wiki/` is a real intranet address: it goes on to the network rules (here: a desk with no internet)."""
    assert check_url(url) == url
    with pytest.raises(FetchError) as error:
        fetch_page(url, allow_private=AddressRule(all_private=True, internet=False))
    assert "no valid host name" not in str(error.value) and "fetching from the internet is off" in str(error.value)


@pytest.mark.parametrize("url", ["http://-wiki/", "http://wiki-/", "http://wi_ki/", "http://2130706433/"])
def test_a_one_label_host_that_is_not_a_name_is_still_refused(url: str) -> None:
    with pytest.raises(InvalidURL, match="no valid host name"):
        check_url(url)


def test_https_to_a_plain_http_server_is_a_tls_error(server: str) -> None:
    with pytest.raises(FetchError, match="TLS error"):
        fetch_page(server.replace("http://", "https://") + "/article.html", allow_private=True)


def test_link_local_and_localhost_names_are_refused_after_resolution() -> None:
    """The check is on the resolved address, so "localhost" is refused like 127.0.0.1 (nothing listens there)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    listener.close()
    with pytest.raises(FetchError, match="link-local address 169.254.169.254"):
        fetch_page("http://169.254.169.254/latest/meta-data/")
    with pytest.raises(FetchError, match="loopback"):
        fetch_page(f"http://localhost:{port}/")


def test_factcheck_ingest_url_refuses_loopback_then_stores_with_allow_private(server: str, tmp_path: Path) -> None:
    db_path = tmp_path / "cli.db"
    refused = factcheck("ingest", server + "/article.html", db=db_path)
    assert refused.returncode == 1
    assert "loopback" in refused.stderr and "Traceback" not in refused.stderr
    stored = factcheck("ingest", server + "/article.html", "--allow-private", db=db_path)
    assert stored.returncode == 0, stored.stderr
    assert "stored: " + (server + "/article.html") in stored.stdout
    again = factcheck("ingest", server + "/article.html", "--allow-private", db=db_path)
    assert "already stored" in again.stdout
