# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""A role's template rendered on the controller as ansible.builtin.template writes it.

The builtin ``template`` lookup renders it, so the text (and its checksum) is the builtin's. That
lookup deep-copies every variable of the task before it adds its own few (``template_path`` and the
others); ansible-core notes it as a FIXME. With the roles' variables that copy was a quarter of the
time a rerun spends rendering. The variables go in here as a dict that copies itself shallowly,
which is what ansible.builtin.template's action does with them: the lookup only adds keys to its copy,
and rendering reads the values without changing them.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from ansible.plugins.loader import lookup_loader


class ShallowVars(dict):
    """The task's variables; ``copy.deepcopy`` of it is a shallow copy (a plain dict)."""

    __slots__ = ()

    def __deepcopy__(self, memo):
        return dict(self)


def render(action, src, task_vars, template_vars=None):
    """``src`` (found in the role's templates) rendered with ``template_vars`` over ``task_vars``."""
    source = action._find_needle('templates', src)
    lookup = lookup_loader.get('ansible.builtin.template', loader=action._loader, templar=action._templar)
    return lookup.run([source], variables=ShallowVars(task_vars), template_vars=dict(template_vars or {}))[0]
