# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The preflight action: a role's checks of its inventory, in order, in one task; no host call.

Each check is an assert of its own (a name, an optional `when`, the conditions and the message), so
that a refusal says which rule refused and what the variable should be. One task instead of one per
check: an assert task of the roles costs Ansible 30 to 150 ms, a check here a few.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from ansible.errors import AnsibleError
from ansible.module_utils.six import string_types
from ansible.playbook.conditional import Conditional
from ansible.plugins.action import ActionBase
from ansible_collections.rtcstack.debian.plugins.filter.rtc_not_lists import not_lists

_KEYS = frozenset(('name', 'when', 'that', 'fail_msg', 'loop', 'index_var', 'vars'))
# The check lists_var runs before the others.
LISTS_CHECK = 'Check that the list settings are lists'


def _as_list(value):
    return value if isinstance(value, list) else [value]


class ActionModule(ActionBase):

    TRANSFERS_FILES = False
    _VALID_ARGS = frozenset(('checks_var', 'lists_var', 'secret_lists'))
    _requires_connection = False

    def _true(self, condition, task_vars):
        if isinstance(condition, bool):
            return condition
        if hasattr(self._templar, 'evaluate_conditional'):
            return self._templar.evaluate_conditional(conditional=condition)
        # ansible-core 2.14 to 2.18, as their assert does it.
        holder = Conditional(loader=self._loader)
        holder.when = [condition]
        return holder.evaluate_conditional(templar=self._templar, all_vars=task_vars)

    def _failed(self, check, task_vars):
        """The first condition of check that does not hold for one of its loop's items, with its message."""
        saved = self._templar.available_variables
        items = [None]
        try:
            if 'loop' in check:
                items = self._templar.template(check['loop'])
                if not isinstance(items, list):
                    raise AnsibleError('loop: expected a list, got %s' % type(items).__name__)
            for index, item in enumerate(items):
                local = dict(task_vars)
                local.update(check.get('vars') or {})
                if 'loop' in check:
                    local['item'] = item
                    if check.get('index_var'):
                        local[check['index_var']] = index
                self._templar.available_variables = local
                if not all(self._true(condition, local) for condition in _as_list(check.get('when', True))):
                    continue
                for condition in _as_list(check['that']):
                    if not self._true(condition, local):
                        return condition, self._templar.template(check.get('fail_msg', 'Assertion failed'))
        finally:
            self._templar.available_variables = saved
        return None

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        # The checks are a variable of the task, read as written: Ansible templates a task's arguments
        # before the action runs, its variables only when something reads them, so each condition is
        # evaluated and each message templated when its turn comes (a message may read what an earlier
        # check has just found valid, or the loop's item).
        name = self._task.args.get('checks_var')
        checks = (task_vars or {}).get(name) if isinstance(name, string_types) else None
        if not isinstance(checks, list) or not checks:
            raise AnsibleError('checks_var: expected the name of a variable of the task that holds a non-empty list '
                               'of checks, got %r' % (name,))
        for index, check in enumerate(checks):
            if not isinstance(check, dict) or set(check) - _KEYS or not {'name', 'that'} <= set(check):
                raise AnsibleError('checks[%d]: expected a mapping with name and that (and fail_msg, when, loop, index_var, vars)' % index)
        # A string given for a list would be split by the argument spec's check but read as it was given
        # by the tasks: refused first, with the variable's name, not later by a loop's generic error.
        lists_var = self._task.args.get('lists_var')
        if lists_var is not None:
            if not isinstance(lists_var, string_types) or lists_var not in (task_vars or {}):
                raise AnsibleError('lists_var: expected the name of a variable that maps list settings to their values, '
                                   'got %r' % (lists_var,))
            problems = not_lists(self._templar.template(task_vars[lists_var]),
                                 secret=tuple(self._task.args.get('secret_lists') or ()))
            if problems:
                result.update(failed=True, check=LISTS_CHECK, msg=problems[0])
                return result
        for check in checks:
            try:
                failed = self._failed(check, task_vars or {})
            except AnsibleError as error:
                # A filter of the checks that refuses a value raises with the variable's name.
                failed = ('', getattr(error, 'message', None) or str(error))
            if failed is not None:
                condition, message = failed
                if not isinstance(message, string_types):
                    message = str(message)
                result.update(failed=True, check=check['name'], msg=message.strip())
                if condition:
                    result['assertion'] = condition
                return result
        result.update(changed=False, msg='%d checks passed' % len(checks))
        return result
