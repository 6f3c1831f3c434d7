# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""Code of module_utils run by the host's Python, sent on its standard input: no AnsiballZ payload.

A module run of ansible-core 2.19 imports about 116 files of ansible.module_utils from its zip payload,
compiled anew each time: about 0.2 s of the host's CPU before it does anything (docs/performance.md).
The collection's reads and its service changes need none of it. An action sends the sources of a few
stdlib-only files of module_utils, runs them in one namespace, calls one function of theirs on the
task's arguments and reads the JSON it prints, as a pipelined module is sent and read. The action runs
its module instead where pipelining is off or impossible (``usable``).
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import base64
import json
import os

from ansible.module_utils.six import string_types

# Runs each source in one namespace, then the entry function on the arguments; prints one JSON object.
# An exception of the class named ``error`` becomes a failed result with its message.
_BOOTSTRAP = '''import base64, json, sys
ns = {"__name__": %(name)r}
for source in %(sources)r:
    exec(compile(base64.b64decode(source).decode("utf-8"), %(name)r, "exec"), ns)
try:
    result = ns[%(entry)r](json.loads(base64.b64decode(%(args)r).decode("utf-8")))
except ns[%(error)r] as exc:
    result = {"failed": True, "msg": str(exc)}
sys.stdout.write(json.dumps(result))
'''

_SOURCES = {}


def _source(module):
    path = os.path.splitext(module.__file__)[0] + '.py'
    if path not in _SOURCES:
        with open(path, 'rb') as handle:
            _SOURCES[path] = base64.b64encode(handle.read()).decode('ascii')
    return _SOURCES[path]


def usable(action):
    """Whether the host's Python can take the code on its standard input: pipelining is on and possible."""
    return action._is_pipelining_enabled('new')


def interpreter(task_vars):
    """ansible_python_interpreter when it is an absolute path, else the discovered one, else /usr/bin/python3."""
    chosen = task_vars.get('ansible_python_interpreter') or ''
    if isinstance(chosen, string_types) and chosen.startswith('/'):
        return chosen
    return task_vars.get('ansible_facts', {}).get('discovered_interpreter_python') or '/usr/bin/python3'


def run(action, task_vars, modules, entry, error, params, name='rtcstack_host_python'):
    """The dict ``entry(params)`` returns on the host, run with ``modules``' sources (in that order).

    On a failure to run at all (no Python, a traceback), a failed result with the exit code, the
    output and the end of stderr.
    """
    python = interpreter(task_vars)
    script = _BOOTSTRAP % dict(name=name, sources=[_source(module) for module in modules], entry=entry, error=error,
                               args=base64.b64encode(json.dumps(params).encode('utf-8')).decode('ascii'))
    ran = action._low_level_execute_command(python, sudoable=True, in_data=script.encode('utf-8'))
    try:
        done = json.loads(ran.get('stdout', ''))
    except ValueError:
        done = None
    if ran.get('rc') != 0 or not isinstance(done, dict):
        return dict(failed=True, rc=ran.get('rc'), stdout=ran.get('stdout', ''), stderr=ran.get('stderr', ''),
                    msg='could not run %s on the host with %s: %s' % (entry, python, (ran.get('stderr') or '').strip()[-2000:]))
    return done
