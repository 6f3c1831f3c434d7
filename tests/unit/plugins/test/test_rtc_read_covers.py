# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pytest

from ansible_collections.rtcstack.debian.plugins.test.rtc_read_covers import rtc_read_covers

ARGS = {'paths': ['/etc/a', '/etc/b'], 'get_checksum': True, 'packages': ['bind9'], 'services': ['named'],
        'groups': ['ssl-cert'], 'contents': ['/etc/a']}


def result(**args):
    module_args = dict(ARGS)
    module_args.update(args)
    return {'changed': False, 'files': [], 'missing': [], 'read': module_args}


def test_a_read_of_more_covers_less():
    read = result(paths=['/etc/a', '/etc/b', '/etc/c'], packages=['bind9', 'coturn'])
    assert rtc_read_covers(read, {'paths': ['/etc/b'], 'packages': ['bind9'], 'services': ['named']})
    assert rtc_read_covers(read, ARGS)


@pytest.mark.parametrize('key', ['paths', 'packages', 'services', 'groups', 'contents'])
def test_one_missing_item_is_not_covered(key):
    wanted = dict(ARGS)
    wanted[key] = list(ARGS[key]) + ['/other' if key in ('paths', 'contents') else 'other']
    assert not rtc_read_covers(result(), wanted)


def test_paths_are_compared_normalised():
    assert rtc_read_covers(result(), {'paths': ['/etc//b/', '/etc/a']})


@pytest.mark.parametrize('wanted', [{}, None, {'paths': []}, {'get_checksum': True}])
def test_asking_for_nothing_is_not_covered(wanted):
    assert not rtc_read_covers(result(), wanted)


def test_checksums_wanted_but_not_read():
    assert not rtc_read_covers(result(get_checksum=False), {'paths': ['/etc/a']})
    assert rtc_read_covers(result(get_checksum=False), {'paths': ['/etc/a'], 'get_checksum': False})


@pytest.mark.parametrize('read', [None, '', {}, {'skipped': True, 'changed': False},
                                  dict(result(), failed=True), {'changed': False, 'files': []}])
def test_no_read_covers_nothing(read):
    assert not rtc_read_covers(read, {'paths': ['/etc/a']})
