# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Each default is written once, in a role's defaults/main.yml, and everything that restates it agrees.

- every public variable in defaults/main.yml is an option of the role's `main` argument spec (rtc's `model`), and an
  option's `default` there is the same value;
- the defaults the shared model's filter falls back to (_topology.SERVICE_SETTINGS) are rtc's, and those
  it reads for the web phone's URL are web_phone's;
- docs/inventory.md names every variable of the shared model.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import importlib.util
import pathlib

import pytest
import yaml

from ansible_collections.rtcstack.debian.plugins.plugin_utils._topology import (
    SERVICE_SETTINGS, SIP_CLUSTER_HOST_SETTINGS, WEB_PHONE_GROUP, WEB_PHONE_HOST_SETTINGS)

ROOT = pathlib.Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location('role_readmes', str(ROOT / 'tests' / 'role_readmes.py'))
role_readmes = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(role_readmes)
ROLES = sorted(path.name for path in (ROOT / 'roles').iterdir() if (path / 'defaults' / 'main.yml').is_file())


def _yaml(path):
    return yaml.safe_load(path.read_text()) or {}


def _specs(role):
    return _yaml(ROOT / 'roles' / role / 'meta' / 'argument_specs.yml')['argument_specs']


def _main(role):
    """The options of the entry point the role's README documents: `main`, or rtc's `model`."""
    specs = _specs(role)
    return specs[role_readmes.entry_point(specs)].get('options') or {}


@pytest.mark.parametrize('role', ROLES)
def test_every_default_is_documented_with_the_same_value(role):
    defaults = _yaml(ROOT / 'roles' / role / 'defaults' / 'main.yml')
    options = _main(role)
    undocumented = sorted(set(defaults) - set(options))
    assert not undocumented, '%s: defaults/main.yml sets %s, which meta/argument_specs.yml does not document' % (
        role, ', '.join(undocumented))
    for entry, spec in _specs(role).items():
        for name, option in (spec.get('options') or {}).items():
            # A default computed by a template is described in words in the spec (argument specs do
            # not set variables); a literal one must be the same value.
            if name in defaults and 'default' in option and '{{' not in repr(defaults[name]):
                assert option['default'] == defaults[name], (
                    '%s: %s defaults to %r in defaults/main.yml but %r in the %s argument spec'
                    % (role, name, defaults[name], option['default'], entry))


def test_the_model_filter_falls_back_to_rtc_defaults():
    defaults = _yaml(ROOT / 'roles' / 'rtc' / 'defaults' / 'main.yml')
    groups = _yaml(ROOT / 'roles' / 'rtc' / 'vars' / 'main.yml')['__rtc_groups']
    for service, settings in SERVICE_SETTINGS.items():
        for key, _kind, default in settings:
            if key == 'group':
                expected = groups[service]
            elif key in ('priority', 'weight'):
                expected = defaults['rtc_srv_%s' % key][service]
            else:
                expected = defaults['rtc_%s_%s' % (service, key)]
            assert default == expected, '_topology.SERVICE_SETTINGS[%r] %s is %r, roles/rtc/defaults says %r' % (
                service, key, default, expected)


def test_the_model_reads_the_web_phone_with_its_role_defaults():
    defaults = _yaml(ROOT / 'roles' / 'web_phone' / 'defaults' / 'main.yml')
    assert WEB_PHONE_GROUP == _yaml(ROOT / 'roles' / 'rtc' / 'vars' / 'main.yml')['__rtc_groups']['web_phone']
    for name, default in WEB_PHONE_HOST_SETTINGS:
        assert default == defaults[name], '_topology.WEB_PHONE_HOST_SETTINGS %s is %r, roles/web_phone/defaults says %r' % (
            name, default, defaults[name])


def test_the_model_reads_the_sip_cluster_with_its_role_defaults():
    defaults = _yaml(ROOT / 'roles' / 'sip_proxy' / 'defaults' / 'main.yml')
    for name, default in SIP_CLUSTER_HOST_SETTINGS:
        assert default == defaults[name], '_topology.SIP_CLUSTER_HOST_SETTINGS %s is %r, roles/sip_proxy/defaults says %r' % (
            name, default, defaults[name])


def test_the_inventory_page_names_every_variable_of_the_model():
    page = (ROOT / 'docs' / 'inventory.md').read_text()
    missing = sorted(name for name in _yaml(ROOT / 'roles' / 'rtc' / 'defaults' / 'main.yml') if name not in page)
    assert not missing, 'docs/inventory.md does not name %s' % ', '.join(missing)


@pytest.mark.parametrize('role', ROLES)
def test_every_list_setting_is_checked_for_its_shape(role):
    """The preflight's shape check (__<role>_lists) covers exactly the main spec's list options."""
    options = _main(role)
    lists = sorted(name for name, option in options.items() if option.get('type') == 'list')
    checked = sorted((_yaml(ROOT / 'roles' / role / 'vars' / 'main.yml').get('__%s_lists' % role) or {}))
    assert checked == lists, '%s: vars/main.yml __%s_lists names %s, the main argument spec types %s as lists' % (
        role, role, checked, lists)
