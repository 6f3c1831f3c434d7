# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.rtc_posix_regex import FilterModule, rtc_posix_regex
from ansible_collections.rtcstack.debian.plugins.plugin_utils import _posix_regex

PREFIX = 'rtcstack.debian.rtc_posix_regex: '


@pytest.mark.parametrize('pattern', [
    '^00(44[0-9]+)$',
    '^\\+?[1-9][0-9]{6,14}$',
    '^(100|2[0-9]{2})$',
    '^[[:digit:]]+$',
    'abc',
])
def test_valid(pattern):
    assert rtc_posix_regex(pattern, 'routes[0].pattern') == pattern


@pytest.mark.parametrize('pattern, problem', [
    ('^00(44[0-9]+$', 'not a valid POSIX extended regular expression'),
    ('^[0-9', 'not a valid POSIX extended regular expression'),
    ('^\\d+$', 'Perl/Python escape'),
    ('^(?:00)44', 'group extension'),
    ('^0+?1', 'lazy quantifier'),
    ('a"b', 'double quote'),
    ('', 'is empty'),
])
def test_invalid(pattern, problem):
    with pytest.raises(AnsibleFilterError) as exc:
        rtc_posix_regex(pattern, 'routes[0].pattern')
    assert str(exc.value).startswith(PREFIX + 'routes[0].pattern: ')
    assert problem in str(exc.value)


def test_not_a_string():
    with pytest.raises(AnsibleFilterError, match='routes.1..pattern: expected a string, got int'):
        rtc_posix_regex(5, 'routes[1].pattern')


def test_python_fallback(monkeypatch):
    monkeypatch.setattr(_posix_regex, '_libc', lambda: None)
    assert rtc_posix_regex('^(1|2)$') == '^(1|2)$'
    with pytest.raises(AnsibleFilterError, match='not a valid POSIX'):
        rtc_posix_regex('^(1|2$')


def test_registered():
    assert FilterModule().filters()['rtc_posix_regex'] is rtc_posix_regex
