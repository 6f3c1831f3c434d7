# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""rtcstack.debian.systemd_service: which tasks go to module_utils/systemd_apply.py on the host, typed,
and which to ansible.builtin.systemd_service (its refusals and anything the direct way does not take)."""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pytest

from ansible_collections.rtcstack.debian.plugins.action.systemd_service import direct_params


@pytest.mark.parametrize('args,expected', [
    (dict(name='coturn', state='restarted', enabled='yes', masked=False, daemon_reload='false', no_block=True),
     dict(name='coturn', state='restarted', enabled=True, masked=False, daemon_reload=False, no_block=True)),
    (dict(name='apache2', state='reloaded'), dict(name='apache2', state='reloaded')),
    (dict(name='nftables', enabled=False), dict(name='nftables', state=None, enabled=False)),
    (dict(name='coturn', masked=True), dict(name='coturn', state=None, masked=True)),
    (dict(daemon_reload=True), dict(name=None, state=None, daemon_reload=True)),
])
def test_what_the_direct_way_takes(args, expected):
    assert direct_params(args) == expected


@pytest.mark.parametrize('args', [
    dict(name='coturn', state='started', scope='user'),     # an option it does not take
    dict(name='coturn', state='running'),                   # not a state of the module's
    dict(name='coturn', enabled='maybe'),                   # not a boolean
    dict(name='coturn@*', state='started'),                 # a glob, which the module refuses
    dict(name='', state='started'),
    dict(state='started'),                                  # a state needs a unit
    dict(enabled=True),
    dict(name='coturn'),                                    # nothing to do
    dict(daemon_reload=False),
])
def test_the_rest_goes_to_the_module(args):
    assert direct_params(args) is None
