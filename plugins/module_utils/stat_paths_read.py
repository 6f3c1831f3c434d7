# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""What rtcstack.debian.stat_paths reads on the host, with the standard library only.

The stat_paths action sends this file's source (after those of dpkg.py, host_run.py and systemd.py) to
the host's Python through the connection and reads the JSON it prints: no AnsiballZ payload, whose
imports cost about 0.2 s of the host's CPU per run. The stat_paths module imports it too, for a
run where pipelining is off or impossible.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import base64
import grp
import hashlib
import os
import pwd
import stat

try:
    from ansible_collections.rtcstack.debian.plugins.module_utils.dpkg import parse_dpkg_query
    from ansible_collections.rtcstack.debian.plugins.module_utils.host_run import run as _run, which as _which
    from ansible_collections.rtcstack.debian.plugins.module_utils.systemd import PROPERTIES, parse_systemctl_show
except ImportError:
    # Sent to the host by the action: the sources of dpkg.py, host_run.py and systemd.py ran first, in
    # the same namespace.
    _run, _which = run, which  # pylint: disable=undefined-variable  # noqa: F821

# contents is for a zone or a configuration file, not for anything large.
CONTENT_LIMIT = 1024 * 1024


class ReadError(Exception):
    """The host could not be read as asked; the message says what and why."""


def _name(lookup, number):
    try:
        return lookup(number)
    except KeyError:
        return ''


def _sha1(path):
    digest = hashlib.sha1()
    with open(path, 'rb') as handle:
        for block in iter(lambda: handle.read(65536), b''):
            digest.update(block)
    return digest.hexdigest()


def entry(path, get_checksum):
    """find's keys for one path, or None when it does not exist."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ReadError('cannot read %s: %s' % (path, exc))
    info = {
        'path': path,
        'mode': '%04o' % stat.S_IMODE(st.st_mode),
        'isreg': stat.S_ISREG(st.st_mode),
        'isdir': stat.S_ISDIR(st.st_mode),
        'islnk': stat.S_ISLNK(st.st_mode),
        'uid': st.st_uid,
        'gid': st.st_gid,
        'pw_name': _name(lambda uid: pwd.getpwuid(uid).pw_name, st.st_uid),
        'gr_name': _name(lambda gid: grp.getgrgid(gid).gr_name, st.st_gid),
        'size': st.st_size,
        'mtime': st.st_mtime,
    }
    if info['isreg'] and get_checksum:
        try:
            info['checksum'] = _sha1(path)
        except OSError as exc:
            raise ReadError('cannot read %s: %s' % (path, exc))
    if info['islnk']:
        info['lnk_target'] = os.readlink(path)
    return info


def packages(names):
    """{name: {status, version}} for the names dpkg knows, from one dpkg-query."""
    if not names:
        return {}
    dpkg_query = _which('dpkg-query')
    if dpkg_query is None:
        raise ReadError('packages: dpkg-query is not on this host')
    # rc 1 only says that some name is unknown to dpkg; the known ones are still listed.
    rc, out, err = _run([dpkg_query, '--show', '--showformat', '${Package}\t${db:Status-Status}\t${Version}\n', '--'] + names)
    if rc not in (0, 1):
        raise ReadError('dpkg-query failed: %s' % err.strip())
    return parse_dpkg_query(out)


def services(names):
    """{name: {LoadState, ActiveState, UnitFileState, Id}} for the names, from one systemctl show."""
    systemctl = _which('systemctl') if names else None
    if systemctl is None:
        return {}
    rc, out, err = _run([systemctl, 'show', '--property', ','.join(PROPERTIES), '--'] + names)
    if rc != 0:
        # No answer (no systemd running, say): the service tasks ask the host themselves.
        return {}
    return parse_systemctl_show(out, names)


def group_members(names):
    """{group: [members]} from the group database, for the groups that exist."""
    members = {}
    for name in names:
        try:
            members[name] = list(grp.getgrnam(name).gr_mem)
        except KeyError:
            continue
    return members


def contents(paths):
    """{path: base64 content} for the regular files of paths that exist."""
    found = {}
    for path in paths:
        try:
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode):
                raise ReadError('contents: %s is not a regular file' % path)
            if st.st_size > CONTENT_LIMIT:
                raise ReadError('contents: %s has %d bytes, more than the %d this module returns' % (path, st.st_size, CONTENT_LIMIT))
            with open(path, 'rb') as handle:
                found[path] = base64.b64encode(handle.read()).decode('ascii')
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise ReadError('cannot read %s: %s' % (path, exc))
    return found


def run_commands(commands):
    """[{argv, rc, stdout, stderr}] for each command, rc None when its program does not exist."""
    results = []
    for argv in commands:
        argv = [str(item) for item in argv]
        if not argv or not os.path.isabs(argv[0]):
            raise ReadError('commands: %r does not start with an absolute path' % (argv, ))
        if not os.access(argv[0], os.X_OK):
            results.append(dict(argv=argv, rc=None, stdout='', stderr=''))
            continue
        rc, out, err = _run(argv)
        results.append(dict(argv=argv, rc=rc, stdout=out, stderr=err))
    return results


def read(params):
    """The module's result (without ``changed``) for its parameters, already checked for type."""
    files, missing = [], []
    paths = [os.path.normpath(path) for path in params['paths']]
    for path in paths:
        if not os.path.isabs(path):
            raise ReadError('paths: %s is not an absolute path' % path)
        info = entry(path, params['get_checksum'])
        if info is None:
            missing.append(path)
        else:
            files.append(info)
    asked = [os.path.normpath(path) for path in params['contents']]
    return dict(files=files, missing=missing, packages=packages(params['packages']),
                services=services(params['services']), groups=group_members(params['groups']),
                contents=contents(asked), commands=run_commands(params['commands']),
                read=dict(paths=paths, get_checksum=params['get_checksum'], packages=params['packages'],
                          services=params['services'], groups=params['groups'], contents=asked))
