# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import re

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.rtc_hostport import FilterModule, rtc_hostport

PREFIX = 'rtcstack.debian.rtc_hostport: '


@pytest.mark.parametrize('address, port, style, expected', [
    ('198.51.100.19', 5061, 'uri', '198.51.100.19:5061'),
    ('198.51.100.19', 5061, 'plain', '198.51.100.19:5061'),
    ('2001:db8:1000:2000::19', 5061, 'uri', '[2001:db8:1000:2000::19]:5061'),
    ('2001:db8:1000:2000::19', 5061, 'plain', '2001:db8:1000:2000::19:5061'),
    # normalised to the compact lowercase form
    ('2001:DB8:1000:2000:0:0:0:19', 8443, 'uri', '[2001:db8:1000:2000::19]:8443'),
    ('2001:0db8:1000:2000:0000:0000:0000:0019', 8443, 'plain', '2001:db8:1000:2000::19:8443'),
    # already bracketed
    ('[2001:DB8::1]', 443, 'uri', '[2001:db8::1]:443'),
    ('[2001:DB8::1]', 443, 'plain', '2001:db8::1:443'),
    ('::', 5060, 'uri', '[::]:5060'),
    ('0.0.0.0', 5060, 'uri', '0.0.0.0:5060'),
    # DNS names are passed through
    ('sip-proxy.falcot.com', 5061, 'uri', 'sip-proxy.falcot.com:5061'),
    ('sip-proxy.falcot.com', 5061, 'plain', 'sip-proxy.falcot.com:5061'),
    ('localhost', 80, 'uri', 'localhost:80'),
    ('Falcot.COM', 443, 'uri', 'Falcot.COM:443'),
    # ports as digit strings (ansible-core before 2.19 renders "{{ port }}" in a mapping as a string)
    ('198.51.100.19', '5061', 'uri', '198.51.100.19:5061'),
    ('198.51.100.19', 1, 'uri', '198.51.100.19:1'),
    ('198.51.100.19', 65535, 'uri', '198.51.100.19:65535'),
    # no port: the address alone
    ('198.51.100.19', None, 'uri', '198.51.100.19'),
    ('2001:db8:1000:2000::19', None, 'uri', '[2001:db8:1000:2000::19]'),
    ('2001:db8:1000:2000::19', None, 'plain', '2001:db8:1000:2000::19'),
    ('turn-server.falcot.com', None, 'uri', 'turn-server.falcot.com'),
])
def test_formatting(address, port, style, expected):
    assert rtc_hostport(address, port, style=style) == expected


def test_defaults():
    assert rtc_hostport('2001:db8::19', 5061) == '[2001:db8::19]:5061'
    assert rtc_hostport('2001:db8::19') == '[2001:db8::19]'


def test_filter_is_registered():
    assert FilterModule().filters() == {'rtc_hostport': rtc_hostport}


@pytest.mark.parametrize('args, kwargs, message', [
    (('198.51.100.19', 0), {}, 'port: expected a port number between 1 and 65535, got 0'),
    (('198.51.100.19', 65536), {}, 'port: expected a port number between 1 and 65535, got 65536'),
    (('198.51.100.19', -1), {}, 'port: expected a port number between 1 and 65535, got -1'),
    (('198.51.100.19', '50a'), {}, "port: expected a port number between 1 and 65535, got '50a'"),
    (('198.51.100.19', ' 5061'), {}, "port: expected a port number between 1 and 65535, got ' 5061'"),
    (('198.51.100.19', 5061.0), {}, 'port: expected a port number between 1 and 65535, got float'),
    (('198.51.100.19', True), {}, 'port: expected a port number between 1 and 65535, got bool'),
    (('198.51.100.19', [5061]), {}, 'port: expected a port number between 1 and 65535, got list'),
    (('198.51.100.300', 5061), {}, "address: '198.51.100.300' is neither an IP address nor a valid DNS name"),
    (('198.51.100', 5061), {}, "address: '198.51.100' is neither an IP address nor a valid DNS name"),
    (('010.51.100.19', 5061), {}, "address: '010.51.100.19' is neither an IP address nor a valid DNS name"),
    (('2001:db8::1::2', 5061), {}, "address: '2001:db8::1::2' is neither an IP address nor a valid DNS name"),
    (('fe80::1%eth0', 5061), {}, "address: 'fe80::1%eth0' is neither an IP address nor a valid DNS name"),
    (('[198.51.100.19]', 5061), {}, "address: '[198.51.100.19]' is bracketed but is not an IPv6 address"),
    (('198.51.100.19:5061', 5061), {}, "address: '198.51.100.19:5061' is neither an IP address nor a valid DNS name"),
    (('sip_proxy.falcot.com', 5061), {}, "address: 'sip_proxy.falcot.com' is neither an IP address nor a valid DNS name"),
    (('-sip.falcot.com', 5061), {}, "address: '-sip.falcot.com' is neither an IP address nor a valid DNS name"),
    (('sip..falcot.com', 5061), {}, "address: 'sip..falcot.com' is neither an IP address nor a valid DNS name"),
    (('a' * 64 + '.falcot.com', 5061), {}, "address: '%s.falcot.com' is neither an IP address nor a valid DNS name" % ('a' * 64)),
    (('', 5061), {}, 'address: must not be empty'),
    ((None, 5061), {}, 'address: expected a string, got null'),
    ((3232235777, 5061), {}, 'address: expected a string, got int'),
    (('198.51.100.19', 5061), {'style': 'url'}, "style: unknown style 'url'; expected one of 'uri', 'plain'"),
    (('198.51.100.19', 5061), {'style': None}, 'style: expected a string, got null'),
])
def test_errors(args, kwargs, message):
    with pytest.raises(AnsibleFilterError, match='^%s$' % re.escape(PREFIX + message)):
        rtc_hostport(*args, **kwargs)


def test_missing_netaddr(monkeypatch):
    from ansible_collections.rtcstack.debian.plugins.plugin_utils import _address
    monkeypatch.setattr(_address, 'netaddr', None)
    message = ('rtcstack.debian.rtc_hostport: this filter needs the python netaddr library on the controller'
               ' (pip install netaddr, or apt-get install python3-netaddr)')
    with pytest.raises(AnsibleFilterError, match='^%s$' % re.escape(message)):
        rtc_hostport('198.51.100.19', 5061)
