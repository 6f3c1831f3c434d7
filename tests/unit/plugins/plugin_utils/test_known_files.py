# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import hashlib

import pytest

from ansible_collections.rtcstack.debian.plugins.plugin_utils._known_files import (
    checksum, copy_matches, copy_tree_matches, directory_matches, known_file, link_matches, link_path, matches, mode_bits,
    remote_copy_matches)

TEXT = 'listen=udp:198.51.100.19:5060\n'
SUM = hashlib.sha1(TEXT.encode('utf-8')).hexdigest()
# One entry as ansible.builtin.find (get_checksum: true) reports a file.
FOUND = {'path': '/etc/kamailio/tls.cfg', 'isreg': True, 'islnk': False, 'checksum': SUM,
         'mode': '0640', 'pw_name': 'root', 'gr_name': 'kamailio', 'size': len(TEXT)}
ARGS = {'src': 'etc/kamailio/tls.cfg.j2', 'dest': '/etc/kamailio/tls.cfg', 'owner': 'root',
        'group': 'kamailio', 'mode': '0640'}


def test_checksum_is_sha1_of_utf8():
    assert checksum('é\n') == hashlib.sha1('é\n'.encode('utf-8')).hexdigest()


@pytest.mark.parametrize('mode, bits', [
    ('0640', 0o640), ('640', 0o640), ('04755', 0o4755), (0o640, 0o640), (416, 0o640),
    ('u=rw,g=r', None), ('preserve', None), ('0649', None), (True, None), (None, None), ('', None),
])
def test_mode_bits(mode, bits):
    assert mode_bits(mode) == bits


def test_the_same_file_matches():
    assert matches(known_file([{'path': '/etc/other'}, FOUND], ARGS['dest']), SUM, ARGS)


def test_a_task_without_owner_group_mode_compares_the_content_only():
    args = {'src': 's.j2', 'dest': ARGS['dest'], 'backup': True, 'validate': 'kamailio -c -f %s'}
    assert matches(known_file([FOUND], ARGS['dest']), SUM, args)


@pytest.mark.parametrize('change', [
    {'checksum': '0' * 40},           # other content
    {'mode': '0644'},                 # loosened mode
    {'pw_name': 'kamailio'},          # other owner
    {'gr_name': 'root'},              # other group
    {'isreg': False},                 # a directory, a socket, ...
    {'islnk': True},                  # a link: the builtin module decides what to follow
    {'path': '/etc/kamailio/tls.cfg.bak'},
])
def test_any_difference_sends_the_task_to_the_module(change):
    assert not matches(known_file([dict(FOUND, **change)], ARGS['dest']), SUM, ARGS)


@pytest.mark.parametrize('extra', [{'force': False}, {'follow': True}, {'attributes': '+i'},
                                   {'trim_blocks': False}, {'newline_sequence': '\r\n'}])
def test_an_option_it_does_not_account_for_sends_the_task_to_the_module(extra):
    assert not matches(known_file([FOUND], ARGS['dest']), SUM, dict(ARGS, **extra))


@pytest.mark.parametrize('known', [None, [], 'not a list', [None, 'x'], {'files': [FOUND]}])
def test_no_usable_state_sends_the_task_to_the_module(known):
    assert not matches(known_file(known, ARGS['dest']), SUM, ARGS)


def test_a_mode_it_cannot_compare_sends_the_task_to_the_module():
    assert not matches(known_file([FOUND], ARGS['dest']), SUM, dict(ARGS, mode='u=rw,g=r'))
    assert not matches(known_file([dict(FOUND, mode=None)], ARGS['dest']), SUM, ARGS)


def test_numeric_owner_sends_the_task_to_the_module():
    assert not matches(known_file([FOUND], ARGS['dest']), SUM, dict(ARGS, owner=0))


def test_an_empty_checksum_never_matches():
    assert not matches(known_file([dict(FOUND, checksum='')], ARGS['dest']), '', ARGS)


# Directories (rtcstack.debian.file, state=directory), as find with file_type: any reports them.
DIR = {'path': '/usr/share/rtcstack-web-phone', 'isdir': True, 'isreg': False, 'islnk': False,
       'mode': '0755', 'pw_name': 'root', 'gr_name': 'root'}
DIR_ARGS = {'path': DIR['path'], 'state': 'directory', 'owner': 'root', 'group': 'root', 'mode': '0755'}


def test_the_same_directory_matches():
    assert directory_matches(known_file([FOUND, DIR], DIR['path']), DIR_ARGS)
    assert directory_matches(DIR, {'path': DIR['path'], 'state': 'directory'})


@pytest.mark.parametrize('change', [
    {'mode': '0775'}, {'pw_name': 'www-data'}, {'gr_name': 'www-data'},
    {'isdir': False, 'isreg': True},  # a file where the directory should be
    {'islnk': True},                  # a link to a directory: the builtin module decides
])
def test_any_difference_of_a_directory_sends_the_task_to_the_module(change):
    assert not directory_matches(dict(DIR, **change), DIR_ARGS)


@pytest.mark.parametrize('args', [
    dict(DIR_ARGS, state='touch'), dict(DIR_ARGS, state='absent'), {'path': DIR['path']},
    dict(DIR_ARGS, recurse=True), dict(DIR_ARGS, mode='u=rwx,go=rx'), dict(DIR_ARGS, follow=False),
])
def test_a_directory_task_it_cannot_answer_goes_to_the_module(args):
    assert not directory_matches(DIR, args)


def test_an_unknown_directory_goes_to_the_module():
    assert not directory_matches(known_file([FOUND], DIR['path']), DIR_ARGS)


# Copies (rtcstack.debian.copy).
CERT = {'path': '/etc/ssl/certs/rtcstack.pem', 'isreg': True, 'islnk': False, 'checksum': SUM,
        'mode': '0644', 'pw_name': 'root', 'gr_name': 'root'}
SERVED = dict(CERT, path='/var/lib/rtcstack/served/web_phone.pem')
REMOTE = {'src': CERT['path'], 'dest': SERVED['path'], 'remote_src': True, 'owner': 'root', 'group': 'root',
          'mode': '0644'}


def test_a_served_copy_equal_to_its_source_matches():
    assert remote_copy_matches([CERT, SERVED], REMOTE)


@pytest.mark.parametrize('known', [
    [CERT],                                        # no copy yet
    [SERVED],                                      # the source was not read
    [CERT, dict(SERVED, checksum='0' * 40)],       # a renewed certificate
    [dict(CERT, islnk=True, isreg=False), SERVED],  # a link as the source: the builtin module follows it
    [CERT, dict(SERVED, mode='0600')],
])
def test_a_served_copy_that_differs_goes_to_the_module(known):
    assert not remote_copy_matches(known, REMOTE)


@pytest.mark.parametrize('args', [dict(REMOTE, remote_src=False), dict(REMOTE, dest=SERVED['path'] + '/'),
                                  dict(REMOTE, force=False), dict(REMOTE, src='')])
def test_a_remote_copy_it_cannot_answer_goes_to_the_module(args):
    assert not remote_copy_matches([CERT, SERVED], args)


def test_a_controller_file_matches_by_its_checksum():
    args = {'src': 'ca.pem', 'dest': SERVED['path'], 'mode': '0644'}
    assert copy_matches([SERVED], args, SUM)
    assert not copy_matches([SERVED], args, '0' * 40)
    assert not copy_matches([SERVED], dict(args, remote_src=True), SUM)
    assert not copy_matches([SERVED], dict(args, local_follow=False), SUM)


def test_content_matches_by_the_checksum_of_its_text():
    args = {'content': TEXT, 'dest': SERVED['path'], 'owner': 'root', 'group': 'root', 'mode': '0644'}
    assert copy_matches([SERVED], args, checksum(TEXT))
    assert not copy_matches([SERVED], args, checksum(TEXT + '\n'))


def test_a_kept_file_matches_whatever_its_content():
    # force: false (a secret made once): the builtin copy keeps an existing file and only sets its modes.
    args = {'content': TEXT, 'dest': SERVED['path'], 'owner': 'root', 'group': 'root', 'mode': '0644', 'force': False}
    assert copy_matches([SERVED], args, checksum(TEXT + 'another secret'))
    assert not copy_matches([], args, checksum(TEXT))
    assert not copy_matches([dict(SERVED, mode='0666')], args, checksum(TEXT))
    assert not copy_matches([dict(SERVED, islnk=True)], args, checksum(TEXT))
    assert not copy_matches([SERVED], dict(args, force='no'), checksum(TEXT))
    assert copy_matches([SERVED], dict(args, force=True), checksum(TEXT))


PAGE = {'index.html': SUM, 'js/phone.js': '1' * 40}
DOCROOT = dict(DIR, path='/usr/share/rtcstack-web-phone/rtcstack')
PAGE_KNOWN = [DOCROOT, dict(DIR, path=DOCROOT['path'] + '/js'),
              dict(FOUND, path=DOCROOT['path'] + '/index.html', mode='0644', gr_name='root'),
              dict(FOUND, path=DOCROOT['path'] + '/js/phone.js', checksum='1' * 40, mode='0644', gr_name='root')]
TREE_ARGS = {'src': 'rtcstack/', 'dest': DOCROOT['path'] + '/', 'owner': 'root', 'group': 'root', 'mode': '0644',
             'directory_mode': '0755'}


def test_a_copied_tree_matches():
    assert copy_tree_matches(PAGE_KNOWN, TREE_ARGS, PAGE, ['js'])


@pytest.mark.parametrize('drop', range(4))
def test_a_tree_with_anything_missing_goes_to_the_module(drop):
    known = PAGE_KNOWN[:drop] + PAGE_KNOWN[drop + 1:]
    assert not copy_tree_matches(known, TREE_ARGS, PAGE, ['js'])


def test_a_tree_with_another_file_content_or_mode_goes_to_the_module():
    assert not copy_tree_matches(PAGE_KNOWN, TREE_ARGS, dict(PAGE, **{'index.html': '2' * 40}), ['js'])
    assert not copy_tree_matches(PAGE_KNOWN, dict(TREE_ARGS, mode='0640'), PAGE, ['js'])
    assert not copy_tree_matches(PAGE_KNOWN, TREE_ARGS, {}, [])
    assert not copy_tree_matches(PAGE_KNOWN, dict(TREE_ARGS, remote_src=True), PAGE, ['js'])


# Links (rtcstack.debian.file with state: link).
LINK = {'path': '/usr/share/rtcstack-web-phone/rtcstack/config.js', 'islnk': True, 'isreg': False, 'isdir': False,
        'lnk_target': '/etc/rtcstack-web-phone/config.js', 'mode': '0777', 'pw_name': 'root', 'gr_name': 'root'}
LINK_ARGS = {'src': LINK['lnk_target'], 'dest': LINK['path'], 'state': 'link', 'force': True, 'follow': False}


def test_a_link_to_its_target_as_written_matches():
    assert link_path(LINK_ARGS) == LINK['path']
    assert link_matches(LINK, LINK_ARGS)
    assert link_matches(LINK, dict((k, v) for k, v in LINK_ARGS.items() if k not in ('force', 'follow')))


@pytest.mark.parametrize('entry', [
    dict(LINK, lnk_target='../etc/rtcstack-web-phone/config.js'),  # same file, other text: ln would rewrite it
    dict(LINK, islnk=False, isreg=True),
    None,
])
def test_a_link_that_differs_goes_to_the_module(entry):
    assert not link_matches(entry, LINK_ARGS)


@pytest.mark.parametrize('args', [dict(LINK_ARGS, state='hard'), dict(LINK_ARGS, owner='root'), dict(LINK_ARGS, src=''),
                                  dict(LINK_ARGS, path=LINK['path'])])
def test_a_link_task_it_cannot_answer_goes_to_the_module(args):
    assert not (link_path(args) and link_matches(LINK, args))
