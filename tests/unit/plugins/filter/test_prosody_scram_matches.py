# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.prosody_scram_matches import FilterModule, prosody_scram_matches
from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import RtcInputError, RtcTypeError
from ansible_collections.rtcstack.debian.plugins.plugin_utils._prosody import (
    parse_account,
    saslprep,
    scram_matches,
    scram_sha1_keys,
)

# Account files written by `prosodyctl register` on Debian 12 (Prosody 0.12.3) and Debian 13 (13.0.1).
ACCOUNT_012 = '''return {
\t["iteration_count"] = 10000;
\t["salt"] = "a1372ce0-727b-479a-9533-db979ecad1ba";
\t["stored_key"] = "9724e2c409eccbc1d6329d9713919cf9a6d0380e";
\t["server_key"] = "7105de0abac99b242afcbce8f02558eb71e74d47";
};
'''
ACCOUNT_13 = '''return {
\t["server_key"] = "8b196bb7db09ef21064b18c0f153123f0f256847";
\t["updated"] = 1795693324;
\t["salt"] = "b39f33e8-52ab-47db-ab23-984cfa5cdc37";
\t["stored_key"] = "910b5100e5c9f8af51263844645492ea54ab627f";
\t["created"] = 1795693324;
\t["iteration_count"] = 10000;
};
'''
# The password "p<SOFT HYPHEN>ass<ROMAN NUMERAL NINE> <LATIN SMALL LIGATURE FI>": Prosody stores its SASLprep
# "passIX fi" (same files' origin as above).
UNICODE_PASSWORD = u'p\u00adass\u2168 \ufb01'
ACCOUNT_012_UNICODE = '''return {
\t["stored_key"] = "887d6b2b5ba0c0cecc4b870c6439484e817a5012";
\t["salt"] = "a43ac193-b768-4702-89c4-135c13992f4d";
\t["server_key"] = "2ce96cf5047513336b503fe1b04baa12fbc10737";
\t["iteration_count"] = 10000;
};
'''
ACCOUNT_13_UNICODE = '''return {
\t["created"] = 1795693622;
\t["salt"] = "b01e3908-437f-4bb9-84ef-0ac78f9704bf";
\t["stored_key"] = "6696ecc86f622ecb68e7389ac1dbd0bc6b95c4d4";
\t["server_key"] = "61093f76de1b41a639e75062469355fc37b6e34b";
\t["updated"] = 1795693622;
\t["iteration_count"] = 10000;
};
'''


@pytest.mark.parametrize('account, password', [
    (ACCOUNT_012, 's3cret pw'),
    (ACCOUNT_13, 's3cret pw'),
    (ACCOUNT_012_UNICODE, UNICODE_PASSWORD),
    (ACCOUNT_13_UNICODE, UNICODE_PASSWORD),
    (ACCOUNT_13_UNICODE, u'passIX fi'),
])
def test_prosody_written_accounts_match(account, password):
    assert prosody_scram_matches(account, password) is True


@pytest.mark.parametrize('account, password', [
    (ACCOUNT_012, 's3cret pw '),
    (ACCOUNT_012, 'S3cret pw'),
    (ACCOUNT_13, 'other'),
    (ACCOUNT_13_UNICODE, u'pass\u2167 fi'),
])
def test_other_passwords_do_not_match(account, password):
    assert prosody_scram_matches(account, password) is False


@pytest.mark.parametrize('account', [
    '',
    '   \n',
    None,
    # internal_plain keeps the password itself: no SCRAM credentials, so the role rehashes it.
    'return {\n\t["password"] = "s3cret pw";\n};\n',
    # half an account
    'return {\n\t["salt"] = "a1372ce0-727b-479a-9533-db979ecad1ba";\n\t["iteration_count"] = 10000;\n};\n',
    ACCOUNT_012.replace('10000', '0'),
    ACCOUNT_012.replace('10000', '"10000"'),
    ACCOUNT_012.replace('10000', 'true'),
    ACCOUNT_012.replace('"a1372ce0-727b-479a-9533-db979ecad1ba"', '""'),
])
def test_accounts_without_usable_credentials_do_not_match(account):
    assert prosody_scram_matches(account, 's3cret pw') is False


def test_a_wrong_server_key_does_not_match():
    assert prosody_scram_matches(ACCOUNT_012.replace('7105de0a', '7105de0b'), 's3cret pw') is False


def test_upper_case_hex_is_read():
    assert prosody_scram_matches(ACCOUNT_012.replace('9724e2c409eccbc1d6329d9713919cf9a6d0380e', '9724E2C409ECCBC1D6329D9713919CF9A6D0380E'), 's3cret pw')


def test_fields_are_parsed_with_lua_escapes():
    text = 'return {\n\t["salt"] = "a\\"b\\\\c\\0\\255\\x41\\n";\n\t["iteration_count"] = 4096;\n\t["flag"] = false;\n\t["f"] = 1.5;\n};'
    assert parse_account(text) == {'salt': b'a"b\\c\x00\xffA\n', 'iteration_count': 4096, 'flag': False, 'f': 1.5}


def test_a_salt_with_escaped_bytes_is_used_as_bytes():
    salt = b'\x00\xff"\\salt'
    stored, server = scram_sha1_keys('pw', salt, 4096)
    text = 'return {["salt"] = "\\0\\255\\"\\\\salt"; ["iteration_count"] = 4096; ["stored_key"] = "%s"; ["server_key"] = "%s"};' % (stored, server)
    assert scram_matches(text, 'pw')


@settings(max_examples=25, deadline=None)
@given(password=st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=40),
       salt=st.binary(min_size=1, max_size=40), iterations=st.integers(min_value=1, max_value=64))
def test_round_trip(password, salt, iterations):
    stored, server = scram_sha1_keys(password, salt, iterations)
    escaped = ''.join('\\%d' % byte for byte in bytearray(salt))
    text = 'return {\n\t["salt"] = "%s";\n\t["iteration_count"] = %d;\n\t["stored_key"] = "%s";\n\t["server_key"] = "%s";\n};\n' % (
        escaped, iterations, stored, server)
    assert scram_matches(text, password)
    assert not scram_matches(text, password + 'x')


# RFC 4013 section 3's examples.
@pytest.mark.parametrize('given_text, expected', [
    (u'I\u00adX', u'IX'),
    (u'user', u'user'),
    (u'USER', u'USER'),
    (u'\u00aa', u'a'),
    (u'\u2168', u'IX'),
    (u'a\u00a0b', u'a b'),
])
def test_saslprep_rfc4013_examples(given_text, expected):
    assert saslprep(given_text) == expected


@pytest.mark.parametrize('given_text, problem', [
    (u'\u0007', 'prohibits'),
    (u'\u0627\u0031', 'right-to-left'),
    (u'\u0627a\u0627', 'mixes'),
    (u'\u00ad', 'empty'),
])
def test_saslprep_rfc4013_refusals_never_show_the_password(given_text, problem):
    with pytest.raises(RtcInputError, match=problem) as info:
        saslprep(given_text)
    assert given_text not in str(info.value)


def test_password_errors_name_the_parameter_not_the_secret():
    with pytest.raises(AnsibleFilterError, match=r'^rtcstack\.debian\.prosody_scram_matches: password: must not be empty$'):
        prosody_scram_matches(ACCOUNT_012, '')
    with pytest.raises(AnsibleFilterError, match=r'^rtcstack\.debian\.prosody_scram_matches: password: must not contain control characters$'):
        prosody_scram_matches(ACCOUNT_012, 'bad\npassword')
    with pytest.raises(AnsibleFilterError, match=r'^rtcstack\.debian\.prosody_scram_matches: password: mixes right-to-left') as info:
        prosody_scram_matches(ACCOUNT_012, u'\u0627\u0031secret')
    assert 'secret' not in str(info.value)


@pytest.mark.parametrize('account', [
    'password = "x"',
    'return "x"',
    '{ ["salt"] = "x" }',
])
def test_not_an_account_file(account):
    with pytest.raises(AnsibleFilterError, match=re.escape('rtcstack.debian.prosody_scram_matches: account: is not a Prosody data file')):
        prosody_scram_matches(account, 'pw')


def test_account_type_error():
    with pytest.raises(RtcTypeError, match='account: expected the text of an account file, got int'):
        scram_matches(12, 'pw')


def test_an_escape_beyond_a_byte_is_refused_without_showing_the_file():
    with pytest.raises(RtcInputError, match=r'account: a string has the escape \\999, beyond a byte'):
        parse_account('return {["salt"] = "\\999"};')


def test_filter_module():
    assert FilterModule().filters() == {'prosody_scram_matches': prosody_scram_matches}
