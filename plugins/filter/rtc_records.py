# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_records
short_description: The DNS records (A, AAAA, SRV, NAPTR) that publish the RTC stack
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - Derives the zone's records from the output of P(rtcstack.debian.rtc_topology#filter), so that no record can
    announce an address or a port that the servers do not use.
  - The records come in a stable order, without duplicates. First come the A and AAAA records of the apex.
    Then each host label gets its A and then its AAAA record. Then each service label gets its A record, and
    its AAAA record only when the service publishes IPv6. The SRV and NAPTR records of each service come last.
  - TURN publishes C(_stun._udp) and C(_turn._udp) SRV records on its C(port), and an apex NAPTR C(RELAY:turn.udp)
    record with order 10. When C(publish_tcp) is set, it also publishes C(_turn._tcp) SRV on C(port) and an apex
    NAPTR C(RELAY:turn.tcp) record with order 15. When C(tls) is set, it also publishes C(_turns._tcp) SRV on
    C(tls_port) and an apex NAPTR C(RELAY:turn.tls) record with order 20 (RFC 5928). A TURN instance's REST
    instance with a name of its own (C(rest)) gets its A and AAAA records after the instance's.
  - SIP publishes C(_sips._tcp) SRV on C(tls_port) and an apex NAPTR C(SIPS+D2T) record with order 10 (RFC 3263).
    When C(publish_tcp) is set, it also publishes C(_sip._tcp) SRV on C(tcp_port) and NAPTR C(SIP+D2T) with order 20.
  - XMPP publishes C(_xmpp-client._tcp) SRV on C(c2s_port) and C(_xmpp-server._tcp) SRV on C(s2s_port) (RFC 6120).
    When C(direct_tls) is set, it also publishes C(_xmpps-client._tcp) SRV on C(c2s_tls_port) (XEP-0368).
  - Each instance of a service gets its own SRV record, with its own priority, weight and target.
  - A service with no instances publishes nothing.
options:
  _input:
    description:
      - The topology, as returned by P(rtcstack.debian.rtc_topology#filter).
    type: dict
    required: true
seealso:
  - plugin: rtcstack.debian.rtc_topology
    plugin_type: filter
  - plugin: rtcstack.debian.rtc_ptr_records
    plugin_type: filter
"""

EXAMPLES = r"""
---
- name: Zone file lines of the stack
  ansible.builtin.debug:
    msg: "{{ item.owner }} IN {{ item.type }} {{ item.value }}"
  loop: "{{ hostvars | rtcstack.debian.rtc_topology(groups, settings) | rtcstack.debian.rtc_records }}"
  # @ IN A 198.51.100.19
  # @ IN AAAA 2001:db8:1000:2000::19
  # server1 IN A 198.51.100.19
  # ...
  # _sips._tcp IN SRV 0 1 5061 sip-proxy.falcot.com.
  # @ IN NAPTR 10 0 "s" "SIPS+D2T" "" _sips._tcp.falcot.com.
"""

RETURN = r"""
_value:
  description:
    - The records, each a mapping with C(owner), C(type) and C(value).
    - C(owner) is relative to the zone, V(@) for the apex.
    - C(type) is one of V(A), V(AAAA), V(SRV) and V(NAPTR).
    - C(value) is the record data exactly as a zone file writes it, with absolute targets that end with a dot.
  type: list
  elements: dict
  sample:
    - {owner: '@', type: A, value: 198.51.100.19}
    - {owner: turn-server, type: A, value: 198.51.100.19}
    - {owner: _turn._udp, type: SRV, value: 0 1 3467 turn-server.falcot.com.}
    - {owner: '@', type: NAPTR, value: '10 0 "s" "RELAY:turn.udp" "" _turn._udp.falcot.com.'}
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._records import records  # noqa: E402


def rtc_records(topology):
    """The stack's A, AAAA, SRV and NAPTR records."""
    return run_filter('rtc_records', records, topology)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_records': rtc_records}
