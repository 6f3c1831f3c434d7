# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pytest

from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_packages import apt_matches, installed, package_names

# What rtcstack.debian.stat_paths reads for these names on a converged host.
KNOWN = {'prosody': {'status': 'installed', 'version': '0.12.3-1'},
         'lua-unbound': {'status': 'installed', 'version': '1.0.0-2'},
         'coturn': {'status': 'config-files', 'version': '4.6.1-1'}}


@pytest.mark.parametrize('args', [
    {'name': ['prosody', 'lua-unbound'], 'state': 'present', 'cache_valid_time': 3600},
    {'name': ['prosody'], 'install_recommends': False},
    {'name': 'prosody,lua-unbound', 'state': 'present'},
    {'pkg': ['prosody']},
])
def test_installed_packages_need_no_host_call(args):
    assert apt_matches(KNOWN, args)


@pytest.mark.parametrize('args', [
    # a package removed with its configuration left, and one dpkg has never heard of
    {'name': ['coturn'], 'state': 'present'},
    {'name': ['prosody', 'kamailio'], 'state': 'present'},
    # anything but presence of plain names
    {'name': ['prosody'], 'state': 'latest'},
    {'name': ['prosody'], 'state': 'absent'},
    {'name': ['prosody=0.12.3-1']},
    {'name': ['prosody*']},
    {'name': ['prosody:amd64']},
    {'name': ['/tmp/prosody.deb']},
    {'name': ['prosody'], 'update_cache': True},
    {'name': ['prosody'], 'upgrade': 'dist'},
    {'name': ['prosody'], 'default_release': 'bookworm-backports'},
    {'name': []},
    {},
    {'name': ['prosody'], 'pkg': ['lua-unbound']},
    {'name': [['prosody']]},
])
def test_anything_else_goes_to_the_builtin(args):
    assert not apt_matches(KNOWN, args)


@pytest.mark.parametrize('known', [None, [], 'prosody', {'prosody': 'installed'}, {'prosody': {'status': 'half-configured'}}])
def test_a_read_that_does_not_say_installed_is_no_answer(known):
    assert not apt_matches(known, {'name': ['prosody']})
    assert not installed(known, 'prosody')


def test_names_from_each_spelling():
    assert package_names({'name': 'a,b'}) == ['a', 'b']
    # a blank after the comma is part of the name, as for the builtin module: no match
    assert not apt_matches(KNOWN, {'name': 'prosody, lua-unbound'})
    assert package_names({'package': ['a']}) == ['a']
    assert package_names({'name': None, 'pkg': ['b']}) == ['b']
    assert package_names({'name': 3}) is None
