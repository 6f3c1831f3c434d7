# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.filter.rtc_served_copy import rtc_served_copy

SERVED = '/var/lib/rtcstack/served/sip.pem'
CERTIFICATE = '/etc/ssl/rtcstack/falcot.com.pem'
DIRECTORY = dict(dest='/var/lib/rtcstack/served', state='directory', owner='root', group='root', mode='0755')
COPY = dict(dest=SERVED, remote_src=CERTIFICATE, owner='root', group='root', mode='0644')


def test_the_directory_then_the_copy_of_the_certificate():
    assert rtc_served_copy(SERVED, CERTIFICATE, dict(files=[], missing=[SERVED])) == [DIRECTORY, COPY]
    assert rtc_served_copy(SERVED, CERTIFICATE, {}, backup=True) == [DIRECTORY, dict(COPY, backup=True)]


def test_no_copy_while_the_read_saw_no_certificate():
    assert rtc_served_copy(SERVED, CERTIFICATE, dict(missing=[CERTIFICATE, SERVED])) == [DIRECTORY]


@pytest.mark.parametrize('served, certificate, read', [
    ('served.pem', CERTIFICATE, {}),
    (SERVED, '/etc/ssl/rtcstack/', {}),
    (SERVED, None, {}),
    (SERVED, CERTIFICATE, None),
])
def test_bad_arguments_are_named(served, certificate, read):
    with pytest.raises(AnsibleFilterError, match='rtc_served_copy: '):
        rtc_served_copy(served, certificate, read)
