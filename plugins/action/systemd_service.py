# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ansible.builtin.systemd_service, with no remote call when a role's one read shows the unit as wanted.

``known_services`` is the ``services`` result of ``rtcstack.debian.stat_paths``. When the task asks a
loaded unit to be started or stopped, enabled or disabled, or not masked, and the read shows it so,
the task reports no change without touching the host. Every other task runs the builtin module with the
same arguments (without ``known_services``).
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_action import KnownStateAction
from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_services import service_matches


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
