# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""Check a POSIX extended regular expression the way a C daemon compiles it (regcomp(3))."""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import ctypes
import ctypes.util
import re

from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import RtcInputError, RtcTypeError, type_name

REG_EXTENDED = 1
REG_ICASE = 2

# Perl/Python spellings that POSIX EREs do not know: regcomp would take them as literals or reject
# them, so the daemon would silently match something else.
_PERL_ESCAPE = (re.compile(r'\\[dDwWsSbBAZzQEKhHvVRX]'),
                'uses a Perl/Python escape (\\d, \\w, \\s, ...); write [0-9], [[:alnum:]_], [[:space:]]')
# Checked with escaped characters masked: \+? is an optional literal plus, not a lazy quantifier.
_NOT_POSIX = [
    (re.compile(r'\(\?'), 'uses a Perl/Python group extension "(?"'),
    (re.compile(r'[*+?}]\?'), 'uses a lazy quantifier (*?, +?, ??, {n}?), which POSIX does not have'),
    (re.compile(r'[*+?}]\+'), 'uses a possessive quantifier, which POSIX does not have'),
]


def _libc():
    name = ctypes.util.find_library('c')
    try:
        libc = ctypes.CDLL(name)
        return libc if hasattr(libc, 'regcomp') else None
    except OSError:
        return None


def _regcomp_error(pattern):
    """regcomp's error message for pattern, '' when it compiles, None when regcomp is unavailable."""
    libc = _libc()
    if libc is None:
        return None
    # regex_t is 64 bytes on glibc x86_64; a larger buffer is harmless on other C libraries.
    buf = ctypes.create_string_buffer(1024)
    code = libc.regcomp(buf, pattern.encode('utf-8'), REG_EXTENDED | REG_ICASE)
    if code == 0:
        libc.regfree(buf)
        return ''
    message = ctypes.create_string_buffer(256)
    libc.regerror(code, buf, message, ctypes.c_size_t(len(message)))
    return message.value.decode('utf-8', 'replace')


def posix_regex(pattern, name='pattern'):
    """Return pattern when it is a valid POSIX ERE without Perl-only syntax, else raise."""
    if not isinstance(pattern, str):
        raise RtcTypeError(name, 'expected a string, got %s' % type_name(pattern))
    if not pattern:
        raise RtcInputError(name, 'is empty')
    if any(ord(char) < 32 or char == '"' for char in pattern):
        raise RtcInputError(name, 'contains a control character or a double quote')
    if _PERL_ESCAPE[0].search(pattern):
        raise RtcInputError(name, "'%s' %s" % (pattern, _PERL_ESCAPE[1]))
    masked = re.sub(r'\\.', 'x', pattern)
    for expression, problem in _NOT_POSIX:
        if expression.search(masked):
            raise RtcInputError(name, "'%s' %s" % (pattern, problem))
    error = _regcomp_error(pattern)
    if error is None:
        # No C library at hand: Python's parser catches the same structural errors.
        try:
            re.compile(pattern)
        except re.error as exc:
            error = str(exc)
    if error:
        raise RtcInputError(name, "'%s' is not a valid POSIX extended regular expression: %s" % (pattern, error))
    return pattern
