# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""DNS records of the stack, derived from the topology (see _topology.py).

Services are published as in the Debian Administrator's Handbook, section 11.8.1:
TURN/STUN with RFC 5389/5766 SRV names and RFC 5928 NAPTR, SIP with RFC 3263 SRV and NAPTR,
XMPP with RFC 6120 SRV names and XEP-0368 for direct TLS.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from collections.abc import Mapping

from ansible_collections.rtcstack.debian.plugins.plugin_utils._address import reverse_pointer
from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import (
    RtcInputError,
    RtcTypeError,
    type_name,
)

SERVICES = ('turn', 'sip', 'xmpp')


def _srv_names(service, config):
    """(owner, port key, NAPTR order, NAPTR service) per SRV name the service publishes; NAPTR fields None when none."""
    if service == 'turn':
        names = [('_stun._udp', 'port', None, None), ('_turn._udp', 'port', 10, 'RELAY:turn.udp')]
        if config.get('publish_tcp'):
            names.append(('_turn._tcp', 'port', 15, 'RELAY:turn.tcp'))
        if config['tls']:
            names.append(('_turns._tcp', 'tls_port', 20, 'RELAY:turn.tls'))
        return names
    if service == 'sip':
        names = [('_sips._tcp', 'tls_port', 10, 'SIPS+D2T')]
        if config['publish_tcp']:
            names.append(('_sip._tcp', 'tcp_port', 20, 'SIP+D2T'))
        return names
    names = [('_xmpp-client._tcp', 'c2s_port', None, None), ('_xmpp-server._tcp', 's2s_port', None, None)]
    if config['direct_tls']:
        names.append(('_xmpps-client._tcp', 'c2s_tls_port', None, None))
    return names


class _RecordList:
    def __init__(self):
        self.records = []
        self.seen = set()

    def add(self, owner, rtype, value):
        key = (owner, rtype, value)
        if key not in self.seen:
            self.seen.add(key)
            self.records.append({'owner': owner, 'type': rtype, 'value': value})

    def address(self, owner, ipv4, ipv6):
        if ipv4:
            self.add(owner, 'A', ipv4)
        if ipv6:
            self.add(owner, 'AAAA', ipv6)


def _check_topology(topology):
    if not isinstance(topology, Mapping):
        raise RtcTypeError('topology', 'expected the mapping that rtcstack.debian.rtc_topology returns, got %s' % type_name(topology))
    missing = [key for key in ('domain', 'hosts', 'apex', 'services') if key not in topology]
    if missing:
        raise RtcInputError('topology', 'missing key %s; pass the output of rtcstack.debian.rtc_topology' % ', '.join(repr(key) for key in missing))


def _malformed(exc):
    return RtcInputError('topology', 'not the output of rtcstack.debian.rtc_topology (%s: %s)' % (type(exc).__name__, exc))


def records(topology):
    """Return the zone's records as dicts {owner, type, value}, relative owners, absolute targets."""
    _check_topology(topology)
    try:
        return _records(topology)
    except (KeyError, TypeError, AttributeError) as exc:
        raise _malformed(exc)


def _records(topology):
    domain = topology['domain']
    out = _RecordList()
    apex = topology['apex']
    if apex:
        out.address('@', apex['ipv4'], apex['ipv6'])
    for host in topology['hosts'].values():
        out.address(host['label'], host['ipv4'], host['ipv6'])
    services = topology['services']
    for service in SERVICES:
        for instance in services.get(service, {}).get('instances', []):
            out.address(instance['label'], instance['ipv4'], instance['ipv6'])
            if instance.get('rest'):
                out.address(instance['rest']['label'], instance['rest']['ipv4'], instance['rest']['ipv6'])
    for service in SERVICES:
        config = services.get(service)
        if not config or not config.get('instances'):
            continue
        names = _srv_names(service, config)
        for owner, port_key, _order, _naptr in names:
            for instance in config['instances']:
                out.add(owner, 'SRV', '%d %d %d %s.' % (instance['priority'], instance['weight'], config[port_key], instance['fqdn']))
        for owner, _port_key, order, naptr in names:
            if naptr is not None:
                out.add('@', 'NAPTR', '%d 0 "s" "%s" "" %s.%s.' % (order, naptr, owner, domain))
    return out.records


def ptr_records(topology):
    """Return PTR records {zone, owner, type, value} for every host's rtc_ipv4, rtc_ipv4_alt and rtc_ipv6, and for
    the addresses of a service's own (rtc_<service>_ipv4 and the rest), which point at the service's name."""
    _check_topology(topology)
    try:
        named = [(host['fqdn'], (host['ipv4'], host.get('ipv4_alt'), host['ipv6'])) for host in topology['hosts'].values()]
        for config in topology['services'].values():
            for instance in config['instances']:
                own = instance.get('addresses') or {}
                if own.get('own'):
                    named.append((instance['fqdn'], (own['ipv4'], own.get('ipv4_alt'), own.get('ipv6'))))
                rest = instance.get('rest')
                if rest:
                    named.append((rest['fqdn'], (rest['addresses']['ipv4'], rest['addresses']['ipv6'])))
        result = []
        seen = set()
        for fqdn, addresses in named:
            for address in addresses:
                if not address:
                    continue
                zone, owner = reverse_pointer(address)
                record = {'zone': zone, 'owner': owner, 'type': 'PTR', 'value': '%s.' % fqdn}
                key = (zone, owner, record['value'])
                if key not in seen:
                    seen.add(key)
                    result.append(record)
        return result
    except (KeyError, TypeError, AttributeError) as exc:
        raise _malformed(exc)
