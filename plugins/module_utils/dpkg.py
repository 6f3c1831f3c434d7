# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""dpkg's database as rtcstack.debian.stat_paths reads it (on the managed host)."""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type


def parse_dpkg_query(output):
    """``{name: {status, version}}`` from dpkg-query lines ``name<TAB>status<TAB>version``.

    A name listed more than once (one line per architecture) counts as installed when one of its
    lines is.
    """
    packages = {}
    for line in output.splitlines():
        fields = line.split('\t')
        if len(fields) != 3 or not fields[0]:
            continue
        name, status, version = fields
        known = packages.get(name)
        if known is None or (known['status'] != 'installed' and status == 'installed'):
            packages[name] = {'status': status, 'version': version}
    return packages
