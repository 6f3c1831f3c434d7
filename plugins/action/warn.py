# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The warn action: a warning of the controller's, shown with Ansible's others; no host call."""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from ansible.module_utils.six import string_types
from ansible.plugins.action import ActionBase


class ActionModule(ActionBase):

    TRANSFERS_FILES = False
    _VALID_ARGS = frozenset(('msg',))
    # ansible-core 2.15 and later: the action needs no connection to the host.
    _requires_connection = False

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        msg = self._task.args.get('msg')
        if not isinstance(msg, string_types) or not msg.strip():
            result.update(failed=True, msg='msg: expected the warning as a non-empty string')
            return result
        result.update(changed=False, msg=msg.strip(), warnings=[msg.strip()])
        return result
