# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from ansible_collections.rtcstack.debian.plugins.module_utils.dpkg import parse_dpkg_query


def test_each_line_gives_a_package():
    output = 'kamailio\tinstalled\t5.6.3-2+deb12u1\ncoturn\tconfig-files\t4.6.1-1\n'
    assert parse_dpkg_query(output) == {'kamailio': {'status': 'installed', 'version': '5.6.3-2+deb12u1'},
                                        'coturn': {'status': 'config-files', 'version': '4.6.1-1'}}


def test_one_installed_architecture_is_enough():
    output = 'libfoo\tnot-installed\t\nlibfoo\tinstalled\t1.0-1\nlibfoo\tconfig-files\t0.9-1\n'
    assert parse_dpkg_query(output) == {'libfoo': {'status': 'installed', 'version': '1.0-1'}}


def test_lines_that_are_not_the_format_are_left_out():
    assert parse_dpkg_query('dpkg-query: no packages found matching nothing\n\n\tinstalled\t1\n') == {}
