# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The dns role's filters: zone serial, name servers, RFC 2136 plan."""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import hashlib
import re

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.rtc_name_servers import rtc_name_servers
from ansible_collections.rtcstack.debian.plugins.filter.rtc_nsupdate_plan import rtc_nsupdate_plan
from ansible_collections.rtcstack.debian.plugins.filter.rtc_nsupdate_rrsets import rtc_nsupdate_rrsets
from ansible_collections.rtcstack.debian.plugins.filter.rtc_records import rtc_records
from ansible_collections.rtcstack.debian.plugins.filter.rtc_topology import rtc_topology
from ansible_collections.rtcstack.debian.plugins.filter.rtc_zone_serial import rtc_zone_serial

SERVER1 = {'rtc_ipv4': '198.51.100.19', 'rtc_ipv6': '2001:db8:1000:2000::19'}
GROUPS = {'rtc_dns': ['server1'], 'rtc_turn': ['server1'], 'rtc_sip_proxy': ['server1'], 'rtc_xmpp': ['server1']}
SETTINGS = {
    'domain': 'falcot.com',
    'apex_host': 'server1',
    'services': {'turn': {'label': 'turn-server', 'port': 3467, 'publish_ipv6': False}, 'sip': {'label': 'sip-proxy'}, 'xmpp': {'label': 'xmpp-gw'}},
}


def digest(text):
    return hashlib.sha256(text.encode('utf-8')).hexdigest()


def marker(text, serial):
    return '; generated\n; rtcstack zone content sha256 %s serial %d\n$TTL 3600\n' % (digest(text), serial)


# --- rtc_zone_serial ---------------------------------------------------------------------------------

def test_new_zone_gets_the_date_serial():
    assert rtc_zone_serial('', 'records', '20261126') == {'serial': 2026112600, 'digest': digest('records'), 'changed': True}


def test_same_content_keeps_the_serial_on_a_later_day():
    assert rtc_zone_serial(marker('records', 2026112603), 'records', '20270101') == {
        'serial': 2026112603, 'digest': digest('records'), 'changed': False}


def test_changed_content_on_the_same_day_counts_up():
    assert rtc_zone_serial(marker('records', 2026112603), 'other', '20261126')['serial'] == 2026112604


def test_changed_content_on_a_later_day_starts_the_day():
    assert rtc_zone_serial(marker('records', 2026112603), 'other', '20261127')['serial'] == 2026112700


def test_more_than_a_hundred_changes_a_day_still_count_up():
    assert rtc_zone_serial(marker('records', 2026112699), 'other', '20261126')['serial'] == 2026112700


def test_a_serial_ahead_of_the_date_counts_up():
    assert rtc_zone_serial(marker('records', 2030010100), 'other', '20261126')['serial'] == 2030010101


def test_hand_written_zone_serial_is_read_from_its_soa():
    current = '$TTL 1d\n@ IN SOA ns1.falcot.com. hostmaster.falcot.com. ( ; comment\n    2031050507 ; serial\n 1h 15m 2w 5m )\n'
    assert rtc_zone_serial(current, 'x', '20261126') == {'serial': 2031050508, 'digest': digest('x'), 'changed': True}


def test_one_line_soa():
    assert rtc_zone_serial('@ 3600 IN SOA a. b. 7 1 2 3 4\n', 'x', 20261126)['serial'] == 2026112600


@pytest.mark.parametrize('date', ['2026-11-26', '202611', 'today', None, True])
def test_bad_date(date):
    with pytest.raises(AnsibleFilterError, match=re.escape('rtcstack.debian.rtc_zone_serial: date: expected the date as YYYYMMDD')):
        rtc_zone_serial('', 'x', date)


def test_serial_overflow():
    with pytest.raises(AnsibleFilterError, match='larger than 4294967295'):
        rtc_zone_serial(marker('records', 4294967295), 'other', '20261126')


def test_content_must_be_text():
    with pytest.raises(AnsibleFilterError, match='content: expected the text of a zone, got list'):
        rtc_zone_serial('', ['x'], '20261126')


# --- rtc_name_servers --------------------------------------------------------------------------------

def topology(hostvars, groups=None):
    return rtc_topology(hostvars, groups or GROUPS, SETTINGS)


def test_name_server_on_the_stack_host():
    hostvars = {'server1': dict(SERVER1)}
    assert rtc_name_servers(hostvars, ['server1'], topology(hostvars)) == [{
        'host': 'server1', 'label': 'server1', 'fqdn': 'server1.falcot.com', 'ipv4': '198.51.100.19', 'ipv6': '2001:db8:1000:2000::19',
        'records': [{'owner': 'server1', 'type': 'A', 'value': '198.51.100.19'},
                    {'owner': 'server1', 'type': 'AAAA', 'value': '2001:db8:1000:2000::19'}],
    }]


def test_dedicated_name_servers_with_their_own_labels():
    hostvars = {'server1': dict(SERVER1), 'ns1.example.net': {'rtc_ipv4': '203.0.113.53'}, 'ns2': {'rtc_ipv4': '203.0.113.54', 'rtc_label': 'ns-b'}}
    servers = rtc_name_servers(hostvars, ['ns1.example.net', 'ns2', 'ns1.example.net'], topology(hostvars))
    assert [(s['fqdn'], s['records']) for s in servers] == [
        ('ns1.falcot.com', [{'owner': 'ns1', 'type': 'A', 'value': '203.0.113.53'}]),
        ('ns-b.falcot.com', [{'owner': 'ns-b', 'type': 'A', 'value': '203.0.113.54'}]),
    ]


def test_name_server_label_taken_by_a_service():
    hostvars = {'server1': dict(SERVER1), 'ns1': {'rtc_ipv4': '203.0.113.53', 'rtc_label': 'sip-proxy'}}
    with pytest.raises(AnsibleFilterError, match=re.escape("label 'sip-proxy': used by host 'server1' (rtc_sip_label)")):
        rtc_name_servers(hostvars, ['ns1'], topology(hostvars))


def test_name_server_without_address():
    hostvars = {'server1': dict(SERVER1), 'ns1': {}}
    with pytest.raises(AnsibleFilterError, match=re.escape("host 'ns1': rtc_ipv4 is not set")):
        rtc_name_servers(hostvars, ['ns1'], topology({'server1': dict(SERVER1)}))


def test_name_server_with_an_address_of_the_wrong_family():
    hostvars = {'server1': dict(SERVER1), 'ns1': {'rtc_ipv4': '203.0.113.53', 'rtc_ipv6': '203.0.113.53'}}
    with pytest.raises(AnsibleFilterError, match=re.escape("host 'ns1': rtc_ipv6")):
        rtc_name_servers(hostvars, ['ns1'], topology({'server1': dict(SERVER1)}))


def test_name_servers_need_a_topology():
    with pytest.raises(AnsibleFilterError, match='topology: expected the mapping that rtcstack.debian.rtc_topology returns'):
        rtc_name_servers({}, [], {})


# --- rtc_nsupdate_plan / rtc_nsupdate_rrsets ---------------------------------------------------------

def seed_records():
    return rtc_records(topology({'server1': dict(SERVER1)}))


NAPTR_TURN = '10 0 "s" "RELAY:turn.udp" "" _turn._udp.falcot.com.'
NAPTR_SIPS = '10 0 "s" "SIPS+D2T" "" _sips._tcp.falcot.com.'
NAPTR_ADMIN = '50 0 "s" "SIP+D2U" "" _sip._udp.falcot.com.'


def track(records):
    return ['%s %s %s' % (r['owner'], r['type'], r['value'].replace('"', "'")) for r in records]


def current_of(records, extra=None, tracked=None):
    current = {}
    for record in records:
        current.setdefault('%s %s' % (record['owner'], record['type']), []).append(record['value'])
    for key, values in (extra or {}).items():
        current.setdefault(key, []).extend(values)
    current['_rtcstack TXT'] = tracked if tracked is not None else track(records)
    return current


def test_empty_zone_gets_every_record_then_the_tracking_record():
    records = seed_records()
    plan = rtc_nsupdate_plan(records, {}, 'falcot.com')
    assert all(step['state'] == 'present' for step in plan)
    assert plan[0] == {'record': 'falcot.com.', 'type': 'A', 'state': 'present', 'value': ['198.51.100.19']}
    assert {'record': 'falcot.com.', 'type': 'NAPTR', 'state': 'present', 'value': [NAPTR_TURN, NAPTR_SIPS]} in plan
    assert plan[-1] == {'record': '_rtcstack.falcot.com.', 'type': 'TXT', 'state': 'present', 'value': track(records)}
    assert "@ NAPTR 10 0 's' 'RELAY:turn.udp' '' _turn._udp.falcot.com." in plan[-1]['value']


def test_zone_in_step_needs_no_update():
    records = seed_records()
    assert rtc_nsupdate_plan(records, current_of(records), 'falcot.com') == []


def test_tracking_strings_as_dig_returns_them_with_quotes():
    records = seed_records()
    assert rtc_nsupdate_plan(records, current_of(records, tracked=['"%s"' % text for text in track(records)]), 'falcot.com') == []


def test_admin_values_in_the_same_rrset_stay():
    records = seed_records()
    current = current_of([], extra={'@ NAPTR': [NAPTR_ADMIN], '@ A': ['203.0.113.80']}, tracked=[])
    plan = rtc_nsupdate_plan(records, current, 'falcot.com')
    assert {'record': 'falcot.com.', 'type': 'NAPTR', 'state': 'present', 'value': [NAPTR_ADMIN, NAPTR_TURN, NAPTR_SIPS]} in plan
    assert {'record': 'falcot.com.', 'type': 'A', 'state': 'present', 'value': ['203.0.113.80', '198.51.100.19']} in plan


def test_a_record_the_stack_no_longer_has_is_removed_and_the_admins_value_stays():
    before = seed_records() + [{'owner': '_turns._tcp', 'type': 'SRV', 'value': '0 1 5349 turn-server.falcot.com.'},
                               {'owner': '@', 'type': 'NAPTR', 'value': '20 0 "s" "RELAY:turn.tls" "" _turns._tcp.falcot.com.'}]
    after = seed_records()
    current = current_of(before, extra={'@ NAPTR': [NAPTR_ADMIN]})
    assert rtc_nsupdate_rrsets(after, current['_rtcstack TXT'])[-1] == '_turns._tcp SRV'
    plan = rtc_nsupdate_plan(after, current, 'falcot.com')
    assert plan == [
        {'record': 'falcot.com.', 'type': 'NAPTR', 'state': 'absent', 'value': []},
        {'record': 'falcot.com.', 'type': 'NAPTR', 'state': 'present', 'value': [NAPTR_ADMIN, NAPTR_TURN, NAPTR_SIPS]},
        {'record': '_turns._tcp.falcot.com.', 'type': 'SRV', 'state': 'absent', 'value': []},
        {'record': '_rtcstack.falcot.com.', 'type': 'TXT', 'state': 'absent', 'value': []},
        {'record': '_rtcstack.falcot.com.', 'type': 'TXT', 'state': 'present', 'value': track(after)},
    ]


def test_a_changed_port_replaces_the_rrset():
    before = seed_records()
    after = [dict(r, value=r['value'].replace(' 3467 ', ' 3478 ')) for r in before]
    plan = rtc_nsupdate_plan(after, current_of(before), 'falcot.com')
    changed = [(step['record'], step['state']) for step in plan]
    assert changed == [
        ('_stun._udp.falcot.com.', 'absent'), ('_stun._udp.falcot.com.', 'present'),
        ('_turn._udp.falcot.com.', 'absent'), ('_turn._udp.falcot.com.', 'present'),
        ('_rtcstack.falcot.com.', 'absent'), ('_rtcstack.falcot.com.', 'present'),
    ]
    assert plan[1]['value'] == ['0 1 3478 turn-server.falcot.com.']


def test_a_stack_in_a_subdomain_of_the_zone():
    plan = rtc_nsupdate_plan([{'owner': '_sips._tcp', 'type': 'srv', 'value': '0 1 5061 sip.rtc.example.com.'}], {}, 'rtc.example.com.')
    assert plan[0] == {'record': '_sips._tcp.rtc.example.com.', 'type': 'SRV', 'state': 'present', 'value': ['0 1 5061 sip.rtc.example.com.']}


def test_the_tracking_owner_is_not_a_record_of_the_stack():
    with pytest.raises(AnsibleFilterError, match=re.escape("desired[0]: the owner '_rtcstack' is the tracking record")):
        rtc_nsupdate_plan([{'owner': '_rtcstack', 'type': 'TXT', 'value': 'x'}], {}, 'falcot.com')


def test_plan_needs_records_and_answers():
    with pytest.raises(AnsibleFilterError, match=re.escape('desired[0]: the record needs a non-empty string value')):
        rtc_nsupdate_plan([{'owner': '@', 'type': 'A'}], {}, 'falcot.com')
    with pytest.raises(AnsibleFilterError, match=re.escape("current['@ A']: expected a list of values, got string")):
        rtc_nsupdate_plan([{'owner': '@', 'type': 'A', 'value': '192.0.2.1'}], {'@ A': '192.0.2.1'}, 'falcot.com')


def test_rrsets_to_query():
    records = seed_records()
    keys = rtc_nsupdate_rrsets(records, [])
    assert keys[:3] == ['@ A', '@ AAAA', 'server1 A']
    assert '@ NAPTR' in keys and len(keys) == len(set(keys))
    assert rtc_nsupdate_rrsets([], ['"old TXT x"', 'not-a-record']) == ['old TXT']
