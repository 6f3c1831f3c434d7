# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ansible.builtin.systemd_service, with no remote call when a role's one read shows the unit as wanted,
and without the module's imports otherwise.

``known_services`` is the ``services`` result of ``rtcstack.debian.stat_paths``. When the task asks a
loaded unit to be started or stopped, enabled or disabled, or not masked, and the read shows it so,
the task reports no change without touching the host. Otherwise, where pipelining is on,
module_utils/systemd_apply.py runs on the host's Python (plugin_utils/_host_python.py): the module's
steps with systemctl, about 0.1 s against the module's 0.5 s. The builtin module runs, with the same
arguments (without ``known_services``), where pipelining is off, for an option that code does not take,
and for a unit it leaves to the module (one systemd does not know, say).
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from ansible.module_utils.parsing.convert_bool import boolean
from ansible.module_utils.six import string_types

from ansible_collections.rtcstack.debian.plugins.module_utils import host_run, systemd, systemd_apply
from ansible_collections.rtcstack.debian.plugins.plugin_utils import _host_python
from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_action import KnownStateAction
from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_services import SERVICE_ARGS, service_matches

_MODULES = (host_run, systemd, systemd_apply)
_BOOLS = ('enabled', 'masked', 'daemon_reload', 'no_block')


def direct_params(args):
    """The arguments systemd_apply takes, typed, or None when the task is the builtin module's to run.

    Anything the module would refuse or look into further (another option, a bad type, a glob, a
    state or enabled without a name, nothing to do) goes to the module, which says why.
    """
    if set(args) - SERVICE_ARGS:
        return None
    params = {}
    for key in _BOOLS:
        if args.get(key) is not None:
            try:
                params[key] = boolean(args[key], strict=True)
            except TypeError:
                return None
    name, state = args.get('name'), args.get('state')
    if name is not None and not (isinstance(name, string_types) and name and not any(c in name for c in '*?[')):
        return None
    if state is not None and state not in systemd_apply.STATES:
        return None
    if name is None and (state is not None or 'enabled' in params or 'masked' in params):
        return None
    if state is None and 'enabled' not in params and 'masked' not in params and not params.get('daemon_reload'):
        return None
    params.update(name=name, state=state)
    return params


class ActionModule(KnownStateAction):

    BUILTIN_MODULE = 'ansible.legacy.systemd_service'
    KNOWN_ARG = 'known_services'

    def unchanged(self, args, known, task_vars):
        if not service_matches(known, args):
            return None
        result = dict(name=args['name'], status=dict(known[args['name']]))
        for key in ('state', 'enabled'):
            if args.get(key) is not None:
                result[key] = args[key]
        return result

    def direct(self, args, task_vars):
        params = direct_params(args) if _host_python.usable(self) else None
        if params is None:
            return None
        params['check_mode'] = bool(self._task.check_mode)
        done = _host_python.run(self, task_vars, _MODULES, 'apply', 'ApplyError', params, name='rtcstack_systemd_service')
        return None if 'fallback' in done else done
