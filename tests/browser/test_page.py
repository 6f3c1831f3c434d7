# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The served phone loads in Chromium, reads config.js and, without a proxy, retries as configured.

The reconnection test needs a proxy that does not answer (RTC_PROXY_ABSENT=1), as in the web_phone
Molecule scenario.
"""
from __future__ import annotations

import pytest

from conftest import env, with_query
from harness import Phone, chromium, wait_until

REQUIRED_OBJECTS = ('webserver', 'stun_servers', 'turn_servers', 'websocket', 'user', 'registration',
                    'dialing', 'session', 'i18n')


def test_page_initialises(lab):
    with chromium(lab) as context:
        phone = Phone(context, lab.url, lab.timeout)
        assert phone.response.ok, phone.response.status
        assert phone.status() == 'disconnected'
        assert phone.call_status() == 'idle'
        assert phone.page.is_visible('#login-form')
        settings = phone.evaluate('() => window.JSCommSettings')
        for key in REQUIRED_OBJECTS:
            assert settings.get(key) is not None, 'JSCommSettings.%s is missing' % key
        assert settings['user']['sip_auth_password'] is None
        assert phone.evaluate('() => typeof window.rtcPhone.call') == 'function'
        # The ES modules loaded (SIP.js included) and nothing broke the Content-Security-Policy.
        assert not phone.errors, phone.errors
        assert not [line for line in phone.console if line.startswith('error')], phone.console


def test_reconnects_within_recovery_intervals(lab):
    if env('RTC_PROXY_ABSENT', required=False) != '1':
        pytest.skip('RTC_PROXY_ABSENT=1 is not set: the WebSocket must fail for this test')
    with chromium(lab) as context:
        phone = Phone(context, lab.url, lab.timeout)
        low, high = phone.evaluate('''() => [JSCommSettings.websocket.connection_recovery_min_interval,
                                             JSCommSettings.websocket.connection_recovery_max_interval]''')
        phone.login('nobody', 'not-a-password')
        # Three attempts: at once, after the minimum, after twice the minimum (capped at the maximum).
        expected = [min(low, high), min(2 * low, high)]
        wait_until(lambda: len(phone.evaluate('() => window.rtcPhone.connectionAttempts')) >= 3,
                   timeout=sum(expected) + 20, what='three WebSocket connection attempts')
        attempts = phone.evaluate('() => window.rtcPhone.connectionAttempts')
        waits = phone.evaluate('() => window.rtcPhone.reconnectWaits')
        # The phone chose the configured waits, and the browser kept each one from the failed attempt
        # to the next: never shorter (timers do not fire early), and the next attempt did come (its
        # lateness is the machine's load, bounded loosely so a busy CI host does not fail the test).
        assert [w['wait'] for w in waits[:2]] == expected, waits
        for wait, attempt in zip(waits[:2], attempts[1:3]):
            waited = (attempt - wait['failedAt']) / 1000.0
            assert wait['wait'] - 0.02 <= waited <= wait['wait'] + 10, 'waited %ss instead of %ss' % (waited, wait['wait'])
        assert phone.status() in ('disconnected', 'connecting')
        assert not phone.errors, phone.errors


def test_guest_page(lab):
    with chromium(lab) as context:
        phone = Phone(context, with_query(lab.url, 'guest'), lab.timeout)
        guest = phone.evaluate('() => window.JSCommGuestSettings')
        if guest is None:
            assert phone.status() == 'unavailable'
            return
        buttons = phone.page.eval_on_selector_all('#guest-destinations button', 'bs => bs.map((b) => b.dataset.destination)')
        assert buttons == guest['destinations']
        assert not phone.page.is_visible('#login-form')
        assert phone.status() in ('connecting', 'connected', 'disconnected')
        assert not phone.errors, phone.errors
