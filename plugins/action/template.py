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
from ansible.plugins.action import ActionBase
from ansible.plugins.loader import lookup_loader

from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_action import run_builtin
from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_files import (
    PLAIN_ARGS, checksum, known_file, matches)


class ActionModule(ActionBase):

    TRANSFERS_FILES = True

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        args = dict(self._task.args)
        known = args.pop('known_files', None)
        entry = known_file(known, args.get('dest'))
        # A file the find did not see (a first run) is not rendered twice: the builtin action renders it.
        if entry is not None and not set(args) - PLAIN_ARGS and args.get('src'):
            rendered = self._render(args['src'], task_vars)
            if isinstance(rendered, str):
                sha1 = checksum(rendered)
                if matches(entry, sha1, args):
                    result = super(ActionModule, self).run(tmp, task_vars)
                    result.update(changed=False, dest=args['dest'], path=args['dest'], checksum=sha1,
                                  state='file', owner=entry.get('pw_name'), group=entry.get('gr_name'),
                                  mode=entry.get('mode'), size=entry.get('size'))
                    return result
        return run_builtin(self, 'ansible.legacy.template', tmp, task_vars)

    def _render(self, src, task_vars):
        """The template rendered as the builtin template lookup does, or None if that fails here."""
        try:
            source = self._find_needle('templates', src)
            lookup = lookup_loader.get('ansible.builtin.template', loader=self._loader, templar=self._templar)
            return lookup.run([source], variables=task_vars)[0]
        except (AnsibleError, IndexError):
            # The builtin action reports the problem with its own message.
            return None
