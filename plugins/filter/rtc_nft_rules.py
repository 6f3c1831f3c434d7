# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_nft_rules
short_description: The nftables accept rules of one host's port plan
version_added: 0.3.0
author: rtcstack.debian contributors
description:
  - Turns the listeners of one host (its port plan, the input of P(rtcstack.debian.rtc_port_clashes#filter)) into
    the accept rules of an nftables C(inet) input chain whose policy drops everything else (docs/firewall.md).
  - A listener on an address accepts its transport and port (or range) to that address only (C(ip daddr) or
    C(ip6 daddr)); C(*) to any address, C(0.0.0.0) to any IPv4 and C(::) to any IPv6 address. Loopback
    listeners get no rule (the chain accepts loopback as a whole).
  - A listener with C(internal) true accepts only from O(internal_sources) of its family, and gets no rule
    when there is none. A listener with C(sources) of its own (the SIP proxies' cluster socket, open to its
    peers) accepts only from those, whatever O(internal_sources) says.
  - O(allowed) adds the admin's own ports.
  - Each rule carries a comment with the daemon and the setting behind it. Equal rules come once, in the
    order of the listeners.
  - Its messages name the role variables the options come from, C(rtc_firewall_internal_sources) and
    C(rtc_firewall_allowed).
options:
  _input:
    description:
      - The listeners, each a mapping with C(daemon), C(transport), C(address), C(port) (a number or a C([low, high])
        range), optionally C(setting), C(internal) and C(sources) (addresses or networks).
    type: list
    elements: dict
    required: true
  internal_sources:
    description: The addresses or networks (C(10.0.0.0/8), C(192.0.2.1), C(first-last)) that may reach internal listeners.
    type: list
    elements: str
    default: []
  allowed:
    description:
      - The admin's own ports, each a mapping with C(port) (a number, or C(low-high)), C(transport) (C(tcp) or C(udp),
        default C(tcp)) and C(sources) (addresses or networks; empty, every source).
    type: list
    elements: dict
    default: []
requirements:
  - netaddr (Python library, on the controller)
"""

EXAMPLES = r"""
- name: The accept rules of this host's firewall
  ansible.builtin.debug:
    msg: "{{ __rtc_port_plan | rtcstack.debian.rtc_nft_rules(['10.0.0.0/8'], [{'port': 9100, 'sources': ['192.0.2.7']}]) }}"
"""

RETURN = r"""
_value:
  description: One nftables rule per line, for example C(ip daddr 198.51.100.19 udp dport 3467 accept comment "coturn rtc_turn_port").
  type: list
  elements: str
"""

from collections.abc import Mapping  # noqa: E402

from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import RtcInputError, RtcTypeError, is_list, type_name  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._iprange import ip_range  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._listeners import parse_listener  # noqa: E402

_LOOPBACK = ('127.', '::1')


def _ports(low, high):
    return str(low) if low == high else '%d-%d' % (low, high)


def _sources(values, where):
    """The sources by family: {4: [...], 6: [...]}, each as nft takes it (an address or first-last)."""
    if not is_list(values):
        raise RtcTypeError(where, 'expected a list of addresses or networks, got %s' % type_name(values))
    result = {4: [], 6: []}
    for index, value in enumerate(values):
        text = ip_range(value, '%s[%d]' % (where, index))
        family = 6 if ':' in text else 4
        if text not in result[family]:
            result[family].append(text)
    return result


def _match(family, sources, direction):
    if not sources:
        return ''
    keyword = 'ip' if family == 4 else 'ip6'
    return '%s %s { %s } ' % (keyword, direction, ', '.join(sources)) if len(sources) > 1 else '%s %s %s ' % (keyword, direction, sources[0])


def _comment(text):
    return ' comment "%s"' % text.replace('"', "'")[:120]


def _allowed(items):
    if not is_list(items):
        raise RtcTypeError('rtc_firewall_allowed', 'expected a list of ports, got %s' % type_name(items))
    rules = []
    for index, item in enumerate(items):
        where = 'rtc_firewall_allowed[%d]' % index
        if not isinstance(item, Mapping):
            raise RtcTypeError(where, 'expected a mapping with port, transport and sources, got %s' % type_name(item))
        transport = item.get('transport') or 'tcp'
        if transport not in ('tcp', 'udp'):
            raise RtcInputError(where, 'transport: expected tcp or udp, got %r' % (transport, ))
        port = str(item.get('port', '')).strip()
        low, _sep, high = port.partition('-')
        if not low.isdigit() or (high and not high.isdigit()):
            raise RtcInputError(where, 'port: expected a number or a low-high range, got %r' % (item.get('port'), ))
        low, high = int(low), int(high or low)
        if not 0 < low <= high < 65536:
            raise RtcInputError(where, 'port: expected a number or a range within 1-65535, got %r' % (item.get('port'), ))
        sources = _sources(item.get('sources') or [], where + '.sources')
        families = [family for family in (4, 6) if sources[family]] or [None]
        for family in families:
            source = _match(family, sources.get(family), 'saddr')
            rules.append('%s%s dport %s accept%s' % (source, transport, _ports(low, high), _comment('rtc_firewall_allowed[%d]' % index)))
    return rules


def nft_rules(listeners, internal_sources=None, allowed=None):
    """The accept rules for the listeners, the internal sources and the admin's own ports."""
    if not is_list(listeners):
        raise RtcTypeError('_input', 'expected a list of listeners, got %s' % type_name(listeners))
    internal = _sources(internal_sources or [], 'rtc_firewall_internal_sources')
    rules = []
    for index, listener in enumerate(listeners):
        daemon, transport, families, host, (low, high), _shown = parse_listener(listener, index)
        if host is not None and host.startswith(_LOOPBACK):
            continue
        comment = _comment(('%s %s' % (daemon, listener.get('setting') or '')).strip())
        own = None
        if listener.get('sources') is not None:
            own = _sources(listener['sources'], '_input[%d].sources' % index)
        for family in families:
            if host is not None:
                destination = '%s daddr %s ' % ('ip' if family == 4 else 'ip6', host)
            elif len(families) == 2 and not listener.get('internal') and own is None:
                destination = ''
            else:
                destination = 'meta nfproto %s ' % ('ipv4' if family == 4 else 'ipv6')
            source = ''
            if own is not None:
                if not own[family]:
                    continue
                source = _match(family, own[family], 'saddr')
            elif listener.get('internal'):
                if not internal[family]:
                    continue
                source = _match(family, internal[family], 'saddr')
            rules.append('%s%s%s dport %s accept%s' % (source, destination, transport, _ports(low, high), comment))
            if not destination:
                break
    rules.extend(_allowed(allowed or []))
    unique = []
    for rule in rules:
        if rule not in unique:
            unique.append(rule)
    return unique


def rtc_nft_rules(listeners, internal_sources=None, allowed=None):
    """The nftables accept rules of a host's port plan."""
    return run_filter('rtc_nft_rules', nft_rules, listeners, internal_sources, allowed)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_nft_rules': rtc_nft_rules}
