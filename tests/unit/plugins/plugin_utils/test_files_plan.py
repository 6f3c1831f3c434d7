# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import hashlib

import pytest

from ansible_collections.rtcstack.debian.plugins.plugin_utils._files_plan import known_result, merge_results, task_index

SUM = hashlib.sha1(b'listen=udp:198.51.100.19:5060\n').hexdigest()
# What rtcstack.debian.stat_paths reads on a converged host.
KNOWN = [
    {'path': '/etc/kamailio', 'isdir': True, 'islnk': False, 'isreg': False, 'mode': '0750', 'pw_name': 'root', 'gr_name': 'kamailio'},
    {'path': '/etc/kamailio/tls.cfg', 'isreg': True, 'islnk': False, 'isdir': False, 'checksum': SUM, 'mode': '0640',
     'pw_name': 'root', 'gr_name': 'kamailio'},
    {'path': '/etc/kamailio/current.cfg', 'islnk': True, 'isreg': False, 'isdir': False, 'lnk_target': 'tls.cfg',
     'mode': '0777', 'pw_name': 'root', 'gr_name': 'root'},
]
FILE = {'dest': '/etc/kamailio/tls.cfg', 'content_base64': 'eA==', 'owner': 'root', 'group': 'kamailio', 'mode': '0640',
        'backup': True, 'validate': 'kamailio -c -f %s', 'secret': True}
DIRECTORY = {'dest': '/etc/kamailio', 'state': 'directory', 'owner': 'root', 'group': 'kamailio', 'mode': '0750'}
LINK = {'dest': '/etc/kamailio/current.cfg', 'state': 'link', 'src': 'tls.cfg'}


def test_a_known_file_directory_and_link_need_no_host_call():
    assert known_result(KNOWN, FILE, SUM) == dict(dest=FILE['dest'], state='file', changed=False, checksum=SUM,
                                                  owner='root', group='kamailio', mode='0640')
    assert known_result(KNOWN, DIRECTORY)['changed'] is False
    assert known_result(KNOWN, dict(DIRECTORY, dest='/etc/kamailio/'))['dest'] == '/etc/kamailio/'
    assert known_result(KNOWN, LINK) == dict(dest=LINK['dest'], state='link', changed=False, src='tls.cfg', owner='root',
                                             group='root')


def test_force_false_does_not_compare_the_content():
    assert known_result(KNOWN, dict(FILE, force=False), '0' * 40)['checksum'] == SUM
    assert known_result(KNOWN, dict(FILE, force=True), '0' * 40) is None


SERVED = {'dest': '/var/lib/rtcstack/served/sip.pem', 'remote_src': '/etc/kamailio/tls.cfg', 'owner': 'root',
          'group': 'kamailio', 'mode': '0640'}


def test_a_copy_on_the_host_is_known_when_both_files_have_the_same_checksum():
    known = KNOWN + [{'path': SERVED['dest'], 'isreg': True, 'islnk': False, 'isdir': False, 'checksum': SUM,
                      'mode': '0640', 'pw_name': 'root', 'gr_name': 'kamailio'}]
    assert known_result(known, SERVED) == dict(dest=SERVED['dest'], state='file', changed=False, checksum=SUM,
                                               owner='root', group='kamailio', mode='0640')
    assert known_result(KNOWN, SERVED) is None                                  # no copy yet
    assert known_result(known, dict(SERVED, remote_src='/etc/kamailio/other.cfg')) is None   # source not read
    assert known_result(known, dict(SERVED, mode='0644')) is None
    known[-1] = dict(known[-1], checksum='0' * 40)
    assert known_result(known, SERVED) is None                                  # renewed: the copy differs


@pytest.mark.parametrize('item, digest', [
    (FILE, '0' * 40),                                   # other content
    (FILE, None),                                       # no content known
    (dict(FILE, mode='0600'), SUM),
    (dict(FILE, owner='kamailio'), SUM),
    (dict(FILE, mode=0o640), SUM),                      # not an octal string: the module refuses it
    (dict(FILE, mode='u=rw'), SUM),
    (dict(FILE, dest='/etc/kamailio/other.cfg'), SUM),  # not in the read: a first run
    (dict(FILE, src='tls.cfg.j2'), SUM),                # not rendered
    (dict(FILE, attributes='+i'), SUM),                 # an option the module refuses
    (dict(FILE, force='no'), SUM),
    (dict(DIRECTORY, mode='0755'), None),
    (dict(DIRECTORY, dest='/etc/kamailio/tls.cfg'), None),
    (dict(LINK, src='/etc/kamailio/tls.cfg'), None),    # the target as written counts
    (dict(LINK, owner='kamailio'), None),
    (dict(LINK, mode='0777'), None),
    (dict(LINK, dest='/etc/kamailio/tls.cfg'), None),
    (dict(DIRECTORY, state='absent'), None),
    (dict(dest='/etc/kamailio/gone.cfg', state='absent'), None),   # the read lists only what exists
    (dict(FILE, dest='etc/kamailio/tls.cfg'), SUM),
])
def test_anything_else_goes_to_the_module(item, digest):
    assert known_result(KNOWN, item, digest) is None


@pytest.mark.parametrize('known', [[], None, 'not a list', [None]])
def test_no_usable_read_goes_to_the_module(known):
    assert known_result(known, FILE, SUM) is None


KNOWN_A = dict(dest='/a', changed=False)
KNOWN_C = dict(dest='/c', changed=False)


def test_results_follow_the_task_order():
    plan = [KNOWN_A, 0, KNOWN_C, 1]
    assert merge_results(plan, [dict(dest='/b'), dict(dest='/d')]) == [KNOWN_A, dict(dest='/b'), KNOWN_C, dict(dest='/d')]
    assert merge_results([KNOWN_A, KNOWN_C], []) == [KNOWN_A, KNOWN_C]


def test_a_failure_keeps_only_what_came_before_it():
    plan = [KNOWN_A, 0, KNOWN_C, 1, 2]
    assert merge_results(plan, [dict(dest='/b')], failed_item=1) == [KNOWN_A, dict(dest='/b'), KNOWN_C]
    # The module failed before any item.
    assert merge_results(plan, [], failed_item=0) == [KNOWN_A]


def test_task_index_maps_the_module_item_back():
    plan = [KNOWN_A, 0, KNOWN_C, 1]
    assert (task_index(plan, 0), task_index(plan, 1), task_index(plan, 2)) == (1, 3, None)
