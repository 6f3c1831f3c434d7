# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""The distribution facts the collection's roles read, from os-release(5) and /etc/debian_version.

Nothing here knows about Ansible: rtcstack.debian.os_facts reads the two files on the host in one
shell call and gives their text to ``distribution_facts``.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import shlex

# The separator the action prints between the two files.
SEPARATOR = '--rtcstack-debian-version--'


def parse_os_release(text):
    """``{KEY: value}`` of an os-release file: shell-style assignments, quotes removed, comments skipped."""
    values = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith('#') or '=' not in line:
            continue
        key, value = line.split('=', 1)
        try:
            words = shlex.split(value)
        except ValueError:
            continue
        values[key.strip()] = ' '.join(words)
    return values


def distribution_facts(os_release, debian_version=''):
    """The facts ``setup`` names ``distribution``, ``distribution_major_version``, ``distribution_version``,
    ``distribution_release`` and ``os_family``, as it gives them for Debian (the version from
    /etc/debian_version, ``12.8``; the major version from VERSION_ID, ``12``). Another system gets the
    first word of its NAME and its VERSION_ID, enough for the roles' checks to name what they refuse.
    """
    values = parse_os_release(os_release)
    ident = values.get('ID', '').lower()
    like = values.get('ID_LIKE', '').lower().split()
    debian_version = debian_version.strip()
    version_id = values.get('VERSION_ID', '')
    if ident == 'debian':
        distribution = 'Debian'
        version = debian_version or version_id
    else:
        distribution = (values.get('NAME', '').split() or [ident.capitalize() or 'Unknown'])[0]
        version = version_id
    major = version_id.split('.')[0] if version_id else version.split('.')[0]
    return {
        'distribution': distribution,
        'distribution_major_version': major or 'NA',
        'distribution_version': version or 'NA',
        'distribution_release': values.get('VERSION_CODENAME', '') or 'NA',
        'os_family': 'Debian' if ident == 'debian' or 'debian' in like else distribution,
    }
