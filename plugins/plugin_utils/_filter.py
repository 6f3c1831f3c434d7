# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""Glue between the pure logic and Ansible: error wrapping and vaulted values."""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from collections.abc import Mapping

from ansible.errors import AnsibleFilterError

from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import (
    RtcDependencyError,
    RtcInputError,
    is_list,
)

COLLECTION = 'rtcstack.debian'

# ansible-core up to 2.18 loads an inline-vaulted value as AnsibleVaultEncryptedUnicode and 2.19
# as EncryptedString; neither is a str, and str() of either decrypts it.
_VAULT_TYPES = ('AnsibleVaultEncryptedUnicode', 'EncryptedString')


def unvault(value):
    """Return a vaulted string as a plain str; any other value unchanged."""
    if not isinstance(value, str) and type(value).__name__ in _VAULT_TYPES:
        return str(value)
    return value


def unvault_tree(value):
    """Like unvault, through lists and mappings (a user list with vaulted passwords)."""
    if not isinstance(value, str) and type(value).__name__ in _VAULT_TYPES:
        # before is_list: AnsibleVaultEncryptedUnicode is a Sequence
        return str(value)
    if isinstance(value, Mapping):
        return dict((key, unvault_tree(item)) for key, item in value.items())
    if is_list(value):
        return [unvault_tree(item) for item in value]
    return unvault(value)


def run_filter(name, function, *args, **kwargs):
    """Call ``function``; turn the pure layer's errors into ``AnsibleFilterError``.

    The message is ``rtcstack.debian.<name>: <parameter>: <problem>``. The pure layer never puts a
    secret into a message, and the original exception is not chained so that nothing else is shown.
    """
    try:
        return function(*args, **kwargs)
    except RtcInputError as exc:
        error = AnsibleFilterError('%s.%s: %s' % (COLLECTION, name, exc))
    except RtcDependencyError as exc:
        error = AnsibleFilterError('%s.%s: %s' % (COLLECTION, name, exc))
    raise error
