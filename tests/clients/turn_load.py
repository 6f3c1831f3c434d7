#!/usr/bin/env python
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A bounded load of TURN allocations or relayed calls over UDP, for ./run bench scale.

Two modes, both with long-term credentials (RFC 8489 MESSAGE-INTEGRITY, RFC 8656 TURN), Python's
standard library only (it runs in a lab container); the users' passwords come on standard input, one
"user password" per line, never in the arguments.

- allocate: allocations started at most --rate per second, at most --concurrency at a time, spread over
  the targets in turn. Each one is what a browser does for a relay candidate: from a new UDP port, an
  Allocate, the server's 401 with its realm and nonce, the Allocate with the credentials, its success
  with the relayed address; then a Refresh with lifetime 0 frees it (so the users' quotas and the relay
  ports are not the limit). A 437 to the first Allocate (the kernel handed out a port the server still
  holds a freed allocation's state for) is retried from another port, as RFC 8656 says, and counted.
- calls: --calls relayed calls held for --seconds. A call is two allocations on one server, each bound
  to the other's relayed address by a channel (ChannelBind), and 50 packets per second of 172 bytes
  (G.711 RTP in 20 ms) each way as ChannelData: every packet goes into the server and out of it twice,
  as when both browsers of a call relay through it. Each packet carries its send time; the receiver
  counts what arrives and how late.

Prints one JSON object: what completed, the failures by error code or cause, the seconds, the rate or
the packets, and the CPU seconds this process used (the generator shares the machine's CPUs).
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import resource
import socket
import struct
import sys
import time

from rtc_pace import Pace  # beside this file (tests/bench_scale.sh copies both)

MAGIC = 0x2112A442
ALLOCATE, REFRESH, CHANNEL_BIND = 0x003, 0x004, 0x009
SUCCESS, ERROR = 0x100, 0x110
USERNAME, MESSAGE_INTEGRITY, ERROR_CODE, REALM, NONCE = 0x0006, 0x0008, 0x0009, 0x0014, 0x0015
LIFETIME, CHANNEL_NUMBER, XOR_PEER_ADDRESS, XOR_RELAYED_ADDRESS = 0x000D, 0x000C, 0x0012, 0x0016
REQUESTED_TRANSPORT = 0x0019
UDP = 17
PACKET = 172  # G.711, 20 ms: 160 bytes of audio and the 12-byte RTP header
PACKETS_PER_SECOND = 50


def _attribute(kind, value):
    return struct.pack('!HH', kind, len(value)) + value + b'\0' * (-len(value) % 4)


def _xor_address(host, port):
    packed = socket.inet_pton(socket.AF_INET, host)
    address = bytes(a ^ b for a, b in zip(packed, struct.pack('!I', MAGIC)))
    return struct.pack('!BBH', 0, 1, port ^ (MAGIC >> 16)) + address


def _unxor_address(value):
    family, port = value[1], struct.unpack('!H', value[2:4])[0] ^ (MAGIC >> 16)
    if family != 1:
        raise ValueError('not an IPv4 address')
    return socket.inet_ntop(socket.AF_INET, bytes(a ^ b for a, b in zip(value[4:8], struct.pack('!I', MAGIC)))), port


def encode(method, transaction, attributes, key=None):
    """A STUN request; with a key, MESSAGE-INTEGRITY over it (its length counted in the header)."""
    body = b''.join(_attribute(kind, value) for kind, value in attributes)
    if key is None:
        return struct.pack('!HHI', method, len(body), MAGIC) + transaction + body
    header = struct.pack('!HHI', method, len(body) + 24, MAGIC) + transaction
    digest = hmac.new(key, header + body, hashlib.sha1).digest()
    return header + body + _attribute(MESSAGE_INTEGRITY, digest)


def decode(data):
    """(message type, transaction ID, {attribute type: value}) of a STUN message, or None."""
    if len(data) < 20 or data[0] & 0xC0:
        return None
    kind, length, magic = struct.unpack('!HHI', data[:8])
    if magic != MAGIC or len(data) < 20 + length:
        return None
    attributes, offset = {}, 20
    while offset + 4 <= 20 + length:
        attribute, size = struct.unpack('!HH', data[offset:offset + 4])
        attributes.setdefault(attribute, data[offset + 4:offset + 4 + size])
        offset += 4 + size + (-size % 4)
    return kind, data[8:20], attributes


def error_code(attributes):
    value = attributes.get(ERROR_CODE, b'\0\0\0\0')
    return (value[2] & 7) * 100 + value[3]


class Client(asyncio.DatagramProtocol):
    """One UDP port at the server: its STUN transactions and the ChannelData it receives."""

    def __init__(self):
        self.transport = None
        self.pending = {}
        self.received = 0
        self.delays = []

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        if data[:1] and 0x40 <= data[0] <= 0x7F:  # ChannelData: our send time in its first 8 bytes
            self.received += 1
            self.delays.append(time.monotonic() - struct.unpack('!d', data[4:12])[0])
            return
        message = decode(data)
        if message and message[1] in self.pending and not self.pending[message[1]].done():
            self.pending[message[1]].set_result(message)

    def error_received(self, exc):
        for future in self.pending.values():
            if not future.done():
                future.set_exception(exc)

    async def request(self, method, attributes, key=None, timeout=5.0):
        """Send a request, retransmitted as RFC 8489 says (500 ms, doubling), until its answer or timeout."""
        transaction = os.urandom(12)
        future = asyncio.get_running_loop().create_future()
        self.pending[transaction] = future
        data = encode(method, transaction, attributes, key)
        wait, deadline = 0.5, time.monotonic() + timeout
        try:
            while True:
                self.transport.sendto(data)
                try:
                    return await asyncio.wait_for(asyncio.shield(future), min(wait, max(deadline - time.monotonic(), 0.01)))
                except asyncio.TimeoutError:
                    if time.monotonic() >= deadline:
                        raise
                    wait *= 2
        finally:
            del self.pending[transaction]


class Session:
    """An allocation for one user: the 401 exchange, then requests with the user's credentials."""

    def __init__(self, client, user, password):
        self.client, self.user, self.password = client, user, password
        self.realm = self.nonce = self.key = None
        self.relayed = None

    def _credentials(self):
        return [(USERNAME, self.user.encode()), (REALM, self.realm), (NONCE, self.nonce)]

    async def authenticated(self, method, attributes):
        answer = await self.client.request(method, attributes + self._credentials(), self.key)
        if answer[0] == method | ERROR and error_code(answer[2]) == 438:  # stale nonce: take the new one
            self.nonce = answer[2][NONCE]
            answer = await self.client.request(method, attributes + self._credentials(), self.key)
        return answer

    async def allocate(self, lifetime=600):
        attributes = [(REQUESTED_TRANSPORT, bytes([UDP, 0, 0, 0])), (LIFETIME, struct.pack('!I', lifetime))]
        kind, _transaction, answer = await self.client.request(ALLOCATE, attributes)
        if kind == ALLOCATE | ERROR and error_code(answer) == 437:
            raise Mismatch('437')
        if kind != ALLOCATE | ERROR or error_code(answer) != 401:
            raise Failure('first Allocate: %s' % (error_code(answer) if kind == ALLOCATE | ERROR else 'type %#x' % kind))
        self.realm, self.nonce = answer[REALM], answer[NONCE]
        self.key = hashlib.md5(b'%s:%s:%s' % (self.user.encode(), self.realm, self.password.encode())).digest()  # nosec - RFC 8489's long-term key
        kind, _transaction, answer = await self.authenticated(ALLOCATE, attributes)
        if kind != ALLOCATE | SUCCESS:
            raise Failure(str(error_code(answer)))
        self.relayed = _unxor_address(answer[XOR_RELAYED_ADDRESS])

    async def expect(self, method, attributes):
        kind, _transaction, answer = await self.authenticated(method, attributes)
        if kind != method | SUCCESS:
            raise Failure('%s %s' % ({REFRESH: 'Refresh', CHANNEL_BIND: 'ChannelBind'}[method], error_code(answer)))

    async def free(self):
        await self.expect(REFRESH, [(LIFETIME, b'\0\0\0\0')])


class Failure(Exception):
    """The server answered with an error."""


class Mismatch(Failure):
    """437: the server still holds state for this 5-tuple (a port the kernel handed out again)."""


async def _open(loop, target, local_ip):
    host, port = target.rsplit(':', 1)
    _transport, client = await loop.create_datagram_endpoint(
        Client, remote_addr=(host, int(port)), local_addr=(local_ip, 0) if local_ip else None)
    return client


def _count(stats, exc):
    cause = str(exc) if isinstance(exc, Failure) else type(exc).__name__
    stats['failures'][cause] = stats['failures'].get(cause, 0) + 1


async def _allocation(loop, target, account, local_ip, stats):
    """An allocation from a new port; on 437, again from another port, as RFC 8656 tells a client."""
    for _attempt in range(3):
        session = Session(await _open(loop, target, local_ip), *account)
        try:
            await session.allocate()
            return session
        except Mismatch:
            stats['retried_437'] = stats.get('retried_437', 0) + 1
        except BaseException:
            session.client.transport.close()
            raise
        session.client.transport.close()
    raise Failure('437 three times')


async def _allocate_once(loop, target, account, local_ip, stats, slots):
    client = None
    try:
        session = await _allocation(loop, target, account, local_ip, stats)
        client = session.client
        stats['allocations'] += 1
        stats['last'] = time.monotonic()
        await session.free()
    except (Failure, OSError, asyncio.TimeoutError) as exc:
        _count(stats, exc)
    finally:
        if client and client.transport:
            client.transport.close()
        slots.release()


async def _allocations(args, accounts, stats):
    loop = asyncio.get_running_loop()
    pace, slots, started, tasks = Pace(args.rate), asyncio.Semaphore(args.concurrency), 0, set()
    deadline = time.monotonic() + args.seconds
    while True:
        await pace.wait()
        await slots.acquire()
        if time.monotonic() >= deadline:
            break
        task = loop.create_task(_allocate_once(loop, args.target[started % len(args.target)], accounts[started % len(accounts)],
                                               args.local_ip, stats, slots))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        started += 1
    if tasks:
        await asyncio.wait(tasks, timeout=15)
    stats['started'] = started


async def _call(loop, target, caller, callee, local_ip):
    """Two allocations on one server, each with a channel to the other's relayed address."""
    sides = []
    for account in (caller, callee):
        sides.append(await _allocation(loop, target, account, local_ip, {}))
    for channel, (this, other) in enumerate(((sides[0], sides[1]), (sides[1], sides[0]))):
        await this.expect(CHANNEL_BIND, [(CHANNEL_NUMBER, struct.pack('!HH', 0x4000 + channel, 0)),
                                         (XOR_PEER_ADDRESS, _xor_address(*other.relayed))])
    return sides


async def _calls(args, accounts, stats):
    loop = asyncio.get_running_loop()
    calls = []
    for index in range(args.calls):
        try:
            calls.append(await _call(loop, args.target[index % len(args.target)], accounts[index % len(accounts)],
                                     accounts[(index + 1) % len(accounts)], args.local_ip))
        except (Failure, OSError, asyncio.TimeoutError) as exc:
            _count(stats, exc)
    stats['calls'] = len(calls)
    padding = b'\0' * (PACKET - 8)
    frames = [(side.client.transport, struct.pack('!HH', 0x4000 + channel, PACKET)) for sides in calls for channel, side in enumerate(sides)]
    sent, begin = 0, time.monotonic()
    tick, deadline = begin, begin + args.seconds
    while tick < deadline:
        for transport, header in frames:
            transport.sendto(header + struct.pack('!d', time.monotonic()) + padding)
        sent += len(frames)
        tick += 1.0 / PACKETS_PER_SECOND
        await asyncio.sleep(max(tick - time.monotonic(), 0))
    sending = time.monotonic() - begin  # longer than --seconds when the generator cannot keep the pace
    await asyncio.sleep(1)  # the last packets in flight
    clients = [side.client for sides in calls for side in sides]
    delays = sorted(delay for client in clients for delay in client.delays)
    received = sum(client.received for client in clients)
    stats['packets'] = {'sent': sent, 'received': received, 'lost_percent': round(100.0 * (sent - received) / sent, 2) if sent else 0.0,
                        'per_second': round(sent / sending), 'paced_per_second': len(frames) * PACKETS_PER_SECOND,
                        'delay_ms': {'median': round(1000 * delays[len(delays) // 2], 2) if delays else None,
                                     'p99': round(1000 * delays[int(len(delays) * 0.99)], 2) if delays else None}}
    for sides in calls:
        for side in sides:
            try:
                await side.free()
            except (Failure, OSError, asyncio.TimeoutError) as exc:
                _count(stats, exc)
            side.client.transport.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('mode', choices=['allocate', 'calls'])
    parser.add_argument('--target', action='append', required=True, help='a TURN server as address:port (UDP); repeat for several')
    parser.add_argument('--seconds', type=float, default=8, help='how long the load lasts (at most 120)')
    parser.add_argument('--rate', type=float, default=0, help='allocate: allocations started per second (0: as fast as they go)')
    parser.add_argument('--concurrency', type=int, default=64, help='allocate: allocations in progress at most')
    parser.add_argument('--calls', type=int, default=10, help='calls: relayed calls held (at most 2000)')
    parser.add_argument('--local-ip', default='')
    args = parser.parse_args(argv)
    if not 0 < args.seconds <= 120 or not 0 < args.concurrency <= 1024 or not 0 < args.calls <= 2000:
        parser.error('--seconds must be within (0, 120], --concurrency within 1-1024, --calls within 1-2000: the load is bounded')
    accounts = [tuple(line.split(None, 1)) for line in sys.stdin.read().splitlines() if line.strip()]
    if not accounts or any(len(account) != 2 for account in accounts):
        parser.error('standard input: one "user password" per line')
    stats = {'mode': args.mode, 'targets': args.target, 'failures': {}}
    start = time.monotonic()
    if args.mode == 'allocate':
        stats.update(allocations=0, offered_rate=args.rate, concurrency=args.concurrency)
        asyncio.run(_allocations(args, accounts, stats))
    else:
        asyncio.run(_calls(args, accounts, stats))
    stats['seconds'] = round(time.monotonic() - start, 2)
    if args.mode == 'allocate':  # allocations per second from the start to the last one
        stats['rate'] = round(stats['allocations'] / max(stats.pop('last', start) - start, 0.001), 1)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    stats['cpu_seconds'] = round(usage.ru_utime + usage.ru_stime, 2)
    print(json.dumps(stats))
    return 0 if stats.get('allocations') or stats.get('calls') else 1


if __name__ == '__main__':
    sys.exit(main())
