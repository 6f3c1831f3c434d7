# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""rtcstack.debian.os_facts, run by ansible-playbook on this machine: the facts it sets are those
ansible.builtin.setup gathers, under the same names, and later tasks read them from ansible_facts."""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[4]
ENV = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(ROOT / 'collections'), ANSIBLE_NOCOLOR='1',
           ANSIBLE_STDOUT_CALLBACK='ansible.posix.json', ANSIBLE_RETRY_FILES_ENABLED='0')
KEYS = ['distribution', 'distribution_major_version', 'distribution_version', 'distribution_release', 'os_family']


def test_the_facts_are_setups(tmp_path):
    playbook = tmp_path / 'play.yml'
    playbook.write_text(yaml.safe_dump([
        {'hosts': 'localhost', 'gather_facts': False, 'tasks': [
            {'name': 'ours', 'rtcstack.debian.os_facts': None},
            {'name': 'read', 'ansible.builtin.debug': {'msg': '{{ ansible_facts | dict2items | list }}'}}]},
        {'hosts': 'localhost', 'gather_facts': False, 'tasks': [
            {'name': 'setup', 'ansible.builtin.setup': {'gather_subset': ['min']}}]}]))
    # setup is a module: this Python runs it (interpreter discovery may find another one on PATH).
    result = subprocess.run(['ansible-playbook', '-i', 'localhost,', '-c', 'local', '-e', 'ansible_python_interpreter=' + sys.executable,
                             str(playbook)],
                            capture_output=True, text=True, env=ENV, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    plays = json.loads(result.stdout)['plays']
    ours = plays[0]['tasks'][0]['hosts']['localhost']
    read = {item['key']: item['value'] for item in plays[0]['tasks'][1]['hosts']['localhost']['msg']}
    setup = plays[1]['tasks'][0]['hosts']['localhost']['ansible_facts']
    assert not ours['changed'] and sorted(ours['ansible_facts']) == sorted(KEYS)
    assert {key: read[key] for key in KEYS} == ours['ansible_facts']
    if setup['ansible_distribution'] == 'Debian':
        same = [key for key in KEYS if key != 'distribution_version']
        assert {key: ours['ansible_facts'][key] for key in same} == {key: setup['ansible_' + key] for key in same}
        # setup gives /etc/debian_version's point release (12.11) where lsb_release answers it, else
        # os-release's VERSION_ID (12); os_facts always the former.
        point = pathlib.Path('/etc/debian_version').read_text().strip()
        assert ours['ansible_facts']['distribution_version'] == point
        assert setup['ansible_distribution_version'] in (point, setup['ansible_distribution_major_version'])
