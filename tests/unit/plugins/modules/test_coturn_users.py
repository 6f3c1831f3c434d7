# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""coturn_users against a real SQLite file with coturn's table: bound parameters, one transaction."""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import json
import sqlite3

import pytest

from ansible.module_utils import basic
from ansible.module_utils.common.text.converters import to_bytes

from ansible_collections.rtcstack.debian.plugins.modules import coturn_users

KEY_JOE = '0123456789abcdef0123456789abcdef'
KEY_ALICE = 'fedcba9876543210fedcba9876543210'


class Exit(Exception):
    pass


def run(monkeypatch, capsys, check_mode=False, **params):
    args = dict(params, _ansible_check_mode=check_mode, _ansible_diff=True)
    monkeypatch.setattr(basic, '_ANSIBLE_ARGS', to_bytes(json.dumps({'ANSIBLE_MODULE_ARGS': args})))
    # ansible-core 2.19 also wants the serialization profile the controller would send.
    monkeypatch.setattr(basic, '_ANSIBLE_PROFILE', 'legacy', raising=False)
    with pytest.raises(SystemExit):
        coturn_users.main()
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / 'turndb'
    connection = sqlite3.connect(str(path))
    connection.execute('CREATE TABLE turnusers_lt (realm varchar(127) default \'\', name varchar(512), hmackey char(128), '
                       'PRIMARY KEY (realm, name))')
    connection.execute("INSERT INTO turnusers_lt VALUES ('falcot.com', 'joe', ?)", (KEY_JOE, ))
    connection.execute("INSERT INTO turnusers_lt VALUES ('oldrealm', 'bob', ?)", (KEY_ALICE, ))
    connection.commit()
    connection.close()
    return path


def rows(path):
    connection = sqlite3.connect(str(path))
    try:
        return sorted(connection.execute('SELECT realm, name, hmackey FROM turnusers_lt').fetchall())
    finally:
        connection.close()


def test_replaces_the_rows_and_names_users_only(monkeypatch, capsys, db):
    result = run(monkeypatch, capsys, path=str(db), realm="o'brien.example", users=[
        {'name': 'joe', 'ha1': KEY_JOE.upper()}, {'name': 'alice', 'ha1': KEY_ALICE}])
    assert result['changed'] is True
    assert (result['added'], result['removed'], result['updated']) == (['alice', 'joe'], ['bob@oldrealm', 'joe@falcot.com'], [])
    # A quote in the realm is data, not SQL.
    assert rows(db) == [("o'brien.example", 'alice', KEY_ALICE), ("o'brien.example", 'joe', KEY_JOE)]
    assert KEY_JOE not in json.dumps(result) and KEY_ALICE not in json.dumps(result)


def test_second_run_changes_nothing(monkeypatch, capsys, db):
    users = [{'name': 'joe', 'ha1': KEY_JOE}]
    run(monkeypatch, capsys, path=str(db), realm='falcot.com', users=users)
    result = run(monkeypatch, capsys, path=str(db), realm='falcot.com', users=users)
    assert result['changed'] is False
    assert rows(db) == [('falcot.com', 'joe', KEY_JOE)]


def test_a_new_key_is_an_update(monkeypatch, capsys, db):
    result = run(monkeypatch, capsys, path=str(db), realm='falcot.com', users=[{'name': 'joe', 'ha1': KEY_ALICE}])
    assert result['updated'] == ['joe'] and result['removed'] == ['bob@oldrealm']


def test_check_mode_writes_nothing(monkeypatch, capsys, db):
    before = rows(db)
    result = run(monkeypatch, capsys, check_mode=True, path=str(db), realm='falcot.com', users=[])
    assert result['changed'] is True and rows(db) == before


def test_check_mode_on_a_fresh_host(monkeypatch, capsys, tmp_path):
    result = run(monkeypatch, capsys, check_mode=True, path=str(tmp_path / 'none'), realm='falcot.com',
                 users=[{'name': 'joe', 'ha1': KEY_JOE}])
    assert result['changed'] is True and result['added'] == ['joe']


def test_a_missing_database_fails_clearly(monkeypatch, capsys, tmp_path):
    result = run(monkeypatch, capsys, path=str(tmp_path / 'none'), realm='falcot.com', users=[])
    assert result['failed'] is True and 'does not exist' in result['msg']


def test_a_name_listed_twice_is_refused(monkeypatch, capsys, db):
    result = run(monkeypatch, capsys, path=str(db), realm='falcot.com',
                 users=[{'name': 'joe', 'ha1': KEY_JOE}, {'name': 'joe', 'ha1': KEY_ALICE}])
    assert result['failed'] is True and "users[1]: the name 'joe' is listed twice" == result['msg']
