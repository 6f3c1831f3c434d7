# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_read_covers
short_description: Whether a read of the host already answers what a role would read
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - True when the input is a successful result of M(rtcstack.debian.stat_paths) whose RV(rtcstack.debian.stat_paths#module:read) includes
    every path, package, service, group and content the given arguments ask for (and checksums when they
    want them), so that a role can take that result instead of reading the host again. Arguments that ask
    for nothing are covered by no read (a role that shared nothing reads for itself).
  - Under C(site.yml) the pki role, which runs first and installs every package of the host, reads in one
    module run what each later role of the host reads; each role then uses that read when it covers what
    the role shared.
options:
  _input:
    description: A registered result of M(rtcstack.debian.stat_paths), or anything else (then false).
    type: raw
    required: true
  wanted:
    description: The arguments the role would give M(rtcstack.debian.stat_paths).
    type: dict
    required: true
seealso:
  - module: rtcstack.debian.stat_paths
"""

EXAMPLES = r"""
- name: Read what the role writes, unless site.yml's one read of the host already did
  rtcstack.debian.stat_paths:
    paths: "{{ __role_read_args.paths }}"
  register: __role_own_read
  when: __rtc_host_read | default(none) is not rtcstack.debian.rtc_read_covers(__role_stack_read | default({}))
"""

RETURN = r"""
_value:
  description: Whether the read covers the arguments.
  type: bool
"""

import posixpath  # noqa: E402
from collections.abc import Mapping  # noqa: E402

LISTS = ('paths', 'packages', 'services', 'groups', 'contents')


def rtc_read_covers(read, wanted):
    """Whether read, a stat_paths result, read at least what wanted (stat_paths' arguments) asks for."""
    if not isinstance(read, Mapping) or read.get('skipped') or read.get('failed') or not isinstance(read.get('read'), Mapping):
        return False
    if not isinstance(wanted, Mapping) or not any(wanted.get(key) for key in LISTS):
        return False
    given = read['read']
    for key in LISTS:
        items = wanted.get(key) or []
        if key in ('paths', 'contents'):
            items = [posixpath.normpath(item) for item in items]
        if not set(items) <= set(given.get(key) or []):
            return False
    return not (wanted.get('get_checksum', True) and not given.get('get_checksum', True))


class TestModule(object):
    """Ansible jinja2 tests"""

    def tests(self):
        return {'rtc_read_covers': rtc_read_covers}
