# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""rtcstack.debian.stat_paths: what module_utils/stat_paths_read.py reads of a directory, and the
action that runs it through the connection, by ansible-playbook on this machine, with the same result."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import pathlib
import subprocess
import sys

import pytest
import yaml

from ansible_collections.rtcstack.debian.plugins.module_utils.stat_paths_read import ReadError, read

ROOT = pathlib.Path(__file__).resolve().parents[4]
ENV = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(ROOT / 'collections'), ANSIBLE_NOCOLOR='1',
           ANSIBLE_STDOUT_CALLBACK='ansible.posix.json', ANSIBLE_RETRY_FILES_ENABLED='0')


def _params(tmp_path, **extra):
    params = dict(paths=[str(tmp_path / 'file'), str(tmp_path / 'link'), str(tmp_path / 'dir') + '/', str(tmp_path / 'none')],
                  get_checksum=True, packages=[], services=[], groups=[], contents=[str(tmp_path / 'file')],
                  commands=[['/bin/echo', 'hi'], ['/nonexistent/program']])
    params.update(extra)
    return params


@pytest.fixture
def tree(tmp_path):
    (tmp_path / 'file').write_bytes(b'zone\n')
    (tmp_path / 'file').chmod(0o640)
    (tmp_path / 'link').symlink_to('file')
    (tmp_path / 'dir').mkdir()
    return tmp_path


def test_read_gives_finds_keys_contents_and_commands(tree):
    done = read(_params(tree))
    by_path = {entry['path']: entry for entry in done['files']}
    assert done['missing'] == [str(tree / 'none')]
    assert by_path[str(tree / 'file')]['mode'] == '0640' and by_path[str(tree / 'file')]['isreg']
    assert by_path[str(tree / 'file')]['checksum'] == hashlib.sha1(b'zone\n').hexdigest()
    assert by_path[str(tree / 'link')]['islnk'] and by_path[str(tree / 'link')]['lnk_target'] == 'file'
    assert by_path[str(tree / 'dir')]['isdir'] and 'checksum' not in by_path[str(tree / 'dir')]
    assert base64.b64decode(done['contents'][str(tree / 'file')]) == b'zone\n'
    assert done['commands'][0]['stdout'] == 'hi\n' and done['commands'][1]['rc'] is None
    assert done['read']['paths'][2] == str(tree / 'dir')


def test_read_refuses_what_it_cannot_answer(tree):
    with pytest.raises(ReadError, match='is not a regular file'):
        read(_params(tree, contents=[str(tree / 'dir')]))
    with pytest.raises(ReadError, match='does not start with an absolute path'):
        read(_params(tree, commands=[['echo', 'hi']]))


@pytest.mark.parametrize('pipelining', ['true', 'false'])
def test_the_action_gives_what_read_gives(tree, pipelining):
    """With pipelining the script goes to the host's Python (no module, no invocation in the result);
    without it the module runs the same code."""
    playbook = tree / 'play.yml'
    params = _params(tree, packages=['dpkg', 'no-such-package-here'], groups=['root'])
    playbook.write_text(yaml.safe_dump([{'hosts': 'localhost', 'gather_facts': False, 'tasks': [
        {'name': 'read', 'rtcstack.debian.stat_paths': params},
        {'name': 'bad', 'rtcstack.debian.stat_paths': {'paths': 'not a list'}, 'ignore_errors': True},
        {'name': 'refused', 'rtcstack.debian.stat_paths': dict(params, contents=[str(tree / 'dir')]), 'ignore_errors': True}]}]))
    ran = subprocess.run(['ansible-playbook', '-i', 'localhost,', '-c', 'local', '-e', 'ansible_python_interpreter=' + sys.executable,
                          str(playbook)],
                         capture_output=True, text=True, env=dict(ENV, ANSIBLE_PIPELINING=pipelining), timeout=120, check=False)
    tasks = [task['hosts']['localhost'] for task in json.loads(ran.stdout)['plays'][0]['tasks']]
    expected = read(params)
    assert {key: tasks[0][key] for key in expected} == json.loads(json.dumps(expected))
    assert ('invocation' in tasks[0]) == (pipelining == 'false')
    assert not tasks[0]['changed'] and tasks[0]['packages']['dpkg']['status'] == 'installed'
    assert tasks[1]['failed'] and tasks[1]['msg'].startswith('paths: expected a list')
    assert tasks[2]['failed'] and 'is not a regular file' in tasks[2]['msg']
