# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_port_clashes
short_description: Find two daemons of one host that would listen on the same address, port and transport
version_added: 0.3.0
author: rtcstack.debian contributors
description:
  - Takes the listeners of one host (each daemon's sockets, as the roles' port plan lists them) and returns one
    message per pair of different daemons whose sockets overlap - the second daemon to start would fail to
    bind, or one would take the other's traffic. One daemon listed twice on a socket (kamailio's TLS and WSS on
    one port) is no clash.
  - Two sockets overlap when their transports are the same, their port ranges meet, and their addresses do -
    the same address, or a wildcard that covers the other. C(*) covers every address of both families (a
    dual-stack socket, as Apache's C(Listen 443)), C(0.0.0.0) every IPv4 address and C(::) every IPv6 address
    (a socket with C(IPV6_V6ONLY), as BIND's C(listen-on-v6 { any; }) and Prosody's C(::)).
  - "Each message names both daemons and the setting behind each socket, for example
    C(coturn (turn_port) and Apache (web_phone_https_port) both listen on tcp 198.51.100.19:443)."
options:
  _input:
    description:
      - The listeners, each a mapping with C(daemon), C(transport) (C(udp) or C(tcp)), C(address) (an IP address,
        C(*), C(0.0.0.0) or C(::)), C(port) (a number, or a two-item list for a range such as TURN's relays) and
        optionally C(setting), the variable that sets it, shown in the message.
    type: list
    elements: dict
    required: true
"""

EXAMPLES = r"""
- name: Refuse two daemons on one socket
  ansible.builtin.assert:
    that: __clashes | length == 0
    fail_msg: "{{ __clashes | first | default('') }}"
  vars:
    __clashes: >-
      {{ [{'daemon': 'coturn', 'transport': 'tcp', 'address': '198.51.100.19', 'port': 443, 'setting': 'rtc_turn_port'},
          {'daemon': 'Apache', 'transport': 'tcp', 'address': '*', 'port': 443}] | rtcstack.debian.rtc_port_clashes }}
"""

RETURN = r"""
_value:
  description: One message per clashing pair, in the order of the listeners; empty when none clash.
  type: list
  elements: str
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import RtcTypeError, is_list, type_name  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._listeners import parse_listener as _socket  # noqa: E402


def _overlap(one, other):
    _daemon, _transport, families, host, (low, high), _shown = one
    _daemon2, _transport2, families2, host2, (low2, high2), _shown2 = other
    if not set(families) & set(families2) or high < low2 or high2 < low:
        return False
    return host is None or host2 is None or host == host2


def _describe(one, other):
    """The socket both take: the specific address if one side has it, the port they share."""
    host = one[3] if one[3] is not None else other[3]
    if host is None:
        # Two wildcards: the narrower one's family.
        families = set(one[2]) & set(other[2])
        address = '*' if len(families) == 2 else ('0.0.0.0' if 4 in families else '[::]')
    elif ':' in host:
        address = '[%s]' % host
    else:
        address = host
    low = max(one[4][0], other[4][0])
    high = min(one[4][1], other[4][1])
    ports = str(low) if low == high else '%d-%d' % (low, high)
    return '%s %s:%s' % (one[1], address, ports)


def port_clashes(listeners):
    """The messages for each pair of different daemons whose sockets overlap."""
    if not is_list(listeners):
        raise RtcTypeError('_input', 'expected a list of listeners, got %s' % type_name(listeners))
    sockets = [_socket(listener, index) for index, listener in enumerate(listeners)]
    problems = []
    for index, one in enumerate(sockets):
        for other in sockets[index + 1:]:
            if one[0] != other[0] and one[1] == other[1] and _overlap(one, other):
                message = '%s and %s both listen on %s' % (one[5], other[5], _describe(one, other))
                if message not in problems:
                    problems.append(message)
    return problems


def rtc_port_clashes(listeners):
    """The messages for the clashing pairs of listeners."""
    return run_filter('rtc_port_clashes', port_clashes, listeners)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_port_clashes': rtc_port_clashes}
