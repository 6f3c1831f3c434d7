# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""Finding and running a program on the managed host, with the standard library only.

Shared by the code the collection's actions send to the host's Python (stat_paths_read.py,
systemd_apply.py): each action sends this file's source first, in the same namespace.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import os
import subprocess

# Where a program is looked for beyond PATH, as ansible's get_bin_path does.
SBIN = ['/sbin', '/usr/sbin', '/usr/local/sbin']


def which(name):
    """The path of the program ``name`` in PATH or the sbin directories, or None."""
    for directory in os.environ.get('PATH', '').split(os.pathsep) + SBIN:
        candidate = os.path.join(directory, name)
        if directory and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def run(argv, env=None):
    """(rc, stdout, stderr) of ``argv``, in the C locale, its output decoded as UTF-8."""
    environ = dict(os.environ, LC_ALL='C')
    environ.update(env or {})
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environ, check=False)
    return (done.returncode, done.stdout.decode('utf-8', 'replace'), done.stderr.decode('utf-8', 'replace'))
