# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Ask every service of the falcot stack one real question a second, for as long as an upgrade runs.

    python3 tests/clients/service_probe.py watch ADDRESS LOG [--stop FILE] [--max-seconds N]
    python3 tests/clients/service_probe.py report LOG [--max-outage SECONDS]

watch: each round asks, at ADDRESS, BIND for the _sips._tcp SRV record of falcot.com (UDP 53), coturn
for a STUN binding on its static-users and REST ports (3467, 3480), kamailio for a TLS handshake on
5061 and 8443, Prosody for a stream with STARTTLS on 5222, and Apache for the phone's page over HTTPS
(443, status 200). One JSON line a round, {"t": time, "down": {service: why}}; it ends when FILE
exists or after N seconds (default 900), whichever comes first.

report: the first round must have found every service answering (else what was probed never served);
then each outage is printed, and the exit status is 1 when a service stayed unanswered for longer than
--max-outage seconds (default 5: a restart) or was still down in the last round. Standard library
only; the lab's addresses are the only targets.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import socket
import ssl
import struct
import sys
import time

DOMAIN = 'falcot.com'
TIMEOUT = 1.5


def _dns(address):
    query_id = int.from_bytes(os.urandom(2), 'big')
    name = b''.join(bytes([len(label)]) + label.encode() for label in ('_sips._tcp.' + DOMAIN).split('.')) + b'\0'
    query = struct.pack('!HHHHHH', query_id, 0, 1, 0, 0, 0) + name + struct.pack('!HH', 33, 1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(TIMEOUT)
        sock.sendto(query, (address, 53))
        answer = sock.recv(4096)
    answer_id, flags, _questions, answers = struct.unpack('!HHHH', answer[:8])
    if answer_id != query_id or flags & 0xF or answers == 0:
        raise OSError('no SRV record (rcode %d, %d answers)' % (flags & 0xF, answers))


def _stun(port):
    def probe(address):
        transaction = os.urandom(12)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.settimeout(TIMEOUT)
            sock.sendto(struct.pack('!HHI', 0x0001, 0, 0x2112A442) + transaction, (address, port))
            answer = sock.recv(2048)
        if answer[:2] != b'\x01\x01' or answer[8:20] != transaction:
            raise OSError('no STUN binding success')
    return probe


def _tls(port, request=None, expect=None):
    def probe(address):
        context = ssl.create_default_context()
        # Availability, not trust: the scenarios verify the certificate against the lab CA.
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with socket.create_connection((address, port), timeout=TIMEOUT) as raw:
            with context.wrap_socket(raw, server_hostname=DOMAIN) as sock:
                if request is None:
                    return
                sock.sendall(request)
                answer = sock.recv(256)
        if not answer.startswith(expect):
            raise OSError('answered %r' % answer[:40])
    return probe


def _xmpp(address):
    with socket.create_connection((address, 5222), timeout=TIMEOUT) as sock:
        sock.sendall(("<?xml version='1.0'?><stream:stream to='%s' xmlns='jabber:client' "
                      "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>" % DOMAIN).encode())
        seen = b''
        deadline = time.monotonic() + TIMEOUT
        while b'starttls' not in seen and time.monotonic() < deadline:
            chunk = sock.recv(4096)
            if not chunk:
                break
            seen += chunk
    if b'starttls' not in seen:
        raise OSError('no stream features with STARTTLS')


SERVICES = {
    'dns': _dns,
    'turn': _stun(3467),
    'turn-rest': _stun(3480),
    'sip-tls': _tls(5061),
    'sip-wss': _tls(8443),
    'xmpp': _xmpp,
    'https': _tls(443, b'GET / HTTP/1.1\r\nHost: falcot.com\r\nConnection: close\r\n\r\n', b'HTTP/1.1 200'),
}


def watch(address, log, stop, max_seconds):
    end = time.monotonic() + max_seconds
    with open(log, 'a', encoding='utf-8') as out:
        while time.monotonic() < end and not (stop and os.path.exists(stop)):
            started = time.monotonic()
            down = {}
            for name, probe in SERVICES.items():
                try:
                    probe(address)
                except (OSError, ValueError) as error:
                    down[name] = str(error) or type(error).__name__
            out.write(json.dumps({'t': round(time.time(), 2), 'down': down}) + '\n')
            out.flush()
            time.sleep(max(0.0, 1.0 - (time.monotonic() - started)))
    return 0


def report(log, max_outage):
    rounds = [json.loads(line) for line in pathlib.Path(log).read_text(encoding='utf-8').splitlines() if line.strip()]
    if not rounds:
        print('service probe: no round was recorded')
        return 1
    if rounds[0]['down']:
        print('service probe: before the upgrade, not serving: %s' % rounds[0]['down'])
        return 1
    failed = False
    for name in SERVICES:
        since = None
        for entry in rounds + [{'t': rounds[-1]['t'], 'down': {}}]:
            if name in entry['down'] and since is None:
                since, why = entry['t'], entry['down'][name]
            elif name not in entry['down'] and since is not None:
                length = entry['t'] - since
                print('service probe: %s unanswered for %.1f s (%s)' % (name, length, why))
                failed = failed or length > max_outage
                since = None
        if name in rounds[-1]['down']:
            print('service probe: %s still unanswered at the end' % name)
            failed = True
    verdict = ('an outage past %g s' % max_outage if failed
               else 'every service answered throughout (outages of at most %g s allowed)' % max_outage)
    print('service probe: %d rounds over %.0f s, %s' % (len(rounds), rounds[-1]['t'] - rounds[0]['t'], verdict))
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest='command', required=True)
    watching = sub.add_parser('watch')
    watching.add_argument('address')
    watching.add_argument('log')
    watching.add_argument('--stop')
    watching.add_argument('--max-seconds', type=float, default=900)
    reporting = sub.add_parser('report')
    reporting.add_argument('log')
    reporting.add_argument('--max-outage', type=float, default=5)
    args = parser.parse_args()
    if args.command == 'watch':
        return watch(args.address, args.log, args.stop, args.max_seconds)
    return report(args.log, args.max_outage)


if __name__ == '__main__':
    sys.exit(main())
