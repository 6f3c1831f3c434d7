# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""systemd's units as rtcstack.debian.stat_paths reads them (on the managed host)."""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

# The properties read for each unit, all that rtcstack.debian.systemd_service compares.
PROPERTIES = ('Id', 'LoadState', 'ActiveState', 'UnitFileState')


def parse_systemctl_show(output, names):
    """``{name: {LoadState, ActiveState, UnitFileState, Id}}`` from ``systemctl show -p ...`` of ``names``.

    systemctl prints one block of ``key=value`` lines per unit, in the order of its arguments, blocks
    separated by an empty line; each block is given to the name asked for in that place. A name with
    no block (output cut short) is left out, so that the caller asks the host.
    """
    blocks = []
    current = {}
    for line in output.splitlines():
        if not line.strip():
            if current:
                blocks.append(current)
                current = {}
            continue
        key, sep, value = line.partition('=')
        if sep and key in PROPERTIES:
            current[key] = value
    if current:
        blocks.append(current)
    if len(blocks) != len(names):
        return {}
    return dict((name, block) for name, block in zip(names, blocks))
