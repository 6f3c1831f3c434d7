# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The STUN codec of the TURN bench's generator (tests/clients/turn_load.py), against RFC 5769's vectors.

That coturn accepts its credentials is proven by ./run bench scale itself: an allocation only
succeeds with the right MESSAGE-INTEGRITY.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import importlib.util
import pathlib
import struct
import sys
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
# The generator imports its pace from beside it, as in the client container.
sys.path.insert(0, str(ROOT / 'tests/clients'))
_SPEC = importlib.util.spec_from_file_location('turn_load', ROOT / 'tests/clients/turn_load.py')
load = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(load)


def test_xor_address_matches_rfc5769_sample_response():
    # RFC 5769, 2.2: XOR-MAPPED-ADDRESS 192.0.2.1 port 32853 is 0001 a147 e112a643.
    value = bytes.fromhex('0001a147e112a643')
    assert load._xor_address('192.0.2.1', 32853) == value
    assert load._unxor_address(value) == ('192.0.2.1', 32853)


def test_message_integrity_covers_the_message_with_its_own_length():
    key = hashlib.md5(b'joe:falcot.com:secret').digest()
    transaction = bytes(range(12))
    message = load.encode(load.ALLOCATE, transaction, [(load.USERNAME, b'joe'), (load.REQUESTED_TRANSPORT, b'\x11\0\0\0')], key)
    kind, decoded_transaction, attributes = load.decode(message)
    assert (kind, decoded_transaction) == (load.ALLOCATE, transaction)
    assert attributes[load.USERNAME] == b'joe'  # padded to 4 bytes on the wire, not in the value
    assert struct.unpack('!H', message[2:4])[0] == len(message) - 20
    # RFC 8489 14.5: the HMAC covers everything before the attribute, the length including it.
    assert attributes[load.MESSAGE_INTEGRITY] == hmac.new(key, message[:-24], hashlib.sha1).digest()


def test_error_code_and_what_is_not_stun():
    body = load._attribute(load.ERROR_CODE, b'\0\0\x04\x56Quota')
    response = struct.pack('!HHI', load.ALLOCATE | load.ERROR, len(body), load.MAGIC) + bytes(12) + body
    assert load.error_code(load.decode(response)[2]) == 486
    assert load.decode(b'\x40\x00\x00\x04abcd' + bytes(16)) is None  # ChannelData
    assert load.decode(response[:-4]) is None  # shorter than its length says


@pytest.mark.parametrize('argv', [['calls', '--calls', '5000'], ['allocate', '--seconds', '600'], ['allocate', '--concurrency', '0']])
def test_the_load_is_bounded(argv, capsys):
    with pytest.raises(SystemExit):
        load.main(argv + ['--target', '192.0.2.1:3478'])
    assert 'the load is bounded' in capsys.readouterr().err


def test_the_pace_spaces_start_times_and_zero_means_no_limit():
    pace = load.Pace(200)
    start = time.monotonic()
    asyncio.run(_waits(pace, 5))
    assert time.monotonic() - start >= 4 / 200
    pace = load.Pace(0)
    start = time.monotonic()
    asyncio.run(_waits(pace, 1000))
    assert time.monotonic() - start < 0.5


async def _waits(pace, count):
    for _wait in range(count):
        await pace.wait()
