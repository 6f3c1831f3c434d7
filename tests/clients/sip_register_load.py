#!/usr/bin/env python
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A bounded load of SIP registrations over TLS with digest authentication, for ./run bench scale.

Each worker keeps one verified TLS connection to one proxy and registers one contact again and again
until the time is up: a REGISTER, the proxy's 401 challenge, the REGISTER with the digest answer, the
200 (a client refreshing its registration without a cached nonce does the same). The workers are
spread over the targets in turn, and together start at most --rate registrations per second. Python's standard library only (it runs in a lab container); the
users' passwords come on standard input, one "user password" per line, never in the arguments.

Prints one JSON object: registrations completed, the other final answers by code, the seconds, the
rate, and the CPU seconds this process used (the generator shares the machine's CPUs with the proxies).
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import re
import resource
import ssl
import sys
import time
import uuid

from rtc_pace import Pace  # beside this file (tests/bench_scale.sh copies both)


def _md5(text):
    return hashlib.md5(text.encode()).hexdigest()  # nosec - SIP digest (RFC 2617) is MD5


def _digest(challenge, user, password, uri):
    params = dict(re.findall(r'(\w+)="?([^",]*)"?', challenge))
    realm, nonce, qop = params['realm'], params['nonce'], params.get('qop', '')
    ha1 = _md5('%s:%s:%s' % (user, realm, password))
    ha2 = _md5('REGISTER:%s' % uri)
    header = 'Digest username="%s", realm="%s", nonce="%s", uri="%s", algorithm=MD5' % (user, realm, nonce, uri)
    if 'auth' in qop.split(','):
        cnonce = uuid.uuid4().hex[:16]
        response = _md5('%s:%s:00000001:%s:auth:%s' % (ha1, nonce, cnonce, ha2))
        return header + ', qop=auth, nc=00000001, cnonce="%s", response="%s"' % (cnonce, response)
    return header + ', response="%s"' % _md5('%s:%s:%s' % (ha1, nonce, ha2))


async def _response(reader):
    head = (await reader.readuntil(b'\r\n\r\n')).decode(errors='replace')
    length = re.search(r'(?im)^(?:Content-Length|l)\s*:\s*(\d+)', head)
    if length and int(length.group(1)):
        await reader.readexactly(int(length.group(1)))
    code = int(head.split(' ', 2)[1])
    challenge = re.search(r'(?im)^WWW-Authenticate\s*:\s*(.*)$', head)
    return code, challenge.group(1).strip() if challenge else None


async def _worker(index, args, target, account, context, deadline, stats, pace):
    host, port = target.rsplit(':', 1)
    user, password = account
    reader, writer = await asyncio.wait_for(
        asyncio.open_connection(host, int(port), ssl=context, server_hostname=args.server_name,
                                local_addr=(args.local_ip, 0) if args.local_ip else None), timeout=10)
    local_ip, local_port = writer.get_extra_info('sockname')[:2]
    call_id = '%s-%d@%s' % (uuid.uuid4().hex[:12], index, local_ip)
    uri = 'sip:%s' % args.domain
    cseq = 0
    try:
        while time.monotonic() < deadline:
            await pace.wait()
            if time.monotonic() >= deadline:
                break
            authorization = None
            for _attempt in range(2):
                cseq += 1
                branch = 'z9hG4bK-%s' % uuid.uuid4().hex[:16]
                lines = ['REGISTER %s SIP/2.0' % uri,
                         'Via: SIP/2.0/TLS %s:%d;branch=%s;rport' % (local_ip, local_port, branch),
                         'Max-Forwards: 70',
                         'From: <sip:%s@%s>;tag=load%d' % (user, args.domain, index),
                         'To: <sip:%s@%s>' % (user, args.domain),
                         'Call-ID: %s' % call_id,
                         'CSeq: %d REGISTER' % cseq,
                         'Contact: <sip:%s-load%d@%s:%d;transport=tls>' % (user, index, local_ip, local_port),
                         'Expires: %d' % args.expires,
                         'User-Agent: rtcstack sip_register_load']
                if authorization:
                    lines.append('Authorization: %s' % authorization)
                writer.write(('\r\n'.join(lines + ['Content-Length: 0', '', ''])).encode())
                await writer.drain()
                code, challenge = await asyncio.wait_for(_response(reader), timeout=10)
                if code == 401 and challenge and authorization is None:
                    authorization = _digest(challenge, user, password, uri)
                    continue
                break
            if code == 200:
                stats['registrations'] += 1
            else:
                stats['codes'][str(code)] = stats['codes'].get(str(code), 0) + 1
    finally:
        writer.close()


async def _run(args, accounts):
    context = ssl.create_default_context(cafile=args.cafile)
    stats = {'registrations': 0, 'codes': {}, 'errors': []}
    start = time.monotonic()
    deadline = start + args.seconds
    pace = Pace(args.rate)
    tasks = [_worker(index, args, args.target[index % len(args.target)], accounts[index % len(accounts)], context, deadline, stats, pace)
             for index in range(args.workers)]
    for result in await asyncio.gather(*tasks, return_exceptions=True):
        if isinstance(result, BaseException):
            stats['errors'].append('%s: %s' % (type(result).__name__, result))
    stats['seconds'] = round(time.monotonic() - start, 2)
    return stats


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--target', action='append', required=True, help='a proxy as address:port (TLS); repeat for several')
    parser.add_argument('--server-name', required=True, help="the name the proxies' certificate is checked against")
    parser.add_argument('--domain', required=True, help='the SIP domain (the request and the users\' address)')
    parser.add_argument('--cafile', required=True)
    parser.add_argument('--workers', type=int, default=8, help='connections, each registering one contact in turn')
    parser.add_argument('--seconds', type=float, default=10, help='how long the load lasts (at most 120)')
    parser.add_argument('--rate', type=float, default=0, help='registrations started per second, all workers together (0: as fast as they go)')
    parser.add_argument('--expires', type=int, default=600)
    parser.add_argument('--local-ip', default='')
    args = parser.parse_args(argv)
    if not 0 < args.seconds <= 120 or not 0 < args.workers <= 64:
        parser.error('--seconds must be within (0, 120] and --workers within 1-64: the load is bounded')
    accounts = [tuple(line.split(None, 1)) for line in sys.stdin.read().splitlines() if line.strip()]
    if not accounts or any(len(account) != 2 for account in accounts):
        parser.error('standard input: one "user password" per line')
    stats = asyncio.run(_run(args, accounts))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    stats['rate'] = round(stats['registrations'] / stats['seconds'], 1) if stats['seconds'] else 0
    stats['cpu_seconds'] = round(usage.ru_utime + usage.ru_stime, 2)
    stats['targets'] = args.target
    stats['workers'] = args.workers
    stats['offered_rate'] = args.rate
    print(json.dumps(stats))
    return 0 if stats['registrations'] and not stats['errors'] else 1


if __name__ == '__main__':
    sys.exit(main())
