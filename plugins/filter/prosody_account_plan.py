# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: prosody_account_plan
short_description: Plan the Prosody admin-shell commands that make a host's accounts match a user list
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - Compares the accounts Prosody stores for one host with the users it should have, and returns which accounts
    to create, which to give a new password, which to remove, and the C(prosodyctl shell) commands that do it
    (C(user:create), C(user:password), C(user:delete)).
  - An account needs a new password when its SCRAM-SHA-1 credentials were not made from the user's password, as
    P(rtcstack.debian.prosody_scram_matches#filter) tells without changing anything. So when everything matches, the
    plan is empty and a second run changes nothing.
  - The commands quote JIDs and passwords as Lua strings. They hold the passwords; the lists of names do not.
  - Error messages name the user but never include a password or stored credentials.
positional: users, host, prune
options:
  _input:
    description:
      - The accounts stored for O(host), as a mapping of account name to the account's data as Prosody serializes it
        (C(return { ["salt"] = "..."; ... })), or as a list of such C([name, data]) pairs.
    type: raw
    required: true
  users:
    description:
      - The users the host should have, each a mapping with C(name) (lowercase letters, digits and C(. _ + -)) and
        C(password) (no control characters, valid for SASLprep), as P(rtcstack.debian.rtc_service_users#filter) returns
        them for V(xmpp).
    type: list
    elements: dict
    required: true
  host:
    description:
      - The VirtualHost, for example V(falcot.com).
    type: string
    required: true
  prune:
    description:
      - Remove the stored accounts that O(users) does not list.
    type: boolean
    default: true
seealso:
  - plugin: rtcstack.debian.prosody_scram_matches
    plugin_type: filter
  - plugin: rtcstack.debian.rtc_service_users
    plugin_type: filter
"""

EXAMPLES = r"""
---
- name: Plan the accounts of falcot.com
  ansible.builtin.set_fact:
    plan: "{{ stored | rtcstack.debian.prosody_account_plan(rtc_users | rtcstack.debian.rtc_service_users('xmpp'), 'falcot.com') }}"
  no_log: true
  vars:
    stored:
      joe: return { ["salt"] = "..."; ["iteration_count"] = 10000; ["stored_key"] = "..."; ["server_key"] = "..." }

- name: Apply it through the running server
  ansible.builtin.command:
    cmd: prosodyctl shell
    stdin: "{{ plan.commands | join('\n') }}"
  when: plan.commands | length > 0
  no_log: true
"""

RETURN = r"""
_value:
  description: The plan.
  type: dict
  contains:
    create:
      description: The users that have no account yet, in the order of O(users).
      type: list
      elements: string
    password:
      description: The accounts whose stored credentials do not hold the user's password, in the order of O(users).
      type: list
      elements: string
    remove:
      description: The stored accounts that O(users) does not list, sorted (empty when O(prune) is false).
      type: list
      elements: string
    commands:
      description: One admin-shell command per change, creations first, removals last. They hold passwords.
      type: list
      elements: string
      sample:
        - user:create("alice@falcot.com", "...")
        - user:password("joe@falcot.com", "...")
        - user:delete("bob@falcot.com")
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter, unvault, unvault_tree  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._prosody import account_plan  # noqa: E402


def prosody_account_plan(stored, users, host, prune=True):
    """The changes, and the admin-shell commands, that make the host's accounts match the users."""
    return run_filter('prosody_account_plan', account_plan, unvault_tree(stored), unvault_tree(users), unvault(host), prune)


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'prosody_account_plan': prosody_account_plan}
