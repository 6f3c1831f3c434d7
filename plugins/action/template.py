# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""ansible.builtin.template, with no remote call when a role's find already shows the file as wanted.

The builtin template action renders on the controller, then runs ``stat`` on the host and, when the
content is the same, ``file`` to apply owner, group and mode: two module runs (about a second) for a
file that does not change. A role that writes several files reads them all with one
``ansible.builtin.find`` (``get_checksum: true``) and passes its ``files`` as ``known_files``; this
action renders the template the same way, with the builtin ``template`` lookup, and when the file is
known with that content and the task's owner, group and mode, reports it unchanged without touching
the host. In every other case, and whenever a detail is not understood, the task goes to the builtin
template action as it is (without ``known_files``).
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from ansible.errors import AnsibleError

from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_action import KnownStateAction
from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_files import (
    PLAIN_ARGS, checksum, known_file, matches)
from ansible_collections.rtcstack.debian.plugins.plugin_utils._render import render


class ActionModule(KnownStateAction):

    TRANSFERS_FILES = True
    BUILTIN_ACTION = 'ansible.legacy.template'

    def unchanged(self, args, known, task_vars):
        entry = known_file(known, args.get('dest'))
        # A file the read did not see (a first run) is not rendered twice: the builtin action renders it.
        if entry is None or set(args) - PLAIN_ARGS or not args.get('src'):
            return None
        rendered = self._render(args['src'], task_vars)
        if not isinstance(rendered, str):
            return None
        sha1 = checksum(rendered)
        if not matches(entry, sha1, args):
            return None
        return dict(dest=args['dest'], path=args['dest'], checksum=sha1, state='file', owner=entry.get('pw_name'),
                    group=entry.get('gr_name'), mode=entry.get('mode'), size=entry.get('size'))

    def _render(self, src, task_vars):
        """The template rendered as the builtin template lookup does, or None if that fails here."""
        try:
            return render(self, src, task_vars)
        except (AnsibleError, IndexError):
            # The builtin action reports the problem with its own message.
            return None
