"""Which non-public addresses a fetch may reach: none (the default), all (a desk's intranet), or listed networks.

A desk lists its own networks in CIDR form ("10.20.0.0/16, 127.0.0.1/32"); an address outside them that is
private, loopback, link-local or reserved stays refused.
"""
from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

from claims.errors import WorkbenchError
from translations import _

__all__ = ["InvalidNetwork", "Network", "AddressRule", "parse_networks", "networks_text", "networks_from_env",
           "NETWORKS_ENV", "OFFLINE_ENV", "offline_from_env", "address_of"]

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
NETWORKS_ENV = "FACTCHECK_PRIVATE_NETWORKS"
OFFLINE_ENV = "FACTCHECK_OFFLINE"
_SEPARATORS = re.compile(r"[,;\s]+")


class InvalidNetwork(WorkbenchError, ValueError):
    """A listed network is not in CIDR form; the message is one line naming it."""


def parse_networks(value: str | Iterable[str] | None) -> tuple[Network, ...]:
    """Networks from "10.20.0.0/16, 127.0.0.1/32" (commas, semicolons or spaces between; a bare address is /32).

    >>> parse_networks("10.20.0.0/16, 127.0.0.1")
    (IPv4Network('10.20.0.0/16'), IPv4Network('127.0.0.1/32'))
    """
    parts = _SEPARATORS.split(value) if isinstance(value, str) else [p for v in value or () for p in
                                                                       _SEPARATORS.split(v)]
    networks: list[Network] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        try:
            network = ipaddress.ip_network(part, strict=True)
        except ValueError as error:
            meant = ipaddress.ip_network(part, strict=False) if "host bits set" in str(error) else None
            message = (_("{part!r} is not a network in CIDR form such as 10.20.0.0/16 ({error}); did you mean"
                         " {network}?") if meant else
                       _("{part!r} is not a network in CIDR form such as 10.20.0.0/16 ({error})"))
            raise InvalidNetwork(message.format(part=part, error=error, network=meant)) from None
        if network not in networks:
            networks.append(network)
    return tuple(networks)


def networks_text(networks: Iterable[Network]) -> str:
    """The canonical way a list is written back: "10.20.0.0/16, 127.0.0.1/32"."""
    return ", ".join(str(n) for n in networks)


def networks_from_env() -> tuple[Network, ...]:
    """FACTCHECK_PRIVATE_NETWORKS="10.20.0.0/16, 127.0.0.1/32" for one command or one server process."""
    value = os.environ.get(NETWORKS_ENV, "")
    try:
        return parse_networks(value)
    except InvalidNetwork as error:
        raise InvalidNetwork(f"{NETWORKS_ENV}: {error}") from None


def offline_from_env() -> bool:
    """FACTCHECK_OFFLINE=1: nothing is fetched from the internet, only from the private addresses allowed (a desk
    without internet access; the test suite sets it, so that no test ever reaches outside the machine)."""
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in ("1", "true", "yes")


def address_of(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a URL's host is written as ("127.0.0.1", "[::1]", "::1", "fe80::1%eth0"), or None for a name.

    An IPv4 address written in IPv6 form ("::ffff:127.0.0.1") is that IPv4 address: every rule sees it as such,
    and a fetch connects to it as such. The one host check that the URL check and the fetch both use.

    >>> address_of("[::ffff:127.0.0.1]"), address_of("example.org")
    (IPv4Address('127.0.0.1'), None)
    """
    try:
        address = ipaddress.ip_address(host.strip().removeprefix("[").removesuffix("]").split("%", 1)[0])
    except ValueError:
        return None
    return _plain(address)


def _plain(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


@dataclass(frozen=True)
class AddressRule:
    """The addresses beyond the public internet that a fetch may reach: every one, or only those in `networks`;
    and whether the public internet may be reached at all (`internet`)."""

    all_private: bool = False
    networks: tuple[Network, ...] = ()
    internet: bool = True

    @classmethod
    def of(cls, allow: bool | AddressRule) -> AddressRule:
        """`True`/`False` (the all-or-nothing switch) or a rule as it is."""
        return allow if isinstance(allow, AddressRule) else cls(all_private=bool(allow))

    def joined(self, other: AddressRule) -> AddressRule:
        return AddressRule(self.all_private or other.all_private,
                           self.networks + tuple(n for n in other.networks if n not in self.networks),
                           self.internet and other.internet)

    def allows(self, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        """Whether a non-public `address` may be reached (public addresses are always reachable)."""
        if self.all_private:
            return True
        address = _plain(address)
        return any(address.version == n.version and address in n for n in self.networks)
