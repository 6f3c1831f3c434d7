# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import copy
import re
from collections.abc import Mapping

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.rtc_topology import FilterModule, rtc_topology

PREFIX = 'rtcstack.debian.rtc_topology: '

SERVER1 = {'rtc_ipv4': '198.51.100.19', 'rtc_ipv6': '2001:DB8:1000:2000::19', 'rtc_ipv4_alt': '198.51.100.20'}

GROUPS = {
    'all': ['server1'],
    'ungrouped': [],
    'rtc_dns': ['server1'],
    'rtc_turn': ['server1'],
    'rtc_sip_proxy': ['server1'],
    'rtc_xmpp': ['server1'],
    'rtc_web_phone': ['server1'],
}

SETTINGS = {
    'domain': 'falcot.com',
    'apex_host': 'server1',
    'services': {
        'turn': {'group': 'rtc_turn', 'label': 'turn-server', 'port': 3467, 'tls': False, 'tls_port': 5349, 'publish_ipv6': False,
                 'priority': 0, 'weight': 1},
        'sip': {'group': 'rtc_sip_proxy', 'label': 'sip-proxy', 'tls_port': 5061, 'wss_port': 8443, 'tcp_port': 5060, 'publish_tcp': False,
                'publish_ipv6': True, 'priority': 0, 'weight': 1},
        'xmpp': {'group': 'rtc_xmpp', 'label': 'xmpp-gw', 'c2s_port': 5222, 's2s_port': 5269, 'direct_tls': False, 'c2s_tls_port': 5223,
                 'publish_ipv6': True, 'priority': 5, 'weight': 0},
    },
}

V6 = '2001:db8:1000:2000::19'


def seed_instance(label, ipv6):
    return {'host': 'server1', 'label': label, 'fqdn': '%s.falcot.com' % label, 'ipv4': '198.51.100.19', 'ipv6': ipv6,
            'ipv4_alt': '198.51.100.20', 'addresses': {'ipv4': '198.51.100.19', 'ipv6': V6, 'ipv4_alt': '198.51.100.20', 'own': False}}


SEED_TOPOLOGY = {
    'domain': 'falcot.com',
    'hosts': {'server1': {'label': 'server1', 'fqdn': 'server1.falcot.com', 'ipv4': '198.51.100.19', 'ipv6': V6, 'ipv4_alt': '198.51.100.20'}},
    'apex': {'host': 'server1', 'ipv4': '198.51.100.19', 'ipv6': V6},
    'services': {
        'turn': dict(SETTINGS['services']['turn'], publish_tcp=False, rest_label='turn-rest',
                     instances=[dict(seed_instance('turn-server', None), priority=0, weight=1, rest=None)]),
        'sip': dict(SETTINGS['services']['sip'], instances=[dict(seed_instance('sip-proxy', V6), priority=0, weight=1, cluster=None)]),
        'xmpp': dict(SETTINGS['services']['xmpp'], instances=[dict(seed_instance('xmpp-gw', V6), priority=5, weight=0)]),
    },
    'web_phone': {'group': 'rtc_web_phone', 'instances': [{'host': 'server1', 'vhost': 'own', 'path': '/', 'url': 'https://falcot.com/'}]},
}


class HostVars(Mapping):
    """A read-only mapping like Ansible's hostvars (not a dict)."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        return HostVarsVars(self._data[key])

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


class HostVarsVars(HostVars):
    def __getitem__(self, key):
        return self._data[key]


def settings(**changes):
    """SETTINGS with changes; a key 'turn.port' changes one service setting."""
    result = copy.deepcopy(SETTINGS)
    for key, value in changes.items():
        if '__' in key:
            service, name = key.split('__', 1)
            result['services'][service][name] = value
        else:
            result[key] = value
    return result


def test_seed():
    assert rtc_topology({'server1': dict(SERVER1)}, GROUPS, SETTINGS) == SEED_TOPOLOGY


def test_seed_with_hostvars_mapping():
    assert rtc_topology(HostVars({'server1': dict(SERVER1), 'other': {}}), GROUPS, SETTINGS) == SEED_TOPOLOGY


def test_filter_is_registered():
    assert FilterModule().filters() == {'rtc_topology': rtc_topology}


def test_strings_from_older_ansible_core():
    # ansible-core before 2.19 renders "{{ port }}" inside a mapping as a string, and extra vars are strings.
    given = settings(turn__port='3467', turn__tls='False', turn__publish_ipv6='no', turn__priority='0', turn__weight='1',
                     sip__tls_port='5061', sip__publish_tcp='false', xmpp__direct_tls='False', xmpp__priority='5')
    assert rtc_topology({'server1': dict(SERVER1)}, GROUPS, given) == SEED_TOPOLOGY


def test_defaults():
    result = rtc_topology({'server1': {'rtc_ipv4': '198.51.100.19'}}, GROUPS, {'domain': 'falcot.com.'})
    assert result['domain'] == 'falcot.com'
    assert result['apex'] is None
    assert result['hosts'] == {'server1': {'label': 'server1', 'fqdn': 'server1.falcot.com', 'ipv4': '198.51.100.19', 'ipv6': None, 'ipv4_alt': None}}
    services = result['services']
    assert dict((k, v) for k, v in services['turn'].items() if k != 'instances') == {
        'group': 'rtc_turn', 'label': 'turn', 'port': 3478, 'tls': False, 'tls_port': 5349, 'publish_tcp': False, 'rest_label': 'turn-rest',
        'publish_ipv6': True, 'priority': 0, 'weight': 1}
    assert dict((k, v) for k, v in services['sip'].items() if k != 'instances') == {
        'group': 'rtc_sip_proxy', 'label': 'sip', 'tls_port': 5061, 'wss_port': 8443, 'tcp_port': 5060, 'publish_tcp': False,
        'publish_ipv6': True, 'priority': 0, 'weight': 1}
    assert dict((k, v) for k, v in services['xmpp'].items() if k != 'instances') == {
        'group': 'rtc_xmpp', 'label': 'xmpp', 'c2s_port': 5222, 's2s_port': 5269, 'direct_tls': False, 'c2s_tls_port': 5223,
        'publish_ipv6': True, 'priority': 5, 'weight': 0}
    assert services['turn']['instances'] == [{'host': 'server1', 'label': 'turn', 'fqdn': 'turn.falcot.com', 'ipv4': '198.51.100.19',
                                              'ipv6': None, 'ipv4_alt': None, 'priority': 0, 'weight': 1, 'rest': None,
                                              'addresses': {'ipv4': '198.51.100.19', 'ipv6': None, 'ipv4_alt': None, 'own': False}}]


@pytest.mark.parametrize('apex_host', ['', None])
def test_no_apex(apex_host):
    result = rtc_topology({'server1': dict(SERVER1)}, GROUPS, settings(apex_host=apex_host))
    assert result['apex'] is None
    assert list(result['hosts']) == ['server1']


def test_services_not_deployed():
    groups = {'all': ['server1'], 'rtc_turn': [], 'rtc_xmpp': ['server1']}
    result = rtc_topology({'server1': dict(SERVER1)}, groups, settings())
    assert result['services']['turn']['instances'] == []
    assert result['services']['sip']['instances'] == []
    assert result['services']['sip']['tls_port'] == 5061
    assert [i['host'] for i in result['services']['xmpp']['instances']] == ['server1']


def test_apex_host_outside_service_groups():
    hostvars = {'web1': {'rtc_ipv4': '198.51.100.80', 'rtc_ipv6': '2001:db8::80'}, 'server1': dict(SERVER1)}
    groups = dict(GROUPS, rtc_web_phone=['web1'], all=['server1', 'web1'])
    result = rtc_topology(hostvars, groups, settings(apex_host='web1'))
    assert list(result['hosts']) == ['web1', 'server1']
    assert result['apex'] == {'host': 'web1', 'ipv4': '198.51.100.80', 'ipv6': '2001:db8::80'}
    assert result['hosts']['web1'] == {'label': 'web1', 'fqdn': 'web1.falcot.com', 'ipv4': '198.51.100.80', 'ipv6': '2001:db8::80', 'ipv4_alt': None}


def test_hosts_other_than_service_hosts_need_nothing():
    hostvars = {'server1': dict(SERVER1), 'dns1': {}}
    groups = dict(GROUPS, rtc_dns=['dns1'], all=['server1', 'dns1'])
    assert list(rtc_topology(hostvars, groups, settings())['hosts']) == ['server1']


def test_label_from_host_name_and_rtc_label():
    hostvars = {
        'Server1.falcot.com': {'rtc_ipv4': '198.51.100.19'},
        'box2': {'rtc_ipv4': '198.51.100.30', 'rtc_label': 'media-2'},
    }
    groups = {'rtc_turn': ['Server1.falcot.com', 'box2'], 'rtc_sip_proxy': [], 'rtc_xmpp': []}
    given = settings(apex_host=None)
    given['services']['turn']['label'] = 'turn-server'
    hostvars['box2']['rtc_turn_label'] = 'turn-server2'
    result = rtc_topology(hostvars, groups, given)
    assert result['hosts']['Server1.falcot.com']['label'] == 'server1'
    assert result['hosts']['Server1.falcot.com']['fqdn'] == 'server1.falcot.com'
    assert result['hosts']['box2']['label'] == 'media-2'


def test_two_turn_hosts_with_own_labels_and_srv_overrides():
    hostvars = {
        'turn1': {'rtc_ipv4': '198.51.100.21', 'rtc_ipv6': '2001:db8::21', 'rtc_ipv4_alt': '198.51.100.121', 'rtc_turn_label': 'turn-a'},
        'turn2': {'rtc_ipv4': '198.51.100.22', 'rtc_turn_label': 'turn-b', 'rtc_host_srv_priority': 10, 'rtc_host_srv_weight': '5'},
    }
    groups = {'rtc_turn': ['turn1', 'turn2']}
    result = rtc_topology(hostvars, groups, settings(apex_host=None))
    assert result['services']['turn']['instances'] == [
        {'host': 'turn1', 'label': 'turn-a', 'fqdn': 'turn-a.falcot.com', 'ipv4': '198.51.100.21', 'ipv6': None, 'ipv4_alt': '198.51.100.121',
         'priority': 0, 'weight': 1, 'rest': None,
         'addresses': {'ipv4': '198.51.100.21', 'ipv6': '2001:db8::21', 'ipv4_alt': '198.51.100.121', 'own': False}},
        {'host': 'turn2', 'label': 'turn-b', 'fqdn': 'turn-b.falcot.com', 'ipv4': '198.51.100.22', 'ipv6': None, 'ipv4_alt': None,
         'priority': 10, 'weight': 5, 'rest': None, 'addresses': {'ipv4': '198.51.100.22', 'ipv6': None, 'ipv4_alt': None, 'own': False}},
    ]
    assert list(result['hosts']) == ['turn1', 'turn2']


def test_srv_overrides_as_mapping_per_service():
    # a host may override only some services with a mapping
    hostvars = {'server1': dict(SERVER1, rtc_host_srv_priority={'turn': 3, 'sip': 4}, rtc_host_srv_weight={'xmpp': 7})}
    result = rtc_topology(hostvars, GROUPS, settings())
    numbers = dict((s, (r['instances'][0]['priority'], r['instances'][0]['weight'])) for s, r in result['services'].items())
    assert numbers == {'turn': (3, 1), 'sip': (4, 1), 'xmpp': (5, 7)}


def test_service_label_equal_to_own_host_label_is_fine():
    hostvars = {'server1': dict(SERVER1, rtc_sip_label='server1', rtc_xmpp_label='server1')}
    result = rtc_topology(hostvars, GROUPS, settings())
    assert result['services']['sip']['instances'][0]['fqdn'] == 'server1.falcot.com'


def test_same_label_for_two_services_on_the_same_addresses_is_fine():
    result = rtc_topology({'server1': dict(SERVER1)}, GROUPS, settings(sip__label='rtc', xmpp__label='rtc'))
    assert result['services']['sip']['instances'][0]['label'] == 'rtc'
    assert result['services']['xmpp']['instances'][0]['label'] == 'rtc'


def test_ipv6_normalised():
    hostvars = {'server1': dict(SERVER1, rtc_ipv6='2001:0DB8:1000:2000:0000:0000:0000:0019')}
    assert rtc_topology(hostvars, GROUPS, settings())['hosts']['server1']['ipv6'] == V6


def test_empty_optional_addresses_are_absent():
    hostvars = {'server1': {'rtc_ipv4': '198.51.100.19', 'rtc_ipv6': '', 'rtc_ipv4_alt': None}}
    host = rtc_topology(hostvars, GROUPS, settings())['hosts']['server1']
    assert (host['ipv6'], host['ipv4_alt']) == (None, None)


TWO_TURN = {'turn1': {'rtc_ipv4': '198.51.100.21'}, 'turn2': {'rtc_ipv4': '198.51.100.22'}}

ERRORS = [
    # settings
    (({'server1': SERVER1}, GROUPS, None), 'settings: expected a mapping with domain, apex_host and services, got null'),
    (({'server1': SERVER1}, GROUPS, settings(domain=None)), 'settings.domain: is required (the DNS domain of the stack, for example falcot.com)'),
    (({'server1': SERVER1}, GROUPS, settings(domain='')), 'settings.domain: is required (the DNS domain of the stack, for example falcot.com)'),
    (({'server1': SERVER1}, GROUPS, settings(domain='falcot_com')), "settings.domain: 'falcot_com' is not a valid DNS name"),
    (({'server1': SERVER1}, GROUPS, settings(domain='198.51.100.19')), "settings.domain: '198.51.100.19' is not a valid DNS name"),
    (({'server1': SERVER1}, GROUPS, settings(domain='-falcot.com')), "settings.domain: '-falcot.com' is not a valid DNS name"),
    (({'server1': SERVER1}, GROUPS, settings(domain=['falcot.com'])), 'settings.domain: expected a string, got list'),
    (({'server1': SERVER1}, GROUPS, settings(realm='x')), "settings: unknown key 'realm'; known keys are domain, apex_host, services, web_phone"),
    (({'server1': SERVER1}, GROUPS, settings(services=[])), 'settings.services: expected a mapping of turn, sip, xmpp, got list'),
    (({'server1': SERVER1}, GROUPS, dict(SETTINGS, services={'stun': {}})), "settings.services: unknown service 'stun'; known services are turn, sip, xmpp"),
    (({'server1': SERVER1}, GROUPS, settings(turn__tsl=True)),
     "settings.services.turn: unknown key 'tsl'; known keys are group, label, port, tls, tls_port, publish_tcp, rest_label, publish_ipv6, priority, weight"),
    (({'server1': SERVER1}, GROUPS, dict(SETTINGS, services={'turn': 'rtc_turn'})), 'settings.services.turn: expected a mapping, got string'),
    (({'server1': SERVER1}, GROUPS, settings(turn__port=0)), 'settings.services.turn.port: expected a port number between 1 and 65535, got 0'),
    (({'server1': SERVER1}, GROUPS, settings(turn__port=70000)), 'settings.services.turn.port: expected a port number between 1 and 65535, got 70000'),
    (({'server1': SERVER1}, GROUPS, settings(sip__tls_port='50 61')),
     "settings.services.sip.tls_port: expected a port number between 1 and 65535, got '50 61'"),
    (({'server1': SERVER1}, GROUPS, settings(xmpp__c2s_port=True)), 'settings.services.xmpp.c2s_port: expected a port number between 1 and 65535, got bool'),
    (({'server1': SERVER1}, GROUPS, settings(turn__priority=65536)),
     'settings.services.turn.priority: expected an integer between 0 and 65535, got 65536'),
    (({'server1': SERVER1}, GROUPS, settings(sip__weight=-1)), 'settings.services.sip.weight: expected an integer between 0 and 65535, got -1'),
    (({'server1': SERVER1}, GROUPS, settings(turn__tls='maybe')), "settings.services.turn.tls: expected a boolean, got 'maybe'"),
    (({'server1': SERVER1}, GROUPS, settings(sip__publish_tcp=1)), 'settings.services.sip.publish_tcp: expected a boolean, got int'),
    (({'server1': SERVER1}, GROUPS, settings(turn__label='turn_server')),
     "settings.services.turn.label: 'turn_server' is not a valid DNS label (1 to 63 letters, digits or hyphens, not starting or ending with a hyphen)"),
    (({'server1': SERVER1}, GROUPS, settings(turn__label='turn.server')),
     "settings.services.turn.label: 'turn.server' is not a valid DNS label (1 to 63 letters, digits or hyphens, not starting or ending with a hyphen)"),
    (({'server1': SERVER1}, GROUPS, settings(sip__label='sip-')),
     "settings.services.sip.label: 'sip-' is not a valid DNS label (1 to 63 letters, digits or hyphens, not starting or ending with a hyphen)"),
    (({'server1': SERVER1}, GROUPS, settings(xmpp__label='x' * 64)),
     "settings.services.xmpp.label: '%s' is not a valid DNS label (1 to 63 letters, digits or hyphens, not starting or ending with a hyphen)" % ('x' * 64)),
    (({'server1': SERVER1}, GROUPS, settings(xmpp__group=5)), 'settings.services.xmpp.group: expected a string, got int'),
    (({'server1': SERVER1}, GROUPS, settings(apex_host='server9')), "settings.apex_host: 'server9' is not a host of the inventory (it is in no group)"),
    (({'server1': SERVER1}, GROUPS, settings(apex_host=1)), 'settings.apex_host: expected a string, got int'),
    # the other arguments
    (([SERVER1], GROUPS, SETTINGS), 'hostvars: expected a mapping of host names to variables, got list'),
    (({'server1': SERVER1}, ['rtc_turn'], SETTINGS), 'groups: expected a mapping of group names to host lists, got list'),
    (({'server1': SERVER1}, dict(GROUPS, rtc_turn='server1'), SETTINGS), "groups['rtc_turn']: expected a list of host names, got string"),
    (({}, GROUPS, SETTINGS), "host 'server1': not found in hostvars"),
    # host variables
    (({'server1': {}}, GROUPS, SETTINGS),
     "host 'server1': rtc_ipv4 is not set; every host of a service group and the apex host need their public IPv4 address"),
    (({'server1': dict(SERVER1, rtc_ipv4='2001:db8::1')}, GROUPS, SETTINGS), "host 'server1': rtc_ipv4 '2001:db8::1' is not an IPv4 address"),
    (({'server1': dict(SERVER1, rtc_ipv4='198.51.100.256')}, GROUPS, SETTINGS), "host 'server1': rtc_ipv4 '198.51.100.256' is not an IPv4 address"),
    (({'server1': dict(SERVER1, rtc_ipv4='198.51.100')}, GROUPS, SETTINGS), "host 'server1': rtc_ipv4 '198.51.100' is not an IPv4 address"),
    (({'server1': dict(SERVER1, rtc_ipv4='198.051.100.19')}, GROUPS, SETTINGS), "host 'server1': rtc_ipv4 '198.051.100.19' is not an IPv4 address"),
    (({'server1': dict(SERVER1, rtc_ipv4='198.51.100.19/24')}, GROUPS, SETTINGS), "host 'server1': rtc_ipv4 '198.51.100.19/24' is not an IPv4 address"),
    (({'server1': dict(SERVER1, rtc_ipv4=3325256723)}, GROUPS, SETTINGS), "host 'server1': rtc_ipv4: expected a string, got int"),
    (({'server1': dict(SERVER1, rtc_ipv6='198.51.100.19')}, GROUPS, SETTINGS), "host 'server1': rtc_ipv6 '198.51.100.19' is not an IPv6 address"),
    (({'server1': dict(SERVER1, rtc_ipv6='2001:db8::1::19')}, GROUPS, SETTINGS), "host 'server1': rtc_ipv6 '2001:db8::1::19' is not an IPv6 address"),
    (({'server1': dict(SERVER1, rtc_ipv6='::ffff:198.51.100.19')}, GROUPS, SETTINGS),
     "host 'server1': rtc_ipv6 '::ffff:198.51.100.19' is an IPv4-mapped address; give the IPv4 address in the IPv4 variable instead"),
    (({'server1': dict(SERVER1, rtc_ipv4_alt='2001:db8::20')}, GROUPS, SETTINGS), "host 'server1': rtc_ipv4_alt '2001:db8::20' is not an IPv4 address"),
    (({'server1': dict(SERVER1, rtc_ipv4_alt='198.51.100.19')}, GROUPS, SETTINGS),
     "host 'server1': rtc_ipv4_alt '198.51.100.19' is the same as rtc_ipv4; the alternate address must be a second IPv4 address of the host"),
    (({'server1': dict(SERVER1, rtc_label='server_1')}, GROUPS, SETTINGS),
     "host 'server1': rtc_label 'server_1' is not a valid DNS label (1 to 63 letters, digits or hyphens, not starting or ending with a hyphen)"),
    (({'server_1': dict(SERVER1)}, {'rtc_turn': ['server_1']}, settings(apex_host=None)),
     "host 'server_1': rtc_label is not set and the first part of the host name, 'server_1', is not a valid DNS label; set rtc_label in host_vars"),
    (({'server1': dict(SERVER1, rtc_turn_label='turn server')}, GROUPS, SETTINGS),
     "host 'server1': rtc_turn_label 'turn server' is not a valid DNS label (1 to 63 letters, digits or hyphens, not starting or ending with a hyphen)"),
    (({'server1': dict(SERVER1, rtc_host_srv_priority=70000)}, GROUPS, SETTINGS),
     "host 'server1': rtc_host_srv_priority: expected an integer between 0 and 65535, got 70000"),
    (({'server1': dict(SERVER1, rtc_host_srv_weight={'xmpp': 'heavy'})}, GROUPS, SETTINGS),
     "host 'server1': rtc_host_srv_weight.xmpp: expected an integer between 0 and 65535, got 'heavy'"),
    (({'server1': dict(SERVER1, rtc_host_srv_weight=[1])}, GROUPS, SETTINGS),
     "host 'server1': rtc_host_srv_weight: expected an integer between 0 and 65535, got list"),
    # labels
    ((TWO_TURN, {'rtc_turn': ['turn1', 'turn2']}, settings(apex_host=None)),
     "label 'turn-server': used by host 'turn1' (rtc_turn_label) for 198.51.100.21 and by host 'turn2' (rtc_turn_label) for 198.51.100.22;"
     " one DNS name cannot point at both, give each host its own rtc_turn_label in host_vars"),
    (({'turn1': {'rtc_ipv4': '198.51.100.21', 'rtc_ipv6': '2001:db8::21'}, 'turn2': {'rtc_ipv4': '198.51.100.21', 'rtc_ipv6': '2001:db8::22'}},
      {'rtc_turn': ['turn1', 'turn2']}, settings(apex_host=None, turn__publish_ipv6=True)),
     "label 'turn-server': used by host 'turn1' (rtc_turn_label) for 198.51.100.21 and 2001:db8::21 and by host 'turn2' (rtc_turn_label)"
     " for 198.51.100.21 and 2001:db8::22; one DNS name cannot point at both, give each host its own rtc_turn_label in host_vars"),
    (({'server1': dict(SERVER1), 'sip-proxy': {'rtc_ipv4': '198.51.100.50'}}, dict(GROUPS, rtc_xmpp=['server1', 'sip-proxy']), SETTINGS),
     "label 'sip-proxy': used by host 'sip-proxy' (rtc_label) for 198.51.100.50 and by host 'server1' (rtc_sip_label) for 198.51.100.19"
     " and 2001:db8:1000:2000::19; one DNS name cannot point at both, give each host its own rtc_sip_label or rtc_label in host_vars"),
    (({'server1': dict(SERVER1), 'server2': {'rtc_ipv4': '198.51.100.50', 'rtc_label': 'server1'}}, dict(GROUPS, rtc_xmpp=['server2']),
      settings(xmpp__label='xmpp-gw')),
     "label 'server1': used by host 'server1' (rtc_label) for 198.51.100.19 and 2001:db8:1000:2000::19 and by host 'server2' (rtc_label)"
     " for 198.51.100.50; one DNS name cannot point at both, give each host its own rtc_label in host_vars"),
    # XMPP: one Prosody per domain
    (({'server1': dict(SERVER1), 'server2': {'rtc_ipv4': '198.51.100.50', 'rtc_xmpp_label': 'xmpp-gw2'}},
      dict(GROUPS, rtc_xmpp=['server1', 'server2']), settings(xmpp__label='xmpp-gw')),
     "groups.rtc_xmpp: lists 'server1', 'server2', and Prosody has no clustering: one host serves the XMPP of a domain;"
     " keep one of them in rtc_xmpp (a second domain on a second host is a second inventory, docs/xmpp.md)"),
    # the same host, but the TURN label publishes no IPv6 while the host label does
    (({'server1': dict(SERVER1, rtc_turn_label='server1')}, GROUPS, SETTINGS),
     "label 'server1': used by host 'server1' (rtc_label) for 198.51.100.19 and 2001:db8:1000:2000::19 and by host 'server1' (rtc_turn_label)"
     " for 198.51.100.19; one DNS name cannot point at both, give each host its own rtc_turn_label or rtc_label in host_vars"),
    # the SIP proxies' cluster
    (({'sip1': {'rtc_ipv4': '198.51.100.21', 'rtc_sip_label': 'sip1', 'sip_proxy_cluster_address': '10.0.0.1'},
       'sip2': {'rtc_ipv4': '198.51.100.22', 'rtc_sip_label': 'sip2'}}, {'rtc_sip_proxy': ['sip1', 'sip2']}, settings(apex_host=None)),
     "host 'sip2': sip_proxy_cluster_address is not set (nor sip_proxy_internal_address); with several SIP proxies (sip1, sip2 in"
     " rtc_sip_proxy) each needs the internal address its peers reach it at, for kamailio's DMQ and the calls one proxy relays to another"),
    (({'sip1': {'rtc_ipv4': '198.51.100.21', 'rtc_sip_label': 'sip1', 'sip_proxy_cluster_address': '10.0.0.1'},
       'sip2': {'rtc_ipv4': '198.51.100.22', 'rtc_sip_label': 'sip2', 'sip_proxy_internal_address': 'fd00::2'}},
      {'rtc_sip_proxy': ['sip1', 'sip2']}, settings(apex_host=None)),
     "host 'sip2': sip_proxy_internal_address 'fd00::2' is IPv6 and host 'sip1''s cluster address is IPv4; the SIP proxies of one cluster"
     " reach each other over one family"),
    (({'sip1': {'rtc_ipv4': '198.51.100.21', 'rtc_sip_label': 'sip1', 'sip_proxy_cluster_address': '10.0.0.1'},
       'sip2': {'rtc_ipv4': '198.51.100.22', 'rtc_sip_label': 'sip2', 'sip_proxy_cluster_address': '10.0.0.1'}},
      {'rtc_sip_proxy': ['sip1', 'sip2']}, settings(apex_host=None)),
     "host 'sip2': sip_proxy_cluster_address '10.0.0.1' port 5090 is also host 'sip1''s cluster socket; give each SIP proxy its own"),
    (({'server1': dict(SERVER1, sip_proxy_cluster_address='10.0.0.300')}, GROUPS, SETTINGS),
     "host 'server1': sip_proxy_cluster_address '10.0.0.300' is not an IPv4 address"),
    (({'server1': dict(SERVER1, sip_proxy_internal_address='10.0.0.1', sip_proxy_cluster_port='sip')}, GROUPS, SETTINGS),
     "host 'server1': sip_proxy_cluster_port: expected a port number between 1 and 65535, got 'sip'"),
    # the web phone
    (({'server1': dict(SERVER1, web_phone_vhost='shared')}, GROUPS, SETTINGS), "host 'server1': web_phone_vhost: expected own or snippet, got 'shared'"),
    (({'server1': dict(SERVER1, web_phone_vhost='snippet', web_phone_snippet_url_path='phone')}, GROUPS, SETTINGS),
     "host 'server1': web_phone_snippet_url_path: expected a URL path below /, got 'phone'"),
    (({'server1': dict(SERVER1, web_phone_vhost='snippet', web_phone_snippet_url_path='//')}, GROUPS, SETTINGS),
     "host 'server1': web_phone_snippet_url_path: expected a URL path below /, got '//'"),
    (({'server1': SERVER1}, GROUPS, settings(web_phone={'group': 'rtc_web_phone', 'port': 443})),
     "settings.web_phone: expected a mapping with group, got {'group': 'rtc_web_phone', 'port': 443}"),
    (({'server1': dict(SERVER1, rtc_label='x' * 63)}, GROUPS, settings(domain='.'.join(['d' * 63] * 3))),
     "host 'server1': the name '%s' is longer than 253 characters" % '.'.join(['x' * 63] + ['d' * 63] * 3)),
]


@pytest.mark.parametrize('args, message', ERRORS)
def test_errors(args, message):
    with pytest.raises(AnsibleFilterError, match='^%s$' % re.escape(PREFIX + message)):
        rtc_topology(*args)


def test_sip_proxies_reach_each_other_on_their_cluster_sockets():
    hostvars = {
        'sip1': {'rtc_ipv4': '198.51.100.21', 'rtc_sip_label': 'sip1', 'sip_proxy_internal_address': '10.0.0.1'},
        'sip2': {'rtc_ipv4': '198.51.100.22', 'rtc_sip_label': 'sip2', 'sip_proxy_internal_address': '10.0.0.9',
                 'sip_proxy_cluster_address': '10.0.0.2', 'sip_proxy_cluster_port': '5091'},
    }
    instances = rtc_topology(hostvars, {'rtc_sip_proxy': ['sip1', 'sip2']}, settings(apex_host=None))['services']['sip']['instances']
    assert [instance['cluster'] for instance in instances] == [{'address': '10.0.0.1', 'port': 5090}, {'address': '10.0.0.2', 'port': 5091}]
    # a lone proxy needs none; one given is kept (its role opens no socket without peers)
    lone = rtc_topology({'server1': dict(SERVER1, sip_proxy_cluster_address='FD00::0:1')}, GROUPS, SETTINGS)['services']['sip']['instances']
    assert lone[0]['cluster'] == {'address': 'fd00::1', 'port': 5090}


@pytest.mark.parametrize('host_vars, group, expected', [
    ({}, None, [('server1', 'own', '/', 'https://falcot.com/')]),
    ({'web_phone_vhost': 'snippet'}, None, [('server1', 'snippet', '/phone/', 'https://falcot.com/phone/')]),
    ({'web_phone_vhost': 'snippet', 'web_phone_snippet_url_path': '/rtc/phone//'}, None,
     [('server1', 'snippet', '/rtc/phone/', 'https://falcot.com/rtc/phone/')]),
    # The snippet's path counts only in the snippet mode.
    ({'web_phone_vhost': 'own', 'web_phone_snippet_url_path': '/x'}, None, [('server1', 'own', '/', 'https://falcot.com/')]),
    ({}, 'phones', []),
])
def test_web_phone_url(host_vars, group, expected):
    extra = {} if group is None else {'web_phone': {'group': group}}
    web = rtc_topology({'server1': dict(SERVER1, **host_vars)}, GROUPS, settings(**extra))['web_phone']
    assert web['group'] == (group or 'rtc_web_phone')
    assert [(i['host'], i['vhost'], i['path'], i['url']) for i in web['instances']] == expected


def test_every_service_is_checked_even_when_not_deployed():
    with pytest.raises(AnsibleFilterError, match=re.escape('settings.services.xmpp.c2s_port')):
        rtc_topology({'server1': SERVER1}, {'rtc_turn': ['server1']}, settings(xmpp__c2s_port=0))


def test_input_is_not_modified():
    hostvars = {'server1': dict(SERVER1)}
    given = settings()
    rtc_topology(hostvars, GROUPS, given)
    assert given == SETTINGS
    assert hostvars == {'server1': SERVER1}


@pytest.mark.parametrize('hostvars, given, expected', [
    ({'server1': dict(SERVER1)}, {'domain': 'Falcot.COM'},
     "settings.domain: 'Falcot.COM' has capitals; write the domain in lowercase ('falcot.com')"),
    ({'server1': dict(SERVER1, rtc_label='Server1')}, {'domain': 'falcot.com'},
     "host 'server1': rtc_label 'Server1' has capitals; write the label in lowercase ('server1')"),
    ({'server1': dict(SERVER1, rtc_turn_label='TURN-B')}, {'domain': 'falcot.com'},
     "host 'server1': rtc_turn_label 'TURN-B' has capitals; write the label in lowercase ('turn-b')"),
    ({'server1': dict(SERVER1)}, {'domain': 'falcot.com', 'services': {'sip': {'label': 'Sip-Proxy'}}},
     "settings.services.sip.label: 'Sip-Proxy' has capitals; write the label in lowercase ('sip-proxy')"),
])
def test_capitals_in_a_name_are_refused(hostvars, given, expected):
    # A name the admin writes is used as written (realm, key path, HA1): capitals are refused, not folded.
    with pytest.raises(AnsibleFilterError) as exc:
        rtc_topology(hostvars, GROUPS, given)
    assert expected in str(exc.value)


def test_a_host_name_in_capitals_still_gives_a_lowercase_label():
    # The inventory's host name is not a DNS name the admin wrote; its first part becomes the label.
    result = rtc_topology({'Server1': dict(SERVER1)}, {'rtc_turn': ['Server1']}, {'domain': 'falcot.com'})
    assert result['hosts']['Server1']['label'] == 'server1'


# The seed's port-443 mode (11.8.5): every service on one host, each on an address of its own.
FALCOT443 = {
    'server1': {'rtc_ipv4': '198.51.100.131', 'rtc_ipv6': '2001:db8:1000:2000::131',
                'rtc_turn_ipv4': '198.51.100.132', 'rtc_turn_ipv4_alt': '198.51.100.135',
                'rtc_sip_ipv4': '198.51.100.133', 'rtc_sip_ipv6': '2001:db8:1000:2000::133',
                'rtc_xmpp_ipv4': '198.51.100.134', 'rtc_xmpp_ipv6': '2001:DB8:1000:2000::134'},
}


def test_services_with_addresses_of_their_own_on_one_host():
    result = rtc_topology(FALCOT443, GROUPS, SETTINGS)
    assert result['hosts']['server1'] == {'label': 'server1', 'fqdn': 'server1.falcot.com', 'ipv4': '198.51.100.131',
                                          'ipv6': '2001:db8:1000:2000::131', 'ipv4_alt': None}
    assert result['apex'] == {'host': 'server1', 'ipv4': '198.51.100.131', 'ipv6': '2001:db8:1000:2000::131'}
    turn, sip, xmpp = (result['services'][name]['instances'][0] for name in ('turn', 'sip', 'xmpp'))
    # TURN: IPv4 only, as the seed's zone has it, with its RFC 5780 second address.
    assert (turn['ipv4'], turn['ipv6'], turn['ipv4_alt']) == ('198.51.100.132', None, '198.51.100.135')
    assert turn['addresses'] == {'ipv4': '198.51.100.132', 'ipv6': None, 'ipv4_alt': '198.51.100.135', 'own': True}
    assert (sip['ipv4'], sip['ipv6'], sip['ipv4_alt']) == ('198.51.100.133', '2001:db8:1000:2000::133', None)
    assert xmpp['addresses'] == {'ipv4': '198.51.100.134', 'ipv6': '2001:db8:1000:2000::134', 'ipv4_alt': None, 'own': True}


def test_an_unpublished_ipv6_address_of_its_own_is_still_bound():
    hostvars = {'server1': dict(FALCOT443['server1'], rtc_turn_ipv6='2001:db8:1000:2000::132')}
    turn = rtc_topology(hostvars, GROUPS, SETTINGS)['services']['turn']['instances'][0]
    assert turn['ipv6'] is None  # the seed's TURN publishes no AAAA (publish_ipv6 false)
    assert turn['addresses']['ipv6'] == '2001:db8:1000:2000::132'


def test_the_turn_rest_instance_with_an_address_of_its_own():
    hostvars = {'server1': dict(FALCOT443['server1'], rtc_turn_rest_ipv4='198.51.100.136', rtc_turn_rest_ipv6='2001:db8:1000:2000::136')}
    turn = rtc_topology(hostvars, GROUPS, SETTINGS)['services']['turn']['instances'][0]
    # Its name follows the service's publish_ipv6 (the seed's TURN: IPv4 only); it still binds the IPv6 address.
    assert turn['rest'] == {'label': 'turn-rest', 'fqdn': 'turn-rest.falcot.com', 'ipv4': '198.51.100.136', 'ipv6': None,
                            'addresses': {'ipv4': '198.51.100.136', 'ipv6': '2001:db8:1000:2000::136', 'ipv4_alt': None, 'own': True}}
    hostvars['server1']['rtc_turn_rest_label'] = 'xep0215'
    assert rtc_topology(hostvars, GROUPS, settings(turn__rest_label='ignored'))['services']['turn']['instances'][0]['rest']['fqdn'] \
        == 'xep0215.falcot.com'
    assert rtc_topology(FALCOT443, GROUPS, settings(turn__rest_label='relay'))['services']['turn']['instances'][0]['rest'] is None


@pytest.mark.parametrize('changes,message', [
    ({'rtc_turn_rest_ipv6': '2001:db8::136'}, "host 'server1': rtc_turn_rest_ipv6 is set but rtc_turn_rest_ipv4 is not"),
    ({'rtc_turn_rest_ipv4': '198.51.100.136', 'rtc_turn_rest_label': 'xmpp-gw'},
     "label 'xmpp-gw': used by host 'server1' (rtc_turn_rest_label) for 198.51.100.136 and by host 'server1' (rtc_xmpp_label)"),
    ({'rtc_turn_rest_ipv4': 'turn-rest'}, "host 'server1': rtc_turn_rest_ipv4 'turn-rest' is not an IPv4 address"),
])
def test_errors_in_the_turn_rest_instance_addresses(changes, message):
    hostvars = {'server1': dict(FALCOT443['server1'], **changes)}
    with pytest.raises(AnsibleFilterError) as exc:
        rtc_topology(hostvars, GROUPS, SETTINGS)
    assert message in str(exc.value)


@pytest.mark.parametrize('changes,message', [
    ({'rtc_sip_ipv4': '2001:db8::133'}, "host 'server1': rtc_sip_ipv4 '2001:db8::133' is not an IPv4 address"),
    ({'rtc_xmpp_ipv6': '198.51.100.134'}, "host 'server1': rtc_xmpp_ipv6 '198.51.100.134' is not an IPv6 address"),
    ({'rtc_turn_ipv4_alt': '198.51.100.132'},
     "host 'server1': rtc_turn_ipv4_alt '198.51.100.132' is the same as rtc_turn_ipv4; the alternate address must be a second IPv4 address"),
    ({'rtc_sip_ipv4': None}, "host 'server1': rtc_sip_ipv6 is set but rtc_sip_ipv4 is not; a service with addresses of its own needs its IPv4"
                             " address (without it, the service uses the host's rtc_ipv4, rtc_ipv6 and rtc_ipv4_alt)"),
    # Two services may share an address (on different ports), but one label cannot name two sets of addresses.
    ({'rtc_xmpp_label': 'sip-proxy'}, "label 'sip-proxy': used by host 'server1' (rtc_sip_label) for 198.51.100.133"),
])
def test_errors_in_addresses_of_their_own(changes, message):
    hostvars = {'server1': dict(FALCOT443['server1'], **changes)}
    with pytest.raises(AnsibleFilterError) as exc:
        rtc_topology(hostvars, GROUPS, SETTINGS)
    assert message in str(exc.value)
