# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Make ``ansible_collections.rtcstack.debian`` importable for plain pytest runs.

ansible-test units runs the tests from an ``ansible_collections/rtcstack/debian`` tree and sets up
the import path itself; nothing is done then. From a plain checkout, a temporary
``ansible_collections/rtcstack/debian`` symlink to the repository root is put first on sys.path
for the whole session, and removed at exit.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import atexit
import importlib
import os
import shutil
import sys
import tempfile

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _importable():
    try:
        importlib.import_module('ansible_collections.rtcstack.debian.plugins.plugin_utils._common')
    except ImportError:
        return False
    return True


def _link_collection():
    tmp = tempfile.mkdtemp(prefix='rtcstack-units-')
    atexit.register(shutil.rmtree, tmp, True)
    namespace = os.path.join(tmp, 'ansible_collections', 'rtcstack')
    os.makedirs(namespace)
    os.symlink(REPO_ROOT, os.path.join(namespace, 'debian'))
    sys.path.insert(0, tmp)
    # ansible_collections may already be a namespace package (from the ansible package in site-packages):
    # drop what failed to import so that the new path entry is searched.
    for name in list(sys.modules):
        if name == 'ansible_collections.rtcstack' or name.startswith('ansible_collections.rtcstack.'):
            del sys.modules[name]
    importlib.invalidate_caches()


if not _importable():
    _link_collection()
    if not _importable():
        raise ImportError('cannot make ansible_collections.rtcstack.debian importable from %s' % REPO_ROOT)
