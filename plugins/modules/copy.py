# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# The work is done by the action plugin of the same name (plugins/action/copy.py); this file holds
# its documentation.

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
module: copy
short_description: ansible.builtin.copy that skips the host when a role's one read shows the copy as made
version_added: 0.1.0
author: rtcstack.debian contributors (!UNKNOWN)
description:
  - When O(known_files) shows the copy as made, the task reports no change without any call to the host.
    With O(remote_src=true), O(src) and O(dest) must be listed as regular files with the same SHA-1; for a
    file on the controller or O(content), O(dest) must be listed with its SHA-1; for a directory on the
    controller copied by its content (O(src) ending in C(/)), O(dest) and each subdirectory must be listed
    as directories and each file with its SHA-1. Each file must have the O(owner), O(group) and octal
    O(mode) the task asks for.
  - In every other case (a path that is not listed or differs, another option, a link in the source
    tree, a vaulted source) the task runs M(ansible.builtin.copy) with the same arguments, O(known_files)
    removed. A file changed on the host after the read is therefore only seen by the next run.
  - With O(remote_src=true) both files are compared as they were when read, so the source must not be
    written between the read and the copy (a last-good copy of a configuration the same run writes is
    not a use for this module).
options:
  src:
    description: The source, as for M(ansible.builtin.copy). One of O(src) and O(content) is required.
    type: path
  content:
    description: The file's content (text), as for M(ansible.builtin.copy).
    type: str
  dest:
    description: The destination, as for M(ansible.builtin.copy).
    type: path
    required: true
  remote_src:
    description: As for M(ansible.builtin.copy).
    type: bool
    default: false
  owner:
    description: The owner of each file, as for M(ansible.builtin.copy).
    type: str
  group:
    description: The group of each file, as for M(ansible.builtin.copy).
    type: str
  mode:
    description: The mode of each file, as for M(ansible.builtin.copy); only octal modes are compared.
    type: raw
  directory_mode:
    description: As for M(ansible.builtin.copy); it only applies to directories the copy creates.
    type: raw
  backup:
    description: As for M(ansible.builtin.copy).
    type: bool
    default: false
  validate:
    description: As for M(ansible.builtin.copy); runs only when a file is written.
    type: str
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - rtcstack.debian.attributes
  - rtcstack.debian.known_files
seealso:
  - module: ansible.builtin.copy
  - module: ansible.builtin.find
"""

EXAMPLES = r"""
- name: Read the certificate and the copy Apache serves
  rtcstack.debian.stat_paths:
    paths: [/etc/ssl/certs/rtcstack.pem, /var/lib/rtcstack/served/web_phone.pem]
  register: __files

- name: Keep a copy of the certificate Apache serves
  rtcstack.debian.copy:
    src: /etc/ssl/certs/rtcstack.pem
    dest: /var/lib/rtcstack/served/web_phone.pem
    remote_src: true
    owner: root
    group: root
    mode: "0644"
    known_files: "{{ __files.files }}"
"""

RETURN = r"""
dest:
  description: The destination.
  returned: success
  type: str
"""
