# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""The one user list of the inventory, turned into what one daemon stores.

A user is ``{name, services, password}`` or ``{name, services, ha1, realm}``. Digest services (SIP,
TURN) get an HA1 for their realm; Prosody stores SCRAM and so needs the password.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import re
from collections.abc import Mapping

from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import (
    RtcInputError,
    RtcTypeError,
    check_string,
    is_list,
    type_name,
)
from ansible_collections.rtcstack.debian.plugins.plugin_utils._ha1 import (
    check_identity_part,
    check_password,
    digest_ha1,
    normalize_ha1,
)

SERVICES = ('sip', 'xmpp', 'turn')
DIGEST_SERVICES = ('sip', 'turn')
USER_KEYS = ('name', 'services', 'password', 'ha1', 'realm')

# Lowercase and safe unescaped for XMPP nodeprep, htdigest, coturn and kamailio.
NAME_PATTERN = r'^[a-z0-9][a-z0-9._+-]{0,63}$'
_NAME = re.compile(NAME_PATTERN)


def _where(index, name=None):
    if name is None:
        return 'users[%d]' % index
    return 'user %r (users[%d])' % (name, index)


def _check_user(user, index):
    """Validate one user; return (name, services, password or None, ha1 or None, realm or None)."""
    if not isinstance(user, Mapping):
        raise RtcTypeError(_where(index), 'expected a mapping with name, services and password (or ha1 and realm), got %s' % type_name(user))

    if 'name' not in user:
        raise RtcInputError(_where(index), 'the name key is missing')
    name = user['name']
    if not isinstance(name, str):
        raise RtcTypeError(_where(index), 'name: expected a string, got %s' % type_name(name))
    if not _NAME.match(name):
        raise RtcInputError(_where(index), 'name %r is not valid: it must match %s (lowercase letters, digits, and . _ + - after the first character)'
                            % (name, NAME_PATTERN))
    where = _where(index, name)

    unknown = sorted(str(key) for key in user if key not in USER_KEYS)
    if unknown:
        raise RtcInputError(where, 'unknown key %s; the keys of a user are %s' % (', '.join(repr(key) for key in unknown), ', '.join(USER_KEYS)))

    if 'services' not in user:
        raise RtcInputError(where, 'the services key is missing (a list of %s)' % ', '.join(SERVICES))
    services = user['services']
    if not is_list(services):
        raise RtcTypeError(where, 'services: expected a list of %s, got %s' % (', '.join(SERVICES), type_name(services)))
    if not services:
        raise RtcInputError(where, 'services: must not be empty (a list of %s)' % ', '.join(SERVICES))
    for service in services:
        if not isinstance(service, str):
            raise RtcTypeError(where, 'services: expected a list of service names, got an item of type %s' % type_name(service))
        if service not in SERVICES:
            raise RtcInputError(where, 'services: unknown service %r; known services are %s' % (service, ', '.join(SERVICES)))
    duplicates = sorted(set(service for service in services if services.count(service) > 1))
    if duplicates:
        raise RtcInputError(where, 'services: %s listed more than once' % ', '.join(repr(s) for s in duplicates))

    has_password = user.get('password') is not None
    has_ha1 = user.get('ha1') is not None
    if has_password == has_ha1:
        raise RtcInputError(where, '%s; give exactly one of password or ha1 (with the realm the ha1 was computed for)'
                            % ('has both a password and an ha1' if has_password else 'has neither a password nor an ha1'))
    password = ha1 = realm = None
    if has_password:
        password = check_password(user['password'], '%s: password' % where)
        if user.get('realm') is not None:
            raise RtcInputError(where, 'realm is only allowed together with ha1 (the realm the ha1 was computed for)')
    else:
        ha1 = normalize_ha1(user['ha1'], '%s: ha1' % where)
        if user.get('realm') is None:
            raise RtcInputError(where, 'ha1 needs the realm it was computed for (key realm)')
        realm = check_identity_part(user['realm'], '%s: realm' % where)
    return name, list(services), password, ha1, realm


def service_users(users, service, realm=None):
    """Return the users of ``service`` in input order, as the service's daemon needs them.

    ``sip`` and ``turn``: ``{name, ha1}`` plus ``password`` when it is known. ``xmpp``:
    ``{name, password}``. Every user is validated, not only those of ``service``.
    """
    check_string(service, 'service')
    if service not in SERVICES:
        raise RtcInputError('service', 'unknown service %r; expected one of %s' % (service, ', '.join(SERVICES)))
    if service in DIGEST_SERVICES:
        if realm is None:
            raise RtcInputError('realm', 'the %s service uses digest authentication and needs its realm' % service)
        check_identity_part(realm, 'realm')
    elif realm is not None:
        check_identity_part(realm, 'realm')

    if not is_list(users):
        raise RtcTypeError('users', 'expected a list of users, got %s' % type_name(users))

    checked = []
    seen = {}
    for index, user in enumerate(users):
        entry = _check_user(user, index)
        name = entry[0]
        if name in seen:
            raise RtcInputError(_where(index, name), 'the name is already used by users[%d]; names must be unique' % seen[name])
        seen[name] = index
        checked.append((index, entry))

    result = []
    for index, (name, services, password, ha1, user_realm) in checked:
        if service not in services:
            continue
        where = _where(index, name)
        if service == 'xmpp':
            if password is None:
                raise RtcInputError(where, 'has an ha1 but no password; Prosody stores SCRAM, needs the password')
            result.append({'name': name, 'password': password})
            continue
        if password is not None:
            entry = {'name': name, 'ha1': digest_ha1(password, name, realm), 'password': password}
        elif user_realm != realm:
            raise RtcInputError(where, 'ha1 was computed for realm %r but the %s service uses realm %r; give the password or an ha1 for realm %r'
                                % (user_realm, service, realm, realm))
        else:
            entry = {'name': name, 'ha1': ha1}
        result.append(entry)
    return result
