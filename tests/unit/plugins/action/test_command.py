# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""rtcstack.debian.command, run by ansible-playbook on this machine: each argument reaches the command
as given, stdout and stderr come apart, a non-zero exit fails the task, and check mode skips it unless
the task sets check_mode: false."""
from __future__ import annotations

import hashlib
import json
import os
import pathlib
import subprocess

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[4]
ENV = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(ROOT / 'collections'), ANSIBLE_NOCOLOR='1',
           ANSIBLE_STDOUT_CALLBACK='ansible.posix.json', ANSIBLE_RETRY_FILES_ENABLED='0')


def _run(tmp_path, tasks, *options):
    playbook = tmp_path / 'play.yml'
    playbook.write_text(yaml.safe_dump([{'hosts': 'localhost', 'gather_facts': False, 'tasks': tasks}]))
    result = subprocess.run(['ansible-playbook', '-i', 'localhost,', '-c', 'local', str(playbook), *options],
                            capture_output=True, text=True, env=ENV, timeout=120, check=False)
    return [task['hosts']['localhost'] for task in json.loads(result.stdout)['plays'][0]['tasks']]


def test_arguments_output_and_exit_code(tmp_path):
    script = 'printf "%s\\n" "$1" "$2"; echo oops >&2; exit "$3"'
    done = _run(tmp_path, [
        {'name': 'ok', 'rtcstack.debian.command': {'argv': ['sh', '-c', script, 'sh', "it's $HOME", 'a b', '0']}},
        {'name': 'fails', 'rtcstack.debian.command': {'argv': ['sh', '-c', script, 'sh', 'x', 'y', 3]},
         'ignore_errors': True}])
    assert done[0]['rc'] == 0 and not done[0].get('failed') and done[0]['changed']
    assert done[0]['stdout_lines'] == ["it's $HOME", 'a b'] and done[0]['stderr'] == 'oops'
    assert done[1]['failed'] and done[1]['rc'] == 3 and done[1]['msg'] == 'non-zero return code'


def test_check_mode_skips_unless_the_task_says_otherwise(tmp_path):
    marker = tmp_path / 'ran'
    done = _run(tmp_path, [
        {'name': 'skipped', 'rtcstack.debian.command': {'argv': ['touch', str(marker)]}},
        {'name': 'read', 'rtcstack.debian.command': {'argv': ['echo', 'read']}, 'check_mode': False}], '--check')
    assert done[0]['skipped'] and not marker.exists()
    assert done[1]['stdout'] == 'read'


def test_bad_argv_is_refused(tmp_path):
    done = _run(tmp_path, [{'name': 'bad', 'rtcstack.debian.command': {'argv': 'echo hi'}, 'ignore_errors': True},
                           {'name': 'empty', 'rtcstack.debian.command': {'argv': []}, 'ignore_errors': True}])
    assert all(task['failed'] and task['msg'].startswith('argv: expected a non-empty list') for task in done)


@pytest.mark.parametrize('pipelining', ['true', 'false'])
def test_stdin_src_gives_a_file_of_the_controller_to_the_command(tmp_path, pipelining):
    """With pipelining the file goes on the connection's standard input; without it, through a
    temporary file of the host. Either way the command reads every byte of it."""
    payload = bytes(range(256)) * 64
    source = tmp_path / 'payload.bin'
    source.write_bytes(payload)
    done = _run(tmp_path, [
        {'name': 'digest', 'rtcstack.debian.command': {'argv': ['sha256sum'], 'stdin_src': str(source)}},
        {'name': 'missing', 'rtcstack.debian.command': {'argv': ['cat'], 'stdin_src': str(tmp_path / 'none')},
         'ignore_errors': True}],
        '-e', 'ansible_pipelining=' + pipelining)
    assert done[0]['stdout'].split()[0] == hashlib.sha256(payload).hexdigest()
    assert done[1]['failed'] and done[1]['msg'].startswith('stdin_src:')
