#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
module: controller_file
short_description: Write a small file on the controller, without starting a module
version_added: 0.3.0
author: rtcstack.debian contributors (!UNKNOWN)
description:
  - Makes O(dest) on the controller a regular file with O(content) and O(mode), in the controller's own
    process, where M(ansible.builtin.copy) delegated to C(localhost) starts a Python process and a module for it.
  - The new content goes into a temporary file in the destination's directory, which gets O(mode) before the
    content and then replaces O(dest) with one C(rename). A file with the same content only gets its mode.
  - The collection's pki role writes its records with it (its CA's, and each host's key and certificate's).
  - Runs on the controller only (an action plugin); this file documents it.
options:
  dest:
    description: The absolute path on the controller. Its directory must exist.
    type: path
    required: true
  content:
    description: The text to write (UTF-8).
    type: str
    required: true
  mode:
    description: The permission bits as an octal string.
    type: str
    default: "0600"
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - rtcstack.debian.attributes
notes:
  - The file is written as the user that runs Ansible on the controller (C(become) does not apply).
"""

EXAMPLES = r"""
- name: Record the CA's settings on the controller
  rtcstack.debian.controller_file:
    dest: "{{ pki_ca_dir }}/rtcstack-ca.json"
    content: "{{ record | to_nice_json }}\n"
    mode: "0600"
"""

RETURN = r"""
dest:
  description: The path written.
  returned: success
  type: str
  sample: /home/admin/.local/share/rtcstack/pki/falcot.com/rtcstack-ca.json
checksum:
  description: The SHA-1 of O(content).
  returned: success
  type: str
  sample: 2aae6c35c94fcfb415dbe95f408b9ce91ee846ed
mode:
  description: The mode, as given.
  returned: success
  type: str
  sample: "0600"
"""
