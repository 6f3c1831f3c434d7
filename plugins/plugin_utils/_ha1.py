# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""HTTP Digest HA1 (RFC 2617 section 3.2.2.2, RFC 7616 section 3.4.2).

HA1 = H(user ":" realm ":" password), the value stored by htdigest files, Kamailio's subscriber
``ha1`` column, coturn's ``user=NAME:0x<HA1>`` keys and reTurn's hashed users file.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import hashlib

from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import (
    RtcInputError,
    RtcTypeError,
    check_string,
    type_name,
)

# RFC 7616 algorithm names, lowercased.
ALGORITHMS = ('md5', 'sha-256')

_HEX_DIGITS = {'md5': 32, 'sha-256': 64}


def _hash(algorithm, data):
    # HA1 is a protocol value, not a security measure of ours: allow it on FIPS builds too.
    if algorithm == 'md5':
        return hashlib.md5(data, usedforsecurity=False).hexdigest()
    return hashlib.sha256(data).hexdigest()


def check_algorithm(algorithm, where='algorithm'):
    """Return the lowercased algorithm name when it is one of ``ALGORITHMS``."""
    if not isinstance(algorithm, str):
        raise RtcTypeError(where, 'expected a string, got %s' % type_name(algorithm))
    lowered = algorithm.lower()
    if lowered not in ALGORITHMS:
        raise RtcInputError(where, 'unknown algorithm %r; expected one of %s' % (algorithm, ', '.join(repr(a) for a in ALGORITHMS)))
    return lowered


def check_identity_part(value, where):
    """A user name or realm: a non-empty string without ':' or control characters."""
    check_string(value, where)
    if ':' in value:
        raise RtcInputError(where, "%r must not contain ':'" % (value, ))
    return value


def check_password(value, where='password'):
    """A password: a non-empty string without control characters. Never quoted in messages."""
    return check_string(value, where, secret=True)


def digest_ha1(password, user, realm, algorithm='md5'):
    """Return the lowercase hexadecimal HA1 of ``user:realm:password`` (UTF-8 encoded).

    Raises ``RtcInputError`` (a ``ValueError``) or ``RtcTypeError`` (also a ``TypeError``).
    """
    check_password(password)
    check_identity_part(user, 'user')
    check_identity_part(realm, 'realm')
    algorithm = check_algorithm(algorithm)
    data = ('%s:%s:%s' % (user, realm, password)).encode('utf-8')
    return _hash(algorithm, data)


def normalize_ha1(value, where, algorithm='md5'):
    """Return a given HA1 lowercased when it has the right number of hex digits. Never quoted in messages."""
    algorithm = check_algorithm(algorithm)
    if not isinstance(value, str):
        raise RtcTypeError(where, 'expected a string of %d hexadecimal digits, got %s' % (_HEX_DIGITS[algorithm], type_name(value)))
    digits = _HEX_DIGITS[algorithm]
    expected = 'expected %d hexadecimal digits (an %s HA1)' % (digits, algorithm.upper())
    if len(value) != digits:
        raise RtcInputError(where, '%s, got a string of %d characters' % (expected, len(value)))
    if not all(char in '0123456789abcdefABCDEF' for char in value):
        raise RtcInputError(where, '%s, got a string with other characters' % expected)
    return value.lower()
