# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every import of an entry point of the internal role rtcstack.debian._common agrees with its argument spec.

The service roles import `_common`'s entry points with `rolespec_validate: false`: its callers are the
collection's own task files, so the spec is checked here, once, on their text, instead of by a
validation task on every import of every run (docs/development.md, "The internal role"). Each import
names an entry point that has a spec, passes only options of that entry point, passes every required
one, and a literal value (one that is not a template) has the option's type and is one of its choices.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pathlib

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
SPECS = yaml.safe_load((ROOT / 'roles' / '_common' / 'meta' / 'argument_specs.yml').read_text())['argument_specs']
IMPORT_ACTIONS = ('ansible.builtin.import_role', 'ansible.builtin.include_role', 'import_role', 'include_role')
LITERAL_TYPES = {'str': str, 'path': str, 'bool': bool, 'int': int, 'list': list, 'dict': dict}


def _tasks(items):
    """Every task of a task file, blocks opened."""
    for task in items or []:
        if not isinstance(task, dict):
            continue
        yield task
        for key in ('block', 'rescue', 'always'):
            yield from _tasks(task.get(key))


def imports():
    """(file:task name, the action's arguments, the task's vars) of every task that imports _common."""
    found = []
    for path in sorted((ROOT / 'roles').glob('*/tasks/**/*.yml')):
        if path.relative_to(ROOT).parts[1] == '_common':
            continue
        for task in _tasks(yaml.safe_load(path.read_text())):
            for action in IMPORT_ACTIONS:
                args = task.get(action)
                if isinstance(args, dict) and args.get('name') == 'rtcstack.debian._common':
                    where = '%s: %s' % (path.relative_to(ROOT), task.get('name'))
                    found.append(pytest.param(args, task.get('vars') or {}, id=where))
    return found


IMPORTS = imports()


def test_the_service_roles_import_common():
    # Four service roles and dns use it; a parse that found nothing would make the test below vacuous.
    assert len(IMPORTS) >= 10


@pytest.mark.parametrize('args,given', IMPORTS)
def test_an_import_of_common_agrees_with_its_argument_spec(args, given):
    entry = args.get('tasks_from')
    assert entry in SPECS and entry != 'main', 'imports _common with tasks_from %r, which has no argument spec' % entry
    # The spec is checked here; a validation task per import and run would only repeat it.
    assert args.get('rolespec_validate') is False, 'imports _common %s without rolespec_validate: false' % entry
    options = SPECS[entry].get('options') or {}
    unknown = sorted(set(given) - set(options))
    assert not unknown, '_common %s has no option %s (its options: %s)' % (entry, ', '.join(unknown), ', '.join(sorted(options)))
    missing = sorted(name for name, option in options.items() if option.get('required') and name not in given)
    assert not missing, '_common %s requires %s' % (entry, ', '.join(missing))
    for name, value in given.items():
        if isinstance(value, str) and '{{' in value:
            continue
        option = options[name]
        expected = LITERAL_TYPES.get(option.get('type', 'str'))
        if expected is not None:
            assert isinstance(value, expected), '%s is %r, not a %s' % (name, value, option.get('type', 'str'))
        if 'choices' in option:
            assert value in option['choices'], '%s is %r, not one of %s' % (name, value, option['choices'])
