#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# The action plugin of the same name (plugins/action/files.py) renders the templates on the controller
# and leaves out the items a role's read shows as wanted; this module writes the others on the host.

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

DOCUMENTATION = r"""
module: files
short_description: Write several files, directories and links in one module run
version_added: 0.3.0
author: rtcstack.debian contributors (!UNKNOWN)
description:
  - Makes each item of O(files), in order, a regular file with the given content, a directory or a symbolic
    link, or removes a file or link, each with its own owner, group and mode, checker (O(files[].validate)) and backup, in one module run
    instead of the two or three runs and a file transfer that M(ansible.builtin.template),
    M(ansible.builtin.copy) and M(ansible.builtin.file) take per path.
  - A template (O(files[].src) of a file item) is rendered on the controller as the builtin C(template) lookup
    renders it, which gives the text M(ansible.builtin.template) writes. The content travels inside the module's
    arguments (base64), never as a file of its own in the remote temporary directory.
  - With O(known_files), the items that read shows as wanted are not sent to the host; when that is every
    item, the task makes no host call at all.
  - A new file's content goes into a temporary file made in the destination's directory, which gets the
    file's owner, group and mode before the content, is checked by O(files[].validate), and then replaces
    the destination with one C(rename).
  - On the first item that fails the task fails, naming it as C(files[N]) with its path, with RV(results) for the
    items before it; the items after it are not touched.
options:
  files:
    description: What to write, in order (a directory before the files in it).
    type: list
    elements: dict
    required: true
    suboptions:
      dest:
        description: The absolute path to write.
        type: path
        required: true
      state:
        description:
          - C(file) writes a regular file with O(files[].src) or O(files[].content).
          - C(directory) makes a directory, and its missing parents as C(mkdir -p) does; only O(files[].dest)
            gets O(files[].owner), O(files[].group) and O(files[].mode).
          - C(link) makes O(files[].dest) a symbolic link to O(files[].src), replacing whatever else is
            there (but a directory), never following it.
          - C(absent) removes the file or link at O(files[].dest), if there is one (a link is removed, not
            what it points to); a directory is refused, never removed. It takes no other option.
        type: str
        choices: [file, directory, link, absent]
        default: file
      src:
        description:
          - For a file, the template, found and rendered on the controller as M(ansible.builtin.template)
            does (a role's C(templates/) first).
          - For a link, its target, written as given (it may be relative).
        type: str
      content:
        description: For a file, the text to write as it is (UTF-8), instead of O(files[].src).
        type: str
      remote_src:
        description:
          - For a file, the absolute path of a file on the host whose content it gets, read when the item is
            processed, instead of O(files[].src) or O(files[].content) (what M(ansible.builtin.copy) does with
            C(remote_src=true)). With O(known_files), the item is not sent when the read shows this file and
            O(files[].dest) with the same checksum.
        type: path
      content_base64:
        description:
          - The file's content, base64-encoded. The action plugin sets it from O(files[].src) or
            O(files[].content); a task does not give it.
        type: str
      owner:
        description: The owner's name. For a link, the link's own.
        type: str
      group:
        description: The group's name. For a link, the link's own.
        type: str
      mode:
        description:
          - The permission bits as an octal string, such as C("0640") (quoted, so that YAML keeps it a
            string). Anything else is refused. Not for links.
          - Without it, a new file gets C(0666) less the umask and an existing one keeps its mode.
        type: raw
      force:
        description:
          - For a file, C(false) leaves an existing file's content alone and only sets its owner, group and
            mode, as M(ansible.builtin.copy) with C(force=false) does.
        type: bool
        default: true
      backup:
        description:
          - For a file, keep its previous content beside it, as M(ansible.builtin.template) does;
            RV(results[].backup_file) names the copy.
        type: bool
        default: false
      validate:
        description:
          - For a file, a command with C(%s) that checks the new content in its temporary file before it
            replaces O(files[].dest); a non-zero exit fails the task and leaves O(files[].dest) as it was.
          - Not run in check mode.
        type: str
      vars:
        description:
          - For a file rendered from O(files[].src), variables of its own for the template, over the task's (what a
            loop variable would be to M(ansible.builtin.template) in a loop). The action plugin uses them; the host
            never gets them.
        type: dict
      secret:
        description:
          - The content never shows. The diff shows a placeholder in its place, and a failing
            O(files[].validate) reports its exit code only, not its output, which could quote the content.
          - The content is only ever in O(files[].dest) and its temporary file beside it.
        type: bool
        default: false
  known_files:
    description:
      - The C(files) result of M(rtcstack.debian.stat_paths), read on the host before this task and covering
        the paths it writes.
      - An item it lists as wanted (the same content, or any content with O(files[].force=false); the same
        owner, group and octal mode; a directory; a link to O(files[].src)) is not sent to the host. An item
        with O(files[].state=absent) is always sent (the read lists only what exists).
    type: list
    elements: dict
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - rtcstack.debian.attributes
notes:
  - What changed on the host after the read of O(known_files) is only seen by the next run.
  - Items are processed one after the other; a failure leaves the items before it written.
  - With pipelining off, Ansible writes every module with its arguments to the remote temporary directory
    before it runs it; the content of a O(files[].secret=true) item is then there for the run's duration, as
    it is for M(ansible.builtin.copy). The collection's connections use pipelining.
  - A path whose owner or group does not exist yet is reported as changed in check mode, where the task
    that creates the user did not run.
seealso:
  - module: ansible.builtin.template
  - module: ansible.builtin.copy
  - module: ansible.builtin.file
  - module: rtcstack.debian.stat_paths
"""

EXAMPLES = r"""
- name: Read what the role writes
  rtcstack.debian.stat_paths:
    paths: [/etc/exampled, /etc/exampled/exampled.conf, /etc/exampled/secret.key, /etc/exampled/current.conf]
  register: __files

- name: Write exampled's directory, configuration, secret and link
  rtcstack.debian.files:
    known_files: "{{ __files.files }}"
    files:
      - {dest: /etc/exampled, state: directory, owner: root, group: exampled, mode: "0750"}
      # Checked by the daemon's own tool before it replaces the old file, which is kept beside it.
      - {dest: /etc/exampled/exampled.conf, src: exampled.conf.j2, owner: root, group: exampled, mode: "0640",
         backup: true, validate: exampled --check-config %s}
      # Made once: a secret that is there already is left as it is, and never shown.
      - {dest: /etc/exampled/secret.key, content: "{{ exampled_secret }}", owner: root, group: exampled, mode: "0640",
         force: false, secret: true}
      - {dest: /etc/exampled/current.conf, state: link, src: exampled.conf}
  register: __written

- name: Say which paths changed
  ansible.builtin.debug:
    msg: "{{ __written.results | selectattr('changed') | map(attribute='dest') | list }}"
"""

RETURN = r"""
results:
  description:
    - One entry per item of O(files), in their order; an item O(known_files) showed as wanted has
      C(changed=false). When the task fails, only the items before the failing one.
    - Each entry can be used as the registered result of a M(rtcstack.debian.template) or
      M(ansible.builtin.file) task, for instance by the C(rtcstack.debian.rtc_restore_plan) filter.
  returned: always
  type: list
  elements: dict
  contains:
    dest:
      description: The item's path.
      type: str
    state:
      description: The item's state (C(file), C(directory), C(link) or C(absent)).
      type: str
    changed:
      description: Whether the item changed (in check mode, would change).
      type: bool
    checksum:
      description: SHA-1 of the file's content as written.
      type: str
      returned: files
    backup_file:
      description: The copy of the previous content O(files[].backup) made.
      type: str
      returned: files with O(files[].backup=true) whose content changed
    src:
      description: The link's target.
      type: str
      returned: links
    owner:
      description: The path's owner.
      type: str
    group:
      description: The path's group.
      type: str
    mode:
      description: The permission bits in octal.
      type: str
      returned: files and directories
diff:
  description: With C(--diff), one entry per change, with C(before), C(after), C(before_header) and C(after_header).
  returned: changed, in diff mode
  type: list
  elements: dict
"""

import base64
import binascii
import grp
import hashlib
import os
import pwd
import re
import stat
import tempfile

from ansible.module_utils.basic import AnsibleModule
from ansible.module_utils.common.text.converters import to_bytes, to_text

# Two texts, so that a changed secret still shows as a change in the diff.
SECRET_BEFORE = '(previous secret content, not shown)\n'
SECRET_AFTER = '(new secret content, not shown)\n'
OCTAL_MODE = re.compile(r'^[0-7]{3,4}$')

# The options each state takes besides dest, state, owner, group and secret; force and backup count
# only when they differ from their defaults.
STATE_OPTIONS = {
    'file': ('content', 'content_base64', 'remote_src', 'mode', 'force', 'backup', 'validate'),
    'directory': ('mode', ),
    'link': ('src', ),
    'absent': (),
}
DEFAULTS = dict(force=True, backup=False, secret=False)


class ItemError(Exception):
    """One item cannot be done: the task fails with this message and these result keys."""

    def __init__(self, msg, **extra):
        super(ItemError, self).__init__(msg)
        self.msg = msg
        self.extra = extra


def _lstat(path):
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _name(lookup, number):
    try:
        return lookup(number)
    except KeyError:
        return str(number)


def _owner_name(st):
    return _name(lambda uid: pwd.getpwuid(uid).pw_name, st.st_uid)


def _group_name(st):
    return _name(lambda gid: grp.getgrgid(gid).gr_name, st.st_gid)


def _exists(lookup, name):
    if name is None or name.isdigit():
        return True
    try:
        lookup(name)
    except KeyError:
        return False
    return True


def check_item(module, item):
    """Refuse an item whose options do not fit its state, before anything is written."""
    state = item['state']
    if not os.path.isabs(item['dest']):
        raise ItemError('dest must be an absolute path')
    if state == 'file' and item['src'] is not None:
        raise ItemError('src is a template the action plugin renders; the module takes content')
    for key, value in item.items():
        if key in ('dest', 'state', 'owner', 'group', 'secret') or value is None or value == DEFAULTS.get(key, None):
            continue
        if key not in STATE_OPTIONS[state]:
            raise ItemError('%s is not an option of state=%s' % (key, state))
    mode = item['mode']
    if mode is not None and not (isinstance(mode, str) and OCTAL_MODE.match(mode)):
        raise ItemError('mode must be an octal string such as "0640" (quoted in YAML), got %r' % (mode, ))
    if state == 'file':
        given = [key for key in ('content', 'content_base64', 'remote_src') if item[key] is not None]
        if len(given) != 1:
            raise ItemError('a file needs content (or src, or remote_src)')
        if item['remote_src'] is not None and not os.path.isabs(item['remote_src']):
            raise ItemError('remote_src must be an absolute path')
        if item['validate'] is not None and '%s' not in item['validate']:
            raise ItemError('validate must contain %%s: %s' % item['validate'])
    for key in ('owner', 'group'):
        if state == 'absent' and item[key] is not None:
            raise ItemError('%s is not an option of state=absent' % key)
    if state == 'link' and not item['src']:
        raise ItemError('a link needs src, its target')
    # Unknown names fail before any write; in check mode the task that creates them has not run.
    if not module.check_mode:
        if not _exists(pwd.getpwnam, item['owner']):
            raise ItemError('no user named %s' % item['owner'])
        if not _exists(grp.getgrnam, item['group']):
            raise ItemError('no group named %s' % item['group'])


def _content(item):
    if item['remote_src'] is not None:
        if not os.path.isfile(item['remote_src']):
            raise ItemError('remote_src %s is not a regular file on the host' % item['remote_src'])
        return _read(item['remote_src'])
    if item['content_base64'] is not None:
        try:
            return base64.b64decode(item['content_base64'], validate=True)
        except (binascii.Error, ValueError):
            raise ItemError('content_base64 is not base64')
    return to_bytes(item['content'], errors='surrogate_or_strict')


def _attribute_changes(st, item, link=False):
    """({attribute: current}, {attribute: wanted}) for the owner, group and mode that differ."""
    before, after = {}, {}
    owner, group, mode = item['owner'], item['group'], None if link else item['mode']
    if owner is not None and owner not in (_owner_name(st), str(st.st_uid)):
        before['owner'], after['owner'] = _owner_name(st), owner
    if group is not None and group not in (_group_name(st), str(st.st_gid)):
        before['group'], after['group'] = _group_name(st), group
    if mode is not None and int(mode, 8) != stat.S_IMODE(st.st_mode):
        before['mode'], after['mode'] = '%04o' % stat.S_IMODE(st.st_mode), '%04o' % int(mode, 8)
    return before, after


def _set_attributes(module, path, owner, group, mode):
    """Owner, group and mode through AnsibleModule (lchown: a link keeps its target's)."""
    args = module.load_file_common_arguments(dict(path=path, owner=owner, group=group, mode=mode))
    module.set_fs_attributes_if_different(args, False, expand=False)


def _apply_attributes(module, item, path, st, diffs, link=False):
    """Set the attributes of an existing path that differ; whether any did."""
    before, after = _attribute_changes(st, item, link)
    if not after:
        return False
    if module._diff:
        diffs.append(dict(before=dict(before, path=path), after=dict(after, path=path), before_header=path,
                          after_header=path))
    if not module.check_mode:
        _set_attributes(module, path, item['owner'], item['group'], None if link else item['mode'])
    return True


def _describe(result, path, item, link=False):
    """The owner, group and mode a result reports: the path's, or those wanted when it was not written."""
    st = _lstat(path)
    if st is None:
        result.update((key, item[key]) for key in ('owner', 'group', 'mode') if item[key] is not None)
        if link:
            result.pop('mode', None)
        return result
    result.update(owner=_owner_name(st), group=_group_name(st))
    if not link:
        result['mode'] = '%04o' % stat.S_IMODE(st.st_mode)
    return result


def _read(path):
    with open(path, 'rb') as f:
        return f.read()


def _show(item, data, placeholder):
    if item['secret']:
        return placeholder
    return to_text(data, errors='surrogate_or_replace')


def _write(module, item, data, st):
    """Put data at dest: a temporary file beside it gets the final owner, group and mode, then the
    content, passes validate, and replaces dest with one rename.

    Not AnsibleModule.atomic_move: after its rename it gives the file the old file's mode, or a new
    file the umask's, before the caller can set the one asked for, so that a secret would be readable
    by others for a moment.
    """
    dest = item['dest']
    directory = os.path.dirname(dest)
    if not os.path.isdir(directory):
        raise ItemError('the directory %s does not exist (an earlier item with state=directory makes it)' % directory)
    owner, group, mode = item['owner'], item['group'], item['mode']
    if st is not None and stat.S_ISREG(st.st_mode):
        # As the builtin modules do, a replaced file keeps what the task does not set.
        owner = owner if owner is not None else str(st.st_uid)
        group = group if group is not None else str(st.st_gid)
        mode = mode if mode is not None else '%04o' % stat.S_IMODE(st.st_mode)
    elif mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = '%04o' % (0o666 & ~umask)
    # A dot and a suffix of its own keep it out of the globs daemons include (conf.d/*.conf, sudoers.d).
    fd, tmp = tempfile.mkstemp(dir=directory, prefix='.%s.' % os.path.basename(dest), suffix='.rtcstack-tmp')
    try:
        with os.fdopen(fd, 'wb') as f:
            _set_attributes(module, tmp, owner, group, mode)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if item['validate'] is not None:
            rc, out, err = module.run_command(item['validate'] % tmp)
            if rc != 0:
                if item['secret']:
                    # The checker's words could quote the content.
                    raise ItemError('validate failed with rc %d (its output is not shown: the item is secret)' % rc, rc=rc)
                words = (err or out).strip()
                raise ItemError('validate failed with rc %d%s' % (rc, ': ' + words if words else ''), rc=rc, stdout=out,
                                stderr=err)
        backup = module.backup_local(dest) if item['backup'] and st is not None and stat.S_ISREG(st.st_mode) else None
        os.rename(tmp, dest)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)
    return backup


def ensure_file(module, item, diffs):
    dest = item['dest']
    data = _content(item)
    result = dict(dest=dest, state='file', changed=False, checksum=hashlib.sha1(data).hexdigest())
    st = _lstat(dest)
    regular = st is not None and stat.S_ISREG(st.st_mode)
    if st is not None and not regular and not stat.S_ISLNK(st.st_mode):
        raise ItemError('it exists and is not a regular file')
    if st is not None and not regular and not item['force']:
        raise ItemError('it is a link; force=false only leaves a regular file alone')
    current = module.digest_from_file(dest, 'sha1') if regular else None
    if regular and (not item['force'] or current == result['checksum']):
        result['checksum'] = current
        result['changed'] = _apply_attributes(module, item, dest, st, diffs)
        return _describe(result, dest, item)
    result['changed'] = True
    if module._diff:
        before = _show(item, _read(dest), SECRET_BEFORE) if regular else ''
        diffs.append(dict(before=before, after=_show(item, data, SECRET_AFTER), before_header=dest, after_header=dest))
    if regular:
        before, after = _attribute_changes(st, item)
        if after and module._diff:
            diffs.append(dict(before=dict(before, path=dest), after=dict(after, path=dest), before_header=dest,
                              after_header=dest))
    if not module.check_mode:
        backup = _write(module, item, data, st)
        if backup:
            result['backup_file'] = backup
    return _describe(result, dest, item)


def ensure_directory(module, item, diffs):
    dest = item['dest'].rstrip('/') or '/'
    result = dict(dest=item['dest'], state='directory', changed=False)
    st = _lstat(dest)
    if st is not None:
        if not stat.S_ISDIR(st.st_mode):
            raise ItemError('it exists and is not a directory (a link is not followed)')
        result['changed'] = _apply_attributes(module, item, dest, st, diffs)
        return _describe(result, dest, item)
    result['changed'] = True
    if module._diff:
        diffs.append(dict(before=dict(path=dest, state='absent'), after=dict(path=dest, state='directory'),
                          before_header=dest, after_header=dest))
    if not module.check_mode:
        parent = os.path.dirname(dest)
        if not os.path.isdir(parent):
            os.makedirs(parent)
        os.mkdir(dest, 0o700)
        # Made 0700, opened up to the wanted (or umask's) mode once owner and group are right.
        mode = item['mode']
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = '%04o' % (0o777 & ~umask)
        _set_attributes(module, dest, item['owner'], item['group'], mode)
    return _describe(result, dest, item)


def _state(st):
    if st is None:
        return 'absent'
    if stat.S_ISLNK(st.st_mode):
        return 'link'
    return 'directory' if stat.S_ISDIR(st.st_mode) else 'file'


def ensure_link(module, item, diffs):
    dest, target = item['dest'], item['src']
    result = dict(dest=dest, state='link', changed=False, src=target)
    st = _lstat(dest)
    if st is not None and stat.S_ISLNK(st.st_mode) and os.readlink(dest) == target:
        result['changed'] = _apply_attributes(module, item, dest, st, diffs, link=True)
        return _describe(result, dest, item, link=True)
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise ItemError('it is a directory; it is not replaced by a link')
    result['changed'] = True
    if module._diff:
        before = dict(path=dest, state=_state(st))
        if st is not None and stat.S_ISLNK(st.st_mode):
            before['src'] = os.readlink(dest)
        diffs.append(dict(before=before, after=dict(path=dest, state='link', src=target), before_header=dest,
                          after_header=dest))
    if not module.check_mode:
        directory = os.path.dirname(dest)
        if not os.path.isdir(directory):
            raise ItemError('the directory %s does not exist (an earlier item with state=directory makes it)' % directory)
        # A new link beside it, renamed over dest: there is no moment without dest.
        tmp = os.path.join(directory, '.%s.%s.rtcstack-tmp' % (os.path.basename(dest), binascii.hexlify(os.urandom(6)).decode()))
        os.symlink(target, tmp)
        try:
            if item['owner'] is not None or item['group'] is not None:
                _set_attributes(module, tmp, item['owner'], item['group'], None)
            os.rename(tmp, dest)
        finally:
            if os.path.lexists(tmp):
                os.unlink(tmp)
    return _describe(result, dest, item, link=True)


def ensure_absent(module, item, diffs):
    dest = item['dest']
    result = dict(dest=dest, state='absent', changed=False)
    st = _lstat(dest)
    if st is None:
        return result
    if stat.S_ISDIR(st.st_mode):
        raise ItemError('it is a directory; state=absent removes only files and links')
    result['changed'] = True
    if module._diff:
        diffs.append(dict(before=dict(path=dest, state=_state(st)), after=dict(path=dest, state='absent'),
                          before_header=dest, after_header=dest))
    if not module.check_mode:
        os.unlink(dest)
    return result


HANDLERS = dict(file=ensure_file, directory=ensure_directory, link=ensure_link, absent=ensure_absent)


def main():
    module = AnsibleModule(
        argument_spec=dict(
            files=dict(type='list', elements='dict', required=True, options=dict(
                dest=dict(type='path', required=True),
                state=dict(type='str', default='file', choices=['file', 'directory', 'link', 'absent']),
                src=dict(type='str'),
                content=dict(type='str', no_log=True),
                content_base64=dict(type='str', no_log=True),
                remote_src=dict(type='path'),
                owner=dict(type='str'),
                group=dict(type='str'),
                mode=dict(type='raw'),
                force=dict(type='bool', default=True),
                backup=dict(type='bool', default=False),
                validate=dict(type='str'),
                secret=dict(type='bool', default=False, no_log=False),
                # Taken out by the action plugin (template variables); documented with the item.
                vars=dict(type='dict'))),
            # The action plugin uses it and leaves it out; a direct call has nothing to skip.
            known_files=dict(type='list', elements='dict'),
        ),
        supports_check_mode=True,
    )
    results, diffs, changed = [], [], False
    for index, item in enumerate(module.params['files']):
        try:
            check_item(module, item)
            result = HANDLERS[item['state']](module, item, diffs)
        except (ItemError, OSError) as exc:
            extra = exc.extra if isinstance(exc, ItemError) else {}
            msg = exc.msg if isinstance(exc, ItemError) else str(exc)
            failed = dict(extra, msg='files[%d] (%s): %s' % (index, item['dest'], msg), failed_item=index,
                          results=results, changed=changed)
            if module._diff:
                failed['diff'] = diffs
            module.fail_json(**failed)
        results.append(result)
        changed = changed or result['changed']
    done = dict(changed=changed, results=results)
    if module._diff:
        done['diff'] = diffs
    module.exit_json(**done)


if __name__ == '__main__':
    main()
