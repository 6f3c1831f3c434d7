# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.rtc_not_lists import rtc_not_lists


def test_lists_pass():
    assert rtc_not_lists({'a': [], 'b': ['x'], 'c': ('y', )}) == []


def test_a_string_is_named_and_quoted_with_the_fix():
    assert rtc_not_lists({'ok': [], 'sip_proxy_enum_suffixes': 'e164.arpa'}) == [
        "sip_proxy_enum_suffixes: expected a list, got the string 'e164.arpa'; write it as a list: ['e164.arpa']"]


@pytest.mark.parametrize('value, kind', [({'a': 1}, 'mapping'), (None, 'null'), (5, 'int')])
def test_other_types_are_named_by_type(value, kind):
    assert rtc_not_lists({'xmpp_domains': value}) == ['xmpp_domains: expected a list, got %s' % kind]


def test_a_secret_string_is_never_shown():
    problems = rtc_not_lists({'rtc_users': 'joe:s3cret'}, secret=['rtc_users'])
    assert problems == ['rtc_users: expected a list, got string']
    assert 's3cret' not in problems[0]


def test_in_order():
    assert [p.split(':')[0] for p in rtc_not_lists({'b': 'x', 'a': 1})] == ['b', 'a']


def test_not_a_mapping():
    with pytest.raises(AnsibleFilterError, match='expected a mapping'):
        rtc_not_lists(['x'])
