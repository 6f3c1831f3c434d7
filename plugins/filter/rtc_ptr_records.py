# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_ptr_records
short_description: The reverse DNS (PTR) records of the RTC stack's hosts
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - Returns one PTR record for each address of each host in the output of P(rtcstack.debian.rtc_topology#filter).
    The addresses are C(ipv4), C(ipv4_alt) and C(ipv6), and each record points at the host's own name.
  - The addresses a service has of its own on a host (C(rtc_turn_ipv4) and the rest) point at the service's name,
    those of a TURN REST instance with its own (C(rtc_turn_rest_ipv4)) at the REST instance's name.
  - An IPv4 address goes in its /24 C(in-addr.arpa) zone. An IPv6 address goes in its /64 nibble C(ip6.arpa) zone.
    The owner is the rest of the reverse name, relative to that zone.
  - Needs the Python C(netaddr) library on the controller.
options:
  _input:
    description:
      - The topology, as returned by P(rtcstack.debian.rtc_topology#filter).
    type: dict
    required: true
requirements:
  - netaddr (Python library, on the controller)
seealso:
  - plugin: rtcstack.debian.rtc_records
    plugin_type: filter
"""

EXAMPLES = r"""
---
- name: Reverse zones the stack needs
  ansible.builtin.debug:
    msg: "{{ topology | rtcstack.debian.rtc_ptr_records | map(attribute='zone') | unique }}"
  vars:
    topology: "{{ hostvars | rtcstack.debian.rtc_topology(groups, settings) }}"
  # ['100.51.198.in-addr.arpa', '0.0.0.2.0.0.0.1.8.b.d.0.1.0.0.2.ip6.arpa']
"""

RETURN = r"""
_value:
  description:
    - The records, each a mapping with C(zone) (no trailing dot), C(owner) (relative to the zone), C(type) (V(PTR)) and
      C(value) (the host's name, absolute, with a trailing dot).
  type: list
  elements: dict
  sample:
    - {zone: 100.51.198.in-addr.arpa, owner: '19', type: PTR, value: server1.falcot.com.}
    - {zone: 100.51.198.in-addr.arpa, owner: '20', type: PTR, value: server1.falcot.com.}
    - {zone: 0.0.0.2.0.0.0.1.8.b.d.0.1.0.0.2.ip6.arpa, owner: 9.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0, type: PTR, value: server1.falcot.com.}
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._records import ptr_records  # noqa: E402


def rtc_ptr_records(topology):
    """PTR records of every host address in the topology."""
    return run_filter('rtc_ptr_records', ptr_records, topology)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_ptr_records': rtc_ptr_records}
