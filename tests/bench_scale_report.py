# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The report of ./run bench scale (tests/bench_scale.sh): a table from the measurements' JSON files.

Usage: bench_scale_report.py WORK_DIR RELEASE "RATE ..." "TURN_RATE ..." "CALLS ...". Writes WORK_DIR/scale.json,
prints the tables.
"""
from __future__ import annotations

import json
import os
import pathlib
import sys


def _cores(seconds, wall):
    return round(seconds / wall, 2) if wall else 0.0


def _load(path):
    return json.loads(path.read_text() or '{}') if path.exists() else {}


def _turn(work, mode, values):
    rows = []
    for value in values:
        for case, servers in (('one', 1), ('two', 2)):
            run = _load(work / ('turn-%s-%s-%s.json' % (mode, case, value)))
            server = _load(work / ('turn-%s-%s-%s-cpu.json' % (mode, case, value))).get('turnserver_cpu_seconds', {})
            wall = run.get('seconds', 0)
            row = {'servers': servers, 'failed': sum(run.get('failures', {}).values()), 'failures': run.get('failures', {}),
                   'seconds': wall, 'cores': {'node1': _cores(server.get('node1', 0), wall), 'node2': _cores(server.get('node2', 0), wall),
                                              'generator': _cores(run.get('cpu_seconds', 0), wall)}}
            if mode == 'allocate':
                row.update(offered=float(value), rate=run.get('rate', 0.0), allocations=run.get('allocations', 0),
                           retried_437=run.get('retried_437', 0))
            else:
                packets = run.get('packets', {})
                row.update(offered=int(value), calls=run.get('calls', 0), lost_percent=packets.get('lost_percent'),
                           delay_ms=packets.get('delay_ms', {}), packets=packets.get('sent', 0),
                           per_second=packets.get('per_second', 0), paced_per_second=packets.get('paced_per_second', 0))
            rows.append(row)
    return rows


def _cores_text(row):
    return '%.2f, %.2f, %.2f' % (row['cores']['node1'], row['cores']['node2'], row['cores']['generator'])


def report(work, release, rates, turn_rates=(), calls=()):
    rows = []
    for rate in rates:
        for case, proxies in (('one', 1), ('two', 2)):
            run = json.loads((work / ('sip-%s-%s.json' % (case, rate))).read_text() or '{}')
            server = json.loads((work / ('sip-%s-%s-cpu.json' % (case, rate))).read_text())
            wall = run.get('seconds', 0)
            rows.append({
                'proxies': proxies, 'offered': float(rate), 'rate': run.get('rate', 0.0), 'registrations': run.get('registrations', 0),
                'failed': sum(run.get('codes', {}).values()) + len(run.get('errors', [])), 'seconds': wall,
                'cores': {'node1': _cores(server['kamailio_cpu_seconds']['node1'], wall),
                          'node2': _cores(server['kamailio_cpu_seconds']['node2'], wall),
                          'generator': _cores(run.get('cpu_seconds', 0), wall)},
                'shm_mb': server['kamailio_shm_mb'],
            })
    allocations, relayed = _turn(work, 'allocate', turn_rates), _turn(work, 'calls', calls)
    summary = {'release': release, 'cpus': os.cpu_count(), 'rows': rows, 'turn_allocations': allocations, 'turn_calls': relayed}
    (work / 'scale.json').write_text(json.dumps(summary, indent=2) + '\n')
    lines = ['SIP REGISTER over TLS with digest, Debian %s, %d CPUs shared by the generator and both proxies' % (release, os.cpu_count()),
             '%7s %8s %8s %6s  %-40s %s' % ('proxies', 'offered', 'reached', 'failed', 'CPU cores (kamailio node1, node2, generator)',
                                            'shm in use MB (node1, node2)')]
    for row in rows:
        lines.append('%7d %8.0f %8.1f %6d  %-44s %s' % (
            row['proxies'], row['offered'], row['rate'], row['failed'],
            _cores_text(row), '%s, %s' % (row['shm_mb']['node1'], row['shm_mb']['node2'])))
    if allocations:
        lines += ['', 'TURN allocations over UDP (401, Allocate with the credentials, freed), the same CPUs shared by the generator and both servers;',
                  'a 437 (the server still holds a freed allocation of a port the kernel handed out again) is retried from another port',
                  '%7s %8s %8s %6s %6s  %s' % ('servers', 'offered', 'reached', 'failed', '437', 'CPU cores (coturn node1, node2, generator)')]
        for row in allocations:
            lines.append('%7d %8.0f %8.1f %6d %6d  %s' % (
                row['servers'], row['offered'], row['rate'], row['failed'], row['retried_437'], _cores_text(row)))
    if relayed:
        lines += ['', 'Relayed calls (two allocations each, 50 packets of 172 bytes per second each way); packets sent per second against',
                  "the calls' pace (fewer: the generator could not keep it), lost, and their delay from send to receipt",
                  '%7s %6s %6s %15s %7s %16s  %s' % (
                      'servers', 'calls', 'held', 'packets/s (pace)', 'lost %', 'delay ms p50/p99', 'CPU cores (coturn node1, node2, generator)')]
        for row in relayed:
            delay = row['delay_ms'] or {}
            lines.append('%7d %6d %6d %16s %7s %16s  %s' % (
                row['servers'], row['offered'], row['calls'], '%s (%s)' % (row['per_second'], row['paced_per_second']),
                row['lost_percent'], '%s/%s' % (delay.get('median'), delay.get('p99')), _cores_text(row)))
    return '\n'.join(lines)


def main(argv):
    if len(argv) not in (4, 6):
        sys.stderr.write(__doc__)
        return 2
    print(report(pathlib.Path(argv[1]), argv[2], *(arg.split() for arg in argv[3:])))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
