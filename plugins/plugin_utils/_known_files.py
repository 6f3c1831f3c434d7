# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""Whether a file or directory a task would write is already there, as a role's one read saw it.

A role reads the state of everything it writes with one ``rtcstack.debian.stat_paths`` (or one
``ansible.builtin.find`` with ``get_checksum``, ``file_type: any`` when directories count too); ``rtcstack.debian.template``, ``rtcstack.debian.copy``
and ``rtcstack.debian.file`` then compare what the task wants with that state on the controller. Only
an exact match counts (content, and each of owner, group and mode the task sets): anything else, or
anything this code does not understand, means "let the builtin module decide".
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import hashlib
import posixpath
import re
from collections.abc import Mapping, Sequence

# The task arguments a match can account for. Any other (force, follow, attributes, SELinux
# contexts, template syntax options, ...) sends the task to the builtin module unchanged.
PLAIN_ARGS = frozenset(('src', 'dest', 'owner', 'group', 'mode', 'backup', 'validate'))

_OCTAL_MODE = re.compile(r'^0?[0-7]{3,4}$')


# The arguments of ansible.builtin.file that a known directory can account for (state=directory).
DIRECTORY_ARGS = frozenset(('path', 'state', 'owner', 'group', 'mode'))

# The arguments of ansible.builtin.copy a match can account for; directory_mode only applies to
# directories the builtin module creates, so a directory that exists meets it.
COPY_ARGS = frozenset(('src', 'content', 'dest', 'owner', 'group', 'mode', 'backup', 'validate', 'remote_src',
                       'directory_mode'))


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


def _attributes_match(entry, args):
    """The entry has each owner, group and (octal) mode that ``args`` set."""
    if args.get('owner') is not None and entry.get('pw_name') != args['owner']:
        return False
    if args.get('group') is not None and entry.get('gr_name') != args['group']:
        return False
    if args.get('mode') is not None:
        wanted = mode_bits(args['mode'])
        if wanted is None or wanted != mode_bits(entry.get('mode')):
            return False
    return True


def is_directory(entry):
    """The entry is a directory itself (``find`` reports a link to one as a link)."""
    return isinstance(entry, Mapping) and bool(entry.get('isdir')) and not entry.get('islnk')


def directory_matches(entry, args):
    """True when ``entry`` (the ``find`` entry of the task's path) is the directory
    ``ansible.builtin.file`` with ``state: directory`` and these ``args`` would leave as it is."""
    if not isinstance(args, Mapping) or set(args) - DIRECTORY_ARGS or args.get('state') != 'directory':
        return False
    return is_directory(entry) and _attributes_match(entry, args)


# The arguments of ansible.builtin.file a known link can account for (state=link). force and follow
# change nothing when the link is already there with that target.
LINK_ARGS = frozenset(('src', 'path', 'dest', 'name', 'state', 'force', 'follow'))


def link_path(args):
    """The path of a file task (path, or its aliases dest and name), or None."""
    paths = [args[key] for key in ('path', 'dest', 'name') if isinstance(args, Mapping) and args.get(key) is not None]
    return paths[0] if len(paths) == 1 and isinstance(paths[0], str) and paths[0] else None


def link_matches(entry, args):
    """True when ``entry`` (the ``find`` entry of the task's path) is the symbolic link
    ``ansible.builtin.file`` with ``state: link`` and these ``args`` would leave as it is: a link whose
    target is ``src`` as written."""
    if not isinstance(args, Mapping) or set(args) - LINK_ARGS or args.get('state') != 'link':
        return False
    src = args.get('src')
    if not isinstance(src, str) or not src or not isinstance(entry, Mapping):
        return False
    return bool(entry.get('islnk')) and entry.get('lnk_target') == src


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
    return _attributes_match(entry, args)


def _file_args(args):
    """The arguments of a copy that apply to each file it writes."""
    return dict((key, args[key]) for key in ('dest', 'owner', 'group', 'mode') if args.get(key) is not None)


def remote_copy_matches(known_files, args):
    """True when a ``remote_src`` copy would change nothing: ``known_files`` shows its source and its
    dest as regular files with the same checksum, the dest with every owner/group/mode in ``args``."""
    if not isinstance(args, Mapping) or set(args) - COPY_ARGS or not args.get('remote_src'):
        return False
    if not args.get('src') or not args.get('dest') or args['dest'].endswith('/'):
        return False
    source = known_file(known_files, args['src'])
    if not isinstance(source, Mapping) or not source.get('isreg') or source.get('islnk'):
        return False
    return matches(known_file(known_files, args['dest']), source.get('checksum'), _file_args(args))


def copy_matches(known_files, args, content_checksum):
    """True when a copy of one controller file, or of ``content``, with this checksum would change nothing.

    With ``force: false`` the builtin copy leaves an existing file's content alone and only sets its
    owner, group and mode: then the content does not count.
    """
    if not isinstance(args, Mapping):
        return False
    # force is the one option only this kind of copy accounts for; the others refuse it (COPY_ARGS).
    force = args.get('force', True)
    if not isinstance(force, bool) or set(args) - COPY_ARGS - {'force'} or args.get('remote_src'):
        return False
    if not args.get('dest') or args['dest'].endswith('/'):
        return False
    entry = known_file(known_files, args['dest'])
    if force is False:
        return (isinstance(entry, Mapping) and bool(entry.get('isreg')) and not entry.get('islnk')
                and _attributes_match(entry, _file_args(args)))
    return matches(entry, content_checksum, _file_args(args))


def copy_tree_matches(known_files, args, files, directories):
    """True when copying a controller directory's content (``src`` ending in ``/``) would change nothing.

    ``files`` maps each regular file's path relative to ``src`` to its checksum, ``directories``
    lists the subdirectories the same way. Each must be known under ``dest``: the directories as
    directories, the files with their checksum and the task's owner/group/mode. A source without any
    file is never a match.
    """
    if not isinstance(args, Mapping) or set(args) - COPY_ARGS or args.get('remote_src'):
        return False
    if not args.get('dest') or not isinstance(files, Mapping) or not files:
        return False
    root = posixpath.normpath(args['dest'])
    if not is_directory(known_file(known_files, root)):
        return False
    for relative in directories:
        if not is_directory(known_file(known_files, posixpath.join(root, relative))):
            return False
    per_file = _file_args(args)
    for relative, content_checksum in files.items():
        per_file['dest'] = posixpath.join(root, relative)
        if not matches(known_file(known_files, per_file['dest']), content_checksum, per_file):
            return False
    return True
