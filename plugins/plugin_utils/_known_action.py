# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""What the collection's known-state actions (template, copy) share: handing a task to the builtin action."""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type


def run_builtin(action, name, tmp, task_vars):
    """Run the builtin action ``name`` (``ansible.legacy.template``, ...) for ``action``'s task,
    without ``known_files``, and return its result."""
    task = action._task.copy()
    task.args.pop('known_files', None)
    builtin = action._shared_loader_obj.action_loader.get(
        name, task=task, connection=action._connection, play_context=action._play_context,
        loader=action._loader, templar=action._templar, shared_loader_obj=action._shared_loader_obj)
    return builtin.run(tmp=tmp, task_vars=task_vars)
