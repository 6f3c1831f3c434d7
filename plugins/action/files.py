# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Several files, directories and links in one module run (``rtcstack.debian.files``).

A new file written with ``rtcstack.debian.template`` costs a ``stat`` run, a file transfer and a
``copy`` run. This action renders every template of the task on the controller, as
``rtcstack.debian.template`` does (the builtin ``template`` lookup, so the text and its checksum are
the builtin template module's), leaves out the items the role's read (``known_files``) shows as
wanted, and sends the rest, content inline and base64-encoded, to one run of the module of the same
name. When nothing is left, the host is not called at all.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import base64
import hashlib
from collections.abc import Mapping

from ansible.errors import AnsibleError
from ansible.module_utils.common.text.converters import to_bytes, to_text
from ansible.plugins.action import ActionBase

from ansible_collections.rtcstack.debian.plugins.plugin_utils._files_plan import known_result, merge_results, task_index
from ansible_collections.rtcstack.debian.plugins.plugin_utils._render import render


class ActionModule(ActionBase):

    # The content goes inside the module's arguments: nothing to transfer, and with pipelining no
    # remote temporary directory.
    TRANSFERS_FILES = False

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        args = dict(self._task.args)
        known = args.pop('known_files', None)
        items = args.pop('files', None)
        if args:
            return dict(failed=True, msg='unsupported option(s): %s' % ', '.join(sorted(args)))
        if not isinstance(items, list):
            return dict(failed=True, msg='files must be a list of items, got %s' % type(items).__name__)

        # plan: per item, its known result, or its index in the list the module gets.
        plan, sent = [], []
        for index, item in enumerate(items):
            try:
                item, digest = self._prepare(item, task_vars)
            except AnsibleError as exc:
                dest = item.get('dest') if isinstance(item, Mapping) else None
                # Nothing is written yet: every template is rendered before the host is called.
                return dict(failed=True, msg='files[%d] (%s): %s' % (index, dest, to_text(exc)), results=[])
            done = known_result(known, item, digest) if known is not None else None
            if done is not None:
                plan.append(done)
            else:
                plan.append(len(sent))
                sent.append(item)

        if not sent:
            # Not ActionBase.run: no remote temporary directory for a task that needs no host call.
            return dict(changed=False, results=merge_results(plan, []))

        result = super(ActionModule, self).run(tmp, task_vars)
        result.update(self._execute_module(module_name='rtcstack.debian.files', module_args=dict(files=sent),
                                           task_vars=task_vars))
        failed_item = result.pop('failed_item', None)
        if result.get('failed'):
            # A failure before any item (an argument the module refuses) counts as one at the first sent item.
            failed_item = failed_item if isinstance(failed_item, int) else 0
            position = task_index(plan, failed_item)
            prefix = 'files[%d] ' % failed_item
            msg = result.get('msg')
            if position is not None and isinstance(msg, str) and msg.startswith(prefix):
                result['msg'] = 'files[%d] %s' % (position, msg[len(prefix):])
        else:
            failed_item = None
        result['results'] = merge_results(plan, result.get('results') or [], failed_item)
        return result

    def _prepare(self, item, task_vars):
        """The item as the module takes it, and the SHA-1 of a file's content (else None)."""
        if not isinstance(item, Mapping):
            raise AnsibleError('each item must be a dict, got %s' % type(item).__name__)
        item = dict(item)
        template_vars = item.pop('vars', None)
        if template_vars is not None and (not isinstance(template_vars, Mapping) or 'src' not in item
                                          or item.get('state', 'file') != 'file'):
            raise AnsibleError('vars must be a dict, and only for a file rendered from a template (src)')
        if item.get('state', 'file') != 'file':
            return item, None
        if len([key for key in ('src', 'content', 'remote_src') if key in item]) > 1:
            raise AnsibleError('give one of src, content and remote_src')
        if 'src' in item:
            item['content'] = self._render(item.pop('src'), task_vars, template_vars)
        if 'content' not in item:
            # The module says what is missing.
            return item, None
        content = item.pop('content')
        if not isinstance(content, str):
            raise AnsibleError('content must be a string, got %s' % type(content).__name__)
        data = to_bytes(content, errors='surrogate_or_strict')
        # base64: the module marks it no_log, and Ansible then masks that value wherever it appears in
        # the result; the text itself would be masked in the diff of every file, not only secret ones.
        item['content_base64'] = base64.b64encode(data).decode('ascii')
        return item, hashlib.sha1(data).hexdigest()

    def _render(self, src, task_vars, template_vars=None):
        """The template rendered as by rtcstack.debian.template (and so as the builtin module writes it),
        with the item's own variables (a loop variable's stand-in) over the task's."""
        return render(self, src, task_vars, template_vars)
