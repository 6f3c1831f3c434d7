# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.rtc_port_clashes import rtc_port_clashes


def listener(daemon, transport, address, port, setting=None):
    given = {'daemon': daemon, 'transport': transport, 'address': address, 'port': port}
    if setting:
        given['setting'] = setting
    return given


def test_separate_addresses_ports_and_transports_pass():
    assert rtc_port_clashes([
        listener('coturn', 'udp', '198.51.100.132', 443),
        listener('coturn', 'tcp', '198.51.100.132', 443),
        listener('kamailio', 'tcp', '198.51.100.133', 443),
        listener('Prosody', 'tcp', '198.51.100.134', 443),
        listener('Apache', 'tcp', '198.51.100.131', 443),
        listener('named', 'udp', '198.51.100.131', 53),
    ]) == []


def test_one_daemon_twice_on_a_socket_is_no_clash():
    # kamailio's TLS and WSS on one port.
    assert rtc_port_clashes([listener('kamailio', 'tcp', '198.51.100.19', 443, 'rtc_sip_tls_port'),
                             listener('kamailio', 'tcp', '198.51.100.19', 443, 'rtc_sip_wss_port')]) == []


def test_two_daemons_on_one_socket_are_named_with_their_settings():
    assert rtc_port_clashes([listener('coturn', 'tcp', '198.51.100.19', 443, 'rtc_turn_port'),
                             listener('kamailio', 'tcp', '198.51.100.19', 443, 'rtc_sip_tls_port')]) == [
        'coturn (rtc_turn_port) and kamailio (rtc_sip_tls_port) both listen on tcp 198.51.100.19:443']


@pytest.mark.parametrize('wildcard, address, clash', [
    ('*', '198.51.100.19', True),
    ('*', '2001:db8::19', True),
    ('::', '198.51.100.19', False),
    ('::', '2001:db8::19', True),
    ('0.0.0.0', '198.51.100.19', True),
    ('0.0.0.0', '2001:db8::19', False),
])
def test_a_wildcard_covers_its_families(wildcard, address, clash):
    problems = rtc_port_clashes([listener('Apache', 'tcp', wildcard, 443), listener('kamailio', 'tcp', address, 443)])
    assert bool(problems) == clash
    if clash:
        shown = '[%s]' % address if ':' in address else address
        assert problems == ['Apache and kamailio both listen on tcp %s:443' % shown]


def test_a_range_meets_a_port_in_it():
    assert rtc_port_clashes([listener('coturn', 'udp', '198.51.100.19', [49152, 59999], 'turn_relay_min_port'),
                             listener('coturn-rest', 'udp', '198.51.100.19', [59990, 65535])]) == [
        'coturn (turn_relay_min_port) and coturn-rest both listen on udp 198.51.100.19:59990-59999']


def test_other_transport_or_address_passes():
    assert rtc_port_clashes([listener('coturn', 'udp', '198.51.100.19', 443),
                             listener('Apache', 'tcp', '198.51.100.19', 443),
                             listener('kamailio', 'tcp', '198.51.100.20', 443)]) == []


def test_equal_addresses_are_compared_as_addresses():
    assert rtc_port_clashes([listener('a', 'tcp', '2001:db8:0::19', 5061), listener('b', 'tcp', '2001:db8::19', 5061)]) == [
        'a and b both listen on tcp [2001:db8::19]:5061']


@pytest.mark.parametrize('given, match', [
    ('x', 'expected a list'),
    (['x'], r'_input\[0\]: expected a mapping'),
    ([{'daemon': 'a', 'transport': 'tcp', 'address': '*'}], 'missing port'),
    ([listener('a', 'sctp', '*', 1)], 'expected udp or tcp'),
    ([listener('a', 'tcp', 'falcot.com', 1)], 'expected an IP address'),
    ([listener('a', 'tcp', '*', 0)], 'within 1-65535'),
    ([listener('a', 'tcp', '*', [10, 5])], 'within 1-65535'),
    ([listener('a', 'tcp', '*', 'https')], 'expected a number'),
])
def test_bad_listeners_are_refused_with_their_index(given, match):
    with pytest.raises(AnsibleFilterError, match=match):
        rtc_port_clashes(given)


@pytest.mark.parametrize('one, other, shown', [('*', '*', '*'), ('0.0.0.0', '*', '0.0.0.0'), ('*', '::', '[::]')])
def test_two_wildcards_show_the_family_they_share(one, other, shown):
    assert rtc_port_clashes([listener('named', 'udp', one, 53), listener('dnsmasq', 'udp', other, 53)]) == [
        'named and dnsmasq both listen on udp %s:53' % shown]
