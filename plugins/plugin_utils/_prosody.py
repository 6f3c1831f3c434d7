# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""Prosody's accounts: whether one holds a given password, and what to change to match a user list.

Prosody's ``internal_hashed`` provider keeps no password, only SCRAM-SHA-1 credentials (RFC 5802):
a salt, an iteration count, StoredKey and ServerKey. Whether an account holds a password is decided
the way a SCRAM server decides it: derive StoredKey from the password with the account's own salt
and iteration count and compare. Nothing is written and the salt stays, so asking changes nothing.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import hashlib
import hmac
import re
import stringprep
import unicodedata
from collections.abc import Mapping

from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import (
    RtcInputError,
    RtcTypeError,
    check_bool,
    check_domain,
    check_string,
    is_list,
    type_name,
)

# Prosody refuses iteration counts below 4096 (mod_auth_internal_hashed in 13.0); far above any
# real value, a count is a damaged file rather than a reason to spend minutes in PBKDF2.
_MAX_ITERATIONS = 10000000


_LUA_ESCAPES = {'a': 7, 'b': 8, 'f': 12, 'n': 10, 'r': 13, 't': 9, 'v': 11, '\\': 92, '"': 34, "'": 39, '\n': 10}
_LUA_STRING = r'"(?:[^"\\\n]|\\(?:[0-9]{1,3}|x[0-9A-Fa-f]{2}|.|\n))*"'
_LUA_VALUE = r'%s|-?[0-9]+(?:\.[0-9]+)?|true|false' % _LUA_STRING
_FIELD = re.compile(r'\[\s*(%s)\s*\]\s*=\s*(%s)\s*[;,]?' % (_LUA_STRING, _LUA_VALUE))


def _parse_lua_string(literal):
    """The bytes of a double-quoted Lua string literal as util.serialization writes it."""
    body = literal[1:-1]
    out = bytearray()
    i = 0
    while i < len(body):
        char = body[i]
        if char != '\\':
            out.extend(char.encode('utf-8'))
            i += 1
            continue
        nxt = body[i + 1]
        if nxt.isdigit():
            digits = re.match(r'[0-9]{1,3}', body[i + 1:]).group(0)
            value = int(digits)
            if value > 255:
                raise RtcInputError('account', 'a string has the escape \\%s, beyond a byte' % digits)
            out.append(value)
            i += 1 + len(digits)
        elif nxt == 'x':
            out.append(int(body[i + 2:i + 4], 16))
            i += 4
        elif nxt in _LUA_ESCAPES:
            out.append(_LUA_ESCAPES[nxt])
            i += 2
        else:
            raise RtcInputError('account', 'a string has the unknown escape \\%s' % nxt)
    return bytes(out)


def parse_account(text):
    """The fields of an account file (``return { ["salt"] = "..."; ... };``) as a dict.

    Strings become bytes, numbers int or float, ``true``/``false`` bool. Only a flat table of
    string keys is read, which is what Prosody writes for an account.
    """
    if not isinstance(text, str):
        raise RtcTypeError('account', 'expected the text of an account file, got %s' % type_name(text))
    body = text.strip()
    if not body.startswith('return') or not re.match(r'^return\s*\{', body) or not re.search(r'\}\s*;?\s*$', body):
        raise RtcInputError('account', 'is not a Prosody data file (expected "return { ... };")')
    fields = {}
    for match in _FIELD.finditer(body):
        key = _parse_lua_string(match.group(1)).decode('utf-8', 'replace')
        raw = match.group(2)
        if raw.startswith('"'):
            value = _parse_lua_string(raw)
        elif raw in ('true', 'false'):
            value = raw == 'true'
        elif '.' in raw:
            value = float(raw)
        else:
            value = int(raw)
        fields[key] = value
    return fields


def saslprep(text, where='password'):
    """SASLprep (RFC 4013) of a stored string, as Prosody applies it before hashing a password.

    Unassigned code points are allowed (a stored string, RFC 3454 section 7). Raises
    ``RtcInputError`` naming ``where``, never quoting the text: it is a password.
    """
    mapped = ''.join(
        ' ' if stringprep.in_table_c12(char) else char
        for char in text
        if not stringprep.in_table_b1(char)
    )
    prepared = unicodedata.ucd_3_2_0.normalize('NFKC', mapped)
    prohibited = (
        stringprep.in_table_c12, stringprep.in_table_c21, stringprep.in_table_c22, stringprep.in_table_c3,
        stringprep.in_table_c4, stringprep.in_table_c5, stringprep.in_table_c6, stringprep.in_table_c7,
        stringprep.in_table_c8, stringprep.in_table_c9,
    )
    for char in prepared:
        if any(table(char) for table in prohibited):
            raise RtcInputError(where, 'contains a character that SASLprep prohibits (RFC 4013 section 2.3)')
    if any(stringprep.in_table_d1(char) for char in prepared):
        if any(stringprep.in_table_d2(char) for char in prepared):
            raise RtcInputError(where, 'mixes right-to-left and left-to-right characters (RFC 3454 section 6)')
        if not (stringprep.in_table_d1(prepared[0]) and stringprep.in_table_d1(prepared[-1])):
            raise RtcInputError(where, 'has right-to-left characters but does not start and end with one (RFC 3454 section 6)')
    if not prepared:
        raise RtcInputError(where, 'is empty after SASLprep')
    return prepared


def scram_sha1_keys(password, salt, iterations):
    """StoredKey and ServerKey (RFC 5802 section 3) as lowercase hex, Prosody's account format."""
    salted = hashlib.pbkdf2_hmac('sha1', saslprep(password).encode('utf-8'), salt, iterations)
    client_key = hmac.new(salted, b'Client Key', hashlib.sha1).digest()
    stored_key = hashlib.sha1(client_key).hexdigest()
    server_key = hmac.new(salted, b'Server Key', hashlib.sha1).hexdigest()
    return stored_key, server_key


def scram_matches(account, password):
    """True when the account file ``account`` holds SCRAM-SHA-1 credentials for ``password``.

    An empty or missing file, or one without SCRAM credentials (for example a plaintext
    ``internal_plain`` account), does not match: the role then sets the password, which stores it
    hashed.
    """
    check_string(password, 'password', secret=True)
    if account is None or (isinstance(account, str) and not account.strip()):
        return False
    fields = parse_account(account)
    salt = fields.get('salt')
    iterations = fields.get('iteration_count')
    stored = fields.get('stored_key')
    if not isinstance(salt, bytes) or not isinstance(stored, bytes) or not salt:
        return False
    if isinstance(iterations, bool) or not isinstance(iterations, int) or not 1 <= iterations <= _MAX_ITERATIONS:
        return False
    expected, server = scram_sha1_keys(password, salt, iterations)
    if not hmac.compare_digest(expected.encode('ascii'), stored.lower()):
        return False
    server_stored = fields.get('server_key')
    return not isinstance(server_stored, bytes) or hmac.compare_digest(server.encode('ascii'), server_stored.lower())


# An account name as the role manages them (rtc_users' rule); Prosody's own names are nodeprepped.
_NAME = re.compile(r'^[a-z0-9][a-z0-9._+-]{0,63}$')


def lua_string(text):
    """``text`` as a double-quoted Lua string literal (UTF-8 bytes; control bytes as decimal escapes)."""
    out = ['"']
    for byte in bytearray(text.encode('utf-8')):
        char = chr(byte)
        if char in '"\\':
            out.append('\\' + char)
        elif byte < 32 or byte == 127:
            out.append('\\%03d' % byte)
        else:
            out.append(char)
    out.append('"')
    return ''.join(out).encode('latin-1').decode('utf-8')


def _stored_accounts(stored):
    """The stored accounts as a dict of name to account text, from a mapping or a list of pairs."""
    if isinstance(stored, Mapping):
        pairs = list(stored.items())
    elif is_list(stored):
        pairs = []
        for index, pair in enumerate(stored):
            if not is_list(pair) or len(pair) != 2:
                raise RtcInputError('stored[%d]' % index, 'expected a pair of account name and account text, got %s' % type_name(pair))
            pairs.append(tuple(pair))
    else:
        raise RtcTypeError('stored', 'expected a mapping of account names to account texts, got %s' % type_name(stored))
    accounts = {}
    for name, text in pairs:
        check_string(name, 'stored account name')
        if not isinstance(text, str):
            raise RtcTypeError('stored account %r' % (name, ), 'expected the account text, got %s' % type_name(text))
        accounts[name] = text
    return accounts


def account_plan(stored, users, host, prune=True):
    """What makes the accounts of ``host`` match ``users``, and the admin-shell commands that do it.

    ``stored`` maps each existing account name to its stored data (the text Prosody serializes);
    ``users`` is a list of mappings with ``name`` and ``password``. Returns ``create`` (users without
    an account), ``password`` (accounts whose credentials were not made from the user's password),
    ``remove`` (accounts of no user, when ``prune``), each a list of names in a stable order, and
    ``commands``: one ``prosodyctl shell`` line per change. The commands hold passwords.
    """
    host = check_domain(host, 'host')
    prune = check_bool(prune, 'prune')
    accounts = _stored_accounts(stored)
    if not is_list(users):
        raise RtcTypeError('users', 'expected a list of users, got %s' % type_name(users))
    create, password, wanted, commands = [], [], set(), []
    for index, user in enumerate(users):
        where = 'users[%d]' % index
        if not isinstance(user, Mapping):
            raise RtcTypeError(where, 'expected a mapping with name and password, got %s' % type_name(user))
        name = check_string(user.get('name'), where + '.name')
        if not _NAME.match(name):
            raise RtcInputError(where + '.name', '%r is not an account name (lowercase letters, digits and . _ + -)' % (name, ))
        if name in wanted:
            raise RtcInputError(where + '.name', '%r is listed twice' % (name, ))
        wanted.add(name)
        secret = check_string(user.get('password'), where + '.password (user %s)' % name, secret=True)
        saslprep(secret, where + '.password (user %s)' % name)
        jid = lua_string('%s@%s' % (name, host))
        if name not in accounts:
            create.append(name)
            commands.append('user:create(%s, %s)' % (jid, lua_string(secret)))
        elif not scram_matches(accounts[name], secret):
            password.append(name)
            commands.append('user:password(%s, %s)' % (jid, lua_string(secret)))
    remove = sorted(name for name in accounts if name not in wanted) if prune else []
    commands.extend('user:delete(%s)' % lua_string('%s@%s' % (name, host)) for name in remove)
    return {'create': create, 'password': password, 'remove': remove, 'commands': commands}
