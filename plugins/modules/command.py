#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# The work is done by the action plugin of the same name (plugins/action/command.py); this file holds
# its documentation.

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
module: command
short_description: Run a command on the host through the connection, without a Python module there
version_added: 0.3.0
author: rtcstack.debian contributors (!UNKNOWN)
description:
  - Runs O(argv) on the host as M(ansible.builtin.raw) does, through the connection and with O(ignore:become)
    as the task asks, and returns its exit code and output as M(ansible.builtin.command) does.
  - M(ansible.builtin.command) runs a Python module on the host for each command, which costs several times
    what most commands cost. The collection's roles use this for commands whose exit code and output are
    all they need (a daemon's checker, the wait for its sockets, a read through Prosody's admin shell).
  - Unlike M(ansible.builtin.raw), the command gets no terminal from the ssh connection where pipelining is on
    (as docs/connection.md recommends), so its standard error stays apart from its standard output and its
    lines end with LF. With pipelining off, ssh gives it a terminal, as it would give C(raw).
  - There is no standard input to give; a command that needs one, such as a password, stays with
    M(ansible.builtin.command) and its O(ansible.builtin.command#module:stdin), which keep it out of the
    host's process list.
options:
  argv:
    description:
      - The command and its arguments; each is quoted for the host's shell.
    type: list
    elements: str
    required: true
  stdin_src:
    description:
      - A file on the controller (a relative path is looked for in the role's C(files)) given to the command
        on its standard input, as a pipelined module is sent; where pipelining is off, the file goes to a
        temporary directory of the host first and the command reads it from there.
      - For an archive to unpack, say, without M(ansible.builtin.unarchive)'s module run on the host.
    type: path
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: none
    details: In check mode the task is skipped, unless it sets C(check_mode=false) (for a command that only reads).
  diff_mode:
    support: none
  platform:
    platforms: posix
notes:
  - Like M(ansible.builtin.command), the task reports a change unless C(changed_when) says otherwise, and
    fails on a non-zero exit code unless C(failed_when) says otherwise.
  - The arguments are visible in the host's process list while the command runs; never give a secret in O(argv).
seealso:
  - module: ansible.builtin.command
  - module: ansible.builtin.raw
"""

EXAMPLES = r"""
- name: Check Apache's whole configuration
  rtcstack.debian.command:
    argv: [apache2ctl, configtest]
  changed_when: false

- name: Unpack a tarball of the controller into a directory of the host
  rtcstack.debian.command:
    argv: [tar, -xzf, -, -C, /usr/share/example, --no-same-owner]
    stdin_src: /home/admin/.cache/example.tgz
"""

RETURN = r"""
cmd:
  description: The command, as given.
  returned: always
  type: list
  elements: str
rc:
  description: The exit code.
  returned: when the command ran
  type: int
stdout:
  description: The standard output, without its last newline.
  returned: when the command ran
  type: str
stdout_lines:
  description: The standard output, line by line.
  returned: when the command ran
  type: list
  elements: str
stderr:
  description: The standard error, without its last newline.
  returned: when the command ran
  type: str
stderr_lines:
  description: The standard error, line by line.
  returned: when the command ran
  type: list
  elements: str
"""
