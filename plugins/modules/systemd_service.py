# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# The work is done by the action plugin of the same name (plugins/action/systemd_service.py); this
# file holds its documentation.

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
module: systemd_service
short_description: ansible.builtin.systemd_service that skips the host when a role's one read shows the unit as wanted
version_added: 0.1.0
author: rtcstack.debian contributors (!UNKNOWN)
description:
  - When the task asks a loaded unit to be started or stopped, enabled or disabled, or not masked, and
    O(known_services) shows it so, the task reports no change without any call to the host.
  - Every other task does what M(ansible.builtin.systemd_service) does with the same arguments
    (O(known_services) removed). Where pipelining is on, the action sends the module's steps for a
    systemd unit (daemon-reload, mask or unmask, enable or disable, then start, stop, restart or
    reload, each only when C(systemctl) shows it due) to the host's Python as a few lines of the
    standard library, without the module's imports, and returns the module's result.
  - The builtin module itself runs where pipelining is off, for an option not listed here, for
    arguments the module would refuse, and for a unit systemd does not know or could not load.
options:
  name:
    description: The unit, as for M(ansible.builtin.systemd_service).
    type: str
  state:
    description: As for M(ansible.builtin.systemd_service); V(started) and V(stopped) can be answered from O(known_services).
    type: str
  enabled:
    description: As for M(ansible.builtin.systemd_service).
    type: bool
  masked:
    description: As for M(ansible.builtin.systemd_service); only V(false) can be answered from O(known_services).
    type: bool
  daemon_reload:
    description: As for M(ansible.builtin.systemd_service); when true the host is always asked.
    type: bool
  no_block:
    description: As for M(ansible.builtin.systemd_service); when true the host is always asked.
    type: bool
  known_services:
    description:
      - The C(services) result of M(rtcstack.debian.stat_paths), read on the host before this task and
        covering the unit it names.
      - Without it, or when it does not show the unit as wanted, the task asks the host.
    type: dict
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - rtcstack.debian.attributes.no_diff
notes:
  - Any option this module does not list is passed on to the builtin module, and the task then always runs it.
  - The direct way leaves the module's C(invocation) out of the result.
  - A unit stopped on the host after the read is only seen by the next run; a role that restarts a unit
    between its read and this task passes a read that no longer holds (or none).
seealso:
  - module: ansible.builtin.systemd_service
  - module: rtcstack.debian.stat_paths
"""

EXAMPLES = r"""
- name: Read the role's packages, files and service
  rtcstack.debian.stat_paths:
    paths: [/etc/prosody/prosody.cfg.lua]
    packages: [prosody]
    services: [prosody]
  register: __files

- name: Start Prosody now and at boot
  rtcstack.debian.systemd_service:
    name: prosody
    state: started
    enabled: true
    known_services: "{{ __files.services }}"
"""

RETURN = r"""
status:
  description:
    - The unit's properties before the task (C(systemctl show)).
    - From the read (C(LoadState), C(ActiveState), C(UnitFileState), C(Id)) when it answered.
  returned: success
  type: dict
"""
