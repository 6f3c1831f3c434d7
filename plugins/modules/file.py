# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# The work is done by the action plugin of the same name (plugins/action/file.py); this file holds
# its documentation.

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
module: file
short_description: ansible.builtin.file that skips the host for a directory or link a role's one read shows as wanted
version_added: 0.1.0
author: rtcstack.debian contributors (!UNKNOWN)
description:
  - With O(state=directory), when O(known_files) lists O(path) as a directory (not a link to one) with
    the O(owner), O(group) and octal O(mode) the task asks for, the task reports no change without any
    call to the host.
  - With O(state=link), when O(known_files) lists O(path) as a symbolic link whose target is O(src) as
    written, the task reports no change without any call to the host (O(force) and O(follow) change
    nothing then).
  - Every other task (another state, another option, a path that is not listed or differs) runs
    M(ansible.builtin.file) with the same arguments, O(known_files) removed. A directory changed on the
    host after the read is therefore only seen by the next run.
options:
  path:
    description: The path, as for M(ansible.builtin.file).
    type: path
    required: true
    aliases: [dest, name]
  state:
    description: As for M(ansible.builtin.file); only V(directory) and V(link) can be answered from O(known_files).
    type: str
  src:
    description: The target of a link, as for M(ansible.builtin.file).
    type: path
  force:
    description: As for M(ansible.builtin.file).
    type: bool
  follow:
    description: As for M(ansible.builtin.file).
    type: bool
  owner:
    description: The owner, as for M(ansible.builtin.file).
    type: str
  group:
    description: The group, as for M(ansible.builtin.file).
    type: str
  mode:
    description: The mode, as for M(ansible.builtin.file); only octal modes are compared.
    type: raw
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - rtcstack.debian.attributes
  - rtcstack.debian.known_files
seealso:
  - module: ansible.builtin.file
  - module: ansible.builtin.find
"""

EXAMPLES = r"""
- name: Read what the role writes
  rtcstack.debian.stat_paths:
    paths: [/usr/share/rtcstack-web-phone, /usr/share/rtcstack-web-phone/rtcstack/index.html]
  register: __files

- name: Create the phone's directory
  rtcstack.debian.file:
    path: /usr/share/rtcstack-web-phone
    state: directory
    owner: root
    group: root
    mode: "0755"
    known_files: "{{ __files.files }}"
"""

RETURN = r"""
path:
  description: The path.
  returned: success
  type: str
state:
  description: What the path is now.
  returned: success
  type: str
"""
