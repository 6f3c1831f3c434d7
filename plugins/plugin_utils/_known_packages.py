# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""Whether an apt task would install nothing, as a role's one read of dpkg's database saw it.

``rtcstack.debian.stat_paths`` with ``packages`` gives ``{name: {status, version}}`` from one
``dpkg-query``; ``rtcstack.debian.apt`` compares the task with it on the controller. Only a task that
asks for plain package names to be present, all of them installed, is done; anything else (a version,
a pattern, a .deb, another state, another option) means "let ansible.builtin.apt decide".
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import re
from collections.abc import Mapping, Sequence

# The arguments of ansible.builtin.apt a match can account for. install_recommends only applies to
# what apt would install; cache_valid_time only refreshes the lists before an install, and with
# nothing to install a refresh changes nothing the task reports.
APT_ARGS = frozenset(('name', 'pkg', 'package', 'state', 'install_recommends', 'cache_valid_time'))

# A Debian package name (Debian Policy 5.6.1), without version, architecture or pattern.
_PACKAGE_NAME = re.compile(r'^[a-z0-9][a-z0-9.+-]+$')


def package_names(args):
    """The names an apt task asks for, as a list, or None when they are not plain strings."""
    names = None
    for key in ('name', 'pkg', 'package'):
        if args.get(key) is not None:
            if names is not None:
                return None
            names = args[key]
    if isinstance(names, str):
        names = names.split(',')
    if not isinstance(names, Sequence) or isinstance(names, (bytes, str)):
        return None
    if not all(isinstance(name, str) for name in names):
        return None
    return list(names)


def installed(known_packages, name):
    """dpkg's database, as read, has ``name`` installed."""
    entry = known_packages.get(name) if isinstance(known_packages, Mapping) else None
    return isinstance(entry, Mapping) and entry.get('status') == 'installed'


def apt_matches(known_packages, args):
    """True when ``ansible.builtin.apt`` with ``args`` would install nothing: every package it names is
    a plain name that ``known_packages`` shows installed, and it asks for nothing but their presence."""
    if not isinstance(args, Mapping) or set(args) - APT_ARGS:
        return False
    if args.get('state') not in (None, 'present'):
        return False
    names = package_names(args)
    if not names:
        return False
    return all(_PACKAGE_NAME.match(name) and installed(known_packages, name) for name in names)
