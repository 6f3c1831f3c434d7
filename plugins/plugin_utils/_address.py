# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""IP address checks and host:port formatting, on top of netaddr."""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import (
    RtcDependencyError,
    RtcInputError,
    check_port,
    check_string,
    is_dns_name,
)

try:
    import netaddr
except ImportError:  # pragma: no cover - exercised only on controllers without netaddr
    netaddr = None

HOSTPORT_STYLES = ('uri', 'plain')


def require_netaddr():
    """Raise ``RtcDependencyError`` when the netaddr library is missing."""
    if netaddr is None:
        raise RtcDependencyError('this filter needs the python netaddr library on the controller (pip install netaddr, or apt-get install python3-netaddr)')


def _parse(text, version):
    """Return a netaddr.IPAddress of ``version`` for ``text``, or None when it is not one.

    Strict parsing (inet_pton): netaddr before 1.0 accepts ``127.1`` and ``010.0.0.1`` by default.
    """
    require_netaddr()
    try:
        address = netaddr.IPAddress(text, version, flags=netaddr.INET_PTON)
    except (netaddr.AddrFormatError, ValueError, TypeError):
        return None
    if version == 4 and str(address) != text:
        # leading zeros or other non-canonical spellings that some inet_pton versions accept
        return None
    if version == 6 and '%' in text:
        return None
    return address


def ipv4_or_none(text):
    """The canonical IPv4 address for ``text``, or None when ``text`` is not an IPv4 address."""
    address = _parse(text, 4) if isinstance(text, str) else None
    return None if address is None else str(address)


def ipv6_or_none(text):
    """The compact lowercase IPv6 address for ``text``, or None when ``text`` is not an IPv6 address."""
    address = _parse(text, 6) if isinstance(text, str) else None
    return None if address is None else address.format(netaddr.ipv6_compact).lower()


def check_ipv4(value, where):
    """Return ``value`` when it is an IPv4 address in dotted-quad form."""
    check_string(value, where)
    address = ipv4_or_none(value)
    if address is None:
        raise RtcInputError(where, '%r is not an IPv4 address' % (value, ))
    return address


def check_ipv6(value, where):
    """Return ``value`` in compact lowercase form when it is an IPv6 address (not an IPv4-mapped one)."""
    check_string(value, where)
    address = ipv6_or_none(value)
    if address is None:
        raise RtcInputError(where, '%r is not an IPv6 address' % (value, ))
    if netaddr.IPAddress(address, 6).is_ipv4_mapped():
        raise RtcInputError(where, '%r is an IPv4-mapped address; give the IPv4 address in the IPv4 variable instead' % (value, ))
    return address


def reverse_pointer(address):
    """Split the reverse DNS name of an address into (zone, owner).

    The zone is the /24 ``in-addr.arpa`` zone of an IPv4 address or the /64 nibble ``ip6.arpa`` zone
    of an IPv6 address, without a trailing dot; the owner is the rest, relative to the zone.
    """
    require_netaddr()
    try:
        parsed = netaddr.IPAddress(address, flags=netaddr.INET_PTON)
    except (netaddr.AddrFormatError, ValueError, TypeError):
        raise RtcInputError('address', '%r is not an IP address' % (address, ))
    labels = parsed.reverse_dns.rstrip('.').split('.')
    host_labels = 1 if parsed.version == 4 else 16
    return '.'.join(labels[host_labels:]), '.'.join(labels[:host_labels])


def hostport(address, port=None, style='uri'):
    """Format an address (IPv4, IPv6 or DNS name) and an optional port.

    ``style='uri'`` brackets IPv6 addresses (RFC 3986 host); ``style='plain'`` does not, which is
    the syntax of repro's configuration. IPv6 is written in compact lowercase form.
    """
    check_string(style, 'style')
    if style not in HOSTPORT_STYLES:
        raise RtcInputError('style', 'unknown style %r; expected one of %s' % (style, ', '.join(repr(s) for s in HOSTPORT_STYLES)))
    check_string(address, 'address')
    if port is not None:
        port = check_port(port, 'port')

    text = address
    if text.startswith('[') and text.endswith(']'):
        text = text[1:-1]
        host = ipv6_or_none(text)
        if host is None:
            raise RtcInputError('address', '%r is bracketed but is not an IPv6 address' % (address, ))
        family = 6
    elif ipv4_or_none(text) is not None:
        host, family = ipv4_or_none(text), 4
    elif ipv6_or_none(text) is not None:
        host, family = ipv6_or_none(text), 6
    elif is_dns_name(text):
        host, family = text, None
    else:
        raise RtcInputError('address', '%r is neither an IP address nor a valid DNS name' % (address, ))

    if family == 6 and style == 'uri':
        host = '[%s]' % host
    if port is None:
        return host
    return '%s:%d' % (host, port)
