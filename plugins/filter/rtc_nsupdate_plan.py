# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_nsupdate_plan
short_description: The RFC 2136 updates that give a zone exactly the stack's records
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - For a zone hosted elsewhere, computes the updates for C(community.general.nsupdate) that add the stack's
    records, remove the records a previous run added and the stack no longer has, and keep every value that
    someone else put into the same RRsets.
  - What the previous run managed is remembered in the zone itself, as one TXT string per record
    (C(<owner> <TYPE> <value>), with V(') for V(")) at O(tracking_owner); the plan rewrites it last.
  - An RRset that must lose a value is removed and then written whole, because C(community.general.nsupdate)
    with O(ignore:state=present) only adds missing values.
positional: current, domain, tracking_owner
options:
  _input:
    description:
      - The stack's records, as P(rtcstack.debian.rtc_records#filter) returns them (owners relative to O(domain)).
    type: list
    elements: dict
    required: true
  current:
    description:
      - The values the server answers now, keyed C(<owner> <TYPE>) (owner relative, lowercase), for every RRset
        that P(rtcstack.debian.rtc_nsupdate_rrsets#filter) lists, including the tracking record.
    type: dict
    required: true
  domain:
    description:
      - The domain the owners are relative to (C(rtc_domain)).
    type: string
    required: true
  tracking_owner:
    description:
      - The owner, relative to O(domain), of the TXT record that remembers the managed records.
    type: string
    default: _rtcstack
seealso:
  - plugin: rtcstack.debian.rtc_nsupdate_rrsets
    plugin_type: filter
  - module: community.general.nsupdate
"""

EXAMPLES = r"""
---
- name: Apply the plan
  community.general.nsupdate:
    server: 198.51.100.53
    key_name: rtcstack
    key_secret: "{{ tsig_secret }}"
    key_algorithm: hmac-sha256
    zone: falcot.com
    record: "{{ item.record }}"
    type: "{{ item.type }}"
    state: "{{ item.state }}"
    value: "{{ item.value if item.state == 'present' else omit }}"
  loop: "{{ records | rtcstack.debian.rtc_nsupdate_plan(current, 'falcot.com') }}"
  no_log: true
"""

RETURN = r"""
_value:
  description:
    - The updates in order, each with C(record) (absolute, with a trailing dot), C(type), C(state)
      (V(present) or V(absent)) and C(value) (the whole RRset for V(present), empty for V(absent)).
  type: list
  elements: dict
  sample:
    - {record: _turn._udp.falcot.com., type: SRV, state: present, value: [0 1 3467 turn-server.falcot.com.]}
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._zone import nsupdate_plan  # noqa: E402


def rtc_nsupdate_plan(desired, current, domain, tracking_owner='_rtcstack'):
    """The nsupdate updates that bring the zone to ``desired``."""
    return run_filter('rtc_nsupdate_plan', nsupdate_plan, desired, current, domain, tracking_owner)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_nsupdate_plan': rtc_nsupdate_plan}
