# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Each public role's README.md is the one tests/role_readmes.py writes from meta/argument_specs.yml, and its
variable table says what `ansible-doc -t role` says: the same variables, types and defaults."""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import importlib.util
import json
import os
import pathlib
import re
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location('role_readmes', str(ROOT / 'tests' / 'role_readmes.py'))
role_readmes = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(role_readmes)


def test_every_readme_is_up_to_date(capsys):
    assert role_readmes.main(['--check']) == 0, capsys.readouterr().err


@pytest.mark.parametrize('role', role_readmes.public_roles())
def test_the_readme_table_is_what_ansible_doc_says(role):
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(ROOT / 'collections'), ANSIBLE_NOCOLOR='1')
    out = subprocess.run(['ansible-doc', '-t', 'role', '--json', 'rtcstack.debian.%s' % role],
                         check=True, capture_output=True, text=True, env=env).stdout
    entry_points = json.loads(out)['rtcstack.debian.%s' % role]['entry_points']
    options = entry_points[role_readmes.entry_point(entry_points)]['options']
    rows = re.findall(r'^\| `([a-z0-9_]+)` \| ([^|]+) \| ((?:[^|\\]|\\.)*) \|', (ROOT / 'roles' / role / 'README.md').read_text(), re.M)
    table = dict((name, (kind.strip(), default.strip())) for name, kind, default in rows)
    assert sorted(table) == sorted(options)
    for name, option in options.items():
        kind, default = table[name]
        assert kind == role_readmes._type(option), name
        assert default == role_readmes._cell(role_readmes._default(option)), name
