# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Bad inventories fail in the roles' preflight, naming the variable and never showing a secret.

Each file in cases/ lists cases: the role, the variables that make the inventory wrong (over the valid
base.yml), a regular expression the failure must contain, and strings it must not contain. The role
runs against this machine in check mode, so nothing here can change the machine.

The role cases of one file run in one ansible-playbook process, one play per case (an ansible-playbook
costs about two seconds before it runs anything): the case's address variables become host facts (the
topology reads them through hostvars), its other variables the role's task variables, and a rescue
records the refusal, so that one refused case does not end the others. A case with `groups` runs on
its own, its host in those groups only; so does a case with `second_host`, the variables of a second
host (this machine again, server2) in every group beside the first. A case that names a playbook (site.yml's checks of every role
first) runs that playbook on its own, with the case's variables as extra variables. Each case names
the assert that must refuse it (`task`: an assert task's name, or a check's of an rtcstack.debian.preflight
task), and every assert of every role's preflight has a case, or an entry in PROVEN_ELSEWHERE with the
scenario that proves it.
"""
from __future__ import annotations

import functools
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
# The variables the topology reads per host (hostvars), not from the play: set as host facts, each
# case's own or base.yml's, and '' (the topology's "not set") where base.yml has none.
PER_HOST = re.compile(r'^rtc_(ipv4|ipv6|ipv4_alt|label|[a-z_]+_label|host_srv_priority|host_srv_weight)$')
ENV = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(ROOT / 'collections'), ANSIBLE_NOCOLOR='1',
           ANSIBLE_RETRY_FILES_ENABLED='0', ANSIBLE_STDOUT_CALLBACK='ansible.builtin.default')


def _files():
    return sorted((HERE / 'cases').glob('*.yml'))


def _iter_cases():
    for path in _files():
        for index, case in enumerate(yaml.safe_load(path.read_text())):
            yield pytest.param(path.stem, index, case, id='%s: %s' % (path.stem, case['name']),
                               marks=pytest.mark.xdist_group(path.stem))


def _base():
    return yaml.safe_load((HERE / 'base.yml').read_text())


def _playbook(cases):
    """One play per role case: set the host's address facts, run the role, record what happened."""
    base = _base()
    per_host = sorted({key for case in dict(cases).values() for key in case.get("vars", {}) if PER_HOST.match(key)}
                      | {key for key in base if PER_HOST.match(key)})
    plays = [{'name': 'Gather the facts the roles check', 'hosts': 'all', 'gather_facts': True,
              'gather_subset': ['min'], 'tasks': []}]
    for index, case in cases:
        variables = dict(case.get('vars', {}))
        host_facts = {key: base.get(key, '') for key in per_host}
        host_facts.update((key, variables.pop(key)) for key in list(variables) if PER_HOST.match(key))
        plays.append({
            'name': 'case %d' % index,
            'hosts': 'all',
            'gather_facts': False,
            'tasks': [
                {'name': 'Give the host the case address variables', 'ansible.builtin.set_fact': host_facts},
                {'name': 'Run the role', 'block': [
                    {'name': 'Run the role under test', 'ansible.builtin.include_role': {'name': case['role']},
                     'vars': variables},
                    {'name': 'Record an accepted inventory', 'ansible.builtin.set_fact': {'preflight_outcome': 'accepted'}},
                ], 'rescue': [
                    {'name': 'Record a refusal', 'ansible.builtin.set_fact': {'preflight_outcome': 'refused'}},
                ], 'always': [
                    {'name': 'Say what happened', 'ansible.builtin.debug': {'msg': 'preflight case %d: {{ preflight_outcome }}' % index}},
                ]},
            ],
        })
    return plays


@functools.lru_cache(maxsize=None)
def _run_file(stem):
    """Run a file's role cases in one ansible-playbook; the output of each case's play, by index."""
    cases = [(i, c) for i, c in enumerate(yaml.safe_load((HERE / 'cases' / (stem + '.yml')).read_text()))
             if 'playbook' not in c and 'groups' not in c and 'second_host' not in c]
    with tempfile.TemporaryDirectory() as tmp:
        playbook = pathlib.Path(tmp) / 'cases.yml'
        playbook.write_text(yaml.safe_dump(_playbook(cases), sort_keys=False))
        inventory = yaml.safe_load((HERE / 'inventory.yml').read_text())
        inventory['all']['hosts']['server1'].update(_base())
        (pathlib.Path(tmp) / 'inventory.yml').write_text(yaml.safe_dump(inventory))
        result = subprocess.run(
            ['ansible-playbook', '--check', '-i', str(pathlib.Path(tmp) / 'inventory.yml'), str(playbook)],
            capture_output=True, text=True, env=ENV, timeout=600, check=False)
    output = result.stdout + result.stderr
    return output, _sections(output)


def _sections(output):
    """The output of each case's play, by the case's index in the run."""
    return dict((int(match.group(1)), match.group(2))
                for match in re.finditer(r'^PLAY \[case (\d+)\] \*+$(.*?)(?=^PLAY )', output, re.M | re.S))


def _run_on_its_own(case):
    """A role case whose host is in case['groups'] only (the others: every group), or that has a second
    host with case['second_host'] as its inventory variables over base.yml's: its play's output."""
    with tempfile.TemporaryDirectory() as tmp:
        playbook = pathlib.Path(tmp) / 'case.yml'
        playbook.write_text(yaml.safe_dump(_playbook([(0, case)]), sort_keys=False))
        inventory = yaml.safe_load((HERE / 'inventory.yml').read_text())
        inventory['all']['hosts']['server1'].update(_base())
        if 'groups' in case:
            inventory['all']['children'] = {group: {'hosts': {'server1': None}} for group in case['groups']}
        if 'second_host' in case:
            second = dict(inventory['all']['hosts']['server1'])
            second.update(case['second_host'])
            inventory['all']['hosts']['server2'] = second
            for group in inventory['all']['children'].values():
                group['hosts']['server2'] = None
        (pathlib.Path(tmp) / 'inventory.yml').write_text(yaml.safe_dump(inventory))
        result = subprocess.run(
            ['ansible-playbook', '--check', '-i', str(pathlib.Path(tmp) / 'inventory.yml'), str(playbook)],
            capture_output=True, text=True, env=ENV, timeout=300, check=False)
    return result.stdout + result.stderr


def _run_playbook(case):
    variables = _base()
    variables.update(case.get('vars', {}))
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as handle:
        json.dump(variables, handle)
    try:
        result = subprocess.run(
            ['ansible-playbook', '--check', '-i', str(HERE / 'inventory.yml'), str(ROOT / case['playbook']),
             '-e', '@' + handle.name],
            capture_output=True, text=True, env=ENV, timeout=300, check=False)
    finally:
        os.unlink(handle.name)
    return result.returncode, result.stdout + result.stderr


def failed_task(output):
    """'<role>: <check>' of the first task that failed in output: its TASK header's role with the name of
    the check that refused (rtcstack.debian.preflight's `check`) or else the task's own name; or None."""
    failure = re.search(r'^(?:fatal|failed): .*$', output, re.M)
    if failure is None:
        return None
    headers = re.findall(r'^TASK \[(?:[\w.]+\.)?(\w+) : (.*?)\] \*+$', output[:failure.start()], re.M)
    if not headers:
        return None
    check = re.search(r'"check": ("(?:[^"\\]|\\.)*")', failure.group(0))
    return '%s: %s' % (headers[-1][0], json.loads(check.group(1)) if check else headers[-1][1])


@pytest.mark.parametrize('stem, index, case', list(_iter_cases()))
def test_preflight_refuses(stem, index, case):
    if 'playbook' in case:
        returncode, output = _run_playbook(case)
        assert returncode != 0, 'the playbook accepted a bad inventory:\n' + output
        # The failure comes from the preflight, before any task that could change a host.
        assert 'changed=0' in output, output
    else:
        if 'groups' in case or 'second_host' in case:
            whole = _run_on_its_own(case)
            sections = _sections(whole)
            index_in_run = 0
        else:
            whole, sections = _run_file(stem)
            index_in_run = index
        assert index_in_run in sections, 'no play ran for this case:\n' + whole
        output = sections[index_in_run]
        assert 'preflight case %d: refused' % index_in_run in output, 'the role accepted a bad inventory:\n' + output
        assert not re.search(r'^changed: ', output, re.M), 'the role changed something before refusing:\n' + output
        # The case's secrets show up nowhere in the whole run, not only in its own play.
        for secret in case.get('forbid', []):
            assert secret not in whole, 'the output shows a secret'
    assert re.search(case['expect'], output), 'the failure does not say %r:\n%s' % (case['expect'], output)
    # The refusal comes from the assert the case is written for (test_every_preflight_assert_has_a_case).
    assert failed_task(output) == case['task'], 'refused by %r, not by %r' % (failed_task(output), case['task'])
    for secret in case.get('forbid', []):
        assert secret not in output, 'the output shows a secret'


# The check rtcstack.debian.preflight runs first for lists_var (plugins/action/preflight.py).
LISTS_CHECK = 'Check that the list settings are lists'


def _asserts(tasks):
    for task in tasks or []:
        if 'block' in task:
            for part in ('block', 'rescue', 'always'):
                yield from _asserts(task.get(part))
        elif 'ansible.builtin.assert' in task:
            yield task['name']
        elif 'rtcstack.debian.preflight' in task:
            if 'lists_var' in task['rtcstack.debian.preflight']:
                yield LISTS_CHECK
            yield from (check['name'] for check in task['vars'][task['rtcstack.debian.preflight']['checks_var']])


# Asserts that read what no case here can set up (files on the host or the controller), each with the
# scenario that feeds it bad input.
PROVEN_ELSEWHERE = {
    'pki: Check that the certificate covers every name of the stack': 'molecule/pki/bad-input.yml',
    'pki: Check that the certificate is readable, current and made for the key': 'molecule/pki/bad-input.yml',
    'web_phone: Refuse a vhost of its own when another vhost already serves the domain': 'molecule/web_phone/verify_refused.yml',
    'web_phone: Refuse to overwrite a file the role did not write': 'molecule/web_phone/verify_refused.yml',
}


def test_every_preflight_assert_has_a_case():
    """Each assert of each role's preflight refuses at least one case (the case's `task`)."""
    asserts = set()
    for path in sorted((ROOT / 'roles').glob('*/tasks/preflight*.yml')):
        role = path.parent.parent.name
        asserts.update('%s: %s' % (role, name) for name in _asserts(yaml.safe_load(path.read_text())))
    covered = set(case['task'] for _stem, _index, case in (param.values for param in _iter_cases()))
    for task, scenario in PROVEN_ELSEWHERE.items():
        assert (ROOT / scenario).is_file(), '%s: %s does not exist' % (task, scenario)
        assert task in asserts, 'PROVEN_ELSEWHERE names %r, which is no preflight assert' % task
    missing = sorted(asserts - covered - set(PROVEN_ELSEWHERE))
    assert not missing, 'preflight asserts without a case in tests/preflight/cases: %s' % '; '.join(missing)
    # A case may also be refused by an argument spec or by an assert a role runs after its preflight.
    known = set()
    for path in sorted((ROOT / 'roles').glob('*/tasks/**/*.yml')):
        role = path.relative_to(ROOT / 'roles').parts[0]
        known.update('%s: %s' % (role, name) for name in _asserts(yaml.safe_load(path.read_text())))
    unknown = sorted(task for task in covered - known if ': Validating arguments' not in task)
    assert not unknown, 'cases name tasks that are no assert of a role: %s' % '; '.join(unknown)


# inventories/falcot with each daemon's one switch (its group_vars and docs/inventory.md): the checks
# (playbooks/checks.yml, as site.yml runs them) accept it, and say with a warning what the switch leaves
# out. Debian 12 and 13 ship neither daemon: `*_installed` says the admin installed it.
SWITCHES = {
    'turn reTurn': ({'turn_implementation': 'reTurn', 'turn_return_installed': True},
                    ['[WARNING]: turn_static_auth_secret is not used with turn_implementation reTurn',
                     '[WARNING]: xmpp_turn_external: XEP-0215 is off: the TURN server turn-server.falcot.com (server1) runs'
                     ' turn_implementation reTurn']),
    'sip_proxy repro': ({'sip_proxy_implementation': 'repro', 'sip_proxy_repro_installed': True},
                        ['[WARNING]: sip_proxy_media_bridge is not used with sip_proxy_implementation repro, which cannot'
                         ' drive rtpengine']),
}


@pytest.mark.parametrize('switch', sorted(SWITCHES))
def test_falcot_switch_is_accepted_with_its_warnings(switch):
    variables, warnings = SWITCHES[switch]
    variables = dict(variables, ansible_connection='local', ansible_python_interpreter='{{ ansible_playbook_python }}')
    result = subprocess.run(
        ['ansible-playbook', '--check', '-i', str(ROOT / 'inventories/falcot'), str(ROOT / 'playbooks/checks.yml'),
         '-e', json.dumps(variables)],
        capture_output=True, text=True, env=ENV, timeout=300, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, 'the checks refused inventories/falcot with %s:\n%s' % (switch, output)
    # Ansible folds a long warning over lines.
    flat = ' '.join(output.split())
    for warning in warnings:
        assert warning in flat, 'no warning %r:\n%s' % (warning, output)
    assert flat.count('[WARNING]: ') == len(warnings), 'other warnings:\n' + output
    falcot = (ROOT / 'inventories/falcot/group_vars/all.yml').read_text()
    for secret in ('falcot-turn-rest-lab-secret', 'falcot-repro-admin-lab', 'falcot-joe-lab'):
        assert secret in falcot and secret not in output, 'the output shows a secret'
