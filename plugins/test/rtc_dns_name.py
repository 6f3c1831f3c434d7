# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_dns_name
short_description: Whether a string is a DNS name by the collection's one rule
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - True for a name made of RFC 1123 labels (letters, digits and hyphens, 1 to 63 each, not starting or
    ending with a hyphen), 253 characters at most, whose last label is not all digits (a mistyped IPv4
    address is not a name). Letters of any case.
  - The same rule as the shared model's filters (C(rtcstack.debian.rtc_topology)); every role's preflight
    checks its names with this test, so that no two checks disagree.
options:
  _input:
    description: The string to check.
    type: raw
    required: true
  absolute:
    description: Allow a trailing dot. Names that a daemon uses as written must not have one.
    type: bool
    default: false
  wildcard:
    description: Allow V(*) as the first label (a certificate's names).
    type: bool
    default: false
  underscore:
    description: Allow V(_) in labels (an SOA contact's mailbox, SRV owners).
    type: bool
    default: false
  owner:
    description:
      - A zone's owner name, relative to the zone - V(@), a V(*) first label, V(_) and all-digit labels
        (reverse zones) allowed.
    type: bool
    default: false
seealso:
  - plugin: rtcstack.debian.rtc_dns_label
    plugin_type: test
"""

EXAMPLES = r"""
- name: Refuse a SIP domain that is not a DNS name
  ansible.builtin.assert:
    that: sip_proxy_domains | reject('rtcstack.debian.rtc_dns_name') | list | length == 0
    fail_msg: "sip_proxy_domains: {{ sip_proxy_domains | reject('rtcstack.debian.rtc_dns_name') | join(', ') }} are not DNS names"

- name: Names a certificate may carry
  ansible.builtin.assert:
    that: "'*.falcot.com' is rtcstack.debian.rtc_dns_name(wildcard=true)"
"""

RETURN = r"""
_value:
  description: Whether the string is such a name.
  type: bool
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import is_dns_name  # noqa: E402


def rtc_dns_name(value, absolute=False, wildcard=False, underscore=False, owner=False):
    """The collection's one rule for DNS names (plugin_utils/_common.is_dns_name)."""
    return is_dns_name(value, absolute=absolute, wildcard=wildcard, underscore=underscore, owner=owner)


class TestModule(object):
    """Ansible jinja2 tests"""

    def tests(self):
        return {'rtc_dns_name': rtc_dns_name}
