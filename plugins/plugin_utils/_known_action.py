# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""What the collection's known-state actions (template, copy, file, apt) share.

Each takes the builtin module's arguments plus ``known_files`` (``known_packages`` for apt): a role's
one read of the host. When ``unchanged`` finds the task already done in that read, the task reports no
change without a host call; otherwise the builtin action, or the builtin module for ``file`` and
``apt``, runs with the task's arguments and without that option (``systemd_service`` first tries its
cheaper ``direct`` way).
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from ansible.plugins.action import ActionBase


class KnownStateAction(ActionBase):

    # The builtin action the task goes to (None: run BUILTIN_MODULE through the normal action).
    BUILTIN_ACTION = None
    BUILTIN_MODULE = None
    # The option that carries the read.
    KNOWN_ARG = 'known_files'

    def unchanged(self, args, known, task_vars):
        """The result keys of a task the read shows as done, or None to run the builtin."""
        raise NotImplementedError

    def direct(self, args, task_vars):
        """The task's result from a cheaper way than the builtin, or None to run the builtin."""
        return None

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        args = dict(self._task.args)
        known = args.pop(self.KNOWN_ARG, None)
        done = self.unchanged(args, known, task_vars) if known is not None else None
        if done is not None:
            # Not ActionBase.run: it would make (and the executor then remove) a remote tmp directory
            # for a task that needs no host call, three SSH round trips for nothing.
            result = dict(done)
            result['changed'] = False
            return result
        if self.BUILTIN_ACTION is None:
            result = super(KnownStateAction, self).run(tmp, task_vars)
            done = self.direct(args, task_vars)
            if done is not None:
                result.update(done)
                return result
            result.update(self._execute_module(module_name=self.BUILTIN_MODULE, module_args=args, task_vars=task_vars))
            return result
        task = self._task.copy()
        task.args.pop(self.KNOWN_ARG, None)
        builtin = self._shared_loader_obj.action_loader.get(
            self.BUILTIN_ACTION, task=task, connection=self._connection, play_context=self._play_context,
            loader=self._loader, templar=self._templar, shared_loader_obj=self._shared_loader_obj)
        return builtin.run(tmp=tmp, task_vars=task_vars)
