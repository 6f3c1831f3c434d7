#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
module: preflight
short_description: Run a role's checks of its inventory in one task, each with its own message
version_added: 0.3.0
author: rtcstack.debian contributors (!UNKNOWN)
description:
  - Evaluates each check of the list O(checks_var) names in order, its C(that) as M(ansible.builtin.assert)
    evaluates its own, and stops at the first that does not hold, with that check's C(fail_msg) as the task's
    C(msg) and its C(name) as RV(check). A filter or test that raises while a check is evaluated fails the same way,
    with the error's text.
  - One task instead of one per check - a task costs Ansible 30 to 150 ms on its own here - and the checks
    share the variables of the task.
  - The checks are a variable of the task (O(checks_var) names it), which Ansible leaves as written until
    something reads it, where a task's arguments are templated before the action runs. So each condition is
    evaluated and each message templated only when its turn comes, and a message may read what an earlier
    check has just found valid, or the loop's item.
  - Runs on the controller only (an action plugin); this file documents it.
options:
  checks_var:
    description:
      - The name of a variable of the task, usually set in the task's C(vars), that holds the checks in the order
        they run, each a mapping with these keys.
      - C(name) (required), what the check proves, shown as RV(check) when it refuses.
      - C(that) (required), a conditional or a list of conditionals, as M(ansible.builtin.assert) takes them.
      - C(fail_msg), the message when a conditional does not hold, naming the variable, what was expected and
        what came (default C(Assertion failed)).
      - C(when), a conditional or a list of them; the check runs only when they hold (for each item with C(loop)).
      - C(loop), a list; the check runs for each of its items, as C(item); C(index_var), the name of a variable
        that holds the item's index.
      - C(vars), variables of this check alone, templated when a conditional or the message reads them.
    type: str
    required: true
  lists_var:
    description:
      - The name of a variable that maps the role's list settings (variable name to value) before the checks run.
      - Checked first, as the check C(Check that the list settings are lists) - a string given for a list would
        pass the argument spec (which splits it at commas) and be read by the tasks as the string it is. The
        message names the variable, says it expected a list and shows what came (a string as it was written,
        unless O(secret_lists) names it).
    type: str
  secret_lists:
    description: The variables of O(lists_var) whose value a refusal must not show (user lists with passwords).
    type: list
    elements: str
    default: []
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - rtcstack.debian.attributes.NO_DIFF
"""

EXAMPLES = r"""
# A role's own checks: the list settings first (a mapping of their names to their values), then the rules.
- name: Check the settings of the role
  rtcstack.debian.preflight:
    lists_var: __myrole_lists
    secret_lists: [rtc_users]
    checks_var: __myrole_checks
  vars:
    __myrole_lists:
      rtc_users: "{{ rtc_users }}"
      sip_proxy_static_routes: "{{ sip_proxy_static_routes }}"
    __myrole_checks:
      - name: Check the realm of the TURN users
        that: rtc_turn_realm | length > 0
        fail_msg: "rtc_turn_realm: the TURN realm must not be empty (it defaults to rtc_domain)"

      - name: Check each static route's pattern
        that: item.pattern is string
        fail_msg: "sip_proxy_static_routes[{{ index }}]: pattern must be a string, got {{ item.pattern }}"
        loop: "{{ sip_proxy_static_routes }}"
        index_var: index
"""

RETURN = r"""
check:
  description: The name of the check that refused.
  returned: failure
  type: str
  sample: Check the realm of the TURN users
assertion:
  description: The conditional that did not hold.
  returned: when a conditional did not hold
  type: str
  sample: rtc_turn_realm | length > 0
msg:
  description: The refusing check's message, or how many checks passed.
  returned: always
  type: str
  sample: 6 checks passed
"""
