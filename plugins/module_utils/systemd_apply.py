# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""What rtcstack.debian.systemd_service does on the host when its read cannot answer: stdlib only.

The action sends this file's source (after host_run.py and systemd.py) to the host's Python through
the connection (plugin_utils/_host_python.py): a systemctl call costs about 0.01-0.1 s, a run of
ansible.builtin.systemd_service about 0.5 s, most of it the module's imports.

``apply`` does what that module does for a systemd unit of the system scope, in its order and with its
result: daemon-reload; mask or unmask; enable or disable; start, stop, restart or reload. Whatever
else the module would look into (a unit systemd does not know, a SysV script, a unit that failed to
load, no ActiveState) makes ``apply`` return ``{"fallback": reason}`` before it changes anything, and
the action runs the module instead.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import glob
import os

try:
    from ansible_collections.rtcstack.debian.plugins.module_utils.host_run import run, which
    from ansible_collections.rtcstack.debian.plugins.module_utils.systemd import parse_show
except ImportError:
    # Sent to the host by the action: host_run.py's and systemd.py's sources ran first, in the same namespace.
    pass

STATES = ('started', 'stopped', 'restarted', 'reloaded')
# systemctl is-enabled says so for a unit enabled only until the next boot, or through another unit:
# the module enables it for good.
_NOT_FOR_GOOD = ('enabled-runtime', 'indirect', 'alias')


class ApplyError(Exception):
    """A systemctl command failed; the message is the module's for the same failure."""


def _fallback(reason):
    return {'fallback': reason}


def _sysv_enabled(unit):
    return bool(glob.glob('/etc/rc?.d/S??%s' % unit))


def apply(params):
    """The result of ansible.builtin.systemd_service for ``params``, or ``{"fallback": reason}``.

    ``params``: name, state, enabled, masked, daemon_reload, no_block and check_mode, already checked
    for type by the action.
    """
    unit = params.get('name')
    check = params.get('check_mode', False)
    systemctl = which('systemctl')
    if systemctl is None:
        return _fallback('no systemctl')
    command = [systemctl] + (['--no-block'] if params.get('no_block') else [])
    os.environ.setdefault('XDG_RUNTIME_DIR', '/run/user/%s' % os.geteuid())
    result = {'name': unit, 'changed': False, 'status': {}}

    if params.get('daemon_reload') and not check:
        rc, out, err = run(command + ['daemon-reload'])
        if rc != 0:
            return _fallback('daemon-reload failed')
    if not unit:
        return result

    rc, out, err = run(command + ['show', unit])
    if rc != 0 or not out or 'ignoring request' in out + err:
        return _fallback('systemctl show did not answer')
    status = parse_show(out)
    result['status'] = status
    load = status.get('LoadState')
    if load in (None, 'not-found'):
        return _fallback('systemd does not know the unit')
    if load != 'masked' and 'LoadError' in status:
        return _fallback('the unit failed to load')
    if params.get('state') is not None and 'ActiveState' not in status:
        return _fallback('the unit has no ActiveState')

    masked = params.get('masked')
    if masked is not None:
        rc, out, err = run(command + ['is-enabled', unit])
        if (out.strip() == 'masked') != masked:
            result['changed'] = True
            action = 'mask' if masked else 'unmask'
            if not check:
                rc, out, err = run(command + [action, unit])
                if rc != 0:
                    raise ApplyError('Failed to %s the service (%s): %s' % (action, unit, err.strip()))

    enabled = params.get('enabled')
    if enabled is not None:
        rc, out, err = run(command + ['is-enabled', unit, '-l'])
        if rc == 0:
            now = out.rstrip() not in _NOT_FOR_GOOD
        else:
            # A SysV script's unit: enabled when the script has a start link in a runlevel.
            now = (rc == 1 and not out.strip().endswith('disabled') and os.path.exists('/etc/init.d/' + unit)
                   and _sysv_enabled(unit))
        result['enabled'] = now
        if now != enabled:
            result['changed'] = True
            action = 'enable' if enabled else 'disable'
            if not check:
                rc, out, err = run(command + [action, unit])
                if rc != 0:
                    raise ApplyError('Unable to %s service %s: %s' % (action, unit, out + err))
            result['enabled'] = enabled

    state = params.get('state')
    if state is not None:
        result['state'] = state
        active = status['ActiveState']
        running = active in ('active', 'activating')
        action = None
        if state == 'started':
            action = None if running else 'start'
        elif state == 'stopped':
            action = 'stop' if running or active == 'deactivating' else None
        else:
            action = state[:-2] if running else 'start'
            result['state'] = 'started'
        if action:
            result['changed'] = True
            if not check:
                rc, out, err = run(command + [action, unit])
                if rc != 0:
                    raise ApplyError('Unable to %s service %s: %s' % (action, unit, err))
    return result
