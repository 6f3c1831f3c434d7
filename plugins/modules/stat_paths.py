#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
module: stat_paths
short_description: The state of several paths in one module run, as ansible.builtin.find reports files
version_added: 0.1.0
author: rtcstack.debian contributors (!UNKNOWN)
description:
  - Reads each of O(paths) with C(lstat) (a link is reported as the link) and returns one entry per path
    that exists, with the keys M(ansible.builtin.find) gives its C(files), the SHA-1 of each regular file,
    and the target of each link.
  - A path that does not exist is left out of RV(files) and listed in RV(missing), without a warning, so
    that a role can read everything it writes before it creates any of it.
  - The collection's roles pass RV(files) as C(known_files) to M(rtcstack.debian.template),
    M(rtcstack.debian.copy) and M(rtcstack.debian.file), which then need no host call for what is already
    as wanted.
options:
  paths:
    description: Absolute paths to read.
    type: list
    elements: path
    required: true
  get_checksum:
    description: Whether to give the SHA-1 of each regular file.
    type: bool
    default: true
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
  diff_mode:
    support: none
  platform:
    platforms: posix
seealso:
  - module: ansible.builtin.find
  - module: ansible.builtin.stat
"""

EXAMPLES = r"""
- name: Read the directories and files the role writes
  rtcstack.debian.stat_paths:
    paths:
      - /usr/share/rtcstack-web-phone
      - /etc/rtcstack-web-phone/config.js
  register: __files

- name: Create the phone's directory
  rtcstack.debian.file:
    path: /usr/share/rtcstack-web-phone
    state: directory
    mode: "0755"
    known_files: "{{ __files.files }}"
"""

RETURN = r"""
files:
  description: One entry per existing path, in the order of O(paths).
  returned: success
  type: list
  elements: dict
  contains:
    path:
      description: The path as given, normalised.
      type: str
    mode:
      description: The permission bits in octal.
      type: str
    isreg:
      description: A regular file.
      type: bool
    isdir:
      description: A directory.
      type: bool
    islnk:
      description: A symbolic link.
      type: bool
    pw_name:
      description: The owner's name, empty when the uid has none.
      type: str
    gr_name:
      description: The group's name, empty when the gid has none.
      type: str
    checksum:
      description: SHA-1 of a regular file's content.
      type: str
      returned: regular files, with O(get_checksum)
    lnk_target:
      description: What a link points to, as written.
      type: str
      returned: links
missing:
  description: The paths that do not exist.
  returned: success
  type: list
  elements: str
"""

import grp
import os
import pwd
import stat

from ansible.module_utils.basic import AnsibleModule


def _name(lookup, number):
    try:
        return lookup(number)
    except KeyError:
        return ''


def entry(module, path, get_checksum):
    """find's keys for one path, or None when it does not exist."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        module.fail_json(msg='cannot read %s: %s' % (path, exc))
    info = {
        'path': path,
        'mode': '%04o' % stat.S_IMODE(st.st_mode),
        'isreg': stat.S_ISREG(st.st_mode),
        'isdir': stat.S_ISDIR(st.st_mode),
        'islnk': stat.S_ISLNK(st.st_mode),
        'uid': st.st_uid,
        'gid': st.st_gid,
        'pw_name': _name(lambda uid: pwd.getpwuid(uid).pw_name, st.st_uid),
        'gr_name': _name(lambda gid: grp.getgrgid(gid).gr_name, st.st_gid),
        'size': st.st_size,
        'mtime': st.st_mtime,
    }
    if info['isreg'] and get_checksum:
        info['checksum'] = module.digest_from_file(path, 'sha1')
    if info['islnk']:
        info['lnk_target'] = os.readlink(path)
    return info


def main():
    module = AnsibleModule(
        argument_spec=dict(paths=dict(type='list', elements='path', required=True),
                           get_checksum=dict(type='bool', default=True)),
        supports_check_mode=True,
    )
    files, missing = [], []
    for path in module.params['paths']:
        path = os.path.normpath(path)
        if not os.path.isabs(path):
            module.fail_json(msg='paths: %s is not an absolute path' % path)
        info = entry(module, path, module.params['get_checksum'])
        if info is None:
            missing.append(path)
        else:
            files.append(info)
    module.exit_json(changed=False, files=files, missing=missing)


if __name__ == '__main__':
    main()
