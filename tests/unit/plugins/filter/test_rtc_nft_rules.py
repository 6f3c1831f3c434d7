# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.rtc_nft_rules import rtc_nft_rules

# A piece of falcot's plan: coturn on one address and a relay range, BIND on loopback for rndc, Apache
# on every address, kamailio's plain TCP for the internal PBX.
PLAN = [
    {'daemon': 'coturn', 'transport': 'udp', 'address': '198.51.100.19', 'port': 3467, 'setting': 'rtc_turn_port'},
    {'daemon': 'coturn', 'transport': 'udp', 'address': '2001:DB8:1000:2000::19', 'port': 3467, 'setting': 'rtc_turn_port'},
    {'daemon': 'coturn', 'transport': 'udp', 'address': '198.51.100.19', 'port': [49152, 59999], 'setting': 'turn_relay_min_port'},
    {'daemon': 'named', 'transport': 'tcp', 'address': '127.0.0.1', 'port': 953, 'setting': 'rndc'},
    {'daemon': 'named', 'transport': 'tcp', 'address': '::1', 'port': 953},
    {'daemon': 'named', 'transport': 'udp', 'address': '0.0.0.0', 'port': 53, 'setting': 'dns_listen_on'},
    {'daemon': 'Apache', 'transport': 'tcp', 'address': '*', 'port': 443, 'setting': "Apache's ports.conf"},
    {'daemon': 'kamailio', 'transport': 'tcp', 'address': '198.51.100.19', 'port': 5060, 'setting': 'rtc_sip_tcp_port', 'internal': True},
]


def test_the_plan_becomes_accept_rules_to_each_listener_only():
    assert rtc_nft_rules(PLAN) == [
        'ip daddr 198.51.100.19 udp dport 3467 accept comment "coturn rtc_turn_port"',
        'ip6 daddr 2001:db8:1000:2000::19 udp dport 3467 accept comment "coturn rtc_turn_port"',
        'ip daddr 198.51.100.19 udp dport 49152-59999 accept comment "coturn turn_relay_min_port"',
        'meta nfproto ipv4 udp dport 53 accept comment "named dns_listen_on"',
        'tcp dport 443 accept comment "Apache Apache\'s ports.conf"',
    ]


def test_internal_listeners_open_to_their_sources_of_the_same_family_only():
    rules = rtc_nft_rules(PLAN[-1:], ['10.0.0.0/8', '192.0.2.7', '2001:db8:ffff::/48'])
    assert rules == ['ip saddr { 10.0.0.0-10.255.255.255, 192.0.2.7 } ip daddr 198.51.100.19 tcp dport 5060 accept comment "kamailio rtc_sip_tcp_port"']


def test_a_listener_with_sources_of_its_own_opens_to_those_only():
    cluster = {'daemon': 'kamailio', 'transport': 'tcp', 'address': '10.0.0.1', 'port': 5090, 'setting': 'sip_proxy_cluster_port',
               'internal': True, 'sources': ['10.0.0.2', '10.0.0.3']}
    # the internal sources do not widen it; a family without sources of its own gets no rule
    assert rtc_nft_rules([cluster], ['10.0.0.0/8', '2001:db8::/32']) == [
        'ip saddr { 10.0.0.2, 10.0.0.3 } ip daddr 10.0.0.1 tcp dport 5090 accept comment "kamailio sip_proxy_cluster_port"']
    assert rtc_nft_rules([dict(cluster, sources=[])], ['10.0.0.0/8']) == []


def test_the_admins_own_ports():
    assert rtc_nft_rules([], [], [{'port': 9100, 'sources': ['192.0.2.0/24', '2001:db8::/32']}, {'port': '60000-60100', 'transport': 'udp'}]) == [
        'ip saddr 192.0.2.0-192.0.2.255 tcp dport 9100 accept comment "rtc_firewall_allowed[0]"',
        'ip6 saddr 2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff tcp dport 9100 accept comment "rtc_firewall_allowed[0]"',
        'udp dport 60000-60100 accept comment "rtc_firewall_allowed[1]"',
    ]


@pytest.mark.parametrize('args,message', [
    (([], ['10.0.0.1/8']), "rtc_firewall_internal_sources[0]: '10.0.0.1/8' has host bits set"),
    (([], [], [{'port': 'ssh'}]), "rtc_firewall_allowed[0]: port: expected a number or a low-high range, got 'ssh'"),
    (([], [], [{'port': 70000}]), 'rtc_firewall_allowed[0]: port: expected a number or a range within 1-65535'),
    (([], [], [{'port': 53, 'transport': 'sctp'}]), "rtc_firewall_allowed[0]: transport: expected tcp or udp, got 'sctp'"),
    (([{'daemon': 'x', 'transport': 'tcp', 'address': 'any', 'port': 1}], ), "_input[0]: address: expected an IP address"),
    (([{'daemon': 'x', 'transport': 'tcp', 'address': '10.0.0.1', 'port': 1, 'sources': ['peer']}], ), "_input[0].sources[0]: "),
])
def test_errors(args, message):
    with pytest.raises(AnsibleFilterError) as exc:
        rtc_nft_rules(*args)
    assert message in str(exc.value)
