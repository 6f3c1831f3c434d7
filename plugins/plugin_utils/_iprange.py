# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""Address ranges in the ``first-last`` form that coturn's denied-peer-ip and allowed-peer-ip take.

coturn 4.6 reads ``ip`` or ``ip-ip`` only, no prefix length; inventories are easier to read and to
check as networks (``10.0.0.0/8``), so the role writes them as networks and this turns them into ranges.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from ansible_collections.rtcstack.debian.plugins.plugin_utils._address import require_netaddr
from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import (
    RtcInputError,
    check_string,
)

try:
    import netaddr
except ImportError:  # pragma: no cover - exercised only on controllers without netaddr
    netaddr = None


def _format(address):
    if address.version == 4:
        return str(address)
    # ::ffff:0.0.0.0 stays in its dotted form, which coturn parses like any IPv6 address
    return address.format(netaddr.ipv6_compact).lower()


def _address(text, value, where):
    try:
        return netaddr.IPAddress(text, flags=netaddr.INET_PTON)
    except (netaddr.AddrFormatError, ValueError, TypeError):
        raise RtcInputError(where, '%r is not an IP address' % (value, ))


def ip_range(value, where='network'):
    """Return ``first-last`` for a network (``10.0.0.0/8``), ``ip`` for one address, and check ``a-b`` ranges.

    A network must be written with its host bits zero, so that a typo (``10.0.0.1/8``) is not taken
    for a wider range than meant.
    """
    require_netaddr()
    check_string(value, where)
    text = value.strip()
    if '/' in text:
        address_text, _sep, prefix_text = text.partition('/')
        address = _address(address_text.strip(), value, where)
        maximum = 32 if address.version == 4 else 128
        if not prefix_text.strip().isdigit() or int(prefix_text) > maximum:
            raise RtcInputError(where, '%r is not an IP network (address/prefix length)' % (value, ))
        network = netaddr.IPNetwork('%s/%d' % (address, int(prefix_text)))
        if network.ip != network.network:
            raise RtcInputError(where, '%r has host bits set; the network is %s/%d' % (value, _format(network.network), network.prefixlen))
        first, last = network.network, netaddr.IPAddress(network.last, network.version)
    elif '-' in text:
        first_text, _sep, last_text = text.partition('-')
        first, last = _address(first_text.strip(), value, where), _address(last_text.strip(), value, where)
        if first.version != last.version:
            raise RtcInputError(where, '%r mixes IPv4 and IPv6' % (value, ))
        if first > last:
            raise RtcInputError(where, '%r ends before it starts' % (value, ))
    else:
        first = last = _address(text, value, where)
    if first == last:
        return _format(first)
    return '%s-%s' % (_format(first), _format(last))
