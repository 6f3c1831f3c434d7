#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# The work is done by the action plugin of the same name (plugins/action/os_facts.py); this file holds
# its documentation.

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
module: os_facts
short_description: The host's distribution facts from one shell call, without a Python module on the host
version_added: 0.3.0
author: rtcstack.debian contributors (!UNKNOWN)
description:
  - Reads C(/etc/os-release) (or C(/usr/lib/os-release)) and C(/etc/debian_version) with C(cat), in one call
    through the connection and without O(ignore:become) (both files are world-readable), and sets the facts
    C(distribution), C(distribution_major_version), C(distribution_version), C(distribution_release) and
    C(os_family) under the names M(ansible.builtin.setup) gives them.
  - The collection's roles read no other fact of the host. C(setup), even with C(gather_subset=min), runs a
    Python module on the host that collects some twenty kinds of facts; the collection's checks play
    (C(rtcstack.debian.checks), the first plays of C(rtcstack.debian.site)) uses this instead.
  - On Debian the values are those of C(setup) (C(Debian), C(12), C(12.8), C(bookworm), C(Debian)); C(distribution_version)
    is always the point release of C(/etc/debian_version), which C(setup) gives only where C(lsb_release) answers
    (else os-release's C(VERSION_ID), C(12)). On another system C(distribution) is the first word of its C(NAME), which
    is enough for the roles to name what they refuse.
options: {}
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - rtcstack.debian.attributes.NO_DIFF
seealso:
  - module: ansible.builtin.setup
"""

EXAMPLES = r"""
- name: Read the host's Debian release, as the roles' checks need it
  rtcstack.debian.os_facts:

- name: Refuse a release the roles do not support
  ansible.builtin.assert:
    that: ansible_facts['distribution'] == 'Debian' and ansible_facts['distribution_major_version'] in ['12', '13']
"""

RETURN = r"""
ansible_facts:
  description: The five facts, as M(ansible.builtin.setup) names them.
  returned: success
  type: dict
  sample:
    distribution: Debian
    distribution_major_version: '12'
    distribution_version: '12.8'
    distribution_release: bookworm
    os_family: Debian
"""
