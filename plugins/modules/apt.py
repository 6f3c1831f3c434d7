# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# The work is done by the action plugin of the same name (plugins/action/apt.py); this file holds
# its documentation.

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
module: apt
short_description: ansible.builtin.apt that skips the host when a role's one read shows the packages installed
version_added: 0.1.0
author: rtcstack.debian contributors (!UNKNOWN)
description:
  - When the task asks for plain package names to be present and O(known_packages) shows each of them
    installed, the task reports no change without any call to the host.
  - Every other task (a version, a pattern or a C(.deb), another state, another option, a package the
    read does not show installed) runs M(ansible.builtin.apt) with the same arguments,
    O(known_packages) removed.
  - With nothing to install, O(cache_valid_time) does not refresh apt's lists, which the builtin module
    would do when they are older; the result is the same.
options:
  name:
    description: The packages, as for M(ansible.builtin.apt).
    type: list
    elements: str
    aliases: [package, pkg]
  state:
    description: As for M(ansible.builtin.apt); only V(present) can be answered from O(known_packages).
    type: str
  install_recommends:
    description: As for M(ansible.builtin.apt).
    type: bool
  cache_valid_time:
    description: As for M(ansible.builtin.apt).
    type: int
  known_packages:
    description:
      - The C(packages) result of M(rtcstack.debian.stat_paths), read on the host before this task and
        covering the packages it names.
      - Without it, or when it does not show every package installed, the task runs the builtin module.
    type: dict
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - rtcstack.debian.attributes
# Over the fragment's POSIX: apt runs on Debian only.
attributes:
  platform:
    platforms: debian
notes:
  - Any option this module does not list is passed on to the builtin module, and the task then always runs it.
  - A package removed on the host after the read is only seen by the next run.
seealso:
  - module: ansible.builtin.apt
  - module: rtcstack.debian.stat_paths
"""

EXAMPLES = r"""
- name: Read the role's packages and files
  rtcstack.debian.stat_paths:
    paths: [/etc/prosody/prosody.cfg.lua]
    packages: [prosody, lua-unbound]
  register: __files

- name: Install Prosody
  rtcstack.debian.apt:
    name: [prosody, lua-unbound]
    state: present
    cache_valid_time: 3600
    known_packages: "{{ __files.packages }}"
  register: __install
"""

RETURN = r"""
cache_updated:
  description: Whether apt's lists were refreshed (always false when the read answered).
  returned: success
  type: bool
"""
