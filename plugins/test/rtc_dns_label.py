# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_dns_label
short_description: Whether a string is one DNS label by the collection's one rule
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - True for one RFC 1123 label - letters, digits and hyphens, 1 to 63, not starting or ending with a
    hyphen; letters of any case. The labels of C(rtcstack.debian.rtc_dns_name) follow the same rule.
options:
  _input:
    description: The string to check.
    type: raw
    required: true
  underscore:
    description: Allow V(_) (an owner of a zone's own records, such as V(_rtcstack)).
    type: bool
    default: false
seealso:
  - plugin: rtcstack.debian.rtc_dns_name
    plugin_type: test
"""

EXAMPLES = r"""
- name: Refuse an owner that is not one label
  ansible.builtin.assert:
    that: dns_nsupdate_tracking_owner is rtcstack.debian.rtc_dns_label(underscore=true)
"""

RETURN = r"""
_value:
  description: Whether the string is one label.
  type: bool
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import is_dns_label  # noqa: E402


def rtc_dns_label(value, underscore=False):
    """One label by the collection's one rule (plugin_utils/_common.is_dns_label)."""
    return is_dns_label(value, underscore=underscore)


class TestModule(object):
    """Ansible jinja2 tests"""

    def tests(self):
        return {'rtc_dns_label': rtc_dns_label}
