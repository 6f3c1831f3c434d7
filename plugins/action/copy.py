# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ansible.builtin.copy, with no remote call when a role's one read already shows the copy as made.

The builtin copy action runs ``stat`` on the host for each file (and ``file`` for its owner, group
and mode) even when nothing changes. With ``known_files`` (the ``files`` of
``rtcstack.debian.stat_paths``, or of an ``ansible.builtin.find``) this action reports no change
without touching the host when that read shows the copy as made:

- ``remote_src: true``: the source and the dest are listed as regular files with the same checksum;
- a controller file, or ``content``: the dest is listed with its checksum;
- a controller directory's content (``src`` ending in ``/``): ``dest`` and every subdirectory are
  listed as directories and every file with its checksum.

Each file must also have the task's owner, group and octal mode. Every other case, and any detail
this action does not understand (another option, a link in the source tree, a vaulted file), runs
the builtin copy action with the same arguments (without ``known_files``).
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import os

from ansible.errors import AnsibleError
from ansible.utils.hashing import checksum as file_checksum

from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_action import KnownStateAction
from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_files import (
    checksum, copy_matches, copy_tree_matches, remote_copy_matches)


def _tree(root):
    """({relative file: sha1}, [relative directory]) of a directory, or None if it holds a link or
    anything but regular files and directories."""
    files, directories = {}, []
    for top, dirs, names in os.walk(root, followlinks=False):
        for name in dirs:
            full = os.path.join(top, name)
            if os.path.islink(full):
                return None
            directories.append(os.path.relpath(full, root))
        for name in names:
            full = os.path.join(top, name)
            if os.path.islink(full) or not os.path.isfile(full):
                return None
            files[os.path.relpath(full, root)] = file_checksum(full)
    return files, directories


class ActionModule(KnownStateAction):

    TRANSFERS_FILES = True
    BUILTIN_ACTION = 'ansible.legacy.copy'

    def unchanged(self, args, known, task_vars):
        # Each *_matches function refuses an option it does not account for (COPY_ARGS).
        if not self._made(args, known):
            return None
        return dict(dest=args['dest'])

    def _made(self, args, known):
        """Whether the read shows this copy as made; False whenever it cannot tell."""
        src = args.get('src')
        if 'content' in args:
            content = args['content']
            return src is None and isinstance(content, str) and copy_matches(known, args, checksum(content))
        if not isinstance(src, str) or not src:
            return False
        if args.get('remote_src'):
            return remote_copy_matches(known, args)
        try:
            source = self._find_needle('files', src)
        except AnsibleError:
            # The builtin action reports the missing file with its own message.
            return False
        if os.path.isfile(source) and not os.path.islink(source):
            return copy_matches(known, args, file_checksum(source))
        if src.endswith('/') and os.path.isdir(source) and not os.path.islink(source.rstrip('/')):
            tree = _tree(source)
            return tree is not None and copy_tree_matches(known, args, tree[0], tree[1])
        return False
