# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Bad inventories fail in the roles' preflight, naming the variable and never showing a secret.

Each file in cases/ lists cases: the role, the variables that make the inventory wrong (over the valid
base.yml), a regular expression the failure must contain, and strings it must not contain. The role
runs against this machine in check mode, so nothing here can change the machine.
"""
from __future__ import annotations

import json
import os
import pathlib
import re
import subprocess
import tempfile

import pytest
import yaml

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def _cases():
    return list(_iter_cases())


def _iter_cases():
    for path in sorted((HERE / 'cases').glob('*.yml')):
        for case in yaml.safe_load(path.read_text()):
            yield pytest.param(case, id='%s: %s' % (path.stem, case['name']))


@pytest.mark.parametrize('case', _cases())
def test_preflight_refuses(case):
    variables = yaml.safe_load((HERE / 'base.yml').read_text())
    variables.update(case.get('vars', {}))
    if 'role' in case:
        variables['preflight_role'] = case['role']
    # A case may run a whole playbook instead of one role (site.yml's checks of every role first).
    playbook = ROOT / case['playbook'] if 'playbook' in case else HERE / 'play.yml'
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as handle:
        json.dump(variables, handle)
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(ROOT / 'collections'), ANSIBLE_NOCOLOR='1',
               ANSIBLE_RETRY_FILES_ENABLED='0', ANSIBLE_STDOUT_CALLBACK='ansible.builtin.default')
    try:
        result = subprocess.run(
            ['ansible-playbook', '--check', '-i', str(HERE / 'inventory.yml'), str(playbook),
             '-e', '@' + handle.name],
            capture_output=True, text=True, env=env, timeout=300, check=False)
    finally:
        os.unlink(handle.name)
    output = result.stdout + result.stderr
    assert result.returncode != 0, 'the role accepted a bad inventory:\n' + output
    assert re.search(case['expect'], output), 'the failure does not say %r:\n%s' % (case['expect'], output)
    for secret in case.get('forbid', []):
        assert secret not in output, 'the output shows a secret'
    # The failure comes from the preflight, before any task that could change a host.
    assert 'changed=0' in output, output
