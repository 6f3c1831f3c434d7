#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
module: coturn_users
short_description: Make coturn's long-term credential users in its SQLite database exactly a given list
version_added: 0.1.0
author: rtcstack.debian contributors (!UNKNOWN)
description:
  - Reads the rows of coturn's C(turnusers_lt) table and, when they are not exactly O(users) in O(realm),
    replaces them in one transaction (C(BEGIN IMMEDIATE), delete, insert, commit) through Python's
    C(sqlite3) with bound parameters, so that no name, key or realm is ever part of an SQL text.
  - coturn reads the table at each authentication; a change needs no restart and leaves open
    allocations alone.
  - Only the HA1 keys are stored (never a password); the result and the diff name the users, never a key.
options:
  path:
    description: coturn's SQLite database (C(userdb) in C(turnserver.conf)); it must exist unless in check mode.
    type: path
    required: true
  realm:
    description: The realm every user gets (coturn's C(realm)).
    type: str
    required: true
  users:
    description: The users, each with C(name) and C(ha1), the hex MD5 of C(name:realm:password) (coturn's C(hmackey)).
    type: list
    elements: dict
    required: true
    suboptions:
      name:
        description: The user name.
        type: str
        required: true
      ha1:
        description: The user's key (never shown in the result).
        type: str
        required: true
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - rtcstack.debian.attributes
notes:
  - Needs Python's C(sqlite3) module on the host (part of Debian's C(python3)).
"""

EXAMPLES = r"""
- name: Make coturn's users those of the inventory
  rtcstack.debian.coturn_users:
    path: /var/lib/turn/turndb
    realm: falcot.com
    users:
      - name: joe
        ha1: 0123456789abcdef0123456789abcdef
"""

RETURN = r"""
added:
  description: The users the table gains.
  returned: success
  type: list
  elements: str
removed:
  description: The users it loses (a row of another realm counts as removed).
  returned: success
  type: list
  elements: str
updated:
  description: The users that get a new key.
  returned: success
  type: list
  elements: str
checksum:
  description:
    - The SHA-1 of the database file once the run is done (before the change in check mode), empty when it does
      not exist. The turn role records it, so that a rerun which finds the same file and the same users needs
      no module run.
  returned: success
  type: str
"""

import os

from ansible.module_utils.basic import AnsibleModule

try:
    import sqlite3
    HAS_SQLITE3 = True
except ImportError:  # pragma: no cover - Debian's python3 has it
    HAS_SQLITE3 = False


def plan(current, wanted, realm):
    """Whether the rows (name, key, realm) differ from {name: key} in realm, and the names that change."""
    in_realm = dict((name, key) for name, key, row_realm in current if row_realm == realm)
    elsewhere = set('%s@%s' % (name, row_realm) for name, _key, row_realm in current if row_realm != realm)
    added = sorted(set(wanted) - set(in_realm))
    removed = sorted((set(in_realm) - set(wanted)) | elsewhere)
    updated = sorted(name for name in set(wanted) & set(in_realm) if wanted[name] != in_realm[name])
    changed = sorted(current) != sorted((name, key, realm) for name, key in wanted.items())
    return changed, added, removed, updated


def main():
    module = AnsibleModule(
        argument_spec=dict(
            path=dict(type='path', required=True),
            realm=dict(type='str', required=True),
            users=dict(type='list', elements='dict', required=True, options=dict(
                name=dict(type='str', required=True),
                ha1=dict(type='str', required=True, no_log=True))),
        ),
        supports_check_mode=True,
    )
    if not HAS_SQLITE3:
        module.fail_json(msg="Python's sqlite3 module is missing on the host")
    path, realm = module.params['path'], module.params['realm']
    wanted = {}
    for index, user in enumerate(module.params['users']):
        if user['name'] in wanted:
            module.fail_json(msg='users[%d]: the name %r is listed twice' % (index, user['name']))
        wanted[user['name']] = user['ha1'].lower()

    if os.path.exists(path):
        try:
            connection = sqlite3.connect(path, isolation_level=None)
            current = connection.execute('SELECT name, hmackey, realm FROM turnusers_lt').fetchall()
        except sqlite3.Error as exc:
            module.fail_json(msg='cannot read coturn users from %s: %s' % (path, exc))
    elif module.check_mode:
        connection, current = None, []
    else:
        module.fail_json(msg='%s does not exist; coturn makes it when it is installed' % path)

    current = [(name, (key or '').lower(), row_realm) for name, key, row_realm in current]
    changed, added, removed, updated = plan(current, wanted, realm)
    result = dict(changed=changed, added=added, removed=removed, updated=updated)
    if module._diff:
        result['diff'] = dict(before='\n'.join(sorted('%s@%s' % (n, r) for n, _k, r in current)) + '\n',
                              after='\n'.join(sorted('%s@%s' % (n, realm) for n in wanted)) + '\n')
    if changed and not module.check_mode:
        try:
            connection.execute('BEGIN IMMEDIATE')
            connection.execute('DELETE FROM turnusers_lt')
            connection.executemany('INSERT INTO turnusers_lt (realm, name, hmackey) VALUES (?, ?, ?)',
                                   [(realm, name, key) for name, key in sorted(wanted.items())])
            connection.execute('COMMIT')
        except sqlite3.Error as exc:
            if connection.in_transaction:
                connection.execute('ROLLBACK')
            module.fail_json(msg='cannot write coturn users to %s: %s' % (path, exc))
    if connection is not None:
        connection.close()
    result['checksum'] = module.sha1(path) if os.path.exists(path) else ''
    module.exit_json(**result)


if __name__ == '__main__':
    main()
