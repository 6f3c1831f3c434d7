# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""module_utils/systemd_apply.py: ansible.builtin.systemd_service's steps for a systemd unit, against a
systemctl that answers from a table (the commands it was given are recorded)."""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pytest

from ansible_collections.rtcstack.debian.plugins.module_utils import systemd_apply
from ansible_collections.rtcstack.debian.plugins.module_utils.systemd import parse_show


class Systemctl(object):
    """systemctl show/is-enabled from a unit's state; every other command answers ``rc``."""

    def __init__(self, load='loaded', active='inactive', enabled=('disabled', 1), rc=None, extra=''):
        self.load, self.active, self.enabled, self.rc, self.extra = load, active, enabled, rc or {}, extra
        self.calls = []

    def __call__(self, argv, env=None):
        args = [arg for arg in argv[1:] if arg != '--no-block']
        self.calls.append(argv[1:])
        if args[0] == 'show':
            return 0, 'Id=%s.service\nLoadState=%s\nActiveState=%s\nInvocationID=abc\n%s' % (
                args[1], self.load, self.active, self.extra), ''
        if args[0] == 'is-enabled':
            return self.enabled[1], self.enabled[0] + '\n', ''
        return self.rc.get(args[0], 0), '', 'refused' if self.rc.get(args[0]) else ''

    def changes(self):
        return [call for call in self.calls if [arg for arg in call if arg != '--no-block'][0] not in ('show', 'is-enabled')]


@pytest.fixture
def systemctl(monkeypatch):
    def install(**state):
        fake = Systemctl(**state)
        monkeypatch.setattr(systemd_apply, 'run', fake)
        monkeypatch.setattr(systemd_apply, 'which', lambda name: '/usr/bin/systemctl')
        return fake
    return install


def _apply(**params):
    return systemd_apply.apply(dict(dict(name='coturn', state=None, check_mode=False), **params))


@pytest.mark.parametrize('active,state,action,result_state', [
    ('inactive', 'started', 'start', 'started'),
    ('failed', 'started', 'start', 'started'),
    ('active', 'started', None, 'started'),
    ('activating', 'started', None, 'started'),
    ('active', 'stopped', 'stop', 'stopped'),
    ('deactivating', 'stopped', 'stop', 'stopped'),
    ('inactive', 'stopped', None, 'stopped'),
    ('active', 'restarted', 'restart', 'started'),
    ('inactive', 'restarted', 'start', 'started'),
    ('active', 'reloaded', 'reload', 'started'),
    ('inactive', 'reloaded', 'start', 'started'),
])
def test_each_state_takes_the_modules_action(systemctl, active, state, action, result_state):
    fake = systemctl(active=active)
    done = _apply(state=state)
    assert fake.changes() == ([[action, 'coturn']] if action else [])
    assert done['changed'] == bool(action) and done['state'] == result_state
    assert done['status']['InvocationID'] == 'abc' and done['name'] == 'coturn'


@pytest.mark.parametrize('is_enabled,want,action,enabled_before', [
    (('enabled', 0), True, None, True),
    (('enabled-runtime', 0), True, 'enable', False),
    (('indirect', 0), True, 'enable', False),
    (('static', 0), True, None, True),
    (('disabled', 1), True, 'enable', False),
    (('disabled', 1), False, None, False),
    (('enabled', 0), False, 'disable', True),
])
def test_enabled_follows_is_enabled_as_the_module_reads_it(systemctl, is_enabled, want, action, enabled_before):
    fake = systemctl(enabled=is_enabled)
    done = _apply(enabled=want)
    assert fake.changes() == ([[action, 'coturn']] if action else [])
    assert done['changed'] == bool(action) and done['enabled'] == (want if action else enabled_before)


def test_a_sysv_script_enabled_in_its_runlevels_counts_as_enabled(systemctl, monkeypatch):
    fake = systemctl(enabled=('', 1))
    monkeypatch.setattr(systemd_apply.os.path, 'exists', lambda path: path == '/etc/init.d/coturn')
    monkeypatch.setattr(systemd_apply.glob, 'glob', lambda pattern: ['/etc/rc2.d/S01coturn'])
    done = _apply(enabled=True)
    assert done['enabled'] is True and not done['changed'] and fake.changes() == []


def test_masked_false_unmasks_and_masked_true_masks(systemctl):
    fake = systemctl(load='masked', enabled=('masked', 1))
    assert _apply(masked=False)['changed'] and fake.changes() == [['unmask', 'coturn']]
    fake = systemctl(enabled=('disabled', 1))
    assert _apply(masked=True)['changed'] and fake.changes() == [['mask', 'coturn']]
    fake = systemctl(enabled=('enabled', 0))
    assert not _apply(masked=False)['changed'] and fake.changes() == []


def test_the_steps_run_in_the_modules_order_with_no_block(systemctl):
    fake = systemctl(active='active', enabled=('disabled', 1))
    done = _apply(state='restarted', enabled=True, masked=False, daemon_reload=True, no_block=True)
    assert done['changed'] and done['enabled'] is True
    assert fake.changes() == [['--no-block', 'daemon-reload'], ['--no-block', 'enable', 'coturn'], ['--no-block', 'restart', 'coturn']]


def test_check_mode_reads_and_reports_but_changes_nothing(systemctl):
    fake = systemctl(active='inactive', enabled=('disabled', 1))
    done = _apply(state='started', enabled=True, daemon_reload=True, check_mode=True)
    assert done['changed'] and done['enabled'] is True and done['state'] == 'started'
    assert fake.changes() == []


def test_daemon_reload_alone_needs_no_unit(systemctl):
    fake = systemctl()
    assert _apply(name=None, daemon_reload=True) == dict(name=None, changed=False, status={})
    assert fake.calls == [['daemon-reload']]


@pytest.mark.parametrize('state,params', [
    (dict(load='not-found'), dict(state='started')),
    (dict(extra='LoadError=org.freedesktop.systemd1.BadUnitSetting "bad"\n'), dict(enabled=True)),
    (dict(rc={'daemon-reload': 1}), dict(state='started', daemon_reload=True)),
])
def test_what_the_module_looks_into_further_goes_back_to_it_unchanged(systemctl, state, params):
    fake = systemctl(**state)
    assert 'fallback' in _apply(**params)
    assert [call for call in fake.changes() if call != ['daemon-reload']] == []


def test_a_refused_change_fails_with_the_modules_message(systemctl):
    systemctl(rc={'enable': 1})
    with pytest.raises(systemd_apply.ApplyError, match='^Unable to enable service coturn: refused'):
        _apply(enabled=True)
    systemctl(rc={'start': 1})
    with pytest.raises(systemd_apply.ApplyError, match='^Unable to start service coturn: refused'):
        _apply(state='started')


def test_parse_show_keeps_a_value_over_several_lines():
    assert parse_show('Id=a.service\nExecStart={ path=/bin/a ;\n argv[]=/bin/a }\nActiveState=active\nbroken\n') == {
        'Id': 'a.service', 'ExecStart': '{ path=/bin/a ;\n argv[]=/bin/a }', 'ActiveState': 'active'}
