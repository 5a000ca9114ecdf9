"""A desk's listed private networks: only those are reached, after DNS and after every redirect, and the connection
goes to the address that was checked. Two local servers, on 127.0.0.1 and 127.0.0.2 (Linux answers on all of 127/8).
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_support import make_app
from cli_support import factcheck
from web_support import LocalSite, local_site

from db.captures import private_allowed
from db.settings import get_setting, set_setting
from evidence.web_sources import draft_source
from fetching.networks import AddressRule, InvalidNetwork, parse_networks
from fetching.web import FetchError, fetch_page
from pipelines.url_ingest import ingest_url

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Mạng nội bộ</title></head><body><article>
<p>Theo báo cáo nội bộ, hơn 1,7 triệu người đã rời bỏ nhà cửa kể từ đầu tháng ba năm nay.</p>
</article></body></html>"""


@pytest.fixture
def first() -> Iterator[LocalSite]:
    with local_site("127.0.0.1") as site:
        yield site


@pytest.fixture
def second() -> Iterator[LocalSite]:
    with local_site("127.0.0.2") as site:
        yield site


def _counts(db) -> tuple[int, int]:
    return (db.execute("SELECT count(*) FROM articles").fetchone()[0],
            db.execute("SELECT count(*) FROM page_captures").fetchone()[0])


def test_a_network_list_is_read_in_cidr_form_and_a_bad_one_is_one_line() -> None:
    assert [str(n) for n in parse_networks("10.20.0.0/16, 127.0.0.1;fd00::/8  127.0.0.1/32")] == [
        "10.20.0.0/16", "127.0.0.1/32", "fd00::/8"]
    for bad, words in (("10.20.0.0/33", "'10.20.0.0/33' is not a network in CIDR form"),
                       ("10.20.0.1/16", "did you mean 10.20.0.0/16?"),
                       ("intranet", "'intranet' is not a network")):
        with pytest.raises(InvalidNetwork, match=words) as error:
            parse_networks(f"127.0.0.1/32, {bad}")
        assert "\n" not in str(error.value)


def test_the_desk_setting_stores_networks_canonically_and_refuses_a_bad_cidr(db) -> None:
    assert set_setting(db, "private_networks", "127.0.0.1, 10.20.0.0/16", changed_by="Lan") == \
        "127.0.0.1/32, 10.20.0.0/16"
    with pytest.raises(ValueError, match="'10.20.0.0/40' is not a network"):
        set_setting(db, "private_networks", "10.20.0.0/40", changed_by="Lan")
    assert get_setting(db, "private_networks") == "127.0.0.1/32, 10.20.0.0/16"  # the bad value changed nothing
    rule = private_allowed(db)
    assert not rule.all_private and [str(n) for n in rule.networks] == ["127.0.0.1/32", "10.20.0.0/16"]


def test_a_redirect_to_an_address_outside_the_allowed_networks_is_refused_and_nothing_stored(
        db, first: LocalSite, second: LocalSite) -> None:
    second.page("/report.html", PAGE)
    first.redirects["/go"] = second.url + "/report.html"
    set_setting(db, "private_networks", "127.0.0.1/32", changed_by="Lan")
    outcome = ingest_url(db, first.url + "/go")
    assert not outcome.ok
    assert outcome.error == ("127.0.0.2 is a loopback address 127.0.0.2, outside the networks the desk allows"
                             " (127.0.0.1/32); refused")
    assert first.requests == ["/go"] and second.requests == []  # refused before connecting to the second host
    assert _counts(db) == (0, 0)

    set_setting(db, "private_networks", "127.0.0.1/32, 127.0.0.2/32", changed_by="Lan")  # the same, allowed
    outcome = ingest_url(db, first.url + "/go")
    assert outcome.ok, outcome.error
    assert second.requests == ["/report.html"] and _counts(db) == (1, 1)
    assert next(db.query("SELECT url FROM articles"))["url"] == second.url + "/report.html"


def test_a_page_served_directly_on_an_address_outside_the_list_is_refused(db, first: LocalSite,
                                                                           second: LocalSite) -> None:
    first.page("/report.html", PAGE)
    second.page("/report.html", PAGE)
    only_first = AddressRule(networks=parse_networks("127.0.0.1/32"))
    assert fetch_page(first.url + "/report.html", allow_private=only_first).status == 200
    with pytest.raises(FetchError) as error:
        fetch_page(second.url + "/report.html", allow_private=only_first)
    assert str(error.value) == (f"{second.url}/report.html: 127.0.0.2 is a loopback address 127.0.0.2, outside the"
                                " networks the desk allows (127.0.0.1/32); refused")
    assert second.requests == []


def test_a_host_name_resolving_outside_the_list_is_refused(first: LocalSite) -> None:
    """localhost resolves to 127.0.0.1 here: allowed when 127.0.0.1/32 is listed, refused when only 127.0.0.2 is."""
    first.page("/report.html", PAGE)
    url = f"http://localhost:{first.port}/report.html"
    with pytest.raises(FetchError, match=r"localhost resolves to a loopback address 127\.0\.0\.1, outside the"
                                         r" networks the desk allows \(127\.0\.0\.2/32\); refused"):
        fetch_page(url, allow_private=AddressRule(networks=parse_networks("127.0.0.2/32")))
    assert first.requests == []
    assert fetch_page(url, allow_private=AddressRule(networks=parse_networks("127.0.0.0/8"))).status == 200


_EVENTS: list[tuple[str, tuple]] | None = None


def _audit(event: str, args: tuple) -> None:
    if _EVENTS is not None and event in ("socket.getaddrinfo", "socket.connect"):
        _EVENTS.append((event, args))


sys.addaudithook(_audit)  # audit hooks stay for the process; it records only while a test sets _EVENTS


def test_the_connection_goes_to_the_checked_address_without_a_second_lookup(first: LocalSite) -> None:
    """Python's audit events show every name lookup and connect: one lookup of the name, then a connect to the IP
    checked (a DNS answer that changed between check and connect could not switch it)."""
    global _EVENTS
    first.page("/report.html", PAGE)
    _EVENTS = []
    try:
        page = fetch_page(f"http://localhost:{first.port}/report.html",
                          allow_private=AddressRule(networks=parse_networks("127.0.0.1/32")))
        events = list(_EVENTS)
    finally:
        _EVENTS = None
    assert page.status == 200
    lookups = [args[0] for event, args in events if event == "socket.getaddrinfo"]
    assert lookups.count("localhost") == 1
    assert all(host in ("localhost", "127.0.0.1") for host in lookups)
    connects = [args[1] for event, args in events if event == "socket.connect"]
    assert connects == [("127.0.0.1", first.port)]
    assert first.hosts == [f"localhost:{first.port}"]  # the server still sees the name the URL gave


def test_the_environment_variable_lists_networks_and_a_bad_one_is_one_line(db, first: LocalSite,
                                                                           monkeypatch) -> None:
    url = first.page("/report.html", PAGE)
    monkeypatch.setenv("FACTCHECK_PRIVATE_NETWORKS", "127.0.0.1/32")
    assert draft_source(db, url, claim_text="1,7 triệu").page.status == 200
    monkeypatch.setenv("FACTCHECK_PRIVATE_NETWORKS", "127.0.0.1/32, 127.0.0.300/32")
    with pytest.raises(FetchError, match="^FACTCHECK_PRIVATE_NETWORKS: '127.0.0.300/32' is not a network"):
        draft_source(db, url, claim_text="1,7 triệu")


def test_factcheck_ingest_with_allow_network(first: LocalSite, second: LocalSite, tmp_path: Path) -> None:
    db_path = tmp_path / "cli.db"
    url = second.page("/report.html", PAGE)
    refused = factcheck("ingest", url, "--allow-network", "127.0.0.1/32", db=db_path)
    assert refused.returncode == 1 and "outside the networks the desk allows (127.0.0.1/32)" in refused.stderr
    bad = factcheck("ingest", url, "--allow-network", "127.0.0.2/33", db=db_path)
    assert bad.returncode == 2 and "'127.0.0.2/33' is not a network in CIDR form" in bad.stderr
    assert "Traceback" not in bad.stderr + refused.stderr
    stored = factcheck("ingest", url, "--allow-network", "127.0.0.1/32,127.0.0.2/32", db=db_path)
    assert stored.returncode == 0, stored.stderr
    assert "stored: " + url in stored.stdout


def test_the_desk_page_saves_the_network_list_or_says_why_not(db, db_path, monkeypatch) -> None:
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    at = make_app()
    at.run()
    at.switch_page("app_pages/desk.py").run()
    at.text_input(key="desk_setting_private_networks").input("10.20.0.0/16, 10.30.0.0/33")
    at.button(key="FormSubmitter:desk_settings_form-Save settings").click().run()
    assert not at.exception
    assert "Settings not saved: '10.30.0.0/33' is not a network in CIDR form" in at.error[0].value
    assert get_setting(db, "private_networks") == ""
    at.text_input(key="desk_setting_private_networks").input("10.20.0.0/16, 127.0.0.1")
    at.button(key="FormSubmitter:desk_settings_form-Save settings").click().run()
    assert not at.exception and not at.error
    assert get_setting(db, "private_networks") == "10.20.0.0/16, 127.0.0.1/32"
