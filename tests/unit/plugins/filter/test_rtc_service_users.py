# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import copy
import hashlib
import re
from collections.abc import Sequence

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.rtc_service_users import FilterModule, rtc_service_users

PREFIX = 'rtcstack.debian.rtc_service_users: '
SECRET = 'Sup3r-Secret-Passw0rd'
OTHER_SECRET = 'An0ther-Secret'
REALM = 'falcot.com'


def ha1(user, realm, password):
    return hashlib.md5(('%s:%s:%s' % (user, realm, password)).encode('utf-8')).hexdigest()


HA1_BOB = ha1('bob', REALM, OTHER_SECRET)

USERS = [
    {'name': 'joe', 'services': ['sip', 'xmpp', 'turn'], 'password': SECRET},
    {'name': 'bob', 'services': ['sip', 'turn'], 'ha1': HA1_BOB.upper(), 'realm': REALM},
    {'name': 'carol', 'services': ['xmpp'], 'password': OTHER_SECRET},
    {'name': 'dave.smith+lab_1-x', 'services': ['turn'], 'password': 'dave pass: with spaces'},
]


def test_sip_users():
    assert rtc_service_users(USERS, 'sip', REALM) == [
        {'name': 'joe', 'ha1': ha1('joe', REALM, SECRET), 'password': SECRET},
        # given as an HA1: normalised to lowercase, and no password key
        {'name': 'bob', 'ha1': HA1_BOB},
    ]


def test_turn_users():
    assert rtc_service_users(USERS, 'turn', realm=REALM) == [
        {'name': 'joe', 'ha1': ha1('joe', REALM, SECRET), 'password': SECRET},
        {'name': 'bob', 'ha1': HA1_BOB},
        {'name': 'dave.smith+lab_1-x', 'ha1': ha1('dave.smith+lab_1-x', REALM, 'dave pass: with spaces'), 'password': 'dave pass: with spaces'},
    ]


def test_turn_with_its_own_realm_hashes_passwords_for_that_realm():
    users = [u for u in USERS if u['name'] != 'bob']
    result = rtc_service_users(users, 'turn', 'myrealm')
    assert [u['ha1'] for u in result] == [ha1('joe', 'myrealm', SECRET), ha1('dave.smith+lab_1-x', 'myrealm', 'dave pass: with spaces')]


def test_xmpp_users():
    assert rtc_service_users(USERS[:1] + USERS[2:], 'xmpp') == [
        {'name': 'joe', 'password': SECRET},
        {'name': 'carol', 'password': OTHER_SECRET},
    ]


def test_xmpp_ignores_ha1_users_without_xmpp_and_accepts_a_realm():
    assert rtc_service_users(USERS, 'xmpp', REALM) == [
        {'name': 'joe', 'password': SECRET},
        {'name': 'carol', 'password': OTHER_SECRET},
    ]


def test_input_is_not_modified():
    users = copy.deepcopy(USERS)
    rtc_service_users(users, 'sip', REALM)
    assert users == USERS


def test_empty_list():
    assert rtc_service_users([], 'sip', REALM) == []
    assert rtc_service_users((), 'xmpp') == []


def test_ha1_matches_digest_ha1_filter():
    from ansible_collections.rtcstack.debian.plugins.filter.digest_ha1 import digest_ha1_filter
    result = rtc_service_users(USERS[:1], 'sip', REALM)
    assert result[0]['ha1'] == digest_ha1_filter(SECRET, 'joe', REALM)


def test_longest_name():
    name = 'a' * 64
    assert rtc_service_users([{'name': name, 'services': ['xmpp'], 'password': 'x'}], 'xmpp') == [{'name': name, 'password': 'x'}]


def test_vaulted_values_are_decrypted():
    class EncryptedString(object):
        """Stands for ansible-core's vaulted string type: not a str, str() decrypts."""

        def __init__(self, plaintext):
            self.plaintext = plaintext

        def __str__(self):
            return self.plaintext

    users = [{'name': 'joe', 'services': ['xmpp', 'sip'], 'password': EncryptedString(SECRET)}]
    assert rtc_service_users(users, 'xmpp') == [{'name': 'joe', 'password': SECRET}]
    assert rtc_service_users(users, 'sip', EncryptedString(REALM)) == [{'name': 'joe', 'ha1': ha1('joe', REALM, SECRET), 'password': SECRET}]


def test_vaulted_values_of_older_ansible_core_are_decrypted():
    class AnsibleVaultEncryptedUnicode(Sequence):
        """Stands for ansible-core 2.14's vaulted string type: a Sequence, not a str; str() decrypts."""

        def __init__(self, plaintext):
            self.data = plaintext

        def __getitem__(self, index):
            return self.data[index]

        def __len__(self):
            return len(self.data)

        def __str__(self):
            return self.data

    users = [{'name': 'joe', 'services': ['xmpp'], 'password': AnsibleVaultEncryptedUnicode(SECRET)}]
    assert rtc_service_users(users, 'xmpp') == [{'name': 'joe', 'password': SECRET}]


def test_filter_is_registered():
    assert FilterModule().filters() == {'rtc_service_users': rtc_service_users}


def user(**kwargs):
    base = {'name': 'joe', 'services': ['sip'], 'password': SECRET}
    base.update(kwargs)
    return dict((key, value) for key, value in base.items() if value is not DROP)


DROP = object()
NAME_RULE = 'is not valid: it must match ^[a-z0-9][a-z0-9._+-]{0,63}$ (lowercase letters, digits, and . _ + - after the first character)'
GOOD = {'name': 'amy', 'services': ['sip'], 'password': OTHER_SECRET}
HA1_JOE = ha1('joe', 'oldrealm', SECRET)

ERRORS = [
    # the arguments
    ((USERS, 'web'), "service: unknown service 'web'; expected one of sip, xmpp, turn"),
    ((USERS, None), 'service: expected a string, got null'),
    ((USERS, 'SIP', REALM), "service: unknown service 'SIP'; expected one of sip, xmpp, turn"),
    ((USERS, 'sip'), 'realm: the sip service uses digest authentication and needs its realm'),
    ((USERS, 'turn', None), 'realm: the turn service uses digest authentication and needs its realm'),
    ((USERS, 'sip', ''), 'realm: must not be empty'),
    ((USERS, 'sip', 'a:b'), "realm: 'a:b' must not contain ':'"),
    ((USERS, 'sip', 42), 'realm: expected a string, got int'),
    ((USERS, 'xmpp', 'a\nb'), "realm: 'a\\nb' contains a control character"),
    (({'joe': USERS[0]}, 'sip', REALM), 'users: expected a list of users, got mapping'),
    ((SECRET, 'sip', REALM), 'users: expected a list of users, got string'),
    ((None, 'sip', REALM), 'users: expected a list of users, got null'),
    # one user
    (([GOOD, SECRET], 'sip', REALM), 'users[1]: expected a mapping with name, services and password (or ha1 and realm), got string'),
    (([user(name=DROP)], 'sip', REALM), 'users[0]: the name key is missing'),
    (([user(name=7)], 'sip', REALM), 'users[0]: name: expected a string, got int'),
    (([GOOD, user(name='Joe')], 'sip', REALM),
     "users[1]: name 'Joe' " + NAME_RULE),
    (([user(name='')], 'sip', REALM),
     "users[0]: name '' " + NAME_RULE),
    (([user(name='.joe')], 'sip', REALM),
     "users[0]: name '.joe' " + NAME_RULE),
    (([user(name='joe@falcot.com')], 'sip', REALM),
     "users[0]: name 'joe@falcot.com' " + NAME_RULE),
    (([user(name='joe smith')], 'sip', REALM),
     "users[0]: name 'joe smith' " + NAME_RULE),
    (([user(name='jo:e')], 'sip', REALM),
     "users[0]: name 'jo:e' " + NAME_RULE),
    (([user(name='a' * 65)], 'sip', REALM),
     "users[0]: name '%s' " % ('a' * 65) + NAME_RULE),
    (([user(passwd=SECRET)], 'sip', REALM), "user 'joe' (users[0]): unknown key 'passwd'; the keys of a user are name, services, password, ha1, realm"),
    (([user(services=DROP)], 'sip', REALM), "user 'joe' (users[0]): the services key is missing (a list of sip, xmpp, turn)"),
    (([user(services='sip')], 'sip', REALM), "user 'joe' (users[0]): services: expected a list of sip, xmpp, turn, got string"),
    (([user(services=[])], 'sip', REALM), "user 'joe' (users[0]): services: must not be empty (a list of sip, xmpp, turn)"),
    (([user(services=['sip', 'web'])], 'sip', REALM), "user 'joe' (users[0]): services: unknown service 'web'; known services are sip, xmpp, turn"),
    (([user(services=['sip', 5])], 'sip', REALM), "user 'joe' (users[0]): services: expected a list of service names, got an item of type int"),
    (([user(services=['sip', 'turn', 'sip'])], 'sip', REALM), "user 'joe' (users[0]): services: 'sip' listed more than once"),
    (([user(password=DROP)], 'sip', REALM),
     "user 'joe' (users[0]): has neither a password nor an ha1; give exactly one of password or ha1 (with the realm the ha1 was computed for)"),
    (([user(password=None)], 'sip', REALM),
     "user 'joe' (users[0]): has neither a password nor an ha1; give exactly one of password or ha1 (with the realm the ha1 was computed for)"),
    (([user(ha1=HA1_JOE, realm='oldrealm')], 'sip', REALM),
     "user 'joe' (users[0]): has both a password and an ha1; give exactly one of password or ha1 (with the realm the ha1 was computed for)"),
    (([user(realm=REALM)], 'sip', REALM), "user 'joe' (users[0]): realm is only allowed together with ha1 (the realm the ha1 was computed for)"),
    (([user(password='')], 'sip', REALM), "user 'joe' (users[0]): password: must not be empty"),
    (([user(password=SECRET + '\n')], 'sip', REALM), "user 'joe' (users[0]): password: must not contain control characters"),
    (([user(password=12345678)], 'sip', REALM), "user 'joe' (users[0]): password: expected a string, got int"),
    (([user(password=DROP, ha1=HA1_JOE)], 'sip', REALM), "user 'joe' (users[0]): ha1 needs the realm it was computed for (key realm)"),
    (([user(password=DROP, ha1=HA1_JOE[:-1], realm='oldrealm')], 'sip', REALM),
     "user 'joe' (users[0]): ha1: expected 32 hexadecimal digits (an MD5 HA1), got a string of 31 characters"),
    (([user(password=DROP, ha1=HA1_JOE[:-1] + 'g', realm='oldrealm')], 'sip', REALM),
     "user 'joe' (users[0]): ha1: expected 32 hexadecimal digits (an MD5 HA1), got a string with other characters"),
    (([user(password=DROP, ha1=int(HA1_JOE, 16), realm='oldrealm')], 'sip', REALM),
     "user 'joe' (users[0]): ha1: expected a string of 32 hexadecimal digits, got int"),
    (([user(password=DROP, ha1=HA1_JOE, realm='old:realm')], 'sip', REALM), "user 'joe' (users[0]): realm: 'old:realm' must not contain ':'"),
    (([user(password=DROP, ha1=HA1_JOE, realm='')], 'sip', REALM), "user 'joe' (users[0]): realm: must not be empty"),
    # across users
    (([GOOD, user(), dict(GOOD, password=SECRET)], 'sip', REALM), "user 'amy' (users[2]): the name is already used by users[0]; names must be unique"),
    # every user is checked, also those of other services
    (([user(services=['xmpp'], password=''), GOOD], 'sip', REALM), "user 'joe' (users[0]): password: must not be empty"),
    (([GOOD, user(services=['turn'], password=DROP, ha1='xyz', realm='r')], 'sip', REALM),
     "user 'joe' (users[1]): ha1: expected 32 hexadecimal digits (an MD5 HA1), got a string of 3 characters"),
    # per service
    (([GOOD, user(services=['sip', 'xmpp'], password=DROP, ha1=HA1_JOE, realm='oldrealm')], 'xmpp'),
     "user 'joe' (users[1]): has an ha1 but no password; Prosody stores SCRAM, needs the password"),
    (([GOOD, user(services=['sip', 'xmpp'], password=DROP, ha1=HA1_JOE, realm='oldrealm')], 'sip', REALM),
     "user 'joe' (users[1]): ha1 was computed for realm 'oldrealm' but the sip service uses realm 'falcot.com';"
     " give the password or an ha1 for realm 'falcot.com'"),
    (([user(services=['turn'], password=DROP, ha1=HA1_JOE, realm='oldrealm')], 'turn', 'myrealm'),
     "user 'joe' (users[0]): ha1 was computed for realm 'oldrealm' but the turn service uses realm 'myrealm';"
     " give the password or an ha1 for realm 'myrealm'"),
]


@pytest.mark.parametrize('args, message', ERRORS)
def test_errors(args, message):
    with pytest.raises(AnsibleFilterError, match='^%s$' % re.escape(PREFIX + message)) as excinfo:
        rtc_service_users(*args)
    text = str(excinfo.value)
    for secret in (SECRET, OTHER_SECRET, HA1_JOE, HA1_JOE[:-1], HA1_BOB, HA1_BOB.upper(), str(int(HA1_JOE, 16))):
        assert secret not in text


def test_realm_mismatch_only_matters_for_users_of_the_service():
    users = [{'name': 'kiosk', 'services': ['sip'], 'ha1': HA1_JOE, 'realm': 'oldrealm'}, GOOD]
    # kiosk is no TURN user: its SIP realm does not matter to the turn service
    assert rtc_service_users(users, 'turn', 'myrealm') == []
    # and no XMPP user either
    assert rtc_service_users(users, 'xmpp') == []
