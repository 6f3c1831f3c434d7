# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type


class ModuleDocFragment(object):

    # The option of the modules that answer from a role's one read of the host (template, copy, file).
    DOCUMENTATION = r"""
options:
  known_files:
    description:
      - The C(files) result of M(rtcstack.debian.stat_paths), or of M(ansible.builtin.find) with
        O(ansible.builtin.find#module:get_checksum=true) (and O(ansible.builtin.find#module:file_type=any)
        for directories), read on the host before this task and covering the paths it writes.
      - Without it, or when it does not show every path as wanted, the task runs the builtin module.
    type: list
    elements: dict
notes:
  - Any option this module does not list is passed on to the builtin module, and the task then always runs it.
  - What changed on the host after the read is only seen by the next run.
seealso:
  - module: rtcstack.debian.stat_paths
"""
