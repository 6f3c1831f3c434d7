# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_zone_serial
short_description: The SOA serial of a zone file, changed only when the zone's content changes
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - Compares the SHA-256 digest of O(content) (everything the zone file holds except its serial) with the digest
    recorded in the current zone file O(_input), on the marker line
    C(; rtcstack zone content sha256 <digest> serial <serial>).
  - When the digests are equal, the current serial is kept, so that a second run writes the same file.
  - Otherwise the new serial is the larger of the current serial plus one and O(date) followed by V(00)
    (C(YYYYMMDDnn), the convention of RFC 1912 section 2.2). The current serial is read from the marker,
    or from the SOA record of a zone file the role did not write.
  - A serial above 4294967295 is refused.
positional: content, date
options:
  _input:
    description:
      - The text of the zone file as it is now; an empty string when there is none.
    type: string
    required: true
  content:
    description:
      - The zone's content without its serial, exactly as it will be written.
    type: string
    required: true
  date:
    description:
      - Today as C(YYYYMMDD), for example from C(now(utc=true\).strftime('%Y%m%d'\)).
    type: string
    required: true
seealso:
  - plugin: rtcstack.debian.rtc_records
    plugin_type: filter
  - name: RFC 1912, Common DNS Operational and Configuration Errors
    description: Section 2.2 recommends the YYYYMMDDnn serial.
    link: https://www.rfc-editor.org/rfc/rfc1912#section-2.2
"""

EXAMPLES = r"""
---
- name: Serial for the falcot.com zone
  ansible.builtin.debug:
    msg: "{{ current_zone_text | rtcstack.debian.rtc_zone_serial(zone_body, now(utc=true).strftime('%Y%m%d')) }}"
  # {'serial': 2026112600, 'digest': '3f0c...', 'changed': true}
"""

RETURN = r"""
_value:
  description:
    - C(serial), the serial to write; C(digest), the SHA-256 of O(content) in hexadecimal, for the marker line;
      C(changed), whether the serial differs from the current one.
  type: dict
  sample: {serial: 2026112600, digest: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08, changed: true}
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._zone import zone_serial  # noqa: E402


def rtc_zone_serial(current, content, date):
    """{serial, digest, changed} of a zone whose content is ``content``."""
    return run_filter('rtc_zone_serial', zone_serial, current, content, date)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_zone_serial': rtc_zone_serial}
