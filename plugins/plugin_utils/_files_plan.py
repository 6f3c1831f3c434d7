# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""Which items of a ``rtcstack.debian.files`` task the role's read already shows as wanted.

The action sends the host only the items this code cannot vouch for; the others get a result here,
without a host call. It uses the same comparisons as ``rtcstack.debian.template``, ``copy`` and
``file`` (``_known_files``), so that a role moving its writes into one ``files`` task keeps the
behaviour of a rerun. Anything not understood (an unknown option, a mode that is not an octal
string) is sent to the module, which says what is wrong with it.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import re
from collections.abc import Mapping

from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_files import (
    copy_matches, directory_matches, known_file, link_matches, remote_copy_matches)

# An item's options, as the action hands them over (``src`` of a file already rendered into
# ``content_base64``). Anything else goes to the module to be refused there.
ITEM_KEYS = frozenset(('dest', 'state', 'src', 'content_base64', 'remote_src', 'owner', 'group', 'mode', 'force',
                       'backup', 'validate', 'secret'))

# The module takes only an octal string ("0640"): YAML reads an unquoted 0640 as 416, which as a string
# would be the wrong mode.
OCTAL_MODE = re.compile(r'^[0-7]{3,4}$')


def _attributes(item):
    return dict((key, item[key]) for key in ('owner', 'group', 'mode') if item.get(key) is not None)


def known_result(known_files, item, content_checksum=None):
    """The result of ``item`` when ``known_files`` shows it as wanted, else None.

    ``content_checksum`` is the SHA-1 of a file item's content. The result has the keys the module
    gives an unchanged item, from the read.
    """
    if not isinstance(item, Mapping) or set(item) - ITEM_KEYS:
        return None
    dest, state, mode = item.get('dest'), item.get('state', 'file'), item.get('mode')
    if not isinstance(dest, str) or not dest.startswith('/'):
        return None
    if mode is not None and not (isinstance(mode, str) and OCTAL_MODE.match(mode)):
        return None
    attributes = _attributes(item)
    if state == 'file':
        force = item.get('force', True)
        if not isinstance(force, bool) or 'src' in item:
            return None
        entry = known_file(known_files, dest)
        if 'remote_src' in item:
            # A copy of a file on the host: the read shows both with the same checksum.
            if not force or not remote_copy_matches(known_files, dict(attributes, dest=dest, src=item['remote_src'],
                                                                      remote_src=True)):
                return None
        elif not copy_matches(known_files, dict(attributes, dest=dest, force=force), content_checksum):
            return None
        return dict(dest=dest, state='file', changed=False, checksum=entry.get('checksum'), owner=entry.get('pw_name'),
                    group=entry.get('gr_name'), mode=entry.get('mode'))
    if state == 'directory':
        entry = known_file(known_files, dest.rstrip('/') or '/')
        if not directory_matches(entry, dict(attributes, path=dest, state='directory')):
            return None
        return dict(dest=dest, state='directory', changed=False, owner=entry.get('pw_name'), group=entry.get('gr_name'),
                    mode=entry.get('mode'))
    if state == 'link':
        entry = known_file(known_files, dest)
        # A link's mode is never set (the module refuses one); its owner and group are the link's own.
        if mode is not None or not link_matches(entry, dict(path=dest, state='link', src=item.get('src'))):
            return None
        for key, known_key in (('owner', 'pw_name'), ('group', 'gr_name')):
            if item.get(key) is not None and entry.get(known_key) != item[key]:
                return None
        return dict(dest=dest, state='link', changed=False, src=item['src'], owner=entry.get('pw_name'),
                    group=entry.get('gr_name'))
    return None


def merge_results(plan, module_results, failed_item=None):
    """The task's ``results``, in the order of its items.

    ``plan`` has, for each item of the task, either its known result (a dict) or its index in the list
    sent to the module. ``module_results`` are the module's results for that list. When the module
    failed at ``failed_item`` (its index in that list; 0 when the module failed before any item), the
    results stop before that item, so that they hold only what was done.
    """
    results = []
    for entry in plan:
        if isinstance(entry, Mapping):
            results.append(dict(entry))
            continue
        if (failed_item is not None and entry >= failed_item) or entry >= len(module_results):
            break
        results.append(module_results[entry])
    return results


def task_index(plan, module_index):
    """The position in the task of the item at ``module_index`` in the list sent to the module."""
    for index, entry in enumerate(plan):
        if not isinstance(entry, Mapping) and entry == module_index:
            return index
    return None
