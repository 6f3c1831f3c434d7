# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""rtcstack.debian.controller_file, run by ansible-playbook on this machine: it writes, reports no change
the second time, puts the mode back, and leaves the file alone in --check while --diff shows the change."""
from __future__ import annotations

import json
import os
import pathlib
import stat
import subprocess

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[4]
ENV = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(ROOT / 'collections'), ANSIBLE_NOCOLOR='1',
           ANSIBLE_STDOUT_CALLBACK='ansible.posix.json', ANSIBLE_RETRY_FILES_ENABLED='0')


def _run(tmp_path, content, *options):
    playbook = tmp_path / 'play.yml'
    playbook.write_text(yaml.safe_dump([{
        'hosts': 'localhost', 'gather_facts': False,
        'tasks': [{'name': 'write', 'rtcstack.debian.controller_file': {
            'dest': str(tmp_path / 'record.json'), 'content': content, 'mode': '0600'}}]}]))
    result = subprocess.run(['ansible-playbook', '-i', 'localhost,', '-c', 'local', str(playbook), *options],
                            capture_output=True, text=True, env=ENV, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)['plays'][0]['tasks'][0]['hosts']['localhost']


def test_writes_once_with_its_mode(tmp_path):
    record = tmp_path / 'record.json'
    first = _run(tmp_path, '{"a": 1}\n')
    assert first['changed'] and record.read_text() == '{"a": 1}\n'
    assert stat.S_IMODE(record.stat().st_mode) == 0o600
    assert not _run(tmp_path, '{"a": 1}\n')['changed']
    record.chmod(0o644)
    assert _run(tmp_path, '{"a": 1}\n')['changed']
    assert stat.S_IMODE(record.stat().st_mode) == 0o600
    # No temporary file is left beside it.
    assert sorted(path.name for path in tmp_path.iterdir()) == ['play.yml', 'record.json']


def test_check_mode_changes_nothing_and_diff_shows_the_change(tmp_path):
    record = tmp_path / 'record.json'
    _run(tmp_path, 'old\n')
    checked = _run(tmp_path, 'new\n', '--check', '--diff')
    assert checked['changed']
    assert checked['diff']['before'] == 'old\n' and checked['diff']['after'] == 'new\n'
    assert record.read_text() == 'old\n'
