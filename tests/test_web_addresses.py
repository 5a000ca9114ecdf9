"""URLs written with an IP address: an IPv6 literal ([::1]) is fetched wherever the address rule allows it, and an
IPv4 address written in IPv6 form ([::ffff:127.0.0.1]) is checked, and reached, as the IPv4 address it is."""
from __future__ import annotations

import pytest
from cli_support import factcheck
from test_web_charsets import titles
from test_web_feeds import article
from web_support import local_site

from fetching.urls import check_url
from fetching.web import FetchError, fetch_page

PAGE = article("Giá xăng tăng", "Giá xăng RON 95 tăng 1.200 đồng mỗi lít từ ngày 8/3.")


def test_an_ipv6_literal_url_is_fetched_where_the_rule_allows_it(db_path) -> None:
    with local_site("::1") as site:
        url = site.page("/a.html", PAGE)
        assert url.startswith("http://[::1]:")
        refused = factcheck("ingest", url, db=db_path)
        assert refused.returncode == 1 and "loopback address ::1" in refused.stderr, refused.stderr
        allowed = factcheck("ingest", url, "--allow-network", "::1/128", db=db_path)
        assert allowed.returncode == 0, allowed.stderr
    assert titles(db_path) == ["Giá xăng tăng"]


def test_an_ipv4_address_in_ipv6_form_is_that_ipv4_address(db_path) -> None:
    with local_site("127.0.0.1") as site:
        site.page("/a.html", PAGE)
        url = f"http://[::ffff:127.0.0.1]:{site.port}/a.html"
        refused = factcheck("ingest", url, db=db_path)
        assert refused.returncode == 1 and "loopback address 127.0.0.1" in refused.stderr, refused.stderr
        with pytest.raises(FetchError, match="loopback address 127.0.0.1"):
            fetch_page(url, allow_private=False)
        allowed = factcheck("ingest", url, "--allow-network", "127.0.0.1/32", db=db_path)
        assert allowed.returncode == 0, allowed.stderr
    assert titles(db_path) == ["Giá xăng tăng"]


@pytest.mark.parametrize("url", ["http://[::1]:8766/", "http://[::ffff:127.0.0.1]/", "http://[2001:db8::1]/a",
                                 "http://10.0.0.1/", "https://[fe80::1%25eth0]:8443/"])
def test_the_url_check_takes_every_address_literal_alike(url) -> None:
    assert check_url(url) == url  # whether it may be reached is the address rule's to say
