# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The controller_file action: write a small file on the controller, in the controller's own process.

ansible.builtin.copy delegated to localhost starts a Python process and a module for one small file
(about 0.7 s here); the pki role's records of its CA and of each host's key and certificate are such
files. The write is atomic (a temporary file in the same directory, renamed over the destination),
the mode is set before the content goes in, and --check and --diff work as with copy.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import hashlib
import os
import stat
import tempfile

from ansible.module_utils.common.text.converters import to_bytes, to_text
from ansible.module_utils.six import string_types
from ansible.plugins.action import ActionBase


class ActionModule(ActionBase):

    TRANSFERS_FILES = False
    _VALID_ARGS = frozenset(('dest', 'content', 'mode'))
    _requires_connection = False

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        dest = self._task.args.get('dest')
        content = self._task.args.get('content')
        mode = self._task.args.get('mode', '0600')
        if not isinstance(dest, string_types) or not os.path.isabs(dest):
            return dict(result, failed=True, msg='dest: expected an absolute path on the controller, got %r' % (dest,))
        if not isinstance(content, string_types):
            return dict(result, failed=True, msg='content: expected a string')
        if not isinstance(mode, string_types) or not mode.isdigit() or len(mode) > 4 or int(mode, 8) > 0o7777:
            return dict(result, failed=True, msg="mode: expected an octal string such as '0600', got %r" % (mode,))
        wanted = to_bytes(content)
        wanted_mode = int(mode, 8)
        before, before_mode = None, None
        try:
            with open(dest, 'rb') as handle:
                before = handle.read()
            before_mode = stat.S_IMODE(os.stat(dest).st_mode)
        except FileNotFoundError:
            pass
        result.update(dest=dest, checksum=hashlib.sha1(wanted).hexdigest(), mode=mode)
        changed = before != wanted or before_mode != wanted_mode
        if changed and self._task.diff:
            result['diff'] = dict(before_header=dest, after_header=dest,
                                  before='' if before is None else to_text(before, errors='replace'),
                                  after=to_text(content))
        if changed and not self._task.check_mode:
            if before == wanted:
                os.chmod(dest, wanted_mode)
            else:
                fd, path = tempfile.mkstemp(prefix='.%s.' % os.path.basename(dest), dir=os.path.dirname(dest))
                try:
                    os.fchmod(fd, wanted_mode)
                    with os.fdopen(fd, 'wb') as handle:
                        handle.write(wanted)
                    os.rename(path, dest)
                except Exception:
                    os.unlink(path)
                    raise
        result['changed'] = changed
        return result
