#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A SIP user agent over secure WebSocket (RFC 7118), as a browser phone speaks it.

It registers the way SIP.js and JsSIP do (a *.invalid Contact with ;ob, reg-id and +sip.instance,
digest authentication), then places or answers one call (INVITE, 200, ACK, BYE) or takes a MESSAGE.
The WebSocket layer is Debian's python3-websockets (10.4 on Debian 12, 15 on Debian 13), subprotocol
"sip". Every SIP message it sends or receives is printed as "-> first line" / "<- first line".

  python3 sip_ws_client.py --uri wss://falcot.com:8443 --user alice --password PW --domain falcot.com register
  python3 sip_ws_client.py ... answer --bye-after 2        # wait for a call, answer it, hang up after 2 s
  python3 sip_ws_client.py ... call sip:joe@falcot.com     # call, ACK the 200, wait for the callee's BYE

Exit status 0 when the scenario completed, 1 otherwise (the reason is printed).
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import argparse
import asyncio
import hashlib
import random
import re
import ssl
import string
import sys
import uuid

import websockets


def token(length=10):
    return ''.join(random.choice(string.ascii_lowercase + string.digits) for dummy in range(length))


def md5(text):
    return hashlib.md5(text.encode('utf-8')).hexdigest()


class Message:
    """A parsed SIP message: first line, headers in order (name, value), body."""

    def __init__(self, text):
        head, dummy, self.body = text.partition('\r\n\r\n')
        lines = head.split('\r\n')
        self.first = lines[0]
        self.headers = []
        for line in lines[1:]:
            if line[:1] in (' ', '\t') and self.headers:
                name, value = self.headers[-1]
                self.headers[-1] = (name, value + ' ' + line.strip())
            elif ':' in line:
                name, value = line.split(':', 1)
                self.headers.append((name.strip(), value.strip()))
        self.is_response = self.first.startswith('SIP/2.0 ')
        if self.is_response:
            parts = self.first.split(' ', 2)
            self.status = int(parts[1])
            self.method = None
        else:
            self.status = None
            self.method, self.ruri = self.first.split(' ')[:2]

    COMPACT = {'v': 'via', 'f': 'from', 't': 'to', 'i': 'call-id', 'm': 'contact', 'l': 'content-length',
               'c': 'content-type'}

    def all(self, name):
        name = name.lower()
        values = []
        for key, value in self.headers:
            key = self.COMPACT.get(key.lower(), key.lower())
            if key == name:
                # Via and Record-Route may carry several values in one header
                if name in ('via', 'record-route'):
                    values.extend(v.strip() for v in re.split(r',(?=(?:[^"]*"[^"]*")*[^"]*$)(?![^<]*>)', value))
                else:
                    values.append(value)
        return values

    def get(self, name, default=''):
        values = self.all(name)
        return values[0] if values else default

    def cseq(self):
        number, method = self.get('cseq').split()
        return int(number), method


def tag_of(header):
    match = re.search(r';\s*tag=([^;>\s]+)', header)
    return match.group(1) if match else None


def uri_of(header):
    match = re.search(r'<([^>]+)>', header)
    return match.group(1) if match else header.split(';')[0].strip()


class UserAgent:
    def __init__(self, args, ws):
        self.args = args
        self.ws = ws
        self.host = token(8) + '.invalid'
        self.aor = 'sip:%s@%s' % (args.user, args.domain)
        self.contact = '<sip:%s@%s;transport=ws;ob>' % (args.user, self.host)
        self.instance = '<urn:uuid:%s>' % uuid.uuid4()
        self.cseq = random.randint(1, 1000)
        self.inbox = asyncio.Queue()
        self.reader = None

    async def send(self, text):
        print('-> ' + text.split('\r\n', 1)[0], flush=True)
        await self.ws.send(text)

    async def read_loop(self):
        try:
            async for frame in self.ws:
                if isinstance(frame, bytes):
                    frame = frame.decode('utf-8', 'replace')
                message = Message(frame)
                print('<- ' + message.first, flush=True)
                await self.inbox.put(message)
        except websockets.exceptions.ConnectionClosed:
            pass
        await self.inbox.put(None)

    async def receive(self, timeout):
        message = await asyncio.wait_for(self.inbox.get(), timeout)
        if message is None:
            raise ConnectionError('the proxy closed the WebSocket')
        return message

    def via(self, branch):
        return 'SIP/2.0/WSS %s;branch=z9hG4bK%s;rport' % (self.host, branch)

    def request(self, method, ruri, headers, body='', branch=None):
        lines = ['%s %s SIP/2.0' % (method, ruri), 'Via: ' + self.via(branch or token(12)), 'Max-Forwards: 70']
        lines += headers
        lines += ['User-Agent: rtcstack sip_ws_client', 'Content-Length: %d' % len(body.encode('utf-8'))]
        return '\r\n'.join(lines) + '\r\n\r\n' + body

    def authorization(self, challenge_message, method, ruri):
        """The Authorization/Proxy-Authorization header answering a 401/407."""
        if challenge_message.status == 401:
            challenge, header = challenge_message.get('www-authenticate'), 'Authorization'
        else:
            challenge, header = challenge_message.get('proxy-authenticate'), 'Proxy-Authorization'
        params = {}
        for key, quoted, bare in re.findall(r'(\w+)=(?:"([^"]*)"|([^,\s]+))', challenge):
            params[key.lower()] = quoted or bare
        realm, nonce = params['realm'], params['nonce']
        ha1 = md5('%s:%s:%s' % (self.args.user, realm, self.args.password))
        ha2 = md5('%s:%s' % (method, ruri))
        fields = ['username="%s"' % self.args.user, 'realm="%s"' % realm, 'nonce="%s"' % nonce,
                  'uri="%s"' % ruri, 'algorithm=MD5']
        if 'qop' in params and 'auth' in params['qop'].split(','):
            cnonce, nc = token(16), '00000001'
            response = md5('%s:%s:%s:%s:auth:%s' % (ha1, nonce, nc, cnonce, ha2))
            fields += ['qop=auth', 'nc=' + nc, 'cnonce="%s"' % cnonce]
        else:
            response = md5('%s:%s:%s' % (ha1, nonce, ha2))
        fields.append('response="%s"' % response)
        if 'opaque' in params:
            fields.append('opaque="%s"' % params['opaque'])
        return '%s: Digest %s' % (header, ', '.join(fields))

    async def transaction(self, method, ruri, headers, body='', timeout=10):
        """Send a request, answer one digest challenge, return the final response."""
        auth = None
        for dummy in range(2):
            self.cseq += 1
            extra = [auth] if auth else []
            await self.send(self.request(method, ruri, headers + ['CSeq: %d %s' % (self.cseq, method)] + extra, body))
            while True:
                response = await self.wait_response(method, timeout)
                if response.status >= 200:
                    break
            if response.status in (401, 407) and auth is None:
                auth = self.authorization(response, method, ruri)
                continue
            return response
        return response

    async def wait_response(self, method, timeout):
        while True:
            message = await self.receive(timeout)
            if message.is_response and message.cseq() == (self.cseq, method):
                return message
            if not message.is_response:
                await self.handle_stray(message)

    async def handle_stray(self, message):
        if message.method in ('OPTIONS', 'NOTIFY'):
            await self.reply(message, 200, 'OK')

    async def reply(self, request, status, reason, to_tag=None, extra=None, body=''):
        lines = ['SIP/2.0 %d %s' % (status, reason)]
        lines += ['Via: ' + via for via in request.all('via')]
        lines += ['Record-Route: ' + rr for rr in request.all('record-route')] if status < 300 and request.method == 'INVITE' else []
        to = request.get('to')
        if to_tag and not tag_of(to):
            to += ';tag=' + to_tag
        lines += ['From: ' + request.get('from'), 'To: ' + to, 'Call-ID: ' + request.get('call-id'),
                  'CSeq: ' + request.get('cseq')]
        lines += extra or []
        lines += ['Content-Length: %d' % len(body.encode('utf-8'))]
        await self.send('\r\n'.join(lines) + '\r\n\r\n' + body)

    async def register(self, expires=600):
        self.register_call_id = token(16)
        tag = token(8)
        headers = ['From: <%s>;tag=%s' % (self.aor, tag), 'To: <%s>' % self.aor, 'Call-ID: ' + self.register_call_id,
                   'Contact: %s;+sip.ice;reg-id=1;+sip.instance="%s";expires=%d' % (self.contact, self.instance, expires),
                   'Expires: %d' % expires, 'Supported: path, gruu, outbound']
        response = await self.transaction('REGISTER', 'sip:' + self.args.domain, headers)
        print('REGISTER %s: %s' % (self.aor, response.first), flush=True)
        return response

    def sdp(self):
        session = random.randint(1000, 9999)
        return ('v=0\r\no=- %d 1 IN IP4 0.0.0.0\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n'
                'm=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=inactive\r\n' % session)

    async def in_dialog(self, dialog, method):
        """Send BYE/ACK inside a dialog along its route set."""
        lines = ['Route: ' + route for route in dialog['route']]
        lines += ['From: ' + dialog['local'], 'To: ' + dialog['remote'], 'Call-ID: ' + dialog['call_id']]
        if method == 'ACK':
            lines.append('CSeq: %d ACK' % dialog['invite_cseq'])
            await self.send(self.request('ACK', dialog['target'], lines))
            return None
        self.cseq += 1
        lines.append('CSeq: %d %s' % (self.cseq, method))
        await self.send(self.request(method, dialog['target'], lines))
        return await self.wait_response(method, 10)

    async def call(self, target, wait_bye):
        call_id, tag = token(16), token(8)
        headers = ['From: <%s>;tag=%s' % (self.aor, tag), 'To: <%s>' % target, 'Call-ID: ' + call_id,
                   'Contact: ' + self.contact, 'Content-Type: application/sdp', 'Supported: outbound']
        response = await self.transaction('INVITE', target, headers, self.sdp(), timeout=30)
        print('INVITE %s: %s' % (target, response.first), flush=True)
        if response.status != 200:
            return False
        dialog = {'route': list(reversed(response.all('record-route'))), 'target': uri_of(response.get('contact')),
                  'local': response.get('from'), 'remote': response.get('to'), 'call_id': call_id,
                  'invite_cseq': response.cseq()[0]}
        await self.in_dialog(dialog, 'ACK')
        print('ACK sent', flush=True)
        return await self.wait_for_bye(call_id, wait_bye)

    async def requests(self, timeout):
        """The requests that arrive within timeout seconds, in order (responses are dropped)."""
        loop = asyncio.get_running_loop()
        end = loop.time() + timeout
        while loop.time() < end:
            try:
                message = await self.receive(end - loop.time())
            except asyncio.TimeoutError:
                return
            if not message.is_response:
                yield message

    async def wait_for_bye(self, call_id, timeout):
        async for message in self.requests(timeout):
            if message.method == 'BYE' and message.get('call-id') == call_id:
                await self.reply(message, 200, 'OK')
                print('BYE from the other party: call completed', flush=True)
                return True
            await self.handle_stray(message)
        print('no BYE within %d s' % timeout, flush=True)
        return False

    async def answer(self, timeout, bye_after):
        """Wait for an INVITE or a MESSAGE; answer a call and hang up (BYE) after bye_after seconds."""
        async for message in self.requests(timeout):
            if message.method == 'MESSAGE':
                await self.reply(message, 200, 'OK', to_tag=token(8))
                print('MESSAGE for %s from %s: %s' % (message.ruri, message.get('from'), message.body), flush=True)
                return True
            if message.method != 'INVITE':
                await self.handle_stray(message)
                continue
            tag = token(8)
            await self.reply(message, 180, 'Ringing', to_tag=tag)
            await self.reply(message, 200, 'OK', to_tag=tag,
                             extra=['Contact: ' + self.contact, 'Content-Type: application/sdp'], body=self.sdp())
            to = message.get('to')
            dialog = {'route': message.all('record-route'), 'target': uri_of(message.get('contact')),
                      'local': to if tag_of(to) else to + ';tag=' + tag, 'remote': message.get('from'),
                      'call_id': message.get('call-id')}
            ack = await self.wait_request('ACK', dialog['call_id'], 10)
            if not ack:
                print('no ACK for the 200', flush=True)
                return False
            print('ACK received; hanging up in %s s' % bye_after, flush=True)
            await asyncio.sleep(bye_after)
            response = await self.in_dialog(dialog, 'BYE')
            print('BYE: %s' % response.first, flush=True)
            if response.status == 200:
                print('call completed', flush=True)
            return response.status == 200
        print('nothing arrived within %d s' % timeout, flush=True)
        return False

    async def wait_request(self, method, call_id, timeout):
        try:
            while True:
                message = await self.receive(timeout)
                if not message.is_response and message.method == method and message.get('call-id') == call_id:
                    return message
                if not message.is_response:
                    await self.handle_stray(message)
        except asyncio.TimeoutError:
            return None


async def main(args):
    context = ssl.create_default_context(cafile=args.ca)
    async with websockets.connect(args.uri, subprotocols=['sip'], ssl=context, origin=args.origin) as ws:
        print('WebSocket open, subprotocol %s' % ws.subprotocol, flush=True)
        if ws.subprotocol != 'sip':
            return False
        agent = UserAgent(args, ws)
        agent.reader = asyncio.ensure_future(agent.read_loop())
        response = await agent.register()
        if args.action == 'register':
            return response.status == 200 if not args.expect_status else str(response.status) in args.expect_status.split(',')
        if response.status != 200:
            return False
        if args.ready_file:
            with open(args.ready_file, 'w') as ready:
                ready.write('registered\n')
        if args.action == 'answer':
            return await agent.answer(args.timeout, args.bye_after)
        return await agent.call(args.target, args.timeout)


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n', maxsplit=1)[0])
    parser.add_argument('--uri', required=True, help='wss://host:port of the proxy')
    parser.add_argument('--user', required=True)
    parser.add_argument('--password', required=True)
    parser.add_argument('--domain', required=True)
    parser.add_argument('--ca', default=None, help='CA certificate file (default: the system store)')
    parser.add_argument('--origin', default=None)
    parser.add_argument('--timeout', type=float, default=30)
    parser.add_argument('--ready-file', default=None, help='written once registered')
    parser.add_argument('--expect-status', default=None, help='register: the accepted final statuses, e.g. 401,403')
    parser.add_argument('--bye-after', type=float, default=2)
    parser.add_argument('action', choices=['register', 'answer', 'call'])
    parser.add_argument('target', nargs='?')
    return parser.parse_args()


if __name__ == '__main__':
    arguments = parse()
    try:
        ok = asyncio.run(asyncio.wait_for(main(arguments), arguments.timeout + 30))
    except Exception as exc:  # report any failure as the test's reason
        print('error: %s: %s' % (type(exc).__name__, exc), flush=True)
        ok = False
    sys.exit(0 if ok else 1)
