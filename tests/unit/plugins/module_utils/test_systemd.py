# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from ansible_collections.rtcstack.debian.plugins.module_utils.systemd import parse_systemctl_show

# systemctl show -p Id,LoadState,ActiveState,UnitFileState named nosuch, on Debian 12.
OUTPUT = ('Id=named.service\nLoadState=loaded\nActiveState=active\nUnitFileState=enabled\n\n'
          'Id=nosuch.service\nLoadState=not-found\nActiveState=inactive\nUnitFileState=\n')


def test_each_block_goes_to_the_name_in_its_place():
    assert parse_systemctl_show(OUTPUT, ['bind9', 'nosuch']) == {
        'bind9': {'Id': 'named.service', 'LoadState': 'loaded', 'ActiveState': 'active', 'UnitFileState': 'enabled'},
        'nosuch': {'Id': 'nosuch.service', 'LoadState': 'not-found', 'ActiveState': 'inactive', 'UnitFileState': ''}}


def test_an_answer_that_does_not_cover_every_name_is_no_answer():
    assert parse_systemctl_show(OUTPUT, ['named', 'nosuch', 'prosody']) == {}
    assert parse_systemctl_show('', ['named']) == {}


def test_other_properties_are_left_out():
    assert parse_systemctl_show('Id=a.service\nMainPID=12\nActiveState=active\n', ['a']) == {
        'a': {'Id': 'a.service', 'ActiveState': 'active'}}
