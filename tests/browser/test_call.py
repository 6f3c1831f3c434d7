# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A call between two browsers through the whole stack, media relayed by TURN; a guest refused.

Two tabs of Debian's Chromium open the served phone as two staff users. Both register over the
proxy's secure WebSocket; one calls the other, the other answers; the callee's WebRTC statistics show
inbound RTP bytes growing while ICE is restricted to relay candidates (?ice=relay), so the TURN server
carries the media (with RTC_RELAY_PROTOCOL, config.js keeps the TURN servers of that protocol only and
the selected pair must relay over it); both hang up. The click-to-call guest's call to a number that a static route would
send to a provider gets the proxy's refusal. With several proxies in config.js, both tabs fail over to
the next proxy when the first one stops (RTC_FAILOVER_STOP), register there and call each other; the
first started again (RTC_FAILOVER_START), a new tab registers there and calls the tab that stayed at
the second, across the two proxies' WebSockets. With a media bridge, the web phone and baresip (plain
RTP, then SDES-SRTP) call each other in both directions with audio both ways, the bridge engaged for
those calls only.
Environment: README.md.
"""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import tempfile
import time

from conftest import env, with_query
from harness import Phone, chromium, only_turn_over, wait_until
from sipphone import SipPhone


def _screenshot_path():
    path = env('RTC_SCREENSHOT', required=False) or os.path.join(tempfile.gettempdir(), 'rtc-call-connected.png')
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    return path


def test_relayed_call_between_two_browsers(lab):
    caller_user, caller_password = env('RTC_CALLER'), env('RTC_CALLER_PASSWORD')
    callee_user, callee_password = env('RTC_CALLEE'), env('RTC_CALLEE_PASSWORD')
    media_seconds = float(env('RTC_MEDIA_SECONDS', '3', required=False))
    relay_protocol = env('RTC_RELAY_PROTOCOL', '', required=False)
    url = with_query(lab.url, 'ice=relay')
    with chromium(lab) as context:
        if relay_protocol:
            only_turn_over(context, relay_protocol)
        caller = Phone(context, url, lab.timeout)
        callee = Phone(context, url, lab.timeout)
        caller.login(caller_user, caller_password)
        callee.login(callee_user, callee_password)
        caller.wait_status('registered')
        callee.wait_status('registered')
        assert caller.evaluate('() => window.rtcPhone.iceTransportPolicy') == 'relay'

        caller.dial(env('RTC_CALLEE_DESTINATION', callee_user, required=False))
        callee.wait_call_status('incoming')
        callee.answer()
        callee.wait_call_status('connected')
        caller.wait_call_status('connected')
        assert caller.evaluate('() => window.rtcPhone.lastFinalResponse.code') == 200

        first = wait_until(callee.inbound_audio_bytes, timeout=lab.timeout, what='inbound RTP at the callee')
        time.sleep(media_seconds)
        later = callee.inbound_audio_bytes()
        assert later > first, 'the callee received no more RTP: %s then %s bytes' % (first, later)
        assert wait_until(caller.inbound_audio_bytes, timeout=lab.timeout, what='inbound RTP at the caller') > 0

        for side in (caller, callee):
            pair = wait_until(side.selected_candidate_pair, timeout=lab.timeout, what='a selected ICE candidate pair')
            assert pair['local'] == 'relay', 'the media does not go through TURN: %s' % pair
            if relay_protocol:
                assert pair['relayProtocol'] == relay_protocol, 'the relay is not over %s: %s' % (relay_protocol, pair)
        callee.page.screenshot(path=_screenshot_path(), full_page=True)

        caller.hangup()
        caller.wait_call_status('ended')
        callee.wait_call_status('ended')
        for side in (caller, callee):
            assert side.evaluate('() => window.rtcPhone.peerConnection') is None
            assert side.status() == 'registered'
            assert not side.errors, side.errors


def test_guest_call_to_a_provider_number_is_refused(lab):
    target = env('RTC_GUEST_TARGET')
    expected = int(env('RTC_GUEST_EXPECT_CODE', '403', required=False))
    with chromium(lab) as context:
        guest = Phone(context, with_query(lab.url, 'guest'), lab.timeout)
        guest.wait_status('connected')
        guest.evaluate('(destination) => window.rtcPhone.call(destination)', target)
        guest.wait_call_status('failed')
        response = guest.evaluate('() => window.rtcPhone.lastFinalResponse')
        assert response and response['code'] == expected, 'the guest got %s, not %s' % (response, expected)
        assert not guest.errors, guest.errors


def _call_with_audio(lab, caller, callee, destination, when):
    """The caller dials, the callee answers, the callee's inbound RTP grows for a second, a screenshot of
    the connected call, and the caller hangs up."""
    caller.dial(destination)
    callee.wait_call_status('incoming')
    callee.answer()
    callee.wait_call_status('connected')
    caller.wait_call_status('connected')
    first = wait_until(callee.inbound_audio_bytes, timeout=lab.timeout, what='inbound RTP at the callee')
    time.sleep(1)
    assert callee.inbound_audio_bytes() > first, 'the callee received no more RTP %s' % when
    callee.page.screenshot(path=_screenshot_path(), full_page=True)
    caller.hangup()
    caller.wait_call_status('ended')
    callee.wait_call_status('ended')


def test_failover_to_the_next_proxy(lab):
    """Two tabs registered at the first proxy of config.js's list move to the second when the first stops,
    and call each other there. The first starts again (RTC_FAILOVER_START returns once it knows the
    callee's contact), a new tab of the caller registers there and calls the callee, who stayed at the
    second: the first proxy reaches her through the second, which holds her connection (its Path)."""
    stop, start = shlex.split(env('RTC_FAILOVER_STOP')), shlex.split(env('RTC_FAILOVER_START'))
    users = ((env('RTC_CALLER'), env('RTC_CALLER_PASSWORD')), (env('RTC_CALLEE'), env('RTC_CALLEE_PASSWORD')))
    url = with_query(lab.url, 'ice=relay')
    with chromium(lab) as context:
        phones = [Phone(context, url, lab.timeout) for _user in users]
        for phone, (user, password) in zip(phones, users):
            phone.login(user, password)
        for phone in phones:
            phone.wait_status('registered')
        servers = phones[0].evaluate('() => window.rtcPhone.servers')
        assert len(servers) >= 2, 'config.js lists one proxy: %s' % servers
        for phone in phones:
            assert phone.evaluate('() => window.rtcPhone.servers') == servers, 'the tabs order the proxies differently'
            assert phone.evaluate('() => window.rtcPhone.server') == servers[0]

        subprocess.run(stop, check=True, timeout=60, capture_output=True)
        for phone in phones:
            try:
                wait_until(lambda phone=phone: phone.evaluate('() => window.rtcPhone.server') == servers[1] and phone.status() == 'registered',
                           timeout=lab.timeout, what='registration at %s after %s stopped' % (servers[1], servers[0]))
            except AssertionError as error:
                raise AssertionError('%s: %s; attempts %s' % (error, phone.describe(), phone.evaluate(
                    '() => window.rtcPhone.connectionServers'))) from error
            tried = phone.evaluate('() => window.rtcPhone.connectionServers')
            assert tried[-2:] == servers[:2], 'the tab did not go from %s to %s: %s' % (servers[0], servers[1], tried)

        caller, callee = phones
        _call_with_audio(lab, caller, callee, users[1][0], 'after the failover')
        for phone in phones:
            assert phone.evaluate('() => window.rtcPhone.server') == servers[1]

        # Back to the first proxy, and a call across the two proxies' WebSockets.
        started = subprocess.run(start, check=False, timeout=60, capture_output=True, text=True)
        assert started.returncode == 0, 'the first proxy did not start with the callee known: %s' % (started.stdout + started.stderr)
        returning = Phone(context, url, lab.timeout)
        returning.login(*users[0])
        returning.wait_status('registered')
        assert returning.evaluate('() => window.rtcPhone.server') == servers[0], (
            'the new tab is not at %s: %s' % (servers[0], returning.describe()))
        _call_with_audio(lab, returning, callee, users[1][0], 'in the call across the proxies')
        assert callee.evaluate('() => window.rtcPhone.server') == servers[1], 'the callee left %s: %s' % (servers[1], callee.describe())
        for phone in phones + [returning]:
            assert not phone.errors, phone.errors


def _bridge_sessions():
    """The media bridge's sessions now and since it started, from its metrics (RTC_BRIDGE_METRICS)."""
    text = subprocess.run(shlex.split(env('RTC_BRIDGE_METRICS')), check=True, timeout=30, capture_output=True,
                          text=True).stdout
    now = re.search(r'(?m)^rtpengine_sessions\{type="own"\} (\d+)$', text)
    total = re.search(r'(?m)^rtpengine_sessions_total (\d+)$', text)
    assert now and total, 'no session counts in the bridge\'s metrics: %s' % text[-500:]
    return int(now.group(1)), int(total.group(1))


def _audio_both_ways(lab, browser, sip_phone, when):
    """The browser's inbound RTP grows while a capture at baresip counts the RTP that reaches it."""
    first = wait_until(browser.inbound_audio_bytes, timeout=lab.timeout, what='inbound RTP at the browser %s' % when)
    # 20 ms packets: about 50 in a second.
    received = sip_phone.received_rtp(1.0)
    assert browser.inbound_audio_bytes() > first, 'the browser received no more RTP %s' % when
    assert received >= 25, 'baresip received %d RTP packets in a second %s' % (received, when)


def _remote_direction(browser):
    """The direction attribute of the browser's remote audio description (sendrecv, sendonly...)."""
    sdp = browser.evaluate('() => window.rtcPhone.peerConnection.remoteDescription.sdp')
    found = re.findall(r'(?m)^a=(sendrecv|sendonly|recvonly|inactive)\s*$', sdp)
    return found[-1] if found else 'sendrecv'


def _hold_and_resume(lab, browser, sip_phone, when):
    """baresip holds the call and resumes it, each a re-INVITE through the bridge; audio flows again."""
    sip_phone.command('/hold')
    wait_until(lambda: _remote_direction(browser) == 'sendonly', timeout=lab.timeout, what='the hold at the browser %s' % when)
    sip_phone.command('/resume')
    wait_until(lambda: _remote_direction(browser) == 'sendrecv', timeout=lab.timeout, what='the resume at the browser %s' % when)
    reinvites = sip_phone.invites(sent=True)
    assert len(reinvites) >= 2 and 'a=sendonly' in reinvites[-2], "baresip's re-INVITEs: %s" % reinvites[-2:]
    _audio_both_ways(lab, browser, sip_phone, 'after a hold and a resume ' + when)


def _media_both_ways(lab, browser, sip_phone, when, srtp, hold=False):
    """Audio both ways, the bridge holds the call's session (through a hold and a resume when `hold`);
    baresip decrypts what it gets (SRTP when `srtp`), the browser hangs up."""
    _audio_both_ways(lab, browser, sip_phone, when)
    if hold:
        _hold_and_resume(lab, browser, sip_phone, when)
    remote = browser.evaluate('() => window.rtcPhone.peerConnection.remoteDescription.sdp')
    assert 'UDP/TLS/RTP/SAVPF' in remote and 'a=fingerprint:' in remote, 'the browser got no DTLS-SRTP %s: %s' % (when, remote)
    assert _bridge_sessions()[0] == 1, 'the bridge does not hold the call %s' % when
    browser.hangup()
    browser.wait_call_status('ended')
    log = sip_phone.log()
    assert "incoming rtp for 'audio' established" in log, 'baresip saw no RTP %s' % when
    assert ('SRTP is Enabled' in log) == srtp, 'baresip %s SRTP %s' % ('did not use' if srtp else 'used', when)
    assert 'failed to decrypt' not in log, 'baresip could not decrypt what it got %s' % when


def test_calls_between_the_web_phone_and_a_sip_phone(lab):
    """The media bridge: baresip calls the browser and the browser calls baresip, first with plain RTP,
    then with baresip offering SDES-SRTP; audio both ways through the bridge. Then two browsers call
    each other without it, and it holds no session after the calls, a rejected one and a cancelled one."""
    user, password = env('RTC_CALLER'), env('RTC_CALLER_PASSWORD')
    callee, callee_password = env('RTC_CALLEE'), env('RTC_CALLEE_PASSWORD')
    domain = env('RTC_SIP_DOMAIN')
    sip_phone = SipPhone(env('RTC_SIP_PHONE_EXEC'), callee, callee_password, domain, env('RTC_SIP_PHONE_CA'),
                         env('RTC_SIP_PHONE_DNS'), timeout=lab.timeout)
    _bridge_sessions()
    with chromium(lab) as context:
        browser = Phone(context, lab.url, lab.timeout)
        browser.login(user, password)
        browser.wait_status('registered')
        try:
            # baresip's srtp-mand offers RTP/SAVP; its srtp (best effort) takes the bridge's opportunistic SDES.
            for what, calling, called in (('plain RTP', '', ''), ('SDES-SRTP', 'srtp-mand', 'srtp')):
                what = 'with %s' % what
                total = _bridge_sessions()[1]
                sip_phone.start(calling, dial='sip:%s@%s' % (user, domain))
                browser.wait_call_status('incoming')
                browser.answer()
                browser.wait_call_status('connected')
                offers = sip_phone.invites(sent=True)
                assert offers and re.search(r'(?m)^m=audio \d+ RTP/%s ' % ('SAVP' if calling else 'AVP'), offers[-1]), (
                    "baresip's offer %s: %s" % (what, offers))
                _media_both_ways(lab, browser, sip_phone, 'when baresip called, %s' % what, srtp=bool(calling))
                # baresip's first INVITE got the proxy's 407: only the authenticated one made a session.
                assert any(text.startswith('SIP/2.0 407 ') for sent, text in sip_phone.messages() if not sent)
                assert _bridge_sessions()[1] == total + 1, 'the bridge did not get exactly one session for the call'

                sip_phone.start(called)
                wait_until(sip_phone.registered, timeout=lab.timeout, what='baresip registered')
                browser.dial(callee)
                browser.wait_call_status('connected')
                offers = sip_phone.invites(sent=False)
                assert offers and re.search(r'(?m)^m=audio \d+ RTP/AVP ', offers[-1]), 'the offer baresip got: %s' % offers
                assert 'a=ice-ufrag' not in offers[-1] and 'a=fingerprint' not in offers[-1], offers[-1]
                _media_both_ways(lab, browser, sip_phone, 'when the browser called, %s' % what, srtp=bool(called),
                                 hold=not called)

            # A number a static route sends to a provider: baresip stands in for the provider's gateway.
            provider = env('RTC_SIP_PROVIDER', required=False)
            if provider:
                address, dialled, number = provider.split(',')
                sip_phone.start(provider=address, number=number)
                browser.dial(dialled)
                browser.wait_call_status('connected')
                offers = sip_phone.invites(sent=False)
                assert offers and re.search(r'(?m)^m=audio \d+ RTP/AVP ', offers[-1]), 'the provider got: %s' % offers
                assert 'a=ice-ufrag' not in offers[-1] and 'a=fingerprint' not in offers[-1], offers[-1]
                _media_both_ways(lab, browser, sip_phone, 'when the browser called the provider', srtp=False)

            # A call the browser rejects and one its caller cancels leave no session behind.
            total = _bridge_sessions()[1]
            sip_phone.start(dial='sip:%s@%s' % (user, domain))
            browser.wait_call_status('incoming')
            browser.hangup()
            browser.wait_call_status('ended')
            wait_until(lambda: _bridge_sessions()[0] == 0, timeout=lab.timeout, what='no session after a rejected call')
            sip_phone.start(answer=False)
            wait_until(sip_phone.registered, timeout=lab.timeout, what='baresip registered')
            browser.dial(callee)
            browser.wait_call_status('ringing')
            browser.hangup()
            browser.wait_call_status('ended')
            wait_until(lambda: _bridge_sessions()[0] == 0, timeout=lab.timeout, what='no session after a cancelled call')
            assert _bridge_sessions()[1] == total + 2, 'the rejected and the cancelled call did not both reach the bridge'
        finally:
            sip_phone.stop()

        # Two browsers: the bridge stays out of the call (baresip's stop unregistered it).
        other = Phone(context, lab.url, lab.timeout)
        other.login(callee, callee_password)
        other.wait_status('registered')
        before = _bridge_sessions()[1]
        browser.dial(callee)
        other.wait_call_status('incoming')
        other.answer()
        other.wait_call_status('connected')
        wait_until(other.inbound_audio_bytes, timeout=lab.timeout, what='inbound RTP between the two browsers')
        assert _bridge_sessions() == (0, before), 'a call between two browsers went through the bridge'
        browser.hangup()
        other.wait_call_status('ended')
        assert _bridge_sessions()[0] == 0, 'the bridge still holds a session after the calls'
        for side in (browser, other):
            assert not side.errors, side.errors
