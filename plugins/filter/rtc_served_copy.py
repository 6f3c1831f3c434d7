# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_served_copy
short_description: The items that keep a copy of the certificate a daemon serves
version_added: 0.3.0
author: rtcstack.debian contributors
description:
  - A service role keeps a copy of the certificate its daemon serves under C(/var/lib/rtcstack/served), and reloads
    the daemon's TLS when that copy changes, so that a renewed certificate reaches the daemon even when the run that
    renewed it stopped before the reload (docs/development.md, "Certificates").
  - This filter gives the items of a M(rtcstack.debian.files) task that keep that copy, to go into a write task of
    the role that notifies the daemon's TLS reload, with no module run of their own. The copy's directory, then the
    copy of the certificate as it is on the host (C(remote_src)), C(root:root 0644), with a backup when the task's
    result goes to the C(apply) entry point of C(rtcstack.debian._common) (a rollback then puts the previous copy
    back, and the next run reloads again).
  - The copy is left out while the role's read shows no certificate (C(--check) on a fresh host, before the pki
    role of the same run has written it).
options:
  _input:
    description: Where the copy is kept (C(/var/lib/rtcstack/served/<service>.pem)).
    type: path
    required: true
  certificate:
    description: The certificate the daemon serves (C(rtc_tls_certificate)).
    type: path
    required: true
  read:
    description: The role's M(rtcstack.debian.stat_paths) result, which read the certificate, the copy and its directory.
    type: dict
    required: true
  backup:
    description: Whether the copy keeps a backup of the previous one (for a task whose result goes to C(apply)).
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: Write the TLS settings, and keep the copy of the certificate the daemon serves
  rtcstack.debian.files:
    files: >-
      {{ [{'dest': '/etc/exampled/tls.conf', 'src': 'tls.conf.j2', 'owner': 'root', 'group': 'root', 'mode': '0644'}]
         + ('/var/lib/rtcstack/served/exampled.pem' | rtcstack.debian.rtc_served_copy(rtc_tls_certificate, __exampled_read)) }}
    known_files: "{{ __exampled_read.files }}"
  notify: Reload the TLS of exampled
"""

RETURN = r"""
_value:
  description: The items, in order (the directory, then the copy when the certificate is there).
  type: list
  elements: dict
"""

import posixpath  # noqa: E402
from collections.abc import Mapping  # noqa: E402

from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import RtcInputError  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402


def served_copy(served, certificate, read, backup=False):
    """The directory of ``served`` and, when ``read`` saw ``certificate``, the copy of it."""
    for name, value in (('_input', served), ('certificate', certificate)):
        if not isinstance(value, str) or not posixpath.isabs(value) or value.endswith('/'):
            raise RtcInputError(name, 'expected the absolute path of a file, got %r' % (value, ))
    if not isinstance(read, Mapping):
        raise RtcInputError('read', 'expected a stat_paths result, got %s' % type(read).__name__)
    items = [dict(dest=posixpath.dirname(served), state='directory', owner='root', group='root', mode='0755')]
    if posixpath.normpath(certificate) not in (read.get('missing') or []):
        copy = dict(dest=served, remote_src=certificate, owner='root', group='root', mode='0644')
        if backup:
            copy['backup'] = True
        items.append(copy)
    return items


def rtc_served_copy(served, certificate, read, backup=False):
    return run_filter('rtc_served_copy', served_copy, served, certificate, read, bool(backup))


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_served_copy': rtc_served_copy}
