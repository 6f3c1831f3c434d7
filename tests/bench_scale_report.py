# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The report of ./run bench scale (tests/bench_scale.sh): a table from the measurements' JSON files.

Usage: bench_scale_report.py WORK_DIR RELEASE "RATE RATE ...". Writes WORK_DIR/scale.json, prints the table.
"""
from __future__ import annotations

import json
import os
import pathlib
import sys


def _cores(seconds, wall):
    return round(seconds / wall, 2) if wall else 0.0


def report(work, release, rates):
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
    summary = {'release': release, 'cpus': os.cpu_count(), 'rows': rows}
    (work / 'scale.json').write_text(json.dumps(summary, indent=2) + '\n')
    lines = ['SIP REGISTER over TLS with digest, Debian %s, %d CPUs shared by the generator and both proxies' % (release, os.cpu_count()),
             '%7s %8s %8s %6s  %-40s %s' % ('proxies', 'offered', 'reached', 'failed', 'CPU cores (kamailio node1, node2, generator)',
                                            'shm in use MB (node1, node2)')]
    for row in rows:
        lines.append('%7d %8.0f %8.1f %6d  %-44s %s' % (
            row['proxies'], row['offered'], row['rate'], row['failed'],
            '%.2f, %.2f, %.2f' % (row['cores']['node1'], row['cores']['node2'], row['cores']['generator']),
            '%s, %s' % (row['shm_mb']['node1'], row['shm_mb']['node2'])))
    return '\n'.join(lines)


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    print(report(pathlib.Path(argv[1]), argv[2], argv[3].split()))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
