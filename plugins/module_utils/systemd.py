# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""systemd's units as rtcstack.debian.stat_paths and rtcstack.debian.systemd_service read them (on the managed host)."""

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


def parse_show(output):
    """Every property of one unit from ``systemctl show UNIT``, as ``{key: value}``.

    A value that opens with ``{`` and does not close on its line (an ``ExecStart`` listing, say) goes
    on until the line that ends with ``}``; its lines are joined with a newline.
    """
    properties = {}
    key, lines = None, []
    for line in output.splitlines():
        if key is not None:
            lines.append(line)
            if line.rstrip().endswith('}'):
                properties[key] = '\n'.join(lines)
                key, lines = None, []
            continue
        name, sep, value = line.partition('=')
        if not sep:
            continue
        if value.lstrip().startswith('{') and not value.rstrip().endswith('}'):
            key, lines = name, [value]
            continue
        properties[name] = value
    if key is not None:
        properties[key] = '\n'.join(lines)
    return properties
