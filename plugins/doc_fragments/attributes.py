# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type


class ModuleDocFragment(object):

    # The attributes of the collection's modules that change a POSIX host, with full check and diff
    # support (copy, file, template, coturn_users; apt narrows the platform to Debian in its own
    # documentation, which wins over a fragment). Used with ansible.builtin.action_common_attributes.
    DOCUMENTATION = r"""
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
  platform:
    platforms: posix
"""

    # The same for modules that show no diff (stat_paths reads, systemd_service starts and enables, warn only warns).
    NO_DIFF = r"""
attributes:
  check_mode:
    support: full
  diff_mode:
    support: none
  platform:
    platforms: posix
"""
