# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""stat_paths without AnsiballZ: the reading code goes to the host's Python on its standard input.

A module run of ansible-core 2.19 imports about 116 files of ansible.module_utils from its zip payload,
compiled anew each time: about 0.2 s of the host's CPU before it reads anything (docs/performance.md).
The roles' reads need none of it. This action sends module_utils/stat_paths_read.py (with the two
parsers it uses) to the host's Python through the connection, as a pipelined module is sent, and
reads the JSON it prints. Where pipelining is off or impossible, the stat_paths module runs instead.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import base64
import json
import os

from ansible.module_utils.common.text.converters import to_text
from ansible.module_utils.parsing.convert_bool import boolean
from ansible.module_utils.six import string_types
from ansible.plugins.action import ActionBase

from ansible_collections.rtcstack.debian.plugins.module_utils import dpkg, stat_paths_read, systemd

_LISTS = ('packages', 'services', 'groups', 'contents', 'commands')


def _source(module):
    path = os.path.splitext(module.__file__)[0] + '.py'
    with open(path, 'rb') as handle:
        return base64.b64encode(handle.read()).decode('ascii')


# Runs each source in one namespace, then read() on the arguments; prints one JSON object.
_BOOTSTRAP = '''import base64, json, sys
ns = {"__name__": "rtcstack_stat_paths"}
for source in %(sources)r:
    exec(compile(base64.b64decode(source).decode("utf-8"), "rtcstack_stat_paths", "exec"), ns)
try:
    result = ns["read"](json.loads(base64.b64decode(%(args)r).decode("utf-8")))
except ns["ReadError"] as exc:
    result = {"failed": True, "msg": str(exc)}
sys.stdout.write(json.dumps(result))
'''


class ActionModule(ActionBase):

    TRANSFERS_FILES = False
    _VALID_ARGS = frozenset(('paths', 'get_checksum') + _LISTS)
    _SOURCES = None

    @classmethod
    def _sources(cls):
        if cls._SOURCES is None:
            cls._SOURCES = [_source(dpkg), _source(systemd), _source(stat_paths_read)]
        return cls._SOURCES

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
        if not self._is_pipelining_enabled('new'):
            result.update(self._execute_module(module_name='rtcstack.debian.stat_paths', module_args=params,
                                               task_vars=task_vars))
            return result
        interpreter = task_vars.get('ansible_python_interpreter') or ''
        if not (isinstance(interpreter, string_types) and interpreter.startswith('/')):
            interpreter = task_vars.get('ansible_facts', {}).get('discovered_interpreter_python') or '/usr/bin/python3'
        script = _BOOTSTRAP % dict(sources=self._sources(),
                                   args=base64.b64encode(json.dumps(params).encode('utf-8')).decode('ascii'))
        ran = self._low_level_execute_command(interpreter, sudoable=True, in_data=script.encode('utf-8'))
        try:
            read = json.loads(ran.get('stdout', ''))
        except ValueError:
            read = None
        if ran.get('rc') != 0 or not isinstance(read, dict):
            result.update(failed=True, rc=ran.get('rc'), stdout=ran.get('stdout', ''), stderr=ran.get('stderr', ''),
                          msg='could not read the host with %s: %s' % (interpreter, (ran.get('stderr') or '').strip()[-2000:]))
            return result
        result.update(read)
        result.setdefault('changed', False)
        return result
