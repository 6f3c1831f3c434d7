# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_topology
short_description: Build the RTC stack's topology (hosts, addresses, DNS labels, ports) from the inventory
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - Reads the inventory once and returns one structure that every role and every DNS record is derived from.
    It says which host publishes which service, under which DNS label, on which addresses and ports.
  - Each host of a service group needs C(rtc_ipv4), its public IPv4 address, and so does the apex host.
    The other per-host variables are optional. C(rtc_ipv6) is the public IPv6 address. C(rtc_ipv4_alt) is a
    second IPv4 address, different from C(rtc_ipv4); TURN uses it as its alternate STUN address.
    C(rtc_label) is the host's own DNS label; it defaults to the inventory host name up to the first dot.
  - A service may have addresses of its own on its host (the seed's port-443 mode, where every service
    needs its own address) with C(rtc_turn_ipv4), C(rtc_sip_ipv4) or C(rtc_xmpp_ipv4), and C(rtc_turn_ipv6),
    C(rtc_sip_ipv6) or C(rtc_xmpp_ipv6) and C(rtc_turn_ipv4_alt) when it has them. With its IPv4 address set,
    the service uses only those (no IPv6 address unless one is given); without it, the host's C(rtc_ipv4),
    C(rtc_ipv6) and C(rtc_ipv4_alt). The host's own name, the apex and the name servers keep the host's.
  - A host can also override the service's DNS label with C(rtc_turn_label), C(rtc_sip_label) or
    C(rtc_xmpp_label). It can override the SRV priority and weight with C(rtc_host_srv_priority) and
    C(rtc_host_srv_weight), each given as an integer between 0 and 65535. A mapping of service names to such
    integers is also accepted; a service missing from it keeps the service's setting.
  - A service whose group is missing from O(groups), or is empty, is not deployed. It still appears in the
    result, with no instances.
  - The filter fails if one DNS label would point at two different sets of addresses. For example, two TURN
    hosts that both use the label C(turn-server) must each get their own C(rtc_turn_label) in host_vars.
    The same label on the same addresses, such as a service label equal to its own host's label, is accepted.
  - Error messages name the variable and the host.
  - Needs the Python C(netaddr) library on the controller.
positional: groups, settings
options:
  _input:
    description:
      - Ansible's C(hostvars), or any mapping of inventory host names to mappings of variables.
    type: dict
    required: true
  groups:
    description:
      - Ansible's C(groups), a mapping of group names to lists of host names.
    type: dict
    required: true
  settings:
    description:
      - The stack's settings. Unknown keys are refused. A service or a service key left out takes the default shown
        below, the same as the default of the matching C(rtc_*) role variable (C(rtc_turn_port) and so on).
      - Booleans may also be given as the strings V(true), V(false), V(yes), V(no), V(on), V(off), V(1) and V(0),
        and numbers as strings of digits, as ansible-core before 2.19 renders them inside a mapping.
    type: dict
    required: true
    suboptions:
      domain:
        description:
          - The DNS domain of the stack, for example V(falcot.com), in lowercase. Capitals are refused, because the SIP
            realm, key file names and HA1 digests take the domain as written. A trailing dot is removed.
        type: string
        required: true
      apex_host:
        description:
          - The inventory host whose addresses the zone apex gets as A and AAAA records.
          - It must be a host of some group of O(groups).
          - V(null) or an empty string means that the apex gets no address records.
        type: string
      services:
        description:
          - One mapping per service, V(turn), V(sip) and V(xmpp).
          - All services have C(group), the inventory group of the service's hosts (V(rtc_turn),
            V(rtc_sip_proxy), V(rtc_xmpp)), and C(label), the DNS label of the service (V(turn), V(sip), V(xmpp)).
          - All services also have C(publish_ipv6) (default V(true)), which publishes the hosts' IPv6
            addresses under the service label. They have the SRV C(priority) and C(weight), each between
            0 and 65535 (defaults V(0)/V(1) for turn and sip, V(5)/V(0) for xmpp).
          - V(turn) has C(port) (V(3478)), C(tls) (V(false)), C(tls_port) (V(5349)), C(publish_tcp) (V(false)) and
            C(rest_label) (V(turn-rest)), the label of a TURN REST instance with addresses of its own. C(tls_port) equal to
            C(port) means TLS on the listening port (the port-443 mode).
          - V(sip) has C(tls_port) (V(5061)), C(wss_port) (V(8443)), C(tcp_port) (V(5060)) and C(publish_tcp) (V(false)).
          - V(xmpp) has C(c2s_port) (V(5222)), C(s2s_port) (V(5269)), C(direct_tls) (V(false)) and C(c2s_tls_port) (V(5223)).
          - Ports are integers, or strings of digits, between 1 and 65535.
        type: dict
      web_phone:
        description:
          - C(group), the inventory group of the web phone's hosts (default V(rtc_web_phone)).
          - Each of its hosts is read for C(web_phone_vhost) (V(own) or V(snippet), default V(own)) and
            C(web_phone_snippet_url_path) (default V(/phone)), the variables of M(rtcstack.debian.web_phone).
        type: dict
requirements:
  - netaddr (Python library, on the controller)
seealso:
  - plugin: rtcstack.debian.rtc_records
    plugin_type: filter
  - plugin: rtcstack.debian.rtc_ptr_records
    plugin_type: filter
"""

EXAMPLES = r"""
---
# host_vars/server1.yml:
#   rtc_ipv4: 198.51.100.19
#   rtc_ipv6: 2001:db8:1000:2000::19
#   rtc_ipv4_alt: 198.51.100.20
- name: Build the topology of the falcot.com stack
  ansible.builtin.set_fact:
    rtc_stack: "{{ hostvars | rtcstack.debian.rtc_topology(groups, settings) }}"
  vars:
    settings:
      domain: falcot.com
      apex_host: server1
      services:
        turn: {group: rtc_turn, label: turn-server, port: 3467, publish_ipv6: false}
        sip: {group: rtc_sip_proxy, label: sip-proxy}
        xmpp: {group: rtc_xmpp, label: xmpp-gw}

- name: Listen on every TURN address
  ansible.builtin.debug:
    msg: "{{ rtc_stack.services.turn.instances | selectattr('host', '==', inventory_hostname) | map(attribute='ipv4') }}"
"""

RETURN = r"""
_value:
  description:
    - The topology of the stack.
  type: dict
  contains:
    domain:
      description: The domain, without a trailing dot.
      type: string
      sample: falcot.com
    hosts:
      description:
        - One item per host of any service group, and the apex host, keyed by inventory host name.
        - Each item has C(label), C(fqdn), C(ipv4), C(ipv6) and C(ipv4_alt). C(ipv6) and C(ipv4_alt) are V(null) when not set.
      type: dict
      sample:
        server1:
          label: server1
          fqdn: server1.falcot.com
          ipv4: 198.51.100.19
          ipv6: 2001:db8:1000:2000::19
          ipv4_alt: 198.51.100.20
    apex:
      description: The apex host and its addresses (C(host), C(ipv4), C(ipv6)), or V(null) when there is no apex host.
      type: dict
      sample: {host: server1, ipv4: 198.51.100.19, ipv6: '2001:db8:1000:2000::19'}
    services:
      description:
        - One item per service (V(turn), V(sip), V(xmpp)), with every setting of the service and C(instances).
        - C(instances) has one item per host of the service's group, in group order, with C(host), C(label),
          C(fqdn), C(ipv4), C(ipv6), C(ipv4_alt), C(priority), C(weight) and C(addresses).
        - C(ipv4), C(ipv6) and C(ipv4_alt) are what the DNS records publish; C(ipv6) is V(null) when the service has
          no IPv6 address or does not publish IPv6.
        - C(addresses) is where the service's daemon listens on that host, C(ipv4), C(ipv6) (published or not) and
          C(ipv4_alt), with C(own) V(true) when they are the service's own (C(rtc_<service>_ipv4)) and V(false)
          when they are the host's.
        - A V(turn) instance also has C(rest), V(null) or the TURN REST instance's own name and addresses (C(label),
          C(fqdn), C(ipv4), C(ipv6) as published, and C(addresses)) when the host sets C(rtc_turn_rest_ipv4)
          (and C(rtc_turn_rest_ipv6)); its label is the host's C(rtc_turn_rest_label) or the service's C(rest_label).
      type: dict
      sample:
        turn:
          group: rtc_turn
          label: turn-server
          port: 3467
          tls: false
          tls_port: 5349
          publish_tcp: false
          rest_label: turn-rest
          publish_ipv6: false
          priority: 0
          weight: 1
          instances:
            - {host: server1, label: turn-server, fqdn: turn-server.falcot.com, ipv4: 198.51.100.19, ipv6: null,
               ipv4_alt: 198.51.100.20, priority: 0, weight: 1, rest: null,
               addresses: {ipv4: 198.51.100.19, ipv6: '2001:db8:1000:2000::19', ipv4_alt: 198.51.100.20, own: false}}
    web_phone:
      description:
        - Where the web phone is served, C(group) and C(instances), one item per host of the group with C(host),
          C(vhost), C(path) (V(/) for a vhost of its own, the snippet's path with one trailing slash otherwise) and
          C(url) (V(https://) and the domain and path).
      type: dict
      sample:
        group: rtc_web_phone
        instances:
          - {host: server1, vhost: own, path: /, url: 'https://falcot.com/'}
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._topology import topology  # noqa: E402


def rtc_topology(hostvars, groups, settings):
    """The stack's topology from hostvars, groups and settings."""
    return run_filter('rtc_topology', topology, hostvars, groups, settings)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_topology': rtc_topology}
