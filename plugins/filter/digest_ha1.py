# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: digest_ha1
short_description: Compute the HTTP Digest HA1 of a user, realm and password
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - Returns H(C(user:realm:password)) as lowercase hexadecimal digits, the HA1 of RFC 2617 section 3.2.2.2
    and RFC 7616 section 3.4.2. The three strings are joined and encoded as UTF-8.
  - This single value serves several daemons, provided the realm is the same string everywhere.
    It is the third field of an C(htdigest) file line and the C(ha1) column of Kamailio's subscriber table.
    Written as C(0x) followed by the HA1, it is also the key of a coturn C(user=NAME:0x<ha1>) line and
    of a reTurn users file with hashed passwords.
  - Error messages name the parameter that is wrong but never include the password.
positional: user, realm, algorithm
options:
  _input:
    description:
      - The password. It must be a non-empty string without control characters.
    type: string
    required: true
  user:
    description:
      - The user name. It must be a non-empty string without V(:) or control characters.
    type: string
    required: true
  realm:
    description:
      - The realm the HA1 is valid for, for example the SIP domain or coturn's C(realm=).
      - It must be a non-empty string without V(:) or control characters.
    type: string
    required: true
  algorithm:
    description:
      - The digest algorithm, case-insensitive.
      - V(md5) gives 32 hexadecimal digits, as used by htdigest, Kamailio, coturn and reTurn.
      - V(sha-256) gives the 64 hexadecimal digits of RFC 7616.
    type: string
    default: md5
    choices: [md5, sha-256]
seealso:
  - plugin: rtcstack.debian.rtc_service_users
    plugin_type: filter
  - name: RFC 2617, HTTP Authentication
    description: Section 3.2.2.2 defines A1 and so HA1.
    link: https://www.rfc-editor.org/rfc/rfc2617#section-3.2.2.2
  - name: RFC 7616, HTTP Digest Access Authentication
    description: Section 3.4.2 adds SHA-256.
    link: https://www.rfc-editor.org/rfc/rfc7616#section-3.4.2
"""

EXAMPLES = r"""
---
- name: Write an htdigest file line for the repro admin user
  ansible.builtin.copy:
    dest: /etc/repro/users.txt
    content: "admin:{{ realm }}:{{ admin_password | rtcstack.debian.digest_ha1('admin', realm) }}\n"
    mode: "0640"
  no_log: true
  vars:
    realm: falcot.com

- name: Show coturn's published example key (turnadmin -k -u ninefingers -r north.gov -p youhavetoberealistic)
  ansible.builtin.debug:
    # bc807ee29df3c9ffa736523fb2c4e8ee
    msg: "user=ninefingers:0x{{ 'youhavetoberealistic' | rtcstack.debian.digest_ha1('ninefingers', 'north.gov') }}"

- name: An RFC 7616 SHA-256 HA1
  ansible.builtin.debug:
    msg: "{{ 'Circle of Life' | rtcstack.debian.digest_ha1('Mufasa', 'http-auth@example.org', algorithm='sha-256') }}"
"""

RETURN = r"""
_value:
  description:
    - The HA1 in lowercase hexadecimal, 32 digits for V(md5) and 64 for V(sha-256).
  type: string
  sample: bc807ee29df3c9ffa736523fb2c4e8ee
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter, unvault  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._ha1 import digest_ha1  # noqa: E402


def digest_ha1_filter(password, user, realm, algorithm='md5'):
    """HA1 = H(user:realm:password) in lowercase hex."""
    return run_filter('digest_ha1', digest_ha1, unvault(password), unvault(user), unvault(realm), algorithm)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'digest_ha1': digest_ha1_filter}
