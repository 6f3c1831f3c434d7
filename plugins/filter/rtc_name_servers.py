# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_name_servers
short_description: The name servers of the stack's zone, with their labels and addresses
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - Returns one entry per host of O(hosts) (the C(rtc_dns) group), in order, with its label (C(rtc_label) or the
    first part of the inventory name), its name in the domain and its C(rtc_ipv4) and C(rtc_ipv6).
  - The host variables are checked as P(rtcstack.debian.rtc_topology#filter) checks them, and a label that the
    topology already uses for other addresses is refused, naming the label and both hosts.
  - Needs the Python C(netaddr) library on the controller.
positional: hosts, topology
options:
  _input:
    description:
      - C(hostvars).
    type: dict
    required: true
  hosts:
    description:
      - The name servers' inventory names, for example C(groups['rtc_dns']).
    type: list
    elements: string
    required: true
  topology:
    description:
      - The topology, as returned by P(rtcstack.debian.rtc_topology#filter).
    type: dict
    required: true
requirements:
  - netaddr (Python library, on the controller)
seealso:
  - plugin: rtcstack.debian.rtc_topology
    plugin_type: filter
"""

EXAMPLES = r"""
---
- name: NS records of the zone
  ansible.builtin.debug:
    msg: "@ IN NS {{ item.fqdn }}."
  loop: "{{ hostvars | rtcstack.debian.rtc_name_servers(groups['rtc_dns'], topology) }}"
  # @ IN NS server1.falcot.com.
"""

RETURN = r"""
_value:
  description:
    - The name servers, each a mapping with C(host), C(label), C(fqdn) (without a trailing dot), C(ipv4),
      C(ipv6) (null when the host has none) and C(records), its A and AAAA records as
      P(rtcstack.debian.rtc_records#filter) writes them.
  type: list
  elements: dict
  sample:
    - host: server1
      label: server1
      fqdn: server1.falcot.com
      ipv4: 198.51.100.19
      ipv6: '2001:db8:1000:2000::19'
      records:
        - {owner: server1, type: A, value: 198.51.100.19}
        - {owner: server1, type: AAAA, value: '2001:db8:1000:2000::19'}
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._zone import name_servers  # noqa: E402


def rtc_name_servers(hostvars, hosts, topology):
    """The zone's name servers with their labels and addresses."""
    return run_filter('rtc_name_servers', name_servers, hostvars, hosts, topology)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_name_servers': rtc_name_servers}
