# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The pace of ./run bench scale's load generators (sip_register_load.py, turn_load.py).

tests/bench_scale.sh copies it beside them into the client container; each imports it from its own
directory.
"""
from __future__ import annotations

import asyncio
import time


class Pace:
    """Hands out start times at most `rate` per second, shared by every task that awaits it (0: no limit)."""

    def __init__(self, rate):
        self.interval = 1.0 / rate if rate else 0.0
        self.next = time.monotonic()

    async def wait(self):
        if not self.interval:
            return
        now = time.monotonic()
        slot = max(self.next, now)
        self.next = slot + self.interval
        if slot > now:
            await asyncio.sleep(slot - now)
