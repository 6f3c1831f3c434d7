# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_posix_regex
short_description: Check a POSIX extended regular expression before a daemon compiles it
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - Returns the pattern unchanged when it is a valid POSIX extended regular expression (ERE), and fails otherwise
    with a message that names O(name).
  - Daemons written in C, such as Kamailio (its C(=~) operator), compile patterns with C(regcomp), see regcomp(3), only when they
    start, after their configuration check. A bad pattern then stops the daemon. This filter compiles the pattern
    with the controller's C library C(regcomp) (flags C(REG_EXTENDED) and C(REG_ICASE)), as the daemon
    does, and falls back to Python's parser where no C library can be loaded.
  - Perl and Python spellings that an ERE does not have are refused, because C(regcomp) would accept some of them
    as something else. These are the escapes C(\d), C(\w) and C(\s), group extensions (an opening parenthesis
    followed by C(?)), and lazy or possessive quantifiers.
  - Double quotes and control characters are refused, because the pattern is written into a quoted string.
positional: name
options:
  _input:
    description:
      - The pattern.
    type: string
    required: true
  name:
    description:
      - The variable the pattern comes from, used in error messages.
    type: string
    default: pattern
"""

EXAMPLES = r"""
---
- name: Check the static routes' patterns before writing kamailio.cfg
  ansible.builtin.assert:
    that:
      - (item.pattern | rtcstack.debian.rtc_posix_regex('sip_proxy_static_routes[' ~ index ~ '].pattern')) is string
  loop: "{{ sip_proxy_static_routes }}"
  loop_control:
    index_var: index
"""

RETURN = r"""
_value:
  description:
    - The pattern, unchanged.
  type: string
  sample: '^00(44[0-9]{6,15})$'
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._posix_regex import posix_regex  # noqa: E402


def rtc_posix_regex(pattern, name='pattern'):
    """The pattern, when it is a valid POSIX ERE."""
    return run_filter('rtc_posix_regex', posix_regex, pattern, name)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_posix_regex': rtc_posix_regex}
