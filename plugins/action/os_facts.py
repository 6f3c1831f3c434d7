# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The host's distribution facts from one shell call, without a Python module on the host.

``setup`` with its ``min`` subset runs a Python module that collects some twenty kinds of facts; the
collection's roles read three of them. This action reads os-release(5) and /etc/debian_version with
``cat`` in one call through the connection (no ``become``: both are world-readable) and returns the
facts under the names ``setup`` gives them, so ``ansible_facts['distribution_major_version']`` reads
the same either way.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from ansible.plugins.action import ActionBase

from ansible_collections.rtcstack.debian.plugins.plugin_utils._os_release import SEPARATOR, distribution_facts

# /usr/lib/os-release when a system has no /etc/os-release (os-release(5)); /etc/debian_version may be
# missing (not Debian).
COMMAND = ("{ cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release; } && echo %s && "
           "{ cat /etc/debian_version 2>/dev/null || true; }" % SEPARATOR)


class ActionModule(ActionBase):

    TRANSFERS_FILES = False
    _VALID_ARGS = frozenset()

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        del tmp
        # Not sudoable: no become, and no terminal from the ssh connection (which would join stderr to stdout).
        read = self._low_level_execute_command(COMMAND, sudoable=False)
        stdout = read.get('stdout', '')
        if read.get('rc') != 0 or SEPARATOR not in stdout:
            result.update(failed=True, rc=read.get('rc'), stderr=read.get('stderr', ''),
                          msg='could not read /etc/os-release on the host: %s'
                              % (read.get('stderr', '').strip() or 'no output'))
            return result
        os_release, debian_version = stdout.split(SEPARATOR, 1)
        result.update(changed=False, ansible_facts=distribution_facts(os_release, debian_version))
        return result
