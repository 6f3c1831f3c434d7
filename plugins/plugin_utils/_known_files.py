# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""Whether a file a task would write is already there, as a role's one ``find`` saw it.

A role reads the state of every file it writes with one ``ansible.builtin.find`` (``get_checksum``);
``rtcstack.debian.template`` then compares a rendered file with that state on the controller. Only
an exact match of a plain file (content, and each of owner, group and mode the task sets) counts:
anything else, or anything this code does not understand, means "let the builtin module decide".
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import hashlib
import re
from collections.abc import Mapping, Sequence

# The task arguments a match can account for. Any other (force, follow, attributes, SELinux
# contexts, template syntax options, ...) sends the task to the builtin module unchanged.
PLAIN_ARGS = frozenset(('src', 'dest', 'owner', 'group', 'mode', 'backup', 'validate'))

_OCTAL_MODE = re.compile(r'^0?[0-7]{3,4}$')


def checksum(text):
    """The SHA-1 of a rendered file as the builtin modules write it (UTF-8), as ``find`` reports it."""
    return hashlib.sha1(text.encode('utf-8')).hexdigest()


def mode_bits(mode):
    """The permission bits of a task's or ``find``'s mode, or None when it is not plain octal."""
    if isinstance(mode, bool):
        return None
    if isinstance(mode, int):
        # YAML 1.1 reads an unquoted 0640 as octal already; a task's int mode is what Python gets.
        return mode & 0o7777
    if isinstance(mode, str) and _OCTAL_MODE.match(mode):
        return int(mode, 8) & 0o7777
    return None


def known_file(known_files, path):
    """The ``find`` entry of ``path`` among ``known_files`` (a list of find's ``files``), or None."""
    if not isinstance(known_files, Sequence) or isinstance(known_files, (str, bytes)):
        return None
    for entry in known_files:
        if isinstance(entry, Mapping) and entry.get('path') == path:
            return entry
    return None


def matches(entry, content_checksum, args):
    """True when ``entry`` (``known_file``'s answer for the task's dest) is a plain file with this
    content and every owner/group/mode in ``args``.

    ``args`` are the task's arguments (without ``known_files``). False whenever a detail is missing
    or not understood, so that the caller runs the builtin module.
    """
    if not isinstance(args, Mapping) or set(args) - PLAIN_ARGS:
        return False
    if not isinstance(entry, Mapping) or not entry.get('isreg') or entry.get('islnk'):
        return False
    if not content_checksum or entry.get('checksum') != content_checksum:
        return False
    if args.get('owner') is not None and entry.get('pw_name') != args['owner']:
        return False
    if args.get('group') is not None and entry.get('gr_name') != args['group']:
        return False
    if args.get('mode') is not None:
        wanted = mode_bits(args['mode'])
        if wanted is None or wanted != mode_bits(entry.get('mode')):
            return False
    return True
