# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import re

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.rtc_ip_range import FilterModule, rtc_ip_range

PREFIX = 'rtcstack.debian.rtc_ip_range: '


@pytest.mark.parametrize('value, expected', [
    ('10.0.0.0/8', '10.0.0.0-10.255.255.255'),
    ('100.64.0.0/10', '100.64.0.0-100.127.255.255'),
    ('172.16.0.0/12', '172.16.0.0-172.31.255.255'),
    ('240.0.0.0/4', '240.0.0.0-255.255.255.255'),
    ('0.0.0.0/0', '0.0.0.0-255.255.255.255'),
    ('198.51.100.19/32', '198.51.100.19'),
    ('198.51.100.19', '198.51.100.19'),
    ('::1/128', '::1'),
    ('::/128', '::'),
    ('::1', '::1'),
    ('fc00::/7', 'fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'),
    ('FE80::/10', 'fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff'),
    # CVE-2026-27624: the IPv4-mapped block, as the Enable Security guide writes it
    ('::ffff:0:0/96', '::ffff:0.0.0.0-::ffff:255.255.255.255'),
    ('64:ff9b::/96', '64:ff9b::-64:ff9b::ffff:ffff'),
    ('2001:db8:1000:2000::41', '2001:db8:1000:2000::41'),
    # ranges are checked and written canonically
    ('10.0.0.0-10.0.0.255', '10.0.0.0-10.0.0.255'),
    (' 10.0.0.5 - 10.0.0.5 ', '10.0.0.5'),
    ('2001:DB8::1-2001:db8::ff', '2001:db8::1-2001:db8::ff'),
])
def test_ranges(value, expected):
    assert rtc_ip_range(value) == expected


@pytest.mark.parametrize('value, message', [
    ('10.0.0.1/8', "network: '10.0.0.1/8' has host bits set; the network is 10.0.0.0/8"),
    ('fe80::1/10', "network: 'fe80::1/10' has host bits set; the network is fe80::/10"),
    ('10.0.0.0/33', "network: '10.0.0.0/33' is not an IP network (address/prefix length)"),
    ('turn.falcot.com', "network: 'turn.falcot.com' is not an IP address"),
    ('127.1', "network: '127.1' is not an IP address"),
    ('10.0.0.9-10.0.0.1', "network: '10.0.0.9-10.0.0.1' ends before it starts"),
    ('10.0.0.1-::1', "network: '10.0.0.1-::1' mixes IPv4 and IPv6"),
    ('10.0.0.1-', "network: '10.0.0.1-' is not an IP address"),
    ('', 'network: must not be empty'),
])
def test_refused(value, message):
    with pytest.raises(AnsibleFilterError, match='^' + re.escape(PREFIX + message) + '$'):
        rtc_ip_range(value)


@pytest.mark.parametrize('value', [None, 8, ['10.0.0.0/8']])
def test_not_a_string(value):
    with pytest.raises(AnsibleFilterError, match='^' + re.escape(PREFIX + 'network: expected a string')):
        rtc_ip_range(value)


def test_registered():
    assert FilterModule().filters()['rtc_ip_range'] is rtc_ip_range
