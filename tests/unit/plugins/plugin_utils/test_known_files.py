# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import hashlib

import pytest

from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_files import checksum, known_file, matches, mode_bits

TEXT = 'listen=udp:198.51.100.19:5060\n'
SUM = hashlib.sha1(TEXT.encode('utf-8')).hexdigest()
# One entry as ansible.builtin.find (get_checksum: true) reports a file.
FOUND = {'path': '/etc/kamailio/tls.cfg', 'isreg': True, 'islnk': False, 'checksum': SUM,
         'mode': '0640', 'pw_name': 'root', 'gr_name': 'kamailio', 'size': len(TEXT)}
ARGS = {'src': 'etc/kamailio/tls.cfg.j2', 'dest': '/etc/kamailio/tls.cfg', 'owner': 'root',
        'group': 'kamailio', 'mode': '0640'}


def test_checksum_is_sha1_of_utf8():
    assert checksum('é\n') == hashlib.sha1('é\n'.encode('utf-8')).hexdigest()


@pytest.mark.parametrize('mode, bits', [
    ('0640', 0o640), ('640', 0o640), ('04755', 0o4755), (0o640, 0o640), (416, 0o640),
    ('u=rw,g=r', None), ('preserve', None), ('0649', None), (True, None), (None, None), ('', None),
])
def test_mode_bits(mode, bits):
    assert mode_bits(mode) == bits


def test_the_same_file_matches():
    assert matches(known_file([{'path': '/etc/other'}, FOUND], ARGS['dest']), SUM, ARGS)


def test_a_task_without_owner_group_mode_compares_the_content_only():
    args = {'src': 's.j2', 'dest': ARGS['dest'], 'backup': True, 'validate': 'kamailio -c -f %s'}
    assert matches(known_file([FOUND], ARGS['dest']), SUM, args)


@pytest.mark.parametrize('change', [
    {'checksum': '0' * 40},           # other content
    {'mode': '0644'},                 # loosened mode
    {'pw_name': 'kamailio'},          # other owner
    {'gr_name': 'root'},              # other group
    {'isreg': False},                 # a directory, a socket, ...
    {'islnk': True},                  # a link: the builtin module decides what to follow
    {'path': '/etc/kamailio/tls.cfg.bak'},
])
def test_any_difference_sends_the_task_to_the_module(change):
    assert not matches(known_file([dict(FOUND, **change)], ARGS['dest']), SUM, ARGS)


@pytest.mark.parametrize('extra', [{'force': False}, {'follow': True}, {'attributes': '+i'},
                                   {'trim_blocks': False}, {'newline_sequence': '\r\n'}])
def test_an_option_it_does_not_account_for_sends_the_task_to_the_module(extra):
    assert not matches(known_file([FOUND], ARGS['dest']), SUM, dict(ARGS, **extra))


@pytest.mark.parametrize('known', [None, [], 'not a list', [None, 'x'], {'files': [FOUND]}])
def test_no_usable_state_sends_the_task_to_the_module(known):
    assert not matches(known_file(known, ARGS['dest']), SUM, ARGS)


def test_a_mode_it_cannot_compare_sends_the_task_to_the_module():
    assert not matches(known_file([FOUND], ARGS['dest']), SUM, dict(ARGS, mode='u=rw,g=r'))
    assert not matches(known_file([dict(FOUND, mode=None)], ARGS['dest']), SUM, ARGS)


def test_numeric_owner_sends_the_task_to_the_module():
    assert not matches(known_file([FOUND], ARGS['dest']), SUM, dict(ARGS, owner=0))


def test_an_empty_checksum_never_matches():
    assert not matches(known_file([dict(FOUND, checksum='')], ARGS['dest']), '', ARGS)
