# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The files module against a temporary directory, unprivileged: owner and group are the test's own."""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import base64
import grp
import hashlib
import json
import os
import pwd
import stat

import pytest

from ansible.module_utils import basic
from ansible.module_utils.common.text.converters import to_bytes

from ansible_collections.rtcstack.debian.plugins.modules import files

OWNER = pwd.getpwuid(os.getuid()).pw_name
GROUP = grp.getgrgid(os.getgid()).gr_name
SECRET_TEXT = 'turn_secret=s3cr3t-value-nobody-sees\n'


def run(monkeypatch, capsys, items, check_mode=False, diff=True):
    args = dict(files=items, _ansible_check_mode=check_mode, _ansible_diff=diff)
    monkeypatch.setattr(basic, '_ANSIBLE_ARGS', to_bytes(json.dumps({'ANSIBLE_MODULE_ARGS': args})))
    # ansible-core 2.19 also wants the serialization profile the controller would send.
    monkeypatch.setattr(basic, '_ANSIBLE_PROFILE', 'legacy', raising=False)
    with pytest.raises(SystemExit):
        files.main()
    return json.loads(capsys.readouterr().out)


def text(dest, content, **options):
    """An item as the action plugin sends it: the content base64-encoded."""
    return dict(options, dest=str(dest), content_base64=base64.b64encode(content.encode('utf-8')).decode('ascii'))


def mode_of(path):
    return '%04o' % stat.S_IMODE(os.lstat(str(path)).st_mode)


def sha1(content):
    return hashlib.sha1(content.encode('utf-8')).hexdigest()


def test_creates_replaces_and_leaves_files(monkeypatch, capsys, tmp_path):
    new, same, other = tmp_path / 'new.cfg', tmp_path / 'same.cfg', tmp_path / 'other.cfg'
    same.write_text('a\n')
    other.write_text('old\n')
    result = run(monkeypatch, capsys, [
        text(new, 'n\n', owner=OWNER, group=GROUP, mode='0640'),
        text(same, 'a\n'),
        text(other, 'new\n', mode='0600')])
    assert result['changed'] is True
    assert [r['changed'] for r in result['results']] == [True, False, True]
    assert new.read_text() == 'n\n' and mode_of(new) == '0640' and other.read_text() == 'new\n' and mode_of(other) == '0600'
    assert result['results'][0] == dict(dest=str(new), state='file', changed=True, checksum=sha1('n\n'), owner=OWNER,
                                        group=GROUP, mode='0640')
    # No temporary file is left beside them.
    assert sorted(p.name for p in tmp_path.iterdir()) == ['new.cfg', 'other.cfg', 'same.cfg']


def test_a_replaced_file_keeps_its_mode_when_none_is_given(monkeypatch, capsys, tmp_path):
    dest = tmp_path / 'f'
    dest.write_text('old\n')
    dest.chmod(0o604)
    run(monkeypatch, capsys, [text(dest, 'new\n')])
    assert mode_of(dest) == '0604'


def test_a_second_run_changes_nothing(monkeypatch, capsys, tmp_path):
    items = [dict(dest=str(tmp_path / 'd'), state='directory', mode='0750'), text(tmp_path / 'd' / 'f', 'x\n', mode='0640'),
             dict(dest=str(tmp_path / 'l'), state='link', src='d/f')]
    assert run(monkeypatch, capsys, items)['changed'] is True
    result = run(monkeypatch, capsys, items)
    assert result['changed'] is False and result['diff'] == []


def test_a_mode_change_alone_is_a_change(monkeypatch, capsys, tmp_path):
    dest = tmp_path / 'f'
    dest.write_text('x\n')
    dest.chmod(0o644)
    result = run(monkeypatch, capsys, [text(dest, 'x\n', mode='0600')])
    assert result['changed'] is True and mode_of(dest) == '0600'
    assert result['diff'] == [dict(before=dict(path=str(dest), mode='0644'), after=dict(path=str(dest), mode='0600'),
                                   before_header=str(dest), after_header=str(dest))]


def test_force_false_leaves_the_content_and_sets_the_mode(monkeypatch, capsys, tmp_path):
    dest, missing = tmp_path / 'key', tmp_path / 'new.key'
    dest.write_text('kept\n')
    dest.chmod(0o644)
    result = run(monkeypatch, capsys, [text(dest, 'other\n', mode='0600', force=False), text(missing, 'made\n', force=False)])
    assert dest.read_text() == 'kept\n' and mode_of(dest) == '0600' and missing.read_text() == 'made\n'
    assert result['results'][0]['checksum'] == sha1('kept\n')
    assert [r['changed'] for r in result['results']] == [True, True]


def test_backup_keeps_the_previous_content(monkeypatch, capsys, tmp_path):
    dest = tmp_path / 'f'
    dest.write_text('old\n')
    result = run(monkeypatch, capsys, [text(dest, 'new\n', backup=True), text(tmp_path / 'g', 'g\n', backup=True)])
    backup = result['results'][0]['backup_file']
    assert backup.startswith(str(dest) + '.') and open(backup).read() == 'old\n' and dest.read_text() == 'new\n'
    # A new file has nothing to keep.
    assert 'backup_file' not in result['results'][1]


def test_validate_sees_the_new_content_beside_dest(monkeypatch, capsys, tmp_path):
    dest = tmp_path / 'f'
    script = tmp_path / 'check.sh'
    script.write_text('#!/bin/sh\ncase "$1" in %s/.f.*) grep -q good "$1" ;; *) exit 3 ;; esac\n' % tmp_path)
    script.chmod(0o755)
    result = run(monkeypatch, capsys, [text(dest, 'good\n', mode='0600', validate='%s %%s' % script)])
    assert result['changed'] is True and dest.read_text() == 'good\n'


def test_a_refused_file_leaves_dest_and_names_it(monkeypatch, capsys, tmp_path):
    dest = tmp_path / 'f'
    dest.write_text('old\n')
    result = run(monkeypatch, capsys, [text(dest, 'bad\n', validate='sh -c "echo nope >&2; exit 4" %s')])
    assert result['failed'] is True and result['msg'].startswith('files[0] (%s): validate failed with rc 4: nope' % dest)
    assert result['rc'] == 4 and result['stderr'].strip() == 'nope'
    assert dest.read_text() == 'old\n' and [p.name for p in tmp_path.iterdir()] == ['f']


def test_a_refused_secret_shows_no_content(monkeypatch, capsys, tmp_path):
    dest = tmp_path / 'secret.conf'
    # A checker that passes, then one that fails after printing the content: only its rc is reported.
    result = run(monkeypatch, capsys, [text(dest, SECRET_TEXT, secret=True, mode='0600', validate='cat %s')])
    assert result['changed'] is True and 's3cr3t' not in json.dumps(result) and mode_of(dest) == '0600'
    result = run(monkeypatch, capsys, [text(dest, SECRET_TEXT + 'more\n', secret=True, validate='sh -c "cat %s; exit 1"')])
    assert result['failed'] is True and result['rc'] == 1 and 'stdout' not in result
    assert 's3cr3t' not in json.dumps(result) and dest.read_text() == SECRET_TEXT


def test_a_directory_with_its_parents(monkeypatch, capsys, tmp_path):
    dest = tmp_path / 'a' / 'b' / 'c'
    result = run(monkeypatch, capsys, [dict(dest=str(dest), state='directory', owner=OWNER, group=GROUP, mode='0710')])
    assert dest.is_dir() and mode_of(dest) == '0710' and result['results'][0]['mode'] == '0710'
    assert result['diff'][0]['after'] == dict(path=str(dest), state='directory')


def test_a_link_replaces_a_file_and_a_right_link_stays(monkeypatch, capsys, tmp_path):
    dest, right = tmp_path / 'current', tmp_path / 'right'
    dest.write_text('a file\n')
    right.symlink_to('../elsewhere')
    result = run(monkeypatch, capsys, [dict(dest=str(dest), state='link', src='target.cfg'),
                                       dict(dest=str(right), state='link', src='../elsewhere')])
    assert os.readlink(str(dest)) == 'target.cfg' and os.readlink(str(right)) == '../elsewhere'
    assert [r['changed'] for r in result['results']] == [True, False]
    assert result['diff'] == [dict(before=dict(path=str(dest), state='file'), after=dict(path=str(dest), state='link', src='target.cfg'),
                                   before_header=str(dest), after_header=str(dest))]


def test_a_file_replaces_a_link_without_following_it(monkeypatch, capsys, tmp_path):
    target, dest = tmp_path / 'target', tmp_path / 'dest'
    target.write_text('target\n')
    dest.symlink_to('target')
    run(monkeypatch, capsys, [text(dest, 'file\n')])
    assert not dest.is_symlink() and dest.read_text() == 'file\n' and target.read_text() == 'target\n'


@pytest.mark.parametrize('mode', [416, '640a', 'u=rw', '0o640', True])
def test_a_mode_that_is_not_an_octal_string_is_refused(monkeypatch, capsys, tmp_path, mode):
    dest = tmp_path / 'f'
    result = run(monkeypatch, capsys, [text(dest, 'x\n', mode=mode)])
    assert result['failed'] is True and result['msg'].startswith('files[0] (%s): mode must be an octal string' % dest)
    assert not dest.exists()


def test_check_mode_writes_nothing(monkeypatch, capsys, tmp_path):
    old = tmp_path / 'old'
    old.write_text('old\n')
    items = [dict(dest=str(tmp_path / 'd'), state='directory'), text(tmp_path / 'd' / 'f', 'x\n', validate='false %s'),
             text(old, 'new\n', mode='0600', backup=True), dict(dest=str(tmp_path / 'l'), state='link', src='old'),
             text(tmp_path / 'u', 'x\n', owner='no-such-user-here')]
    result = run(monkeypatch, capsys, items, check_mode=True)
    assert result['changed'] is True and all(r['changed'] for r in result['results'])
    assert sorted(p.name for p in tmp_path.iterdir()) == ['old'] and old.read_text() == 'old\n'
    assert 'backup_file' not in result['results'][2]


def test_the_diff_shows_content_but_never_a_secret(monkeypatch, capsys, tmp_path):
    plain, secret = tmp_path / 'plain', tmp_path / 'secret'
    plain.write_text('before\n')
    secret.write_text('old secret value\n')
    result = run(monkeypatch, capsys, [text(plain, 'after\n'), text(secret, SECRET_TEXT, secret=True)], check_mode=True)
    assert result['diff'][0] == dict(before='before\n', after='after\n', before_header=str(plain), after_header=str(plain))
    assert (result['diff'][1]['before'], result['diff'][1]['after']) == (files.SECRET_BEFORE, files.SECRET_AFTER)
    assert 's3cr3t' not in json.dumps(result) and 'old secret' not in json.dumps(result)


def test_no_diff_without_diff_mode(monkeypatch, capsys, tmp_path):
    assert 'diff' not in run(monkeypatch, capsys, [text(tmp_path / 'f', 'x\n')], diff=False)


def test_items_run_in_order_and_a_failure_keeps_the_results_before_it(monkeypatch, capsys, tmp_path):
    items = [dict(dest=str(tmp_path / 'd'), state='directory'), text(tmp_path / 'd' / 'f', 'x\n'),
             text(tmp_path / 'missing' / 'g', 'y\n'), text(tmp_path / 'after', 'z\n')]
    result = run(monkeypatch, capsys, items)
    assert result['failed'] is True and result['changed'] is True and result['failed_item'] == 2
    assert result['msg'].startswith('files[2] (%s/missing/g): the directory' % tmp_path)
    assert [r['dest'] for r in result['results']] == [str(tmp_path / 'd'), str(tmp_path / 'd' / 'f')]
    assert not (tmp_path / 'after').exists()


@pytest.mark.parametrize('item, message', [
    (dict(dest='relative', state='directory'), 'dest must be an absolute path'),
    (dict(dest='/x', state='directory', validate='true %s'), 'validate is not an option of state=directory'),
    (dict(dest='/x', state='link'), 'a link needs src'),
    (dict(dest='/x', state='link', src='y', mode='0644'), 'mode is not an option of state=link'),
    (dict(dest='/x', src='t.j2'), 'src is a template the action plugin renders'),
    (dict(dest='/x'), 'a file needs content'),
    (dict(dest='/x', content='some text', content_base64='c29tZSB0ZXh0'), 'a file needs content'),
    (dict(dest='/x', content='some text', validate='true'), 'validate must contain %s'),
    (dict(dest='/x', content='some text', owner='no-such-user-here'), 'no user named no-such-user-here'),
])
def test_an_item_that_does_not_fit_is_refused_before_anything_is_written(monkeypatch, capsys, item, message):
    result = run(monkeypatch, capsys, [item])
    assert result['failed'] is True and message in result['msg'] and result['results'] == []


def test_absent_removes_a_file_and_a_link_but_not_its_target(monkeypatch, capsys, tmp_path):
    stale, target, link, gone = tmp_path / 'stale.cfg', tmp_path / 'target', tmp_path / 'link', tmp_path / 'gone'
    stale.write_text('old\n')
    target.write_text('kept\n')
    link.symlink_to('target')
    items = [dict(dest=str(stale), state='absent'), dict(dest=str(link), state='absent'), dict(dest=str(gone), state='absent')]
    result = run(monkeypatch, capsys, items, check_mode=True)
    assert [r['changed'] for r in result['results']] == [True, True, False] and stale.exists() and link.is_symlink()
    assert result['diff'][1] == dict(before=dict(path=str(link), state='link'), after=dict(path=str(link), state='absent'),
                                     before_header=str(link), after_header=str(link))
    result = run(monkeypatch, capsys, items)
    assert result['changed'] is True and result['results'][0] == dict(dest=str(stale), state='absent', changed=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ['target'] and target.read_text() == 'kept\n'
    assert run(monkeypatch, capsys, items)['changed'] is False


def test_absent_refuses_a_directory_and_other_options(monkeypatch, capsys, tmp_path):
    (tmp_path / 'd').mkdir()
    result = run(monkeypatch, capsys, [dict(dest=str(tmp_path / 'd'), state='absent')])
    assert result['failed'] is True and 'is a directory' in result['msg'] and (tmp_path / 'd').is_dir()
    for option in (dict(mode='0644'), dict(owner=OWNER)):
        result = run(monkeypatch, capsys, [dict(option, dest=str(tmp_path / 'f'), state='absent')])
        assert result['failed'] is True and 'not an option' in result['msg'] and 'state=absent' in result['msg']


def test_remote_src_copies_a_file_of_the_host(monkeypatch, capsys, tmp_path):
    source, copy = tmp_path / 'certificate.pem', tmp_path / 'served.pem'
    source.write_text('-----BEGIN CERTIFICATE-----\n')
    item = dict(dest=str(copy), remote_src=str(source), mode='0644')
    result = run(monkeypatch, capsys, [item])
    assert result['changed'] is True and copy.read_text() == source.read_text() and mode_of(copy) == '0644'
    assert result['results'][0]['checksum'] == sha1('-----BEGIN CERTIFICATE-----\n')
    assert run(monkeypatch, capsys, [item])['changed'] is False
    result = run(monkeypatch, capsys, [dict(item, remote_src=str(tmp_path / 'missing.pem'))])
    assert result['failed'] is True and 'missing.pem is not a regular file on the host' in result['msg']
    result = run(monkeypatch, capsys, [dict(item, remote_src=str(source), content='x')])
    assert result['failed'] is True and 'a file needs content (or src, or remote_src)' in result['msg']


def test_a_directory_is_not_replaced(monkeypatch, capsys, tmp_path):
    (tmp_path / 'd').mkdir()
    result = run(monkeypatch, capsys, [dict(dest=str(tmp_path / 'd'), state='link', src='x')])
    assert result['failed'] is True and 'is a directory' in result['msg']
    result = run(monkeypatch, capsys, [text(tmp_path / 'd', 'x\n')])
    assert result['failed'] is True and 'not a regular file' in result['msg']


def test_plain_content_is_written_as_utf8(monkeypatch, capsys, tmp_path):
    dest = tmp_path / 'f'
    result = run(monkeypatch, capsys, [dict(dest=str(dest), content='é\n')], diff=False)
    assert dest.read_bytes() == 'é\n'.encode('utf-8') and result['results'][0]['checksum'] == sha1('é\n')


def test_the_content_is_never_in_the_invocation(monkeypatch, capsys, tmp_path):
    result = run(monkeypatch, capsys, [text(tmp_path / 'f', SECRET_TEXT, secret=True)], diff=False)
    assert 's3cr3t' not in json.dumps(result)
    assert base64.b64encode(SECRET_TEXT.encode()).decode() not in json.dumps(result)
