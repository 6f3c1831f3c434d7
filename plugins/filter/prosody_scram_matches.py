# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: prosody_scram_matches
short_description: Tell whether a Prosody account holds a given password, without changing it
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - Prosody's C(internal_hashed) authentication stores no password, only SCRAM-SHA-1 credentials (RFC 5802) in
    the account file C(<data_path>/<host>/accounts/<user>.dat), namely a salt, an iteration count, C(stored_key) and
    C(server_key).
  - This filter derives StoredKey and ServerKey from the password with the account's own salt and iteration count,
    after SASLprep (RFC 4013) as Prosody does, and compares them with the stored ones. It returns V(true) when they match.
  - So a role can set a password only when it differs, and a second run changes nothing, without knowing the old
    password and without writing anything to find out.
  - An empty input (no account file) and a file without SCRAM credentials return V(false).
  - Error messages never include the password or the stored keys.
positional: password
options:
  _input:
    description:
      - The account's data as Prosody serializes it (C(return { ["salt"] = "..."; ... };)), the text of its
        C(.dat) file or what C(util.serialization) prints in the admin shell. An empty string means that there is no account.
    type: string
    required: true
  password:
    description:
      - The password the account should hold. A non-empty string without control characters that passes SASLprep.
    type: string
    required: true
seealso:
  - plugin: rtcstack.debian.prosody_account_plan
    plugin_type: filter
  - name: RFC 5802, SCRAM
    description: Section 3 defines SaltedPassword, ClientKey, StoredKey and ServerKey.
    link: https://www.rfc-editor.org/rfc/rfc5802#section-3
"""

EXAMPLES = r"""
---
- name: Read joe's account on falcot.com (Prosody's internal storage)
  ansible.builtin.slurp:
    src: /var/lib/prosody/falcot%2ecom/accounts/joe.dat
  register: joe_account
  no_log: true

- name: Tell whether it holds joe's password
  ansible.builtin.debug:
    msg: "{{ joe_account.content | b64decode | rtcstack.debian.prosody_scram_matches(joe_password) }}"
  no_log: true
"""

RETURN = r"""
_value:
  description:
    - V(true) when the account's SCRAM-SHA-1 credentials were made from the password, V(false) otherwise
      (including no account and an account without SCRAM credentials).
  type: boolean
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter, unvault  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._prosody import scram_matches  # noqa: E402


def prosody_scram_matches(account, password):
    """True when the account file holds SCRAM-SHA-1 credentials for the password."""
    return run_filter('prosody_scram_matches', scram_matches, unvault(account), unvault(password))


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'prosody_scram_matches': prosody_scram_matches}
