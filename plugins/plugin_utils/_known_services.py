# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""Whether a systemd_service task would change nothing, as a role's one read of systemd saw it.

``rtcstack.debian.stat_paths`` with ``services`` gives ``{name: {LoadState, ActiveState,
UnitFileState}}`` from one ``systemctl show``; ``rtcstack.debian.systemd_service`` compares the task
with it on the controller. Only a task that asks a loaded unit to be started or stopped, enabled or
disabled, or not masked, all of which the read already shows, is done; anything else (a restart, a
reload, daemon_reload, masking, a scope) means "let ansible.builtin.systemd_service decide".
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from collections.abc import Mapping

SERVICE_ARGS = frozenset(('name', 'state', 'enabled', 'masked', 'daemon_reload', 'no_block'))

# ansible.builtin.systemd_service leaves a unit in these states alone for state=stopped.
_STOPPED = ('inactive', 'failed')


def _bool(value):
    return value if isinstance(value, bool) else None


def service_matches(known_services, args):
    """True when ``ansible.builtin.systemd_service`` with ``args`` would change nothing."""
    if not isinstance(args, Mapping) or set(args) - SERVICE_ARGS:
        return False
    # A daemon reload or a non-blocking job is work of its own; False is the default.
    if args.get('daemon_reload') or args.get('no_block'):
        return False
    name = args.get('name')
    entry = known_services.get(name) if isinstance(known_services, Mapping) and isinstance(name, str) else None
    if not isinstance(entry, Mapping) or entry.get('LoadState') != 'loaded':
        return False
    state = args.get('state')
    if state == 'started' and entry.get('ActiveState') != 'active':
        return False
    if state == 'stopped' and entry.get('ActiveState') not in _STOPPED:
        return False
    if state not in (None, 'started', 'stopped'):
        return False
    enabled = args.get('enabled')
    if enabled is not None and (_bool(enabled) is None or entry.get('UnitFileState') != ('enabled' if enabled else 'disabled')):
        return False
    # A loaded unit is not masked (systemd says LoadState=masked), so only masked=true needs the host.
    masked = args.get('masked')
    if masked is not None and masked is not False:
        return False
    return state is not None or enabled is not None or masked is not None
