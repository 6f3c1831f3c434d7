# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_restore_plan
short_description: How to put back each file a run changed, from its backup or the role's read
version_added: 0.2.0
author: rtcstack.debian contributors
description:
  - The C(apply) entry point of the internal role C(rtcstack.debian._common) rolls back what a service role
    wrote when the daemon refuses it. This filter says, for each path a write task of this run changed, how
    its previous state comes back.
  - C(backup) when the task kept a backup (C(backup_file)); else C(content) when the role's read (or
    O(extra)) holds the file's previous content; else C(link) when the path was a link; else C(remove) when
    the read saw no file there; else C(unknown).
  - Owner, group and mode are the previous file's as the read saw them, else those the task gave the file.
  - Results that are skipped, unchanged, or name no path are left out; a path changed twice is planned once.
options:
  _input:
    description: The registered results of the write tasks (M(rtcstack.debian.template), M(ansible.builtin.copy),
      M(ansible.builtin.file), M(ansible.builtin.lineinfile), one item of a loop each).
    type: list
    elements: dict
    required: true
  read:
    description: The role's M(rtcstack.debian.stat_paths) result from before the writes (C(files), C(missing), C(contents)).
    type: dict
    default: {}
  extra:
    description:
      - Previous states the read does not hold, each with C(path) and either C(lnk_target) (a link) or
        C(content) (base64, with optional C(owner), C(group), C(mode)).
    type: list
    elements: dict
    default: []
"""

EXAMPLES = r"""
- name: Say which changed paths have no previous state to go back to
  ansible.builtin.debug:
    msg: "{{ plan | selectattr('how', 'equalto', 'unknown') | map(attribute='path') | list }}"
  vars:
    plan: "{{ [written_config, written_link] | rtcstack.debian.rtc_restore_plan(role_read) }}"
"""

RETURN = r"""
_value:
  description: One entry per changed path, in the order of the results, with C(path), C(how) and what that needs
    (C(backup_file), C(content), C(lnk_target), C(owner), C(group), C(mode)).
  type: list
  elements: dict
"""

from collections.abc import Mapping  # noqa: E402

from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import RtcTypeError, is_list, type_name  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402


def _path(result):
    for key in ('dest', 'path'):
        value = result.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def _attributes(entry, result):
    """Owner, group and mode: the previous file's when known, else what the task gave it."""
    out = {}
    for key, previous, written in (('owner', 'pw_name', 'owner'), ('group', 'gr_name', 'group'), ('mode', 'mode', 'mode')):
        value = entry.get(key, entry.get(previous)) if entry else None
        if value is None:
            value = result.get(written)
        out[key] = value
    return out


def restore_plan(results, read=None, extra=None):
    """The restore steps for every changed path of results."""
    if not is_list(results):
        raise RtcTypeError('_input', 'expected a list of task results, got %s' % type_name(results))
    read = read if isinstance(read, Mapping) else {}
    before = {entry['path']: entry for entry in read.get('files') or [] if isinstance(entry, Mapping) and 'path' in entry}
    for entry in extra or []:
        if not isinstance(entry, Mapping) or not isinstance(entry.get('path'), str):
            raise RtcTypeError('extra', 'expected mappings with a path, got %s' % type_name(entry))
        before[entry['path']] = dict(entry)
    contents = dict(read.get('contents') or {})
    contents.update({path: entry['content'] for path, entry in before.items() if 'content' in entry})
    missing = set(read.get('missing') or [])

    plan, seen = [], set()
    for result in results:
        if not isinstance(result, Mapping) or result.get('skipped') or not result.get('changed'):
            continue
        path = _path(result)
        if path is None or path in seen:
            continue
        seen.add(path)
        entry = before.get(path)
        step = dict(path=path)
        if result.get('backup_file'):
            step.update(how='backup', backup_file=result['backup_file'], **_attributes(entry, result))
        elif path in contents:
            step.update(how='content', content=contents[path], **_attributes(entry, result))
        elif entry and (entry.get('islnk') or 'lnk_target' in entry):
            step.update(how='link', lnk_target=entry.get('lnk_target'))
        elif path in missing:
            step.update(how='remove')
        else:
            step.update(how='unknown')
        plan.append(step)
    return plan


def rtc_restore_plan(results, read=None, extra=None):
    """How to put back each path the write tasks changed."""
    return run_filter('rtc_restore_plan', restore_plan, results, read, extra)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_restore_plan': rtc_restore_plan}
