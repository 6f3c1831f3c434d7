# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_not_lists
short_description: Say which of a role's list settings is not a list, and what it is instead
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - A role's argument spec turns a string given for a C(type=list) option into a list when it validates it,
    but the role's tasks read the variable as it was given, and a loop over a string fails with Ansible's
    generic message, which does not name the variable. The roles' checks refuse the first message this
    filter returns for their list settings, through M(rtcstack.debian.preflight)'s O(rtcstack.debian.preflight#module:lists_var).
  - "Returns one message per setting that is not a list, in the order given, of the form
    C(<name>: expected a list, got the string 'e164.arpa'; write it as a list: ['e164.arpa']). A string is
    quoted unless its name is in O(secret); anything else is described by its type only."
options:
  _input:
    description: The role's list settings, by variable name.
    type: dict
    required: true
  secret:
    description: Names whose value may hold a secret (a user list with passwords) and is never shown.
    type: list
    elements: str
    default: []
"""

EXAMPLES = r"""
- name: Check that the list settings are lists
  ansible.builtin.assert:
    that: __not_lists | length == 0
    fail_msg: "{{ __not_lists | first | default('') }}"
    quiet: true
  vars:
    __not_lists: "{{ {'sip_proxy_enum_suffixes': sip_proxy_enum_suffixes} | rtcstack.debian.rtc_not_lists }}"
"""

RETURN = r"""
_value:
  description: The messages, empty when every setting is a list.
  type: list
  elements: str
"""

from collections.abc import Mapping  # noqa: E402

from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import RtcTypeError, is_list, type_name  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402


def not_lists(settings, secret=()):
    """One message per value of settings that is not a list."""
    if not isinstance(settings, Mapping):
        raise RtcTypeError('_input', 'expected a mapping of variable names to values, got %s' % type_name(settings))
    problems = []
    for name, value in settings.items():
        if is_list(value):
            continue
        if isinstance(value, str) and name not in secret:
            problems.append("%s: expected a list, got the string %r; write it as a list: [%r]" % (name, value, value))
        else:
            problems.append('%s: expected a list, got %s' % (name, type_name(value)))
    return problems


def rtc_not_lists(settings, secret=None):
    """The messages for the settings that are not lists."""
    return run_filter('rtc_not_lists', not_lists, settings, tuple(secret or ()))


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_not_lists': rtc_not_lists}
