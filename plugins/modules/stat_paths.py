#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
module: stat_paths
short_description: The state of several paths, and of packages, in one module run
version_added: 0.1.0
author: rtcstack.debian contributors (!UNKNOWN)
description:
  - Reads each of O(paths) with C(lstat) (a link is reported as the link) and returns one entry per path
    that exists, with the keys M(ansible.builtin.find) gives its C(files), the SHA-1 of each regular file,
    and the target of each link.
  - A path that does not exist is left out of RV(files) and listed in RV(missing), without a warning, so
    that a role can read everything it writes before it creates any of it.
  - With O(packages), it also reads those packages' state from dpkg's database, and with O(services) the
    state of those systemd units.
  - An action plugin of the same name sends the reading code (standard library only) to the host's Python
    through the connection, as a pipelined module is sent, without the AnsiballZ payload a module run carries
    (about 0.2 s of the host's CPU). Where pipelining is off or impossible, this module runs instead; both give
    the same result.
  - The collection's roles pass RV(files) as C(known_files) to M(rtcstack.debian.template),
    M(rtcstack.debian.copy) and M(rtcstack.debian.file), and RV(packages) as C(known_packages) to
    M(rtcstack.debian.apt), which then need no host call for what is already as wanted.
options:
  paths:
    description: Absolute paths to read.
    type: list
    elements: path
    required: true
  get_checksum:
    description: Whether to give the SHA-1 of each regular file.
    type: bool
    default: true
  packages:
    description:
      - Debian packages whose state to read from dpkg's database, with one C(dpkg-query), in the same run.
      - M(rtcstack.debian.apt) takes RV(packages) as C(known_packages).
    type: list
    elements: str
    default: []
  services:
    description:
      - systemd units whose state to read, with one C(systemctl show), in the same run.
      - M(rtcstack.debian.systemd_service) takes RV(services) as C(known_services).
    type: list
    elements: str
    default: []
  groups:
    description:
      - Groups whose members to read from the group database, in the same run.
      - A role compares RV(groups) with the user it adds to a group, and asks the host only when it is not there.
    type: list
    elements: str
    default: []
  contents:
    description:
      - Regular files whose content to return, base64-encoded as M(ansible.builtin.slurp) returns it, in the
        same run. A file that does not exist is left out of RV(contents).
      - For small public files only, such as a zone or a configuration file, because the content is part of the
        module's result, which C(-v) shows. Never list a private key or a credential file. A file larger than 1 MiB
        is refused.
    type: list
    elements: path
    default: []
  commands:
    description:
      - Commands that only read, run in the same module run, each an argv list whose first item is an absolute
        path; a command whose program does not exist is not run. Each result is in RV(commands).
      - For a probe such as C(apache2ctl -S), which a role needs before it changes anything and which would
        otherwise cost a module run of its own. Never a command that changes anything, since this module
        runs in check mode too.
    type: list
    elements: list
    default: []
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - rtcstack.debian.attributes.no_diff
seealso:
  - module: ansible.builtin.find
  - module: ansible.builtin.stat
"""

EXAMPLES = r"""
- name: Read the directories and files the role writes
  rtcstack.debian.stat_paths:
    paths:
      - /usr/share/rtcstack-web-phone
      - /etc/rtcstack-web-phone/config.js
  register: __files

- name: Create the phone's directory
  rtcstack.debian.file:
    path: /usr/share/rtcstack-web-phone
    state: directory
    mode: "0755"
    known_files: "{{ __files.files }}"
"""

RETURN = r"""
commands:
  description: One entry per item of O(commands), in their order.
  returned: success
  type: list
  elements: dict
  contains:
    argv:
      description: The command.
      type: list
      elements: str
    rc:
      description: Its exit status, V(null) when its program does not exist.
      type: int
    stdout:
      description: What it printed.
      type: str
    stderr:
      description: What it printed on standard error.
      type: str
read:
  description:
    - What this run read, its arguments with each path normalised, so that a later task can tell whether
      this result answers what it would read (C(rtcstack.debian.rtc_read_covers)).
  returned: success
  type: dict
  contains:
    paths:
      description: O(paths).
      type: list
      elements: str
    get_checksum:
      description: O(get_checksum).
      type: bool
    packages:
      description: O(packages).
      type: list
      elements: str
    services:
      description: O(services).
      type: list
      elements: str
    groups:
      description: O(groups).
      type: list
      elements: str
    contents:
      description: O(contents).
      type: list
      elements: str
files:
  description: One entry per existing path, in the order of O(paths).
  returned: success
  type: list
  elements: dict
  contains:
    path:
      description: The path as given, normalised.
      type: str
    mode:
      description: The permission bits in octal.
      type: str
    isreg:
      description: A regular file.
      type: bool
    isdir:
      description: A directory.
      type: bool
    islnk:
      description: A symbolic link.
      type: bool
    pw_name:
      description: The owner's name, empty when the uid has none.
      type: str
    gr_name:
      description: The group's name, empty when the gid has none.
      type: str
    checksum:
      description: SHA-1 of a regular file's content.
      type: str
      returned: regular files, with O(get_checksum)
    lnk_target:
      description: What a link points to, as written.
      type: str
      returned: links
missing:
  description: The paths that do not exist.
  returned: success
  type: list
  elements: str
packages:
  description:
    - Each of O(packages) that dpkg knows, with its state (C(installed), C(config-files), ...) and
      version. A package dpkg has never heard of is left out.
  returned: success
  type: dict
  sample: {"kamailio": {"status": "installed", "version": "5.6.3-2+deb12u1"}}
services:
  description:
    - Each of O(services), as systemd reports it (C(LoadState), C(ActiveState), C(UnitFileState), C(Id)).
    - Empty when systemd gave no answer; a unit systemd does not know has C(LoadState=not-found).
  returned: success
  type: dict
  sample: {"kamailio": {"Id": "kamailio.service", "LoadState": "loaded", "ActiveState": "active", "UnitFileState": "enabled"}}
groups:
  description: The supplementary members of each of O(groups) that exists (a group that does not is left out).
  returned: success
  type: dict
  sample: {"ssl-cert": ["kamailio", "prosody"]}
contents:
  description: The base64 content of each file of O(contents) that exists, by its path as given.
  returned: success
  type: dict
  sample: {"/etc/bind/named.conf.local": "aW5jbHVkZSAiL2V0Yy9iaW5kL25hbWVkLmNvbmYucnRjc3RhY2siOwo="}
"""

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.rtcstack.debian.plugins.module_utils.stat_paths_read import ReadError, read

# The action of the same name (plugins/action/stat_paths.py) runs module_utils/stat_paths_read.py on the
# host without this module; this module runs it through AnsiballZ where the connection cannot pipe.


def main():
    module = AnsibleModule(
        argument_spec=dict(paths=dict(type='list', elements='path', required=True),
                           get_checksum=dict(type='bool', default=True),
                           packages=dict(type='list', elements='str', default=[]),
                           services=dict(type='list', elements='str', default=[]),
                           groups=dict(type='list', elements='str', default=[]),
                           contents=dict(type='list', elements='path', default=[]),
                           commands=dict(type='list', elements='list', default=[])),
        supports_check_mode=True,
    )
    try:
        module.exit_json(changed=False, **read(module.params))
    except ReadError as exc:
        module.fail_json(msg=str(exc))


if __name__ == '__main__':
    main()
