# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The upgrade test's judge (tests/clients/service_probe.py report) on made-up rounds."""

from __future__ import annotations

import importlib.util
import json
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location('service_probe', ROOT / 'tests/clients/service_probe.py')
probe = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(probe)


def _log(tmp_path, downs):
    log = tmp_path / 'probe.log'
    log.write_text(''.join(json.dumps({'t': 100.0 + i, 'down': down}) + '\n' for i, down in enumerate(downs)))
    return str(log)


@pytest.mark.parametrize('downs, status, says', [
    ([{}, {}, {}], 0, 'every service answered throughout'),
    # kamailio restarted: two rounds without TLS on 5061, within a restart's time
    ([{}, {'sip-tls': 'refused'}, {'sip-tls': 'refused'}, {}], 0, 'sip-tls unanswered for 2.0 s (refused)'),
    # down for longer than a restart
    ([{}] + [{'xmpp': 'refused'}] * 7 + [{}], 1, 'xmpp unanswered for 7.0 s'),
    # never back
    ([{}, {}, {'https': 'timed out'}], 1, 'https still unanswered at the end'),
    # what was probed never served: the probe proves nothing then
    ([{'dns': 'no SRV record'}, {}], 1, 'before the upgrade, not serving'),
    ([], 1, 'no round was recorded'),
])
def test_report(tmp_path, capsys, downs, status, says):
    assert probe.report(_log(tmp_path, downs), 5) == status
    assert says in capsys.readouterr().out
