# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import re

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.rtc_ptr_records import FilterModule, rtc_ptr_records
from ansible_collections.rtcstack.debian.plugins.filter.rtc_topology import rtc_topology

SERVER1 = {'rtc_ipv4': '198.51.100.19', 'rtc_ipv6': '2001:DB8:1000:2000::19', 'rtc_ipv4_alt': '198.51.100.20'}
GROUPS = {'all': ['server1'], 'rtc_turn': ['server1'], 'rtc_sip_proxy': ['server1'], 'rtc_xmpp': ['server1']}
SETTINGS = {
    'domain': 'falcot.com',
    'apex_host': 'server1',
    'services': {'turn': {'label': 'turn-server', 'port': 3467, 'publish_ipv6': False}, 'sip': {'label': 'sip-proxy'}, 'xmpp': {'label': 'xmpp-gw'}},
}

V6_ZONE = '0.0.0.2.0.0.0.1.8.b.d.0.1.0.0.2.ip6.arpa'


def test_seed():
    topology = rtc_topology({'server1': dict(SERVER1)}, GROUPS, SETTINGS)
    assert rtc_ptr_records(topology) == [
        {'zone': '100.51.198.in-addr.arpa', 'owner': '19', 'type': 'PTR', 'value': 'server1.falcot.com.'},
        {'zone': '100.51.198.in-addr.arpa', 'owner': '20', 'type': 'PTR', 'value': 'server1.falcot.com.'},
        {'zone': V6_ZONE, 'owner': '9.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0', 'type': 'PTR', 'value': 'server1.falcot.com.'},
    ]


def test_owner_and_zone_make_the_full_reverse_name():
    topology = rtc_topology({'server1': dict(SERVER1)}, GROUPS, SETTINGS)
    names = ['%s.%s.' % (r['owner'], r['zone']) for r in rtc_ptr_records(topology)]
    assert names == ['19.100.51.198.in-addr.arpa.', '20.100.51.198.in-addr.arpa.',
                     '9.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.2.0.0.0.1.8.b.d.0.1.0.0.2.ip6.arpa.']


def test_several_hosts_and_zones():
    hostvars = {
        'server1': {'rtc_ipv4': '198.51.100.19'},
        'turn2': {'rtc_ipv4': '203.0.113.7', 'rtc_ipv6': '2001:db8:1000:2001:abcd::1', 'rtc_turn_label': 'turn2', 'rtc_label': 'media2'},
    }
    groups = dict(GROUPS, rtc_turn=['server1', 'turn2'], all=['server1', 'turn2'])
    records = rtc_ptr_records(rtc_topology(hostvars, groups, SETTINGS))
    assert [(r['zone'], r['owner'], r['value']) for r in records] == [
        ('100.51.198.in-addr.arpa', '19', 'server1.falcot.com.'),
        ('113.0.203.in-addr.arpa', '7', 'media2.falcot.com.'),
        ('1.0.0.2.0.0.0.1.8.b.d.0.1.0.0.2.ip6.arpa', '1.0.0.0.0.0.0.0.0.0.0.0.d.c.b.a', 'media2.falcot.com.'),
    ]


def test_addresses_of_a_service_s_own_point_at_the_service():
    hostvars = {'server1': {'rtc_ipv4': '198.51.100.131', 'rtc_turn_ipv4': '198.51.100.132', 'rtc_turn_ipv4_alt': '198.51.100.135',
                            'rtc_sip_ipv4': '198.51.100.133', 'rtc_sip_ipv6': '2001:db8:1000:2000::133'}}
    records = rtc_ptr_records(rtc_topology(hostvars, GROUPS, SETTINGS))
    assert [(r['owner'], r['value']) for r in records] == [
        ('131', 'server1.falcot.com.'),
        ('132', 'turn-server.falcot.com.'),
        ('135', 'turn-server.falcot.com.'),
        ('133', 'sip-proxy.falcot.com.'),
        ('3.3.1.0.0.0.0.0.0.0.0.0.0.0.0.0', 'sip-proxy.falcot.com.'),
    ]


def test_no_hosts():
    topology = rtc_topology({}, {}, {'domain': 'falcot.com'})
    assert rtc_ptr_records(topology) == []


def test_filter_is_registered():
    assert FilterModule().filters() == {'rtc_ptr_records': rtc_ptr_records}


@pytest.mark.parametrize('topology, message', [
    ('falcot.com', 'topology: expected the mapping that rtcstack.debian.rtc_topology returns, got string'),
    ({'hosts': {}}, "topology: missing key 'domain', 'apex', 'services'; pass the output of rtcstack.debian.rtc_topology"),
    ({'domain': 'falcot.com', 'hosts': {'server1': {'fqdn': 'server1.falcot.com'}}, 'apex': None, 'services': {}},
     "topology: not the output of rtcstack.debian.rtc_topology (KeyError: 'ipv4')"),
    ({'domain': 'falcot.com', 'hosts': {'server1': {'fqdn': 'server1.falcot.com', 'ipv4': '198.51.100', 'ipv6': None}}, 'apex': None,
      'services': {}},
     "address: '198.51.100' is not an IP address"),
])
def test_errors(topology, message):
    with pytest.raises(AnsibleFilterError, match='^%s$' % re.escape('rtcstack.debian.rtc_ptr_records: ' + message)):
        rtc_ptr_records(topology)
