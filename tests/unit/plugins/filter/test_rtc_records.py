# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import copy
import os
import re

import pytest
import yaml
from hypothesis import given, settings as hypothesis_settings
from hypothesis import strategies as st

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.rtc_records import FilterModule, rtc_records
from ansible_collections.rtcstack.debian.plugins.filter.rtc_topology import rtc_topology

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
FALCOT = os.path.join(REPO_ROOT, 'inventories', 'falcot')
ROLES = os.path.join(REPO_ROOT, 'roles')

# The zone of the Debian Administrator's Handbook, section 11.8.1, as printed (the seed).
SEED_ZONE = '''
; the server where everything will run
server1            IN     A      198.51.100.19
server1            IN     AAAA   2001:DB8:1000:2000::19

; IPv4 only for TURN for now, some clients are buggy with IPv6
turn-server        IN     A      198.51.100.19

; IPv4 and IPv6 addresses for SIP
sip-proxy          IN     A      198.51.100.19
sip-proxy          IN     AAAA   2001:DB8:1000:2000::19

; IPv4 and IPv6 addresses for XMPP
xmpp-gw            IN     A      198.51.100.19
xmpp-gw            IN     AAAA   2001:DB8:1000:2000::19

; DNS SRV and NAPTR for STUN / TURN
_stun._udp  IN SRV    0 1 3467 turn-server.falcot.com.
_turn._udp  IN SRV    0 1 3467 turn-server.falcot.com.
@           IN NAPTR  10 0 "s" "RELAY:turn.udp" "" _turn._udp.falcot.com.

; DNS SRV and NAPTR records for SIP
_sips._tcp  IN SRV    0 1 5061 sip-proxy.falcot.com.
@           IN NAPTR  10 0 "s" "SIPS+D2T" "" _sips._tcp.falcot.com.

; DNS SRV records for XMPP Server and Client modes:
_xmpp-client._tcp  IN     SRV    5 0 5222 xmpp-gw.falcot.com.
_xmpp-server._tcp  IN     SRV    5 0 5269 xmpp-gw.falcot.com.
'''


def parse_zone(text):
    """(owner, type, value) of each record line; IPv6 lowercased as the filter writes it."""
    result = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(';'):
            continue
        match = re.match(r'^(\S+)\s+IN\s+(\S+)\s+(.*)$', line)
        owner, rtype, value = match.groups()
        if rtype == 'AAAA':
            value = value.lower()
        result.append((owner, rtype, value.strip()))
    return result


SEED_RECORDS = [('@', 'A', '198.51.100.19'), ('@', 'AAAA', '2001:db8:1000:2000::19')] + parse_zone(SEED_ZONE)


def triples(records):
    return [(r['owner'], r['type'], r['value']) for r in records]


# --- the falcot.com inventory -------------------------------------------------------------------

def load_yaml(path):
    with open(path) as handle:
        return yaml.safe_load(handle) or {}


def render(value, variables):
    """Render the Jinja2 expressions of inventory values (for example rtc_turn_realm: "{{ rtc_domain }}")."""
    from jinja2.nativetypes import NativeEnvironment
    environment = NativeEnvironment()
    # Ansible's bool filter, for the values this file's inventories hold (YAML booleans, or their words).
    environment.filters['bool'] = lambda item: item if isinstance(item, bool) else str(item).lower() in ('true', 'yes', 'on', '1')
    if isinstance(value, dict):
        return dict((key, render(item, variables)) for key, item in value.items())
    if isinstance(value, list):
        return [render(item, variables) for item in value]
    for _round in range(10):
        if not isinstance(value, str) or '{{' not in value:
            return value
        value = environment.from_string(value).render(**variables)
    raise AssertionError('template does not settle: %r' % value)


def resolve(variables):
    resolved = dict(variables)
    for _round in range(10):
        resolved = dict((key, render(value, resolved)) for key, value in resolved.items())
    return resolved


def inventory_groups(path):
    """Ansible's groups for a YAML inventory: each group holds its own hosts and those of its children."""
    data = load_yaml(path)
    groups = {}

    def walk(name, group):
        group = group or {}
        members = list(group.get('hosts') or {})
        for child, child_data in (group.get('children') or {}).items():
            for host in walk(child, child_data):
                if host not in members:
                    members.append(host)
        existing = groups.setdefault(name, [])
        existing.extend(host for host in members if host not in existing)
        return members

    for name, group in data.items():
        walk(name, group)
    return groups


def shared_role_file(kind, key):
    """roles/<role>/<kind>/main.yml of the role that holds the shared rtc_* model (the one defining ``key``)."""
    names = sorted(os.listdir(ROLES)) if os.path.isdir(ROLES) else []
    # the shared role was called common, then rtc: look there first
    names.sort(key=lambda name: (name not in ('common', 'rtc'), name))
    for name in names:
        path = os.path.join(ROLES, name, kind, 'main.yml')
        if os.path.exists(path) and key in load_yaml(path):
            return path
    return None


def group_vars_all(inventory):
    """group_vars/all of an inventory: one file, or a directory of files read in name order as Ansible does."""
    path = os.path.join(inventory, 'group_vars', 'all')
    if os.path.isdir(path):
        result = {}
        for name in sorted(os.listdir(path)):
            result.update(load_yaml(os.path.join(path, name)))
        return result
    return load_yaml(path + '.yml')


def falcot_inventory(inventory=FALCOT):
    """(hostvars, groups, variables of server1 with the common role's defaults), from the YAML files."""
    needed = [os.path.join(inventory, 'hosts.yml')]
    missing = [path for path in needed if not os.path.exists(path)]
    if missing:
        pytest.skip('the falcot.com inventory is not there yet: %s' % ', '.join(missing))
    defaults = shared_role_file('defaults', 'rtc_domain')
    if defaults is None:
        pytest.skip('no role under roles/ has defaults/main.yml with the shared rtc_* defaults')
    groups = inventory_groups(os.path.join(inventory, 'hosts.yml'))
    group_vars = group_vars_all(inventory)
    hostvars = {}
    for host in groups.get('all', []):
        host_vars = dict(group_vars)
        path = os.path.join(inventory, 'host_vars', '%s.yml' % host)
        if os.path.exists(path):
            host_vars.update(load_yaml(path))
        hostvars[host] = resolve(host_vars)
    variables = dict(load_yaml(defaults))
    variables.update(group_vars)
    variables.update(load_yaml(os.path.join(inventory, 'host_vars', 'server1.yml')))
    return hostvars, groups, resolve(variables)


def role_settings(variables):
    """The shared role's __rtc_settings rendered with these variables (what every role's model reads)."""
    role_vars = load_yaml(shared_role_file('vars', '__rtc_settings'))
    context = dict(variables)
    context['__rtc_groups'] = render(role_vars.get('__rtc_groups', {}), context)
    return render(role_vars['__rtc_settings'], context)


def settings_from_vars(v):
    """The settings dict, built from the public rtc_* variables like the common role does."""
    return {
        'domain': v['rtc_domain'],
        'apex_host': v['rtc_apex_host'],
        'services': {
            'turn': {'group': 'rtc_turn', 'label': v['rtc_turn_label'], 'port': v['rtc_turn_port'], 'tls': v['rtc_turn_tls'],
                     'tls_port': v['rtc_turn_tls_port'], 'publish_ipv6': v['rtc_turn_publish_ipv6'],
                     'priority': v['rtc_srv_priority']['turn'], 'weight': v['rtc_srv_weight']['turn']},
            'sip': {'group': 'rtc_sip_proxy', 'label': v['rtc_sip_label'], 'tls_port': v['rtc_sip_tls_port'], 'wss_port': v['rtc_sip_wss_port'],
                    'tcp_port': v['rtc_sip_tcp_port'], 'publish_tcp': v['rtc_sip_publish_tcp'], 'publish_ipv6': v.get('rtc_sip_publish_ipv6', True),
                    'priority': v['rtc_srv_priority']['sip'], 'weight': v['rtc_srv_weight']['sip']},
            'xmpp': {'group': 'rtc_xmpp', 'label': v['rtc_xmpp_label'], 'c2s_port': v['rtc_xmpp_c2s_port'], 's2s_port': v['rtc_xmpp_s2s_port'],
                     'direct_tls': v['rtc_xmpp_direct_tls'], 'c2s_tls_port': v['rtc_xmpp_c2s_tls_port'],
                     'publish_ipv6': v.get('rtc_xmpp_publish_ipv6', True),
                     'priority': v['rtc_srv_priority']['xmpp'], 'weight': v['rtc_srv_weight']['xmpp']},
        },
    }


def test_falcot_inventory_reproduces_the_seed_zone():
    hostvars, groups, variables = falcot_inventory()
    records = rtc_records(rtc_topology(hostvars, groups, settings_from_vars(variables)))
    assert triples(records) == SEED_RECORDS


# The seed's port-443 mode (11.8.5): inventories/falcot443, every service on 443 at its own address.
FALCOT443_RECORDS = [
    ('@', 'A', '198.51.100.131'), ('@', 'AAAA', '2001:db8:1000:2000::131'),
    ('server1', 'A', '198.51.100.131'), ('server1', 'AAAA', '2001:db8:1000:2000::131'),
    ('turn-server', 'A', '198.51.100.132'), ('turn-rest', 'A', '198.51.100.136'),
    ('sip-proxy', 'A', '198.51.100.133'), ('sip-proxy', 'AAAA', '2001:db8:1000:2000::133'),
    ('xmpp-gw', 'A', '198.51.100.134'), ('xmpp-gw', 'AAAA', '2001:db8:1000:2000::134'),
    ('_stun._udp', 'SRV', '0 1 443 turn-server.falcot.com.'), ('_turn._udp', 'SRV', '0 1 443 turn-server.falcot.com.'),
    ('_turn._tcp', 'SRV', '0 1 443 turn-server.falcot.com.'), ('_turns._tcp', 'SRV', '0 1 443 turn-server.falcot.com.'),
    ('@', 'NAPTR', '10 0 "s" "RELAY:turn.udp" "" _turn._udp.falcot.com.'),
    ('@', 'NAPTR', '15 0 "s" "RELAY:turn.tcp" "" _turn._tcp.falcot.com.'),
    ('@', 'NAPTR', '20 0 "s" "RELAY:turn.tls" "" _turns._tcp.falcot.com.'),
    ('_sips._tcp', 'SRV', '0 1 443 sip-proxy.falcot.com.'),
    ('@', 'NAPTR', '10 0 "s" "SIPS+D2T" "" _sips._tcp.falcot.com.'),
    ('_xmpp-client._tcp', 'SRV', '5 0 5222 xmpp-gw.falcot.com.'), ('_xmpp-server._tcp', 'SRV', '5 0 5269 xmpp-gw.falcot.com.'),
    ('_xmpps-client._tcp', 'SRV', '5 0 443 xmpp-gw.falcot.com.'),
]


def test_falcot443_inventory_publishes_every_service_on_443():
    hostvars, groups, variables = falcot_inventory(os.path.join(REPO_ROOT, 'inventories', 'falcot443'))
    topology = rtc_topology(hostvars, groups, role_settings(variables))
    assert triples(rtc_records(topology)) == FALCOT443_RECORDS
    # Without the switch, the same addresses keep the seed's ports.
    plain = rtc_topology(hostvars, groups, role_settings(dict(variables, rtc_port_443=False)))
    assert ('_sips._tcp', 'SRV', '0 1 5061 sip-proxy.falcot.com.') in triples(rtc_records(plain))


def test_falcot_inventory_topology():
    hostvars, groups, variables = falcot_inventory()
    topology = rtc_topology(hostvars, groups, settings_from_vars(variables))
    assert topology['hosts'] == {'server1': {'label': 'server1', 'fqdn': 'server1.falcot.com', 'ipv4': '198.51.100.19',
                                             'ipv6': '2001:db8:1000:2000::19', 'ipv4_alt': '198.51.100.20'}}
    assert topology['apex'] == {'host': 'server1', 'ipv4': '198.51.100.19', 'ipv6': '2001:db8:1000:2000::19'}
    turn = topology['services']['turn']['instances']
    assert [(i['fqdn'], i['ipv6'], i['ipv4_alt']) for i in turn] == [('turn-server.falcot.com', None, '198.51.100.20')]


def test_common_role_settings_agree_with_the_helper():
    """The shared role's __rtc_settings, rendered, gives the same topology as settings_from_vars."""
    hostvars, groups, variables = falcot_inventory()
    path = shared_role_file('vars', '__rtc_settings')
    if path is None:
        pytest.skip('no role under roles/ has vars/main.yml with __rtc_settings')
    assert rtc_topology(hostvars, groups, role_settings(variables)) == rtc_topology(hostvars, groups, settings_from_vars(variables))


# --- inline topologies ------------------------------------------------------------------------------

SERVER1 = {'rtc_ipv4': '198.51.100.19', 'rtc_ipv6': '2001:DB8:1000:2000::19', 'rtc_ipv4_alt': '198.51.100.20'}
GROUPS = {'all': ['server1'], 'rtc_dns': ['server1'], 'rtc_turn': ['server1'], 'rtc_sip_proxy': ['server1'], 'rtc_xmpp': ['server1'],
          'rtc_web_phone': ['server1']}
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


def settings(**changes):
    result = copy.deepcopy(SETTINGS)
    for key, value in changes.items():
        if '__' in key:
            service, name = key.split('__', 1)
            result['services'][service][name] = value
        else:
            result[key] = value
    return result


def records_for(hostvars=None, groups=None, given=None):
    return triples(rtc_records(rtc_topology(hostvars or {'server1': dict(SERVER1)}, groups or GROUPS, given or SETTINGS)))


def test_seed_inline():
    assert records_for() == SEED_RECORDS


def test_record_dicts():
    records = rtc_records(rtc_topology({'server1': dict(SERVER1)}, GROUPS, SETTINGS))
    assert records[0] == {'owner': '@', 'type': 'A', 'value': '198.51.100.19'}
    assert all(sorted(r) == ['owner', 'type', 'value'] for r in records)


def test_filter_is_registered():
    assert FilterModule().filters() == {'rtc_records': rtc_records}


def test_no_apex():
    assert records_for(given=settings(apex_host='')) == SEED_RECORDS[2:]


def test_turn_tls():
    records = records_for(given=settings(turn__tls=True, turn__tls_port=443))
    turn = [r for r in records if r[0].startswith(('_stun', '_turn')) or 'RELAY' in r[2]]
    assert turn == [
        ('_stun._udp', 'SRV', '0 1 3467 turn-server.falcot.com.'),
        ('_turn._udp', 'SRV', '0 1 3467 turn-server.falcot.com.'),
        ('_turns._tcp', 'SRV', '0 1 443 turn-server.falcot.com.'),
        ('@', 'NAPTR', '10 0 "s" "RELAY:turn.udp" "" _turn._udp.falcot.com.'),
        ('@', 'NAPTR', '20 0 "s" "RELAY:turn.tls" "" _turns._tcp.falcot.com.'),
    ]


def test_sip_publish_tcp():
    records = records_for(given=settings(sip__publish_tcp=True, sip__tcp_port=5080))
    sip = [r for r in records if r[0].startswith('_sip') or 'SIP' in r[2]]
    assert sip == [
        ('_sips._tcp', 'SRV', '0 1 5061 sip-proxy.falcot.com.'),
        ('_sip._tcp', 'SRV', '0 1 5080 sip-proxy.falcot.com.'),
        ('@', 'NAPTR', '10 0 "s" "SIPS+D2T" "" _sips._tcp.falcot.com.'),
        ('@', 'NAPTR', '20 0 "s" "SIP+D2T" "" _sip._tcp.falcot.com.'),
    ]


def test_xmpp_direct_tls():
    records = records_for(given=settings(xmpp__direct_tls=True, xmpp__c2s_tls_port=443))
    assert [r for r in records if r[0].startswith('_xmpp')] == [
        ('_xmpp-client._tcp', 'SRV', '5 0 5222 xmpp-gw.falcot.com.'),
        ('_xmpp-server._tcp', 'SRV', '5 0 5269 xmpp-gw.falcot.com.'),
        ('_xmpps-client._tcp', 'SRV', '5 0 443 xmpp-gw.falcot.com.'),
    ]


def test_publish_ipv6_toggles():
    records = records_for(given=settings(turn__publish_ipv6=True, sip__publish_ipv6=False))
    assert ('turn-server', 'AAAA', '2001:db8:1000:2000::19') in records
    assert ('sip-proxy', 'AAAA', '2001:db8:1000:2000::19') not in records
    assert ('sip-proxy', 'A', '198.51.100.19') in records


def test_service_not_deployed_publishes_nothing():
    groups = dict(GROUPS, rtc_xmpp=[])
    records = records_for(groups=groups)
    assert not [r for r in records if 'xmpp' in r[0] or 'xmpp' in r[2]]
    groups = dict(GROUPS)
    del groups['rtc_turn']
    records = records_for(groups=groups)
    assert not [r for r in records if 'turn' in r[0] or 'turn' in r[2]]


def test_label_shared_by_host_and_service_is_written_once():
    hostvars = {'server1': dict(SERVER1, rtc_sip_label='server1', rtc_xmpp_label='server1')}
    records = records_for(hostvars=hostvars)
    assert records.count(('server1', 'A', '198.51.100.19')) == 1
    assert ('_sips._tcp', 'SRV', '0 1 5061 server1.falcot.com.') in records
    assert ('_xmpp-client._tcp', 'SRV', '5 0 5222 server1.falcot.com.') in records


def test_two_turn_hosts_two_sip_hosts():
    hostvars = {
        'server1': dict(SERVER1),
        'turn2': {'rtc_ipv4': '198.51.100.40', 'rtc_ipv6': '2001:db8:1000:2000::40', 'rtc_turn_label': 'turn-server2',
                  'rtc_host_srv_priority': 10, 'rtc_host_srv_weight': 5},
        'sip2': {'rtc_ipv4': '198.51.100.41', 'rtc_sip_label': 'sip-proxy2', 'rtc_host_srv_weight': {'sip': 3},
                 'sip_proxy_cluster_address': '10.0.0.41'},
    }
    hostvars['server1']['sip_proxy_cluster_address'] = '10.0.0.19'
    groups = dict(GROUPS, rtc_turn=['server1', 'turn2'], rtc_sip_proxy=['server1', 'sip2'], all=['server1', 'turn2', 'sip2'])
    records = records_for(hostvars, groups)
    assert records == [
        ('@', 'A', '198.51.100.19'),
        ('@', 'AAAA', '2001:db8:1000:2000::19'),
        ('server1', 'A', '198.51.100.19'),
        ('server1', 'AAAA', '2001:db8:1000:2000::19'),
        ('turn2', 'A', '198.51.100.40'),
        ('turn2', 'AAAA', '2001:db8:1000:2000::40'),
        ('sip2', 'A', '198.51.100.41'),
        ('turn-server', 'A', '198.51.100.19'),
        ('turn-server2', 'A', '198.51.100.40'),
        ('sip-proxy', 'A', '198.51.100.19'),
        ('sip-proxy', 'AAAA', '2001:db8:1000:2000::19'),
        ('sip-proxy2', 'A', '198.51.100.41'),
        ('xmpp-gw', 'A', '198.51.100.19'),
        ('xmpp-gw', 'AAAA', '2001:db8:1000:2000::19'),
        ('_stun._udp', 'SRV', '0 1 3467 turn-server.falcot.com.'),
        ('_stun._udp', 'SRV', '10 5 3467 turn-server2.falcot.com.'),
        ('_turn._udp', 'SRV', '0 1 3467 turn-server.falcot.com.'),
        ('_turn._udp', 'SRV', '10 5 3467 turn-server2.falcot.com.'),
        ('@', 'NAPTR', '10 0 "s" "RELAY:turn.udp" "" _turn._udp.falcot.com.'),
        ('_sips._tcp', 'SRV', '0 1 5061 sip-proxy.falcot.com.'),
        ('_sips._tcp', 'SRV', '0 3 5061 sip-proxy2.falcot.com.'),
        ('@', 'NAPTR', '10 0 "s" "SIPS+D2T" "" _sips._tcp.falcot.com.'),
        ('_xmpp-client._tcp', 'SRV', '5 0 5222 xmpp-gw.falcot.com.'),
        ('_xmpp-server._tcp', 'SRV', '5 0 5269 xmpp-gw.falcot.com.'),
    ]


@pytest.mark.parametrize('topology, message', [
    (None, 'topology: expected the mapping that rtcstack.debian.rtc_topology returns, got null'),
    ([], 'topology: expected the mapping that rtcstack.debian.rtc_topology returns, got list'),
    ({'domain': 'falcot.com'}, "topology: missing key 'hosts', 'apex', 'services'; pass the output of rtcstack.debian.rtc_topology"),
    ({'domain': 'falcot.com', 'hosts': {'server1': {}}, 'apex': None, 'services': {}},
     "topology: not the output of rtcstack.debian.rtc_topology (KeyError: 'label')"),
])
def test_errors(topology, message):
    with pytest.raises(AnsibleFilterError, match='^%s$' % re.escape('rtcstack.debian.rtc_records: ' + message)):
        rtc_records(topology)


# --- properties -------------------------------------------------------------------------------------

_PORT = st.integers(min_value=1, max_value=65535)
_U16 = st.integers(min_value=0, max_value=65535)
_LABEL = st.from_regex(r'\A[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?\Z')


@st.composite
def inventories(draw):
    """Random but valid inventories: 1 to 4 hosts, each with distinct labels and addresses."""
    count = draw(st.integers(min_value=1, max_value=4))
    labels = draw(st.lists(_LABEL, min_size=count * 4, max_size=count * 4, unique=True))
    hostvars = {}
    names = []
    for index in range(count):
        name = 'host%d' % index
        names.append(name)
        variables = {'rtc_ipv4': '198.51.100.%d' % (index + 1), 'rtc_label': labels[index * 4]}
        if draw(st.booleans()):
            variables['rtc_ipv6'] = '2001:db8::%x' % (index + 1)
        if draw(st.booleans()):
            variables['rtc_ipv4_alt'] = '203.0.113.%d' % (index + 1)
        for offset, service in enumerate(('turn', 'sip', 'xmpp'), start=1):
            variables['rtc_%s_label' % service] = labels[index * 4 + offset]
        if draw(st.booleans()):
            variables['rtc_host_srv_priority'] = draw(_U16)
        if draw(st.booleans()):
            variables['rtc_host_srv_weight'] = draw(_U16)
        # The SIP proxies' cluster socket (rtc_topology needs one per proxy when there are several).
        variables['sip_proxy_cluster_address'] = '10.0.0.%d' % (index + 1)
        hostvars[name] = variables
    groups = {'all': names}
    # XMPP on one host at most (Prosody has no clustering: rtc_topology refuses more).
    for group, most in (('rtc_turn', count), ('rtc_sip_proxy', count), ('rtc_xmpp', 1)):
        groups[group] = draw(st.lists(st.sampled_from(names), unique=True, max_size=most))
    given = {
        'domain': draw(st.sampled_from(['falcot.com', 'example.org', 'rtc.example.net'])),
        'apex_host': draw(st.sampled_from([None] + names)),
        'services': {
            'turn': {'port': draw(_PORT), 'tls': draw(st.booleans()), 'tls_port': draw(_PORT), 'publish_ipv6': draw(st.booleans()),
                     'priority': draw(_U16), 'weight': draw(_U16)},
            'sip': {'tls_port': draw(_PORT), 'wss_port': draw(_PORT), 'tcp_port': draw(_PORT), 'publish_tcp': draw(st.booleans()),
                    'publish_ipv6': draw(st.booleans()), 'priority': draw(_U16), 'weight': draw(_U16)},
            'xmpp': {'c2s_port': draw(_PORT), 's2s_port': draw(_PORT), 'direct_tls': draw(st.booleans()), 'c2s_tls_port': draw(_PORT),
                     'publish_ipv6': draw(st.booleans()), 'priority': draw(_U16), 'weight': draw(_U16)},
        },
    }
    return hostvars, groups, given


SRV_PORTS = {
    '_stun._udp': ('turn', 'port'), '_turn._udp': ('turn', 'port'), '_turns._tcp': ('turn', 'tls_port'),
    '_sips._tcp': ('sip', 'tls_port'), '_sip._tcp': ('sip', 'tcp_port'),
    '_xmpp-client._tcp': ('xmpp', 'c2s_port'), '_xmpp-server._tcp': ('xmpp', 's2s_port'), '_xmpps-client._tcp': ('xmpp', 'c2s_tls_port'),
}


@hypothesis_settings(max_examples=200, deadline=None)
@given(inventories())
def test_records_properties(inventory):
    hostvars, groups, given = inventory
    topology = rtc_topology(hostvars, groups, given)
    records = rtc_records(topology)
    domain = given['domain']
    found = triples(records)

    # no duplicates
    assert len(found) == len(set(found))

    addresses = {}
    for owner, rtype, value in found:
        if rtype in ('A', 'AAAA'):
            addresses.setdefault(owner, set()).add((rtype, value))

    srv_owners = set()
    for owner, rtype, value in found:
        if rtype == 'SRV':
            srv_owners.add(owner)
            priority, weight, port, target = value.split(' ')
            assert 0 <= int(priority) <= 65535 and 0 <= int(weight) <= 65535
            # the port is the one the settings give the daemon
            service, key = SRV_PORTS[owner]
            assert int(port) == given['services'][service][key]
            # every target is absolute, in the zone, and has an A record
            assert target.endswith('.%s.' % domain)
            label = target[:-len('.%s.' % domain)]
            assert ('A', ) in set((t, ) for t, _v in addresses.get(label, ()))
            # and the SRV belongs to an instance of that service on that label with its priority and weight
            instances = topology['services'][service]['instances']
            assert (label, int(priority), int(weight)) in [(i['label'], i['priority'], i['weight']) for i in instances]
        elif rtype == 'NAPTR':
            assert owner == '@'
            replacement = value.rsplit(' ', 1)[1]
            assert replacement.endswith('.%s.' % domain)
            # every NAPTR points at SRV records of the output
            assert replacement[:-len('.%s.' % domain)] in srv_owners
        elif rtype == 'AAAA':
            assert ':' in value

    # every deployed service has its SRV records, and a toggled-off name is absent
    for service, names in (('turn', ['_stun._udp', '_turn._udp']), ('sip', ['_sips._tcp']), ('xmpp', ['_xmpp-client._tcp', '_xmpp-server._tcp'])):
        deployed = bool(groups[{'turn': 'rtc_turn', 'sip': 'rtc_sip_proxy', 'xmpp': 'rtc_xmpp'}[service]])
        for name in names:
            assert (name in srv_owners) == deployed
    assert ('_turns._tcp' in srv_owners) == (bool(groups['rtc_turn']) and given['services']['turn']['tls'])
    assert ('_sip._tcp' in srv_owners) == (bool(groups['rtc_sip_proxy']) and given['services']['sip']['publish_tcp'])
    assert ('_xmpps-client._tcp' in srv_owners) == (bool(groups['rtc_xmpp']) and given['services']['xmpp']['direct_tls'])

    # every SRV record count: one per instance and name
    for owner in srv_owners:
        service = SRV_PORTS[owner][0]
        assert len([r for r in found if r[0] == owner and r[1] == 'SRV']) == len(topology['services'][service]['instances'])

    # service labels publish AAAA only when the service publishes IPv6
    for service in ('turn', 'sip', 'xmpp'):
        for instance in topology['services'][service]['instances']:
            host_ipv6 = hostvars[instance['host']].get('rtc_ipv6')
            has_aaaa = any(t == 'AAAA' for t, _v in addresses.get(instance['label'], ()))
            assert has_aaaa == bool(host_ipv6 and given['services'][service]['publish_ipv6'])

    # the apex comes first
    if given['apex_host']:
        assert found[0] == ('@', 'A', hostvars[given['apex_host']]['rtc_ipv4'])
    else:
        assert not [r for r in found if r[0] == '@' and r[1] in ('A', 'AAAA')]
