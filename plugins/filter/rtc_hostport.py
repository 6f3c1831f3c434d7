# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_hostport
short_description: Join an address and a port the way a URI or a daemon's configuration writes them
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - Formats an IPv4 address, an IPv6 address or a DNS name together with a port.
  - With O(style=uri), an IPv6 address is put in brackets, as RFC 3986 requires in URIs and as
    most configuration files expect, for example V([2001:db8:1000:2000::19]:5061).
  - With O(style=plain), the address and the port are only joined by V(:), for example
    V(2001:db8:1000:2000::19:5061). This is the syntax of repro's configuration.
  - An IPv6 address is written in netaddr's compact lowercase form. An IPv6 address given in
    brackets is accepted. A DNS name is passed through unchanged.
  - Needs the Python C(netaddr) library on the controller.
positional: port, style
options:
  _input:
    description:
      - An IPv4 address, an IPv6 address or a DNS name.
    type: string
    required: true
  port:
    description:
      - The port, an integer or a string of digits between 1 and 65535.
      - When V(null), only the address is returned, in brackets for an IPv6 address with O(style=uri).
    type: int
  style:
    description:
      - V(uri) brackets IPv6 addresses, V(plain) does not.
    type: string
    default: uri
    choices: [uri, plain]
requirements:
  - netaddr (Python library, on the controller)
seealso:
  - plugin: rtcstack.debian.rtc_topology
    plugin_type: filter
"""

EXAMPLES = r"""
---
- name: Addresses for a configuration file
  ansible.builtin.debug:
    msg:
      # 198.51.100.19:5061
      - "{{ '198.51.100.19' | rtcstack.debian.rtc_hostport(5061) }}"
      # [2001:db8:1000:2000::19]:5061
      - "{{ '2001:DB8:1000:2000::19' | rtcstack.debian.rtc_hostport(5061) }}"
      # 2001:db8:1000:2000::19:5061 (repro's syntax)
      - "{{ '2001:db8:1000:2000::19' | rtcstack.debian.rtc_hostport(5061, style='plain') }}"
      # sip-proxy.falcot.com:5061
      - "{{ 'sip-proxy.falcot.com' | rtcstack.debian.rtc_hostport(5061) }}"
      # [2001:db8:1000:2000::19]
      - "{{ '2001:db8:1000:2000::19' | rtcstack.debian.rtc_hostport }}"
"""

RETURN = r"""
_value:
  description:
    - The address, followed by V(:) and the port when a port is given.
  type: string
  sample: '[2001:db8:1000:2000::19]:5061'
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._address import hostport  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter  # noqa: E402


def rtc_hostport(address, port=None, style='uri'):
    """address:port, IPv6 in brackets for style uri."""
    return run_filter('rtc_hostport', hostport, address, port, style)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_hostport': rtc_hostport}
