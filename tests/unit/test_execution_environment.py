# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The execution environment carries the collections galaxy.yml declares, with the same lower bounds, and
the Python libraries the README names for the controller."""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import pathlib

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _yaml(path):
    return yaml.safe_load((ROOT / path).read_text())


def test_the_collections_are_galaxy_yml_s_dependencies_and_the_collection():
    ee = _yaml('execution-environment.yml')
    wanted = dict((item['name'], item.get('version')) for item in _yaml(ee['dependencies']['galaxy'])['collections'])
    galaxy = _yaml('galaxy.yml')
    assert wanted.pop('%s.%s' % (galaxy['namespace'], galaxy['name'])) is not None
    assert wanted == galaxy['dependencies']


def test_the_python_libraries_are_the_readme_s():
    ee = _yaml('execution-environment.yml')
    lines = [line.split('>')[0].split('=')[0].strip() for line in (ROOT / ee['dependencies']['python']).read_text().splitlines()
             if line.strip() and not line.startswith('#')]
    readme = (ROOT / 'README.md').read_text()
    assert {'netaddr', 'dnspython'} <= set(lines)
    for name in ('netaddr', 'dnspython'):
        assert '`%s`' % name in readme
