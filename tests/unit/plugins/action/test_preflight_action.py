# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""rtcstack.debian.preflight, run by ansible-playbook on this machine: its list check runs before the checks,
names the variable, hides what secret_lists names, and the checks stop at the first that refuses."""
from __future__ import annotations

import json
import os
import pathlib
import subprocess

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[4]
ENV = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(ROOT / 'collections'), ANSIBLE_NOCOLOR='1',
           ANSIBLE_STDOUT_CALLBACK='ansible.posix.json', ANSIBLE_RETRY_FILES_ENABLED='0')

CHECKS = [
    {'name': 'Check the realm', 'that': 'realm | length > 0', 'fail_msg': 'realm: must not be empty'},
    {'name': 'Check each user', 'that': "'name' in item", 'fail_msg': 'users[{{ index }}]: has no name',
     'loop': '{{ users }}', 'index_var': 'index'},
]


def _run(tmp_path, play_vars, secret=()):
    playbook = tmp_path / 'play.yml'
    playbook.write_text(yaml.safe_dump([{
        'hosts': 'localhost', 'gather_facts': False, 'vars': play_vars,
        'tasks': [{'name': 'check', 'rtcstack.debian.preflight': {
            'lists_var': 'lists', 'secret_lists': list(secret), 'checks_var': 'checks'},
            'vars': {'lists': {'users': '{{ users }}', 'domains': '{{ domains }}'}, 'checks': CHECKS}}]}]))
    result = subprocess.run(['ansible-playbook', '-i', 'localhost,', '-c', 'local', str(playbook)],
                            capture_output=True, text=True, env=ENV, timeout=120, check=False)
    return json.loads(result.stdout)['plays'][0]['tasks'][0]['hosts']['localhost']


def test_passes_and_counts_the_checks(tmp_path):
    result = _run(tmp_path, {'realm': 'falcot.com', 'users': [{'name': 'joe'}], 'domains': ['falcot.com']})
    assert not result.get('failed') and result['msg'] == '2 checks passed'


def test_a_string_for_a_list_refuses_first_with_the_variable(tmp_path):
    result = _run(tmp_path, {'realm': '', 'users': [], 'domains': 'falcot.com'})
    assert result['failed'] and result['check'] == 'Check that the list settings are lists'
    assert result['msg'] == "domains: expected a list, got the string 'falcot.com'; write it as a list: ['falcot.com']"


def test_a_secret_list_is_named_but_not_shown(tmp_path):
    result = _run(tmp_path, {'realm': 'falcot.com', 'users': 'joe:s3cret', 'domains': []}, secret=['users'])
    assert result['failed'] and result['msg'] == 'users: expected a list, got string'
    assert 's3cret' not in json.dumps(result)


def test_the_first_check_that_refuses_stops_with_its_name_and_item(tmp_path):
    result = _run(tmp_path, {'realm': 'falcot.com', 'users': [{'name': 'joe'}, {}], 'domains': []})
    assert result['failed'] and result['check'] == 'Check each user'
    assert result['msg'] == 'users[1]: has no name' and result['assertion'] == "'name' in item"
