# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: controller_files
short_description: The type, mode and checksum of paths on the controller, without a module run
version_added: 0.1.0
author: rtcstack.debian contributors (!UNKNOWN)
description:
  - Returns one mapping per path, in order, read on the controller with C(os.lstat). It is what
    M(ansible.builtin.stat) or M(ansible.builtin.find) delegated to C(localhost) return, for a fraction
    of the cost (no module run), so that a pass which finds the controller's files unchanged needs no
    module there.
  - A missing path is returned with C(exists=false) and nothing else.
options:
  _terms:
    description: Absolute paths on the controller.
    type: list
    elements: path
    required: true
  integrity:
    description:
      - Also return the Subresource Integrity string of each regular file (V(sha512-) and the base64 of its
        SHA-512), the form npm's C(integrity) field uses.
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: Create the CA's directory only when it is not there with its mode
  ansible.builtin.file:
    path: "{{ pki_ca_dir }}"
    state: directory
    mode: "0700"
  delegate_to: localhost
  when: not (__ca_dir.isdir | default(false) and __ca_dir.mode == '0700')
  vars:
    __ca_dir: "{{ query('rtcstack.debian.controller_files', pki_ca_dir) | first }}"
"""

RETURN = r"""
_raw:
  description: One mapping per path.
  type: list
  elements: dict
  contains:
    path:
      description: The path as given.
      type: str
    exists:
      description: Whether the path exists (a symbolic link is not followed).
      type: bool
    isdir:
      description: A directory.
      type: bool
    isreg:
      description: A regular file.
      type: bool
    mode:
      description: The permission bits, four octal digits as M(ansible.builtin.find) gives them (V(0600)).
      type: str
    checksum:
      description: SHA-1 of a regular file's content, as M(ansible.builtin.find) gives it with C(get_checksum).
      type: str
    integrity:
      description: The file's Subresource Integrity string, with O(integrity).
      type: str
"""

import base64
import hashlib
import os
import stat

from ansible.errors import AnsibleLookupError
from ansible.module_utils.common.text.converters import to_bytes, to_native
from ansible.plugins.lookup import LookupBase


def describe(path, integrity=False):
    """What find or stat would say of one path (and its SRI string)."""
    try:
        st = os.lstat(to_bytes(path, errors='surrogate_or_strict'))
    except FileNotFoundError:
        return {'path': path, 'exists': False}
    info = {'path': path, 'exists': True, 'isdir': stat.S_ISDIR(st.st_mode), 'isreg': stat.S_ISREG(st.st_mode),
            'mode': '%04o' % stat.S_IMODE(st.st_mode)}
    if info['isreg']:
        sha1 = hashlib.sha1()  # nosec - the checksum find and stat report, compared, not trusted
        sha512 = hashlib.sha512()
        with open(to_bytes(path, errors='surrogate_or_strict'), 'rb') as f:
            for block in iter(lambda: f.read(65536), b''):
                sha1.update(block)
                if integrity:
                    sha512.update(block)
        info['checksum'] = sha1.hexdigest()
        if integrity:
            info['integrity'] = 'sha512-' + base64.b64encode(sha512.digest()).decode('ascii')
    return info


class LookupModule(LookupBase):
    """The controller_files lookup."""

    def run(self, terms, variables=None, **kwargs):
        self.set_options(var_options=variables, direct=kwargs)
        result = []
        for term in terms:
            if not isinstance(term, str) or not os.path.isabs(term):
                raise AnsibleLookupError('rtcstack.debian.controller_files: expected an absolute path, got %r' % (term, ))
            try:
                result.append(describe(term, integrity=self.get_option('integrity')))
            except OSError as exc:
                raise AnsibleLookupError('rtcstack.debian.controller_files: cannot read %s: %s' % (term, to_native(exc)))
        return result
