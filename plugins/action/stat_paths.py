# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""stat_paths without AnsiballZ: the reading code goes to the host's Python on its standard input.

The roles' reads need none of a module run's imports (plugin_utils/_host_python.py). This action sends
module_utils/stat_paths_read.py (with the files it uses) to the host's Python through the connection
and reads the JSON it prints. Where pipelining is off or impossible, the stat_paths module runs instead.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from ansible.module_utils.common.text.converters import to_text
from ansible.module_utils.parsing.convert_bool import boolean
from ansible.module_utils.six import string_types
from ansible.plugins.action import ActionBase

from ansible_collections.rtcstack.debian.plugins.module_utils import dpkg, host_run, stat_paths_read, systemd
from ansible_collections.rtcstack.debian.plugins.plugin_utils import _host_python

_LISTS = ('packages', 'services', 'groups', 'contents', 'commands')
# Each file's source runs after those before it, in one namespace.
_MODULES = (dpkg, host_run, systemd, stat_paths_read)


class ActionModule(ActionBase):

    TRANSFERS_FILES = False
    _VALID_ARGS = frozenset(('paths', 'get_checksum') + _LISTS)

    def _params(self):
        """The module's argument spec, checked here: (params, None) or (None, message)."""
        args = self._task.args
        params = {}
        paths = args.get('paths')
        if not isinstance(paths, list) or not all(isinstance(path, string_types) for path in paths):
            return None, 'paths: expected a list of absolute paths, got %r' % (paths,)
        params['paths'] = [to_text(path) for path in paths]
        try:
            params['get_checksum'] = boolean(args.get('get_checksum', True), strict=True)
        except TypeError:
            return None, 'get_checksum: expected a boolean, got %r' % (args.get('get_checksum'),)
        for name in _LISTS:
            value = args.get(name) or []
            element = list if name == 'commands' else string_types
            if not isinstance(value, list) or not all(isinstance(item, element) for item in value):
                return None, '%s: expected a list of %s, got %r' % (name, 'lists' if name == 'commands' else 'strings', value)
            params[name] = [[to_text(part) for part in item] for item in value] if name == 'commands' else [to_text(item) for item in value]
        return params, None

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        result = super(ActionModule, self).run(tmp, task_vars)
        del tmp
        params, problem = self._params()
        if problem:
            result.update(failed=True, msg=problem)
            return result
        # The script goes on the host's standard input as a pipelined module would: where pipelining is
        # off or impossible (a become method that needs a terminal, say), the module runs instead.
        if not _host_python.usable(self):
            result.update(self._execute_module(module_name='rtcstack.debian.stat_paths', module_args=params,
                                               task_vars=task_vars))
            return result
        result.update(_host_python.run(self, task_vars, _MODULES, 'read', 'ReadError', params, name='rtcstack_stat_paths'))
        result.setdefault('changed', False)
        return result
