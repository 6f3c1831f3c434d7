# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""One listener of a host's port plan (docs/inventory.md, "The port plan"), read and checked once for
the filters that read the plan: rtc_port_clashes and rtc_nft_rules."""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from collections.abc import Mapping

from ansible_collections.rtcstack.debian.plugins.plugin_utils._address import ipv4_or_none, ipv6_or_none
from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import RtcInputError, RtcTypeError, is_list, type_name

# Wildcards and the families they cover.
_WILDCARDS = {'*': (4, 6), '0.0.0.0': (4,), '::': (6,)}
_TRANSPORTS = ('udp', 'tcp')


def parse_listener(listener, index):
    """(daemon, transport, (family, address or None for a wildcard), (low, high), shown) of one listener."""
    where = '_input[%d]' % index
    if not isinstance(listener, Mapping):
        raise RtcTypeError(where, 'expected a mapping, got %s' % type_name(listener))
    missing = [key for key in ('daemon', 'transport', 'address', 'port') if key not in listener]
    if missing:
        raise RtcInputError(where, 'missing %s' % ', '.join(missing))
    transport = listener['transport']
    if transport not in _TRANSPORTS:
        raise RtcInputError(where, "transport: expected udp or tcp, got %r" % (transport,))
    address = str(listener['address'])
    if address in _WILDCARDS:
        families, host = _WILDCARDS[address], None
    elif ipv4_or_none(address):
        families, host = (4,), ipv4_or_none(address)
    elif ipv6_or_none(address):
        families, host = (6,), ipv6_or_none(address)
    else:
        raise RtcInputError(where, 'address: expected an IP address, *, 0.0.0.0 or ::, got %r' % address)
    port = listener['port']
    ports = list(port) if is_list(port) else [port, port]
    try:
        low, high = (int(value) for value in ports)
    except (TypeError, ValueError):
        raise RtcInputError(where, 'port: expected a number or a [low, high] range, got %r' % (port,))
    if len(ports) != 2 or not 0 < low <= high < 65536:
        raise RtcInputError(where, 'port: expected a number or a [low, high] range within 1-65535, got %r' % (port,))
    setting = listener.get('setting')
    shown = '%s (%s)' % (listener['daemon'], setting) if setting else str(listener['daemon'])
    return listener['daemon'], transport, families, host, (low, high), shown
