# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The lab a browser test runs against, from RTC_* environment variables (README.md)."""
from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import Lab  # noqa: E402  pylint: disable=wrong-import-position


@pytest.fixture(scope='session')
def lab():
    """The served phone and how to reach it; the tests are skipped without RTC_PHONE_URL."""
    found = Lab.from_env()
    if found is None:
        pytest.skip('RTC_PHONE_URL is not set: the browser tests need a served phone in the lab')
    return found


def env(name, default=None, required=True):
    """One RTC_* variable; a missing required one skips the test that needs it."""
    value = os.environ.get(name, default)
    if required and not value:
        pytest.skip('%s is not set' % name)
    return value


def with_query(url, query):
    """The phone's URL with one more query parameter."""
    return url + ('&' if '?' in url else '?') + query
