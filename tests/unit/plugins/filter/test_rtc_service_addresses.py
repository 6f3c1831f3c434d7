# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.rtc_service_addresses import rtc_service_addresses

SERVER1 = {'ipv4': '198.51.100.19', 'ipv6': '2001:db8:1000:2000::19'}
SERVER2 = {'ipv4': '198.51.100.29', 'ipv6': None}
TURN_OWN = {'ipv4': '198.51.100.21', 'ipv6': None, 'ipv4_alt': None}
TOPOLOGY = {
    'hosts': {'server1': SERVER1, 'server2': SERVER2},
    'services': {
        'turn': {'instances': [{'host': 'server1', 'addresses': TURN_OWN}]},
        'sip': {'instances': [{'host': 'server1', 'addresses': SERVER1}, {'host': 'server2', 'addresses': SERVER2}]},
        # The web phone's instances carry no addresses of their own.
        'web_phone': {'instances': [{'host': 'server2', 'path': '/'}]},
    },
}


def test_each_host_gets_its_instance_or_its_own_addresses():
    assert rtc_service_addresses(TOPOLOGY, ['server1', 'server2', 'elsewhere']) == {
        'server1': {'turn': TURN_OWN, 'sip': SERVER1, 'web_phone': SERVER1},
        'server2': {'turn': SERVER2, 'sip': SERVER2, 'web_phone': SERVER2},
        'elsewhere': {'turn': {}, 'sip': {}, 'web_phone': {}},
    }


@pytest.mark.parametrize('topology, hosts', [(None, ['server1']), ({'hosts': {}}, ['server1']), (TOPOLOGY, 'server1')])
def test_bad_input_is_named(topology, hosts):
    with pytest.raises(AnsibleFilterError, match='rtc_service_addresses: '):
        rtc_service_addresses(topology, hosts)
