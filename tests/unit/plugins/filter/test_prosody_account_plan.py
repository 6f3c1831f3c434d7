# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.prosody_account_plan import FilterModule, prosody_account_plan
from ansible_collections.rtcstack.debian.plugins.plugin_utils._prosody import lua_string, parse_account, scram_sha1_keys

# What Prosody 0.12.3's admin shell printed for joe (password "s3cret pw") with
# util.serialization's "oneline" preset.
JOE = ('return { ["salt"] = "a1372ce0-727b-479a-9533-db979ecad1ba"; ["iteration_count"] = 10000; '
       '["stored_key"] = "9724e2c409eccbc1d6329d9713919cf9a6d0380e"; ["server_key"] = "7105de0abac99b242afcbce8f02558eb71e74d47" }')


def account(password, salt=b'salt-1234', iterations=4096):
    stored, server = scram_sha1_keys(password, salt, iterations)
    return 'return { ["salt"] = %s; ["iteration_count"] = %d; ["stored_key"] = "%s"; ["server_key"] = "%s" }' % (
        lua_string(salt.decode('latin-1')), iterations, stored, server)


def test_nothing_to_do_when_every_account_holds_its_password():
    plan = prosody_account_plan({'joe': JOE}, [{'name': 'joe', 'password': 's3cret pw'}], 'falcot.com')
    assert plan == {'create': [], 'password': [], 'remove': [], 'commands': []}


def test_create_update_and_remove():
    stored = [['joe', JOE], ['bob', account('bob-pw')], ['alice', account('alice-old')]]
    users = [
        {'name': 'jean.paul', 'password': u'quote" back\\slash \u00fcn\u00efc\u00f8d\u00e9'},
        {'name': 'alice', 'password': 'alice-new'},
        {'name': 'joe', 'password': 's3cret pw'},
    ]
    plan = prosody_account_plan(stored, users, 'Falcot.COM')
    assert plan['create'] == ['jean.paul']
    assert plan['password'] == ['alice']
    assert plan['remove'] == ['bob']
    assert plan['commands'] == [
        u'user:create("jean.paul@falcot.com", "quote\\" back\\\\slash \u00fcn\u00efc\u00f8d\u00e9")',
        'user:password("alice@falcot.com", "alice-new")',
        'user:delete("bob@falcot.com")',
    ]


def test_no_removal_without_prune():
    plan = prosody_account_plan({'bob': account('x')}, [], 'falcot.com', prune=False)
    assert plan == {'create': [], 'password': [], 'remove': [], 'commands': []}


def test_an_account_without_credentials_gets_the_password():
    plan = prosody_account_plan({'joe': 'return {}'}, [{'name': 'joe', 'password': 'pw'}], 'falcot.com')
    assert plan['password'] == ['joe']


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x2fff, blacklist_categories=('Cs',)), min_size=1, max_size=30))
def test_lua_strings_read_back(text):
    # Prosody's serializer and this module's reader agree with the writer: the literal reads back as the text.
    assert parse_account('return { ["v"] = %s }' % lua_string(text))['v'] == text.encode('utf-8')


def test_control_characters_are_escaped():
    assert lua_string('a\tb\x7f') == '"a\\009b\\127"'


@pytest.mark.parametrize('stored, users, host, message', [
    ({}, [{'name': 'Joe', 'password': 'pw'}], 'falcot.com', r"users\[0\]\.name: 'Joe' is not an account name"),
    ({}, [{'name': 'joe', 'password': 'pw'}, {'name': 'joe', 'password': 'pw2'}], 'falcot.com', r"users\[1\]\.name: 'joe' is listed twice"),
    ({}, [{'name': 'joe', 'password': ''}], 'falcot.com', r'users\[0\]\.password \(user joe\): must not be empty'),
    ({}, [{'name': 'joe', 'password': u'\u0627\u0031secret'}], 'falcot.com', r'users\[0\]\.password \(user joe\): mixes'),
    ({}, [{'name': 'joe', 'password': 'pw'}], 'not a domain', r"host: 'not a domain' is not a valid DNS name"),
    ('joe', [], 'falcot.com', r'stored: expected a mapping of account names to account texts, got string'),
    ([['joe']], [], 'falcot.com', r'stored\[0\]: expected a pair'),
    ({'joe': 12}, [], 'falcot.com', r"stored account 'joe': expected the account text, got int"),
    ({}, {'name': 'joe'}, 'falcot.com', r'users: expected a list of users, got mapping'),
    ({}, ['joe'], 'falcot.com', r'users\[0\]: expected a mapping with name and password, got string'),
])
def test_errors_name_the_user_never_the_password(stored, users, host, message):
    with pytest.raises(AnsibleFilterError, match='^rtcstack.debian.prosody_account_plan: ' + message) as info:
        prosody_account_plan(stored, users, host)
    assert 'secret' not in str(info.value)


def test_filter_module():
    assert FilterModule().filters() == {'prosody_account_plan': prosody_account_plan}
