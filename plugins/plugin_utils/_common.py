# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""Errors and value checks shared by the rtcstack.debian filters.

Nothing here knows about Ansible: the filters wrap ``RtcInputError`` into ``AnsibleFilterError``.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import re
from collections.abc import Mapping, Sequence


class RtcInputError(ValueError):
    """A value given to a filter is wrong.

    ``where`` names the parameter or variable (``user``, ``settings.services.turn.port``,
    ``host 'server1'``); ``problem`` says what is wrong with it. Neither may contain a secret.
    """

    def __init__(self, where, problem):
        super(RtcInputError, self).__init__('%s: %s' % (where, problem))
        self.where = where
        self.problem = problem


class RtcTypeError(RtcInputError, TypeError):
    """A value given to a filter has the wrong type."""


class RtcDependencyError(RuntimeError):
    """A Python library the filter needs is missing on the controller."""


def type_name(value):
    """The name of a value's type, as shown in messages (never the value itself)."""
    if value is None:
        return 'null'
    if isinstance(value, bool):
        return 'bool'
    if isinstance(value, int):
        return 'int'
    if isinstance(value, float):
        return 'float'
    if isinstance(value, str):
        return 'string'
    if isinstance(value, (bytes, bytearray)):
        return 'bytes'
    if isinstance(value, Mapping):
        return 'mapping'
    if isinstance(value, Sequence):
        return 'list'
    return type(value).__name__


def is_list(value):
    """True for lists and tuples (and other sequences), not for strings or bytes."""
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray))


def has_control_character(text):
    """True when ``text`` contains a C0 control character or DEL."""
    return any(ord(char) < 32 or ord(char) == 127 for char in text)


def check_string(value, where, secret=False, allow_empty=False):
    """Return ``value`` when it is a string free of control characters.

    A secret is never quoted in the message; other strings are quoted with ``repr``.
    """
    if not isinstance(value, str):
        raise RtcTypeError(where, 'expected a string, got %s' % type_name(value))
    if not value and not allow_empty:
        raise RtcInputError(where, 'must not be empty')
    if has_control_character(value):
        if secret:
            raise RtcInputError(where, 'must not contain control characters')
        raise RtcInputError(where, '%r contains a control character' % (value, ))
    return value


_DIGITS = re.compile(r'^[0-9]+$')


def check_int(value, where, minimum, maximum, what='an integer'):
    """Return ``value`` as an int in ``minimum..maximum``.

    Accepts an int (not a bool) or a string of decimal digits: ansible-core before 2.19 renders
    ``"{{ port }}"`` inside a mapping as a string.
    """
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise RtcTypeError(where, 'expected %s between %d and %d, got %s' % (what, minimum, maximum, type_name(value)))
    if isinstance(value, str):
        if not _DIGITS.match(value):
            raise RtcInputError(where, 'expected %s between %d and %d, got %r' % (what, minimum, maximum, value))
        value = int(value)
    if not minimum <= value <= maximum:
        raise RtcInputError(where, 'expected %s between %d and %d, got %d' % (what, minimum, maximum, value))
    return int(value)


def check_port(value, where):
    """A TCP/UDP port, 1..65535."""
    return check_int(value, where, 1, 65535, what='a port number')


_TRUE_STRINGS = frozenset(('true', 'yes', 'on', '1'))
_FALSE_STRINGS = frozenset(('false', 'no', 'off', '0'))


def check_bool(value, where):
    """Return ``value`` as a bool; accepts bools and the usual YAML/Ansible spellings as strings."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _TRUE_STRINGS:
            return True
        if lowered in _FALSE_STRINGS:
            return False
        raise RtcInputError(where, 'expected a boolean, got %r' % (value, ))
    raise RtcTypeError(where, 'expected a boolean, got %s' % type_name(value))


_LABEL = re.compile(r'^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$')
# The labels of service and zone-internal names (_sip._tcp, _acme-challenge): underscores too.
_LABEL_UNDERSCORE = re.compile(r'^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$')


def is_dns_label(text, underscore=False):
    """True for an RFC 1123 host name label (any case); with ``underscore``, ``_`` counts as a letter."""
    pattern = _LABEL_UNDERSCORE if underscore else _LABEL
    return isinstance(text, str) and bool(pattern.fullmatch(text.lower()))


def check_dns_label(value, where):
    """Return ``value`` lowercased when it is an RFC 1123 label: 1-63 letters, digits, hyphens."""
    check_string(value, where)
    if not is_dns_label(value):
        raise RtcInputError(
            where,
            '%r is not a valid DNS label (1 to 63 letters, digits or hyphens, not starting or ending with a hyphen)' % (value, ))
    return value.lower()


def is_dns_name(text, absolute=True, wildcard=False, underscore=False, owner=False):
    """True for a host name made of RFC 1123 labels, 253 characters at most.

    The one rule for names in the collection (the rtcstack.debian.rtc_dns_name test uses it too):

    - ``absolute``: a trailing dot is allowed (the model's own names drop it; a name a daemon uses as
      written must not have it);
    - ``wildcard``: the first label may be ``*`` (a certificate's names);
    - ``underscore``: labels may hold ``_`` (SRV owners, an SOA contact's mailbox);
    - ``owner``: a zone's relative owner name: ``@``, a ``*`` first label, ``_`` and all-digit labels
      (reverse zones) allowed.

    Otherwise the last label must not be all digits, so that a mistyped IPv4 address is not taken for a
    name.
    """
    if not isinstance(text, str) or not text:
        return False
    if owner and text == '@':
        return True
    name = text[:-1] if absolute and text.endswith('.') else text
    if not name or len(name) > 253:
        return False
    labels = name.split('.')
    if (wildcard or owner) and labels[0] == '*':
        labels = labels[1:]
        if not labels:
            # A wildcard record at a zone's apex; a certificate needs a name under the star.
            return owner
    if not all(is_dns_label(label, underscore or owner) for label in labels):
        return False
    return owner or not labels[-1].isdigit()


def check_domain(value, where):
    """Return ``value`` lowercased and without a trailing dot when it is a valid DNS name."""
    check_string(value, where)
    if not is_dns_name(value):
        raise RtcInputError(where, '%r is not a valid DNS name' % (value, ))
    return value.rstrip('.').lower()
