# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The distribution facts rtcstack.debian.os_facts gives, from the text of real os-release files."""
from __future__ import annotations

from ansible_collections.rtcstack.debian.plugins.plugin_utils._os_release import distribution_facts, parse_os_release

BOOKWORM = '''PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
'''

TRIXIE = BOOKWORM.replace('12', '13').replace('bookworm', 'trixie')

UBUNTU = '''PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
'''


def test_debian_gives_what_setup_gives():
    assert distribution_facts(BOOKWORM, '12.8\n') == {
        'distribution': 'Debian', 'distribution_major_version': '12', 'distribution_version': '12.8',
        'distribution_release': 'bookworm', 'os_family': 'Debian'}
    assert distribution_facts(TRIXIE, '13.1\n')['distribution_major_version'] == '13'


def test_debian_without_debian_version_takes_version_id():
    facts = distribution_facts(BOOKWORM, '')
    assert facts['distribution_version'] == '12' and facts['distribution_major_version'] == '12'


def test_another_system_is_named_for_the_checks_to_refuse():
    facts = distribution_facts(UBUNTU, 'trixie/sid\n')
    assert facts['distribution'] == 'Ubuntu' and facts['distribution_major_version'] == '24'
    assert facts['distribution_version'] == '24.04' and facts['os_family'] == 'Debian'


def test_comments_blank_lines_and_bad_quotes_are_skipped():
    assert parse_os_release('# a comment\n\nID=debian\nBROKEN="open\nNAME=\'Debian GNU/Linux\'\n') == {
        'ID': 'debian', 'NAME': 'Debian GNU/Linux'}


def test_an_empty_file_gives_unknown_values():
    facts = distribution_facts('', '')
    assert facts['distribution'] == 'Unknown' and facts['distribution_major_version'] == 'NA'
