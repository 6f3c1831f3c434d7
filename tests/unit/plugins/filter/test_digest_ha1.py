# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import hashlib
import os
import re
import select
import shutil
import tempfile
import time
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.digest_ha1 import FilterModule, digest_ha1_filter
from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import RtcInputError, RtcTypeError
from ansible_collections.rtcstack.debian.plugins.plugin_utils._ha1 import digest_ha1, normalize_ha1

try:
    import pty
except ImportError:  # pragma: no cover - not on POSIX
    pty = None

try:
    with warnings.catch_warnings():
        # passlib 1.7.4 imports the crypt module, deprecated since Python 3.11; htdigest does not use it.
        warnings.simplefilter('ignore', DeprecationWarning)
        from passlib.hash import htdigest as passlib_htdigest
except ImportError:  # pragma: no cover - passlib is in tests/unit/requirements.txt
    passlib_htdigest = None

HTDIGEST = '/usr/bin/htdigest'

# (user, realm, password, algorithm, expected HA1)
VECTORS = [
    # coturn's examples/etc/turnserver.conf: turnadmin -k -u ninefingers -r north.gov -p youhavetoberealistic
    ('ninefingers', 'north.gov', 'youhavetoberealistic', 'md5', 'bc807ee29df3c9ffa736523fb2c4e8ee'),
    # RFC 2617 section 3.5's credentials
    ('Mufasa', 'testrealm@host.com', 'Circle Of Life', 'md5', '939e7578ed9e3c518a452acee763bce9'),
    # RFC 7616 section 3.9.1's credentials with SHA-256
    ('Mufasa', 'http-auth@example.org', 'Circle of Life', 'sha-256', '7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232'),
    # RFC 7616 section 3.9.1's credentials with MD5
    ('Mufasa', 'http-auth@example.org', 'Circle of Life', 'md5', hashlib.md5(b'Mufasa:http-auth@example.org:Circle of Life').hexdigest()),
]


@pytest.mark.parametrize('user, realm, password, algorithm, expected', VECTORS)
def test_known_vectors(user, realm, password, algorithm, expected):
    assert digest_ha1_filter(password, user, realm, algorithm) == expected


def test_vectors_agree_with_hashlib():
    # The published values above are checked against a plain computation, so a typo in a vector shows.
    assert hashlib.md5(b'ninefingers:north.gov:youhavetoberealistic').hexdigest() == 'bc807ee29df3c9ffa736523fb2c4e8ee'
    assert hashlib.md5(b'Mufasa:testrealm@host.com:Circle Of Life').hexdigest() == '939e7578ed9e3c518a452acee763bce9'
    assert hashlib.sha256(b'Mufasa:http-auth@example.org:Circle of Life').hexdigest() == (
        '7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232')


def test_default_algorithm_is_md5():
    assert digest_ha1_filter('youhavetoberealistic', 'ninefingers', 'north.gov') == 'bc807ee29df3c9ffa736523fb2c4e8ee'


@pytest.mark.parametrize('algorithm', ['MD5', 'Md5', 'SHA-256', 'sha-256'])
def test_algorithm_is_case_insensitive(algorithm):
    result = digest_ha1_filter('pw', 'u', 'r', algorithm)
    assert len(result) == (32 if algorithm.lower() == 'md5' else 64)


def test_utf8_encoding():
    expected = hashlib.md5('jörg:falcot.com:Grüße'.encode('utf-8')).hexdigest()
    assert digest_ha1_filter('Grüße', 'jörg', 'falcot.com') == expected


def test_password_may_contain_colon():
    assert digest_ha1_filter('a:b', 'u', 'r') == hashlib.md5(b'u:r:a:b').hexdigest()


def test_result_is_lowercase_hex():
    result = digest_ha1_filter('Circle Of Life', 'Mufasa', 'testrealm@host.com')
    assert re.match(r'^[0-9a-f]{32}$', result)


def test_vaulted_password_is_decrypted():
    class EncryptedString(object):
        """Stands for ansible-core's vaulted string type: not a str, str() decrypts."""

        def __str__(self):
            return 'Circle Of Life'

    assert digest_ha1_filter(EncryptedString(), 'Mufasa', 'testrealm@host.com') == '939e7578ed9e3c518a452acee763bce9'


def test_filter_is_registered():
    assert FilterModule().filters() == {'digest_ha1': digest_ha1_filter}


SECRET = 'S3cret-Passw0rd'
PREFIX = 'rtcstack.debian.digest_ha1: '

ERRORS = [
    ((42, 'joe', 'falcot.com'), 'password: expected a string, got int'),
    ((None, 'joe', 'falcot.com'), 'password: expected a string, got null'),
    ((b'bytes', 'joe', 'falcot.com'), 'password: expected a string, got bytes'),
    (('', 'joe', 'falcot.com'), 'password: must not be empty'),
    ((SECRET + '\n', 'joe', 'falcot.com'), 'password: must not contain control characters'),
    ((SECRET + '\x00', 'joe', 'falcot.com'), 'password: must not contain control characters'),
    ((SECRET + '\x7f', 'joe', 'falcot.com'), 'password: must not contain control characters'),
    ((SECRET, 42, 'falcot.com'), 'user: expected a string, got int'),
    ((SECRET, ['joe'], 'falcot.com'), 'user: expected a string, got list'),
    ((SECRET, '', 'falcot.com'), 'user: must not be empty'),
    ((SECRET, 'jo:e', 'falcot.com'), "user: 'jo:e' must not contain ':'"),
    ((SECRET, 'jo\te', 'falcot.com'), "user: 'jo\\te' contains a control character"),
    ((SECRET, 'joe\x7f', 'falcot.com'), "user: 'joe\\x7f' contains a control character"),
    ((SECRET, 'joe', None), 'realm: expected a string, got null'),
    ((SECRET, 'joe', ''), 'realm: must not be empty'),
    ((SECRET, 'joe', 'falcot:com'), "realm: 'falcot:com' must not contain ':'"),
    ((SECRET, 'joe', 'falcot.com\r'), "realm: 'falcot.com\\r' contains a control character"),
    ((SECRET, 'joe', 'falcot.com', 'sha1'), "algorithm: unknown algorithm 'sha1'; expected one of 'md5', 'sha-256'"),
    ((SECRET, 'joe', 'falcot.com', 'sha256'), "algorithm: unknown algorithm 'sha256'; expected one of 'md5', 'sha-256'"),
    ((SECRET, 'joe', 'falcot.com', 5), 'algorithm: expected a string, got int'),
]


@pytest.mark.parametrize('args, message', ERRORS)
def test_errors(args, message):
    with pytest.raises(AnsibleFilterError, match='^%s$' % re.escape(PREFIX + message)) as excinfo:
        digest_ha1_filter(*args)
    assert SECRET not in str(excinfo.value)


def test_error_is_not_chained():
    # Nothing but the filter's own message is shown; the pure layer's exception is not attached.
    with pytest.raises(AnsibleFilterError) as excinfo:
        digest_ha1_filter(SECRET, 'joe', '')
    assert excinfo.value.__cause__ is None
    assert excinfo.value.__context__ is None


def test_pure_layer_raises_value_and_type_errors():
    with pytest.raises(ValueError, match="^user: 'a:b' must not contain ':'$"):
        digest_ha1(SECRET, 'a:b', 'r')
    with pytest.raises(TypeError, match='^password: expected a string, got int$') as excinfo:
        digest_ha1(1, 'a', 'r')
    assert isinstance(excinfo.value, RtcTypeError)
    assert isinstance(excinfo.value, RtcInputError)


def test_normalize_ha1():
    assert normalize_ha1('939E7578ED9E3C518A452ACEE763BCE9', 'ha1') == '939e7578ed9e3c518a452acee763bce9'
    with pytest.raises(ValueError, match=r'^ha1: expected 32 hexadecimal digits \(an MD5 HA1\), got a string of 31 characters$'):
        normalize_ha1('939e7578ed9e3c518a452acee763bce', 'ha1')
    with pytest.raises(ValueError, match=r'^ha1: expected 32 hexadecimal digits \(an MD5 HA1\), got a string with other characters$'):
        normalize_ha1('939e7578ed9e3c518a452acee763bcez', 'ha1')


# user and realm: no ':' and no control characters; password: no control characters. No surrogates
# (they cannot be encoded), and no C1 controls either, which passlib and htdigest handle the same
# way but which make hypothesis' failure reports hard to read.
_PRINTABLE = st.characters(exclude_categories=('Cs', 'Cc'))
_IDENTITY = st.text(alphabet=st.characters(exclude_categories=('Cs', 'Cc'), exclude_characters=':'), min_size=1, max_size=40)
_PASSWORD = st.text(alphabet=_PRINTABLE, min_size=1, max_size=60)


@pytest.mark.skipif(passlib_htdigest is None, reason='passlib is not installed')
@settings(max_examples=300, deadline=None)
@given(user=_IDENTITY, realm=_IDENTITY, password=_PASSWORD)
def test_agrees_with_passlib_htdigest(user, realm, password):
    # passlib's signature is hash(secret, user, realm): keywords, so the order cannot be mixed up.
    assert digest_ha1_filter(password, user, realm) == passlib_htdigest.hash(password, user=user, realm=realm)


@given(user=_IDENTITY, realm=_IDENTITY, password=_PASSWORD)
def test_sha256_agrees_with_hashlib(user, realm, password):
    expected = hashlib.sha256(('%s:%s:%s' % (user, realm, password)).encode('utf-8')).hexdigest()
    assert digest_ha1_filter(password, user, realm, 'sha-256') == expected


def _run_htdigest(user, realm, password, timeout=15):
    """Run ``htdigest -c FILE realm user`` on a pseudo-terminal, type the password twice, return the file.

    htdigest reads the password with apr_password_get, which reads from the terminal, not from stdin.
    """
    directory = tempfile.mkdtemp(prefix='rtcstack-htdigest-')
    try:
        path = os.path.join(directory, 'users')
        pid, fd = pty.fork()
        if pid == 0:  # pragma: no cover - the child process
            try:
                os.execv(HTDIGEST, ['htdigest', '-c', path, realm, user])
            finally:
                os._exit(127)
        output = b''
        answered = 0
        deadline = time.time() + timeout
        try:
            while time.time() < deadline:
                ready, _write, _error = select.select([fd], [], [], 0.2)
                if not ready:
                    continue
                try:
                    chunk = os.read(fd, 1024)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
                if output.count(b'password:') > answered:
                    os.write(fd, password.encode('utf-8') + b'\n')
                    answered += 1
        finally:
            os.close(fd)
            _pid, status = os.waitpid(pid, 0)
        assert answered == 2 and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, output
        with open(path, 'rb') as handle:
            return handle.read().decode('utf-8')
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@pytest.mark.skipif(not os.access(HTDIGEST, os.X_OK), reason='htdigest (Debian package apache2-utils) is not installed at %s' % HTDIGEST)
@pytest.mark.skipif(pty is None, reason='no pseudo-terminal support to type the password into htdigest')
@pytest.mark.parametrize('user, realm, password', [
    ('Mufasa', 'testrealm@host.com', 'Circle Of Life'),
    ('ninefingers', 'north.gov', 'youhavetoberealistic'),
    ('jörg', 'falcot.com', 'Grüße aus Köln: 100%'),
])
def test_agrees_with_htdigest_program(user, realm, password):
    line = _run_htdigest(user, realm, password)
    assert line == '%s:%s:%s\n' % (user, realm, digest_ha1_filter(password, user, realm))
