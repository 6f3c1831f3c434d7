# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.rtc_restore_plan import rtc_restore_plan

READ = {
    'files': [
        {'path': '/etc/a.conf', 'isreg': True, 'pw_name': 'root', 'gr_name': 'bind', 'mode': '0640'},
        {'path': '/etc/env', 'isreg': True, 'pw_name': 'root', 'gr_name': 'root', 'mode': '0644'},
        {'path': '/etc/sites-enabled/000-default.conf', 'islnk': True, 'lnk_target': '../sites-available/000-default.conf'},
        {'path': '/etc/secret.conf', 'isreg': True, 'pw_name': 'root', 'gr_name': 'turnserver', 'mode': '0640'},
    ],
    'missing': ['/etc/new.conf'],
    'contents': {'/etc/env': 'T0xEPTEK'},
}


def test_each_changed_path_gets_the_way_back_its_previous_state_allows():
    results = [
        {'changed': True, 'dest': '/etc/a.conf', 'backup_file': '/etc/a.conf.1.~', 'owner': 'root', 'group': 'x', 'mode': '0600'},
        {'changed': True, 'dest': '/etc/env', 'owner': 'root', 'group': 'root', 'mode': '0644'},
        {'changed': True, 'path': '/etc/sites-enabled/000-default.conf', 'state': 'absent'},
        {'changed': True, 'dest': '/etc/new.conf', 'owner': 'root', 'group': 'root', 'mode': '0644'},
        {'changed': True, 'dest': '/etc/secret.conf', 'owner': 'root', 'group': 'turnserver', 'mode': '0640'},
    ]
    assert rtc_restore_plan(results, READ) == [
        # The previous file's owner, group and mode, not the ones this run gave it.
        {'path': '/etc/a.conf', 'how': 'backup', 'backup_file': '/etc/a.conf.1.~', 'owner': 'root', 'group': 'bind', 'mode': '0640'},
        {'path': '/etc/env', 'how': 'content', 'content': 'T0xEPTEK', 'owner': 'root', 'group': 'root', 'mode': '0644'},
        {'path': '/etc/sites-enabled/000-default.conf', 'how': 'link', 'lnk_target': '../sites-available/000-default.conf'},
        {'path': '/etc/new.conf', 'how': 'remove'},
        # Read without its content (a credential file) and no backup: nothing to put back, and said so.
        {'path': '/etc/secret.conf', 'how': 'unknown'},
    ]


def test_unchanged_skipped_and_pathless_results_are_left_out_and_a_path_is_planned_once():
    results = [
        {'changed': False, 'dest': '/etc/a.conf'},
        {'skipped': True, 'changed': False},
        {'changed': True, 'msg': 'no path'},
        {'changed': True, 'dest': '/etc/new.conf'},
        {'changed': True, 'path': '/etc/new.conf'},
        'not a result',
    ]
    assert rtc_restore_plan(results, READ) == [{'path': '/etc/new.conf', 'how': 'remove'}]


def test_extra_previous_states_fill_what_the_read_lacks():
    results = [
        {'changed': True, 'path': '/etc/prosody/conf.d/old.org.cfg.lua', 'state': 'absent'},
        {'changed': True, 'path': '/etc/apache2/rtcstack-web-phone.conf', 'state': 'absent'},
    ]
    extra = [
        {'path': '/etc/prosody/conf.d/old.org.cfg.lua', 'lnk_target': '/etc/prosody/conf.avail/old.org.cfg.lua'},
        {'path': '/etc/apache2/rtcstack-web-phone.conf', 'content': 'IyBzbmlwcGV0Cg==', 'mode': '0644'},
    ]
    assert rtc_restore_plan(results, {}, extra) == [
        {'path': '/etc/prosody/conf.d/old.org.cfg.lua', 'how': 'link', 'lnk_target': '/etc/prosody/conf.avail/old.org.cfg.lua'},
        {'path': '/etc/apache2/rtcstack-web-phone.conf', 'how': 'content', 'content': 'IyBzbmlwcGV0Cg==',
         'owner': None, 'group': None, 'mode': '0644'},
    ]


def test_no_read_means_only_backups_can_be_put_back():
    results = [{'changed': True, 'dest': '/etc/a.conf', 'backup_file': '/b', 'owner': 'root', 'group': 'bind', 'mode': '0644'},
               {'changed': True, 'dest': '/etc/b.conf'}]
    assert rtc_restore_plan(results) == [
        {'path': '/etc/a.conf', 'how': 'backup', 'backup_file': '/b', 'owner': 'root', 'group': 'bind', 'mode': '0644'},
        {'path': '/etc/b.conf', 'how': 'unknown'}]


@pytest.mark.parametrize('results, extra, message', [
    ('/etc/a.conf', None, '_input: expected a list of task results, got string'),
    ([], [{'content': 'x'}], 'extra: expected mappings with a path, got mapping'),
])
def test_bad_input_is_named(results, extra, message):
    with pytest.raises(AnsibleFilterError, match='^rtcstack.debian.rtc_restore_plan: ' + message):
        rtc_restore_plan(results, {}, extra)
