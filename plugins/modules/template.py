# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# The work is done by the action plugin of the same name (plugins/action/template.py); this file
# holds its documentation.

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
module: template
short_description: ansible.builtin.template that skips the host when a role's find shows the file as wanted
version_added: 0.1.0
author: rtcstack.debian contributors (!UNKNOWN)
description:
  - Renders O(src) on the controller, like M(ansible.builtin.template). When O(known_files) lists O(dest)
    as a regular file with the rendered content's SHA-1 and with the O(owner), O(group) and O(mode) the
    task asks for, the task reports no change without any call to the host.
  - In every other case (the file is not listed, differs, is a link, the task uses an option other than
    those below, the template does not render to text) the task runs M(ansible.builtin.template) with the
    same arguments, O(known_files) removed. A file changed on the host after the find is therefore only
    seen by the next run.
  - The collection's roles read the files each writes with one M(rtcstack.debian.stat_paths) (dns with
    one M(ansible.builtin.find)) and pass its C(files), so that a run that changes nothing costs one
    module call per role instead of two per file.
options:
  src:
    description: The template, as for M(ansible.builtin.template).
    type: path
    required: true
  dest:
    description: Where the rendered file goes on the host, as for M(ansible.builtin.template).
    type: path
    required: true
  owner:
    description: The file's owner, as for M(ansible.builtin.template).
    type: str
  group:
    description: The file's group, as for M(ansible.builtin.template).
    type: str
  mode:
    description: The file's mode, as for M(ansible.builtin.template); only octal modes are compared.
    type: raw
  backup:
    description: As for M(ansible.builtin.template).
    type: bool
    default: false
  validate:
    description: As for M(ansible.builtin.template); runs only when the file is written.
    type: str
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - rtcstack.debian.attributes
  - rtcstack.debian.known_files
seealso:
  - module: ansible.builtin.template
  - module: ansible.builtin.find
"""

EXAMPLES = r"""
- name: Read the files this role writes
  ansible.builtin.find:
    paths: [/etc/kamailio]
    patterns: [kamailio.cfg, tls.cfg]
    get_checksum: true
  register: __files

- name: Write tls.cfg
  rtcstack.debian.template:
    src: etc/kamailio/tls.cfg.j2
    dest: /etc/kamailio/tls.cfg
    owner: root
    group: kamailio
    mode: "0640"
    known_files: "{{ __files.files }}"
"""

RETURN = r"""
checksum:
  description: SHA-1 of the file.
  returned: success
  type: str
dest:
  description: The file.
  returned: success
  type: str
"""
