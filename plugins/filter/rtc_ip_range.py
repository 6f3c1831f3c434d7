# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_ip_range
short_description: Write an IP network as the first-last range that coturn's peer rules take
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - coturn's C(denied-peer-ip) and C(allowed-peer-ip) take one address or a range V(first-last), not a
    prefix length. This filter turns a network such as V(10.0.0.0/8) into V(10.0.0.0-10.255.255.255).
  - A single address (or a V(/32) or V(/128) network) is returned alone. A range V(a-b) is checked and
    returned in canonical form.
  - IPv6 addresses are written in compact lowercase form; IPv4-mapped addresses keep their dotted tail,
    for example V(::ffff:0.0.0.0-::ffff:255.255.255.255).
  - A network with host bits set, such as V(10.0.0.1/8), is refused rather than widened.
  - Needs the Python C(netaddr) library on the controller.
options:
  _input:
    description:
      - An IP address, a network C(address/prefix), or a range C(first-last) of one address family.
    type: string
    required: true
requirements:
  - netaddr (Python library, on the controller)
"""

EXAMPLES = r"""
---
- name: coturn peer rules
  ansible.builtin.debug:
    msg:
      # denied-peer-ip=10.0.0.0-10.255.255.255
      - "denied-peer-ip={{ '10.0.0.0/8' | rtcstack.debian.rtc_ip_range }}"
      # denied-peer-ip=::ffff:0.0.0.0-::ffff:255.255.255.255
      - "denied-peer-ip={{ '::ffff:0:0/96' | rtcstack.debian.rtc_ip_range }}"
      # allowed-peer-ip=198.51.100.19
      - "allowed-peer-ip={{ '198.51.100.19' | rtcstack.debian.rtc_ip_range }}"
"""

RETURN = r"""
_value:
  description:
    - V(first-last), or the address alone when the range holds one address.
  type: string
  sample: 10.0.0.0-10.255.255.255
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._iprange import ip_range  # noqa: E402


def rtc_ip_range(value):
    """first-last of a network, as coturn's peer rules write it."""
    return run_filter('rtc_ip_range', ip_range, value)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_ip_range': rtc_ip_range}
