# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A command on the host through the connection, without a Python module there.

ansible.builtin.command runs a Python module on the host for each command: with ansible-core 2.19
about 0.25 s of the host's CPU before the command starts (docs/performance.md). The roles' probes (a
daemon's checker, a wait for its sockets, a read through Prosody's admin shell) need only the command's
exit code and output. This action sends the command through the connection, as ansible.builtin.raw
does, with ``become`` as the task asks, and without the terminal the ssh connection would otherwise
ask for (which joins stderr to stdout and ends lines with CR LF).
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import shlex

from ansible.errors import AnsibleError
from ansible.module_utils.common.text.converters import to_bytes, to_text
from ansible.module_utils.six import string_types
from ansible.plugins.action import ActionBase


class ActionModule(ActionBase):

    TRANSFERS_FILES = False
    _VALID_ARGS = frozenset(('argv', 'stdin_src'))

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        del tmp
        argv = self._task.args.get('argv')
        if (not isinstance(argv, list) or not argv
                or not all(isinstance(arg, string_types + (int,)) and not isinstance(arg, bool) for arg in argv)):
            result.update(failed=True, msg='argv: expected a non-empty list of strings, got %r' % (argv,))
            return result
        argv = [to_text(arg) for arg in argv]
        result['cmd'] = argv
        if self._task.check_mode:
            result.update(skipped=True, changed=False,
                          msg='a command runs only outside check mode (check_mode: false on the task runs it)')
            return result
        command = ' '.join(shlex.quote(arg) for arg in argv)
        stdin_src = self._task.args.get('stdin_src')
        if stdin_src is not None:
            ran = self._run_with_stdin(command, stdin_src, task_vars or {})
            if 'failed' in ran:
                result.update(ran)
                return result
        else:
            # ssh asks for a terminal for a sudoable command with no standard input (its use_tty
            # option). Without one stderr stays apart; pipelining on says become works without one, as
            # modules do.
            if self._connection.has_option('use_tty') and self._is_pipelining_enabled('new'):
                self._connection.set_option('use_tty', False)
            ran = self._low_level_execute_command(command, sudoable=True)
        stdout = ran.get('stdout', '').rstrip('\n')
        stderr = ran.get('stderr', '').rstrip('\n')
        result.update(rc=ran.get('rc'), stdout=stdout, stderr=stderr, stdout_lines=stdout.splitlines(),
                      stderr_lines=stderr.splitlines(), changed=True)
        if result['rc'] != 0:
            result.update(failed=True, msg='non-zero return code')
        return result

    def _run_with_stdin(self, command, stdin_src, task_vars):
        """The command with a file of the controller on its standard input.

        Sent through the connection as a pipelined module is, where pipelining is on; else the file
        goes to a temporary directory of the host first (as ansible.builtin.copy sends one) and the
        command reads it from there.
        """
        if not isinstance(stdin_src, string_types) or not stdin_src:
            return dict(failed=True, msg='stdin_src: expected the path of a file on the controller, got %r' % (stdin_src,))
        try:
            source = self._find_needle('files', stdin_src)
        except AnsibleError as error:
            return dict(failed=True, msg='stdin_src: %s' % to_text(error))
        if self._is_pipelining_enabled('new'):
            with open(to_bytes(source, errors='surrogate_or_strict'), 'rb') as handle:
                return self._low_level_execute_command(command, sudoable=True, in_data=handle.read())
        tmp = self._make_tmp_path()
        try:
            remote = self._connection._shell.join_path(tmp, 'stdin')
            self._transfer_file(source, remote)
            self._fixup_perms2((tmp, remote))
            return self._low_level_execute_command('%s < %s' % (command, shlex.quote(remote)), sudoable=True)
        finally:
            self._remove_tmp_path(tmp)
