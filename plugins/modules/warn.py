#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
module: warn
short_description: Show a warning about the inventory, among Ansible's own warnings
version_added: 0.3.0
author: rtcstack.debian contributors (!UNKNOWN)
description:
  - Adds O(msg) to the task's warnings, which Ansible shows as C([WARNING]) lines in the run's output (the
    same text once). The task reports no change and never fails on a valid O(msg).
  - The collection's roles use it in their checks where an inventory's choice is taken with less than it
    asked for (a feature turned off, a setting left unused), so that the run goes on and says why.
  - Runs on the controller only (an action plugin); this file documents it.
options:
  msg:
    description: The warning, naming the variable it is about and what the role does instead.
    type: str
    required: true
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - rtcstack.debian.attributes.NO_DIFF
notes:
  - Unlike M(ansible.builtin.debug), its text is counted among the run's warnings and shown even at
    verbosity 0 with a callback that hides C(ok) results.
"""

EXAMPLES = r"""
- name: Say that XEP-0215 is off when the TURN server cannot check its credentials
  rtcstack.debian.warn:
    msg: >-
      xmpp_turn_external: XEP-0215 is off: the TURN server runs reTurn, which has no TURN REST API.
  when: xmpp_turn_external and turn_implementation == 'reTurn'
"""

RETURN = r"""
msg:
  description: The warning, as shown.
  returned: success
  type: str
  sample: "xmpp_turn_external: XEP-0215 is off: the TURN server runs reTurn, which has no TURN REST API."
"""
