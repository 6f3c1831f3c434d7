# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ansible.builtin.file, with no remote call for a directory or link a role's one read already shows as wanted.

``state: directory`` with a path that ``known_files`` (the ``files`` of ``rtcstack.debian.stat_paths``,
or of an ``ansible.builtin.find`` with ``file_type: any``) lists as a directory with the task's owner, group and octal mode reports no
change without touching the host; so does ``state: link`` for a path listed as a link to ``src`` as
written. Every other task, and any detail this action does not understand,
runs the builtin file module with the same arguments (without ``known_files``).
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_action import KnownStateAction
from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_files import (
    directory_matches, known_file, link_matches, link_path)


class ActionModule(KnownStateAction):

    BUILTIN_MODULE = 'ansible.legacy.file'

    def unchanged(self, args, known, task_vars):
        path = link_path(args)
        if args.get('state') == 'link':
            entry = known_file(known, path) if path else None
            if entry is None or not link_matches(entry, args):
                return None
            return dict(path=path, dest=path, src=args['src'], state='link')
        entry = known_file(known, path.rstrip('/') or '/') if path else None
        if entry is None or not directory_matches(entry, args):
            return None
        return dict(path=path, state='directory', owner=entry.get('pw_name'), group=entry.get('gr_name'),
                    mode=entry.get('mode'), uid=entry.get('uid'), gid=entry.get('gid'), size=entry.get('size'))
