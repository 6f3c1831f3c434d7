# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real XMPP client (slixmpp) for the xmpp scenario's verify: log in, chat, ask for TURN credentials.

    python3 tests/clients/xmpp_client.py login JID PASSWORD [options]
    python3 tests/clients/xmpp_client.py chat SENDER_JID SENDER_PASSWORD RECIPIENT_JID RECIPIENT_PASSWORD [options]
    python3 tests/clients/xmpp_client.py services JID PASSWORD [options]
    python3 tests/clients/xmpp_client.py muc JID PASSWORD ROOM_JID [options]

The server is found as any client finds it: slixmpp asks for the domain's SRV records
(_xmpp-client._tcp, or _xmpps-client._tcp with --transport directtls), through aiodns, but only at the
lab resolver given with --dns, never the host's own. --address IP:PORT skips DNS (for a domain that
has no records). The certificate must verify against --cafile and the domain. Passwords come as
arguments for the lab's test users only; pass "-" to read them from stdin, one per line.

Prints one JSON object and exits 0 on success, 3 when the server refuses the credentials, 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import secrets
import sys

import slixmpp
from slixmpp.xmlstream import ET
from slixmpp.xmlstream import resolver as slixmpp_resolver
from slixmpp.xmlstream import xmlstream as slixmpp_xmlstream

try:
    import aiodns
except ImportError:  # main() refuses to run without it
    aiodns = None


def patient_resolver(loop):
    """slixmpp's resolver tries once and waits one second: on a busy 2-core machine one late answer from
    the lab resolver then reads as "no records". Three tries of three seconds, for every lookup here."""
    return aiodns.DNSResolver(loop=loop, tries=3, timeout=3.0)


slixmpp_xmlstream.default_resolver = patient_resolver

EXTDISCO = 'urn:xmpp:extdisco:2'
# XEP-0215's attributes of a <service/>, as the services subcommand prints them; absent ones are null.
SERVICE_FIELDS = ('type', 'host', 'port', 'transport', 'username', 'password', 'expires', 'restricted')
AUTH_FAILED = 3


class LabClient(slixmpp.ClientXMPP):
    """slixmpp's client, resolving through the lab resolver only and recording how it connected."""

    def __init__(self, jid, password, options):
        super().__init__(jid, password)
        self.lab_dns = options.dns
        self.ca_certs = options.cafile
        self.enable_plaintext = False
        self.enable_starttls = options.transport == 'starttls'
        self.enable_direct_tls = options.transport == 'directtls'
        self.facts = {'jid': jid}
        self.started = asyncio.get_event_loop().create_future()
        self.add_event_handler('session_start', self._session_start)
        self.add_event_handler('failed_all_auth', self._failed_auth)
        self.add_event_handler('connection_failed', self._connection_failed)
        self.add_event_handler('ssl_invalid_cert', self._invalid_cert)
        self.add_event_handler('stream_error', self._stream_error)

    def configure_dns(self, resolver, domain=None, port=None):
        resolver.nameservers = [self.lab_dns]

    async def get_dns_records(self, domain, port=None):
        records = await super().get_dns_records(domain, port)
        self.facts['dns_records'] = [list(record) for record in records]
        if not records:
            # slixmpp would then ask the system resolver for the domain itself: never leave the lab.
            self._finish(RuntimeError('the lab resolver %s has no SRV or address record for %s' % (self.lab_dns, domain)))
            self.abort()
        return records

    def _finish(self, outcome):
        if not self.started.done():
            if isinstance(outcome, BaseException):
                self.started.set_exception(outcome)
            else:
                self.started.set_result(outcome)

    def _session_start(self, event):  # pylint: disable=unused-argument
        transport = self.transport
        peer = transport.get_extra_info('peername') if transport else None
        ssl_object = transport.get_extra_info('ssl_object') if transport else None
        mech = self.plugin['feature_mechanisms'].mech
        self.facts.update({
            'connected_to': list(peer[:2]) if peer else None,
            'mechanism': mech.name if mech else None,
            'tls_version': ssl_object.version() if ssl_object else None,
            'transport': 'directtls' if self.enable_direct_tls else 'starttls',
            'bound_jid': str(self.boundjid),
        })
        self.send_presence()
        self._finish(True)

    def _failed_auth(self, event):  # pylint: disable=unused-argument
        self.facts['auth'] = 'refused'
        self._finish(PermissionError('the server refused the credentials of %s' % self.facts['jid']))

    def _connection_failed(self, error):
        self.facts.setdefault('connection_errors', []).append(str(error))

    def _invalid_cert(self, error):
        self._finish(RuntimeError('certificate did not verify: %s' % (error, )))

    def _stream_error(self, error):
        self.facts.setdefault('stream_errors', []).append(str(error['condition']))


async def session(jid, password, options):
    """A logged-in client, or an exception."""
    client = LabClient(jid, password, options)
    for plugin in ('xep_0030', 'xep_0045', 'xep_0199'):
        client.register_plugin(plugin)
    if options.address:
        host, port = options.address.rsplit(':', 1)
        client.connect(host.strip('[]'), int(port))
    else:
        client.connect()
    try:
        await asyncio.wait_for(client.started, options.timeout)
    except asyncio.TimeoutError:
        client.abort()
        raise TimeoutError('no session for %s within %ss (%s)' % (jid, options.timeout, client.facts)) from None
    except BaseException:
        client.abort()
        raise
    return client


async def close(*clients):
    for client in clients:
        client.disconnect()
    await asyncio.sleep(0.2)


async def cmd_login(options):
    client = await session(options.jid, options.password, options)
    await close(client)
    return client.facts


async def cmd_chat(options):
    recipient_options = argparse.Namespace(**vars(options))
    recipient_options.address = options.recipient_address
    recipient_options.dns = options.recipient_dns or options.dns
    recipient = await session(options.recipient, options.recipient_password, recipient_options)
    received = asyncio.get_event_loop().create_future()

    def on_message(message):
        if message['type'] in ('chat', 'normal') and not received.done():
            received.set_result({'from': str(message['from']), 'body': message['body']})
    recipient.add_event_handler('message', on_message)

    sender = await session(options.sender, options.sender_password, options)
    token = 'rtcstack xmpp verify %s' % secrets.token_hex(8)
    sender.send_message(mto=options.recipient, mbody=token, mtype='chat')
    try:
        message = await asyncio.wait_for(received, options.timeout)
    finally:
        await close(sender, recipient)
    if message['body'] != token:
        raise RuntimeError('received %r instead of the message sent' % message['body'])
    return {'sender': sender.facts, 'recipient': recipient.facts, 'message': message}


async def external_services(options):
    """The <service/> elements of the server's XEP-0215 answer (urn:xmpp:extdisco:2), and the session's facts.
    A raw IQ: slixmpp has no plugin for XEP-0215."""
    client = await session(options.jid, options.password, options)
    try:
        iq = client.Iq()
        iq['type'] = 'get'
        iq['to'] = client.boundjid.domain
        iq.append(ET.Element('{%s}services' % EXTDISCO))
        reply = await iq.send(timeout=options.timeout)
    finally:
        await close(client)
    return list(reply.xml.iter('{%s}service' % EXTDISCO)), client.facts


async def cmd_services(options):
    """XEP-0215 external services in a fixed form: every field of SERVICE_FIELDS, the port a number."""
    items, facts = await external_services(options)
    services = []
    for item in items:
        service = {name: item.get(name) for name in SERVICE_FIELDS}
        if service['port'] is not None:
            service['port'] = int(service['port'])
        services.append(service)
    return {'session': facts, 'services': services}


async def cmd_muc(options):
    client = await session(options.jid, options.password, options)
    nick = client.boundjid.user
    try:
        joined = await client.plugin['xep_0045'].join_muc_wait(options.room, nick, maxstanzas=0, timeout=options.timeout)
        presence = joined[0]  # (own presence, subject, history)
        items = await client.plugin['xep_0030'].get_info(jid=options.room.split('@')[-1], timeout=options.timeout)
    finally:
        await close(client)
    identities = [list(identity) for identity in items['disco_info']['identities']]
    return {'session': client.facts, 'joined_as': str(presence['from']), 'service_identities': identities}


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n', maxsplit=1)[0])
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument('--dns', required=True, help='the lab resolver (an address)')
    common.add_argument('--cafile', required=True, help='the CA certificate the server must verify against')
    common.add_argument('--address', help='connect to IP:PORT instead of looking up SRV records')
    common.add_argument('--transport', choices=['starttls', 'directtls'], default='starttls')
    common.add_argument('--timeout', type=float, default=20.0)
    common.add_argument('--debug', action='store_true')
    commands = parser.add_subparsers(dest='command', required=True)
    login = commands.add_parser('login', parents=[common])
    login.add_argument('jid')
    login.add_argument('password')
    services = commands.add_parser('services', parents=[common])
    services.add_argument('jid')
    services.add_argument('password')
    muc = commands.add_parser('muc', parents=[common])
    muc.add_argument('jid')
    muc.add_argument('password')
    muc.add_argument('room')
    chat = commands.add_parser('chat', parents=[common])
    chat.add_argument('sender')
    chat.add_argument('sender_password')
    chat.add_argument('recipient')
    chat.add_argument('recipient_password')
    chat.add_argument('--recipient-address', help='the recipient server IP:PORT instead of its SRV records')
    chat.add_argument('--recipient-dns', help="the resolver for the recipient's domain (default: --dns)")
    options = parser.parse_args()
    for name in ('password', 'sender_password', 'recipient_password'):
        if getattr(options, name, None) == '-':
            setattr(options, name, sys.stdin.readline().rstrip('\n'))
    return options


def main():
    options = parse()
    logging.basicConfig(level=logging.DEBUG if options.debug else logging.CRITICAL, stream=sys.stderr)
    if not slixmpp_resolver.AIODNS_AVAILABLE:
        print(json.dumps({'error': 'aiodns is missing: slixmpp would use the system resolver'}))
        return 1
    command = {'login': cmd_login, 'chat': cmd_chat, 'services': cmd_services, 'muc': cmd_muc}[options.command]
    try:
        result = asyncio.run(command(options))
    except PermissionError as exc:
        print(json.dumps({'error': str(exc), 'auth': 'refused'}))
        return AUTH_FAILED
    except Exception as exc:  # pylint: disable=broad-except
        print(json.dumps({'error': '%s: %s' % (type(exc).__name__, exc)}))
        return 1
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == '__main__':
    sys.exit(main())
