# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pytest

from ansible_collections.rtcstack.debian.plugins.test.rtc_dns_label import rtc_dns_label
from ansible_collections.rtcstack.debian.plugins.test.rtc_dns_name import rtc_dns_name

LONGEST = '.'.join(['a' * 63] * 3 + ['b' * 61])  # 253 characters


@pytest.mark.parametrize('name', ['falcot.com', 'sip-proxy.falcot.com', 'Falcot.COM', 'localhost', 'xn--bcher-kva.example',
                                  '1.example', LONGEST])
def test_host_names(name):
    assert rtc_dns_name(name)


@pytest.mark.parametrize('name', ['', None, 3, 'falcot.com.', '-falcot.com', 'falcot-.com', 'falcot..com', '.falcot.com',
                                  '198.51.100.19', 'a' * 64 + '.com', LONGEST + 'b', '*.falcot.com', '_sip._tcp.falcot.com',
                                  'falcot com', 'falcot.com\n', '@'])
def test_not_host_names(name):
    assert not rtc_dns_name(name)


def test_a_trailing_dot_only_when_absolute():
    assert rtc_dns_name('falcot.com.', absolute=True)
    assert rtc_dns_name(LONGEST + '.', absolute=True)
    assert not rtc_dns_name('.', absolute=True)


def test_a_wildcard_first_label_only_when_asked():
    assert rtc_dns_name('*.falcot.com', wildcard=True)
    assert not rtc_dns_name('*', wildcard=True)
    assert not rtc_dns_name('sip.*.falcot.com', wildcard=True)


def test_underscores_only_when_asked():
    assert rtc_dns_name('host_master.falcot.com', underscore=True)
    assert not rtc_dns_name('host_master.falcot.com')


@pytest.mark.parametrize('owner', ['@', '*', '_sip._tcp', '_xmpp-client._tcp', 'server1', '19', '*.conference', 'a.b.c'])
def test_owner_names(owner):
    assert rtc_dns_name(owner, owner=True)


@pytest.mark.parametrize('owner', ['', '@.x', '_sip._tcp.', '-a', 'a..b', 'a b'])
def test_not_owner_names(owner):
    assert not rtc_dns_name(owner, owner=True)


def test_labels():
    assert rtc_dns_label('server1')
    assert rtc_dns_label('_rtcstack', underscore=True)
    assert not rtc_dns_label('_rtcstack')
    assert not rtc_dns_label('a.b')
    assert not rtc_dns_label('a' * 64)
    assert not rtc_dns_label('')
