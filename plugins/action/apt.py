# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ansible.builtin.apt, with no remote call when a role's one read shows every package installed.

``known_packages`` is the ``packages`` result of ``rtcstack.debian.stat_paths``. When the task asks
only for plain package names to be present (``state: present``, with or without
``install_recommends`` and ``cache_valid_time``) and the read shows each installed, the task reports
no change without touching the host. Every other task runs the builtin apt module with the same
arguments (without ``known_packages``).
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_action import KnownStateAction
from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_packages import apt_matches


class ActionModule(KnownStateAction):

    BUILTIN_MODULE = 'ansible.legacy.apt'
    KNOWN_ARG = 'known_packages'

    def unchanged(self, args, known, task_vars):
        if not apt_matches(known, args):
            return None
        return dict(cache_updated=False)
