# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_service_addresses
short_description: Where each service of the stack listens on each host
version_added: 0.3.0
author: rtcstack.debian contributors
description:
  - For each host, and each service of the topology, the addresses its daemon listens on there, as the topology
    gives them (C(ipv4), C(ipv6), C(ipv4_alt) and the rest), those of the service's instance on that host (its
    own addresses, such as C(rtc_turn_ipv4), or the host's), else the host's own (a host outside the service's
    group), else an empty mapping (a host the topology does not know).
  - The rtc role computes this once per run into its model, for every host of the run; the service roles read
    their share as C(__rtc_service_addresses).
options:
  _input:
    description: The topology, as returned by P(rtcstack.debian.rtc_topology#filter).
    type: dict
    required: true
  hosts:
    description: The inventory names of the hosts.
    type: list
    elements: str
    required: true
seealso:
  - plugin: rtcstack.debian.rtc_topology
    plugin_type: filter
"""

EXAMPLES = r"""
- name: Say where this host's TURN server listens
  ansible.builtin.debug:
    msg: "{{ (topology | rtcstack.debian.rtc_service_addresses([inventory_hostname]))[inventory_hostname].turn.ipv4 }}"
"""

RETURN = r"""
_value:
  description: A mapping of each host to a mapping of each service name to its addresses on that host.
  type: dict
"""

from collections.abc import Mapping  # noqa: E402

from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import RtcInputError, is_list  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402


def service_addresses(topology, hosts):
    """{host: {service: addresses}} from the topology's instances and hosts."""
    if not isinstance(topology, Mapping) or not isinstance(topology.get('services'), Mapping):
        raise RtcInputError('_input', 'expected a topology (rtc_topology), got %s' % type(topology).__name__)
    if not is_list(hosts):
        raise RtcInputError('hosts', 'expected a list of inventory names, got %s' % type(hosts).__name__)
    known = topology.get('hosts') or {}
    result = {}
    for host in hosts:
        own = known.get(host) or {}
        result[host] = dict(
            (name, next((instance.get('addresses') or own for instance in service.get('instances') or []
                         if isinstance(instance, Mapping) and instance.get('host') == host), own))
            for name, service in topology['services'].items())
    return result


def rtc_service_addresses(topology, hosts):
    return run_filter('rtc_service_addresses', service_addresses, topology, hosts)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_service_addresses': rtc_service_addresses}
