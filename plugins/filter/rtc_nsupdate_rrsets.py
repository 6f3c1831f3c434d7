# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_nsupdate_rrsets
short_description: The RRsets whose current values the RFC 2136 plan needs
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - Lists, as C(<owner> <TYPE>), each RRset of the stack's records and each RRset named by the tracking record's
    strings, in order and without repeats. Query each of them before computing
    P(rtcstack.debian.rtc_nsupdate_plan#filter).
positional: tracked
options:
  _input:
    description:
      - The stack's records, as P(rtcstack.debian.rtc_records#filter) returns them.
    type: list
    elements: dict
    required: true
  tracked:
    description:
      - The strings of the tracking TXT record as the server answers them now (an empty list when there is none).
    type: list
    elements: string
    required: true
seealso:
  - plugin: rtcstack.debian.rtc_nsupdate_plan
    plugin_type: filter
"""

EXAMPLES = r"""
---
- name: RRsets to query
  ansible.builtin.debug:
    msg: "{{ records | rtcstack.debian.rtc_nsupdate_rrsets(tracked) }}"
  # ['@ A', 'server1 A', 'server1 AAAA', ..., '_turns._tcp SRV']
"""

RETURN = r"""
_value:
  description:
    - C(<owner> <TYPE>) strings, owners relative and lowercase, types uppercase.
  type: list
  elements: string
  sample: ['@ A', '_turn._udp SRV']
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._zone import nsupdate_queries  # noqa: E402


def rtc_nsupdate_rrsets(desired, tracked):
    """The RRsets to query before planning."""
    return run_filter('rtc_nsupdate_rrsets', nsupdate_queries, desired, tracked)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_nsupdate_rrsets': rtc_nsupdate_rrsets}
