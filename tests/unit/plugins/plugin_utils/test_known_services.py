# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pytest

from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_services import service_matches

# What rtcstack.debian.stat_paths reads for these units on a converged host.
KNOWN = {'prosody': {'Id': 'prosody.service', 'LoadState': 'loaded', 'ActiveState': 'active', 'UnitFileState': 'enabled'},
         'coturn-rest': {'Id': 'coturn-rest.service', 'LoadState': 'loaded', 'ActiveState': 'inactive',
                         'UnitFileState': 'disabled'},
         'repro': {'Id': 'repro.service', 'LoadState': 'loaded', 'ActiveState': 'failed', 'UnitFileState': 'enabled'},
         'coturn': {'Id': 'coturn.service', 'LoadState': 'masked', 'ActiveState': 'inactive', 'UnitFileState': 'masked'},
         'nosuch': {'Id': 'nosuch.service', 'LoadState': 'not-found', 'ActiveState': 'inactive', 'UnitFileState': ''}}


@pytest.mark.parametrize('args', [
    {'name': 'prosody', 'state': 'started', 'enabled': True},
    {'name': 'prosody', 'enabled': True, 'masked': False, 'daemon_reload': False},
    {'name': 'prosody', 'state': 'started'},
    {'name': 'coturn-rest', 'state': 'stopped', 'enabled': False},
    {'name': 'repro', 'state': 'stopped'},
])
def test_a_unit_as_wanted_needs_no_host_call(args):
    assert service_matches(KNOWN, args)


@pytest.mark.parametrize('args', [
    # the unit is not as wanted
    {'name': 'repro', 'state': 'started', 'enabled': True},
    {'name': 'coturn-rest', 'state': 'started'},
    {'name': 'coturn-rest', 'enabled': True},
    {'name': 'prosody', 'state': 'stopped'},
    {'name': 'prosody', 'enabled': False},
    # masked, unknown to systemd, or not in the read
    {'name': 'coturn', 'masked': False},
    {'name': 'nosuch', 'state': 'stopped'},
    {'name': 'kamailio', 'state': 'started'},
    # work the read cannot answer
    {'name': 'prosody', 'state': 'restarted'},
    {'name': 'prosody', 'state': 'reloaded'},
    {'name': 'prosody', 'masked': True},
    {'name': 'prosody', 'state': 'started', 'daemon_reload': True},
    {'name': 'prosody', 'state': 'started', 'no_block': True},
    {'name': 'prosody', 'state': 'started', 'scope': 'user'},
    {'name': 'prosody', 'enabled': 'yes'},
    # nothing asked
    {'name': 'prosody'},
])
def test_anything_else_goes_to_the_host(args):
    assert not service_matches(KNOWN, args)


@pytest.mark.parametrize('known', [None, [], {}, {'prosody': 'active'}])
def test_no_usable_read_goes_to_the_host(known):
    assert not service_matches(known, {'name': 'prosody', 'state': 'started'})
