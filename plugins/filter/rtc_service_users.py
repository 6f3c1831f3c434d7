# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
name: rtc_service_users
short_description: Turn the inventory's one user list into what one daemon stores
version_added: 0.1.0
author: rtcstack.debian contributors
description:
  - The inventory declares each user once, in C(rtc_users), with a name, the services the user may use, and
    either a password or an HA1 together with the realm it was computed for.
  - This filter checks the whole list, not only the users of O(service). It then returns the users of
    O(service) in list order, in the form that service's daemon needs.
  - For the digest services V(sip) and V(turn), each user gets an C(ha1) for O(realm), computed as in
    P(rtcstack.debian.digest_ha1#filter) when the password is known. The password is kept in the item
    only when it is known.
  - For V(xmpp), each user gets the password, because Prosody stores SCRAM credentials, which cannot
    be derived from an HA1.
  - Error messages name the user, by name or by position in the list, and what is wrong. They never
    include a password or an HA1.
positional: service, realm
options:
  _input:
    description:
      - The user list. Each item is a mapping with these keys.
      - C(name) (required) must match C(^[a-z0-9][a-z0-9._+-]{0,63}$), which is safe for XMPP nodeprep,
        htdigest, coturn and Kamailio. Names must be unique.
      - C(services) (required) is a non-empty list of V(sip), V(xmpp) and V(turn), without duplicates.
      - C(password) is a non-empty string without control characters.
      - C(ha1) is an MD5 HA1 (32 hexadecimal digits, either case) and C(realm) is the realm it was computed for.
      - Give exactly one of C(password) and C(ha1). C(realm) is only allowed with C(ha1). Any other key is refused.
    type: list
    elements: dict
    required: true
  service:
    description:
      - The service whose users are wanted.
    type: string
    required: true
    choices: [sip, xmpp, turn]
  realm:
    description:
      - The realm of the service's digest authentication. It is required for V(sip) and V(turn).
      - A user given with C(ha1) and listing O(service) must have been hashed for this realm, otherwise the filter fails.
    type: string
seealso:
  - plugin: rtcstack.debian.digest_ha1
    plugin_type: filter
"""

EXAMPLES = r"""
---
# rtc_users:
#   - name: joe
#     services: [sip, xmpp, turn]
#     password: "{{ vault_joe_password }}"
#   - name: kiosk
#     services: [sip]
#     ha1: 0e4d0a6b3bd3ac8b8e5c8df0a7c4f8a1
#     realm: falcot.com

- name: Kamailio subscribers, as name and HA1
  ansible.builtin.set_fact:
    sip_subscribers: "{{ rtc_users | rtcstack.debian.rtc_service_users('sip', realm=rtc_sip_realm) }}"
  no_log: true

- name: Prosody accounts, as name and password
  ansible.builtin.set_fact:
    xmpp_accounts: "{{ rtc_users | rtcstack.debian.rtc_service_users('xmpp') }}"
  no_log: true

- name: coturn user= lines
  ansible.builtin.copy:
    dest: /etc/turnserver.d/users.conf
    content: |
      {% for user in rtc_users | rtcstack.debian.rtc_service_users('turn', realm=rtc_turn_realm) %}
      user={{ user.name }}:0x{{ user.ha1 }}
      {% endfor %}
    mode: "0600"
  no_log: true
"""

RETURN = r"""
_value:
  description:
    - The users of O(service), in list order.
    - For V(sip) and V(turn), each item has C(name) and C(ha1) (lowercase hexadecimal), and C(password)
      only when the password is known.
    - For V(xmpp), each item has C(name) and C(password).
  type: list
  elements: dict
  sample:
    - name: joe
      ha1: 5b6f2f5d5c0e1b4b3c0c8bb1b4d1f2a9
      password: correct horse battery staple
"""

from ansible_collections.rtcstack.debian.plugins.plugin_utils._filter import run_filter, unvault, unvault_tree  # noqa: E402
from ansible_collections.rtcstack.debian.plugins.plugin_utils._users import service_users  # noqa: E402


def rtc_service_users(users, service, realm=None):
    """The users of one service, as its daemon stores them."""
    return run_filter('rtc_service_users', service_users, unvault_tree(users), service, unvault(realm))


class FilterModule(object):
    """Ansible jinja2 filters"""

    def filters(self):
        return {'rtc_service_users': rtc_service_users}
