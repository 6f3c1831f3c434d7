# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""The zone the dns role publishes: its name servers, its SOA serial, and the RFC 2136 updates that
bring a zone hosted elsewhere to the stack's records.

Nothing here talks to a DNS server: the role reads the current state (a zone file, DNS answers) and
these functions decide what to write.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import hashlib
import re
from collections.abc import Mapping

from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import (
    RtcInputError,
    RtcTypeError,
    check_string,
    is_list,
    type_name,
)
from ansible_collections.rtcstack.debian.plugins.plugin_utils._topology import HostReader, LabelClaims

SERIAL_MAX = 4294967295

# The marker line the role writes into each zone file it owns: the digest of everything in the zone
# but the serial, and the serial that goes with it.
MARKER = '; rtcstack zone content sha256 %s serial %d'
_MARKER = re.compile(r'^; rtcstack zone content sha256 ([0-9a-f]{64}) serial ([0-9]+)\s*$', re.MULTILINE)
_DATE = re.compile(r'^[0-9]{8}$')
_SOA = re.compile(r'\sSOA\s+\S+\s+\S+\s*\(?\s*(?:;[^\n]*\n\s*)*([0-9]+)', re.IGNORECASE)


def _current_serial(text):
    """The serial of an existing zone file: the role's marker, or the SOA of a hand-written file, or None."""
    marker = _MARKER.search(text)
    if marker:
        return marker.group(1), int(marker.group(2))
    stripped = re.sub(r';[^\n]*', '', text)
    soa = _SOA.search(stripped)
    if soa:
        return None, int(soa.group(1))
    return None, None


def zone_serial(current, content, date):
    """Return ``{'serial': int, 'digest': hex, 'changed': bool}`` for a zone whose content is ``content``.

    ``current`` is the text of the zone file as it is (empty when there is none). The serial stays as
    it is when the digest of ``content`` is the one recorded in ``current``; otherwise it becomes the
    larger of the current serial plus one and ``date`` (YYYYMMDD) followed by 00.
    """
    if current is None:
        current = ''
    for where, text in (('current', current), ('content', content)):
        if not isinstance(text, str):
            raise RtcTypeError(where, 'expected the text of a zone, got %s' % type_name(text))
    if not isinstance(date, (str, int)) or isinstance(date, bool) or not _DATE.match(str(date)):
        raise RtcInputError('date', 'expected the date as YYYYMMDD, got %r' % (date, ))
    digest = hashlib.sha256(content.encode('utf-8')).hexdigest()
    old_digest, old_serial = _current_serial(current)
    if old_serial is not None and old_serial > SERIAL_MAX:
        raise RtcInputError('current', 'the zone file has serial %d, more than the largest serial %d' % (old_serial, SERIAL_MAX))
    if old_digest == digest:
        return {'serial': old_serial, 'digest': digest, 'changed': False}
    serial = int(str(date)) * 100
    if old_serial is not None and old_serial + 1 > serial:
        serial = old_serial + 1
    if serial > SERIAL_MAX:
        raise RtcInputError('current', 'the next serial %d is larger than %d; reset it by hand (RFC 1982)' % (serial, SERIAL_MAX))
    return {'serial': serial, 'digest': digest, 'changed': True}


def name_servers(hostvars, hosts, topology):
    """The zone's name servers: one per host of ``hosts`` (the rtc_dns group), with its label, addresses and
    their A/AAAA records (``{owner, type, value}``, owner relative to the domain).

    Each host's label and addresses are read and checked as rtc_topology does (rtc_label, rtc_ipv4,
    rtc_ipv6); a label that the topology already uses for other addresses is refused.
    """
    if not isinstance(topology, Mapping) or 'domain' not in topology:
        raise RtcTypeError('topology', 'expected the mapping that rtcstack.debian.rtc_topology returns, got %s' % type_name(topology))
    if not isinstance(hostvars, Mapping):
        raise RtcTypeError('hostvars', 'expected a mapping of host names to variables, got %s' % type_name(hostvars))
    if not is_list(hosts):
        raise RtcTypeError('hosts', 'expected a list of host names, got %s' % type_name(hosts))
    domain = topology['domain']
    labels = LabelClaims()
    try:
        for host, facts in topology['hosts'].items():
            labels.claim(facts['label'], (facts['ipv4'], facts['ipv6']), host, 'rtc_label')
        for service, config in topology['services'].items():
            for instance in config['instances']:
                labels.claim(instance['label'], (instance['ipv4'], instance['ipv6']), instance['host'], 'rtc_%s_label' % service)
    except (KeyError, TypeError, AttributeError) as exc:
        raise RtcInputError('topology', 'not the output of rtcstack.debian.rtc_topology (%s: %s)' % (type(exc).__name__, exc))

    reader = HostReader(hostvars, domain)
    result = []
    seen = set()
    for host in hosts:
        if not isinstance(host, str):
            raise RtcTypeError('hosts', 'expected a list of host names, got an item of type %s' % type_name(host))
        if host in seen:
            continue
        seen.add(host)
        facts = reader.get(host)
        labels.claim(facts['label'], (facts['ipv4'], facts['ipv6']), host, 'rtc_label')
        records = [{'owner': facts['label'], 'type': rtype, 'value': address}
                   for rtype, address in (('A', facts['ipv4']), ('AAAA', facts['ipv6'])) if address]
        result.append({'host': host, 'label': facts['label'], 'fqdn': facts['fqdn'], 'ipv4': facts['ipv4'], 'ipv6': facts['ipv6'],
                       'records': records})
    return result


def _rrset_key(record, where):
    if not isinstance(record, Mapping):
        raise RtcTypeError(where, 'expected a record with owner, type and value, got %s' % type_name(record))
    for key in ('owner', 'type', 'value'):
        if not isinstance(record.get(key), str) or not record.get(key):
            raise RtcInputError(where, 'the record needs a non-empty string %s' % key)
    return record['owner'].lower(), record['type'].upper()


def _absolute(owner, domain):
    if owner == '@':
        return '%s.' % domain
    if owner.endswith('.'):
        return owner
    return '%s.%s.' % (owner, domain)


def tracking_text(record):
    """The TXT string that remembers one managed record: owner, type and value, with ' for "."""
    return '%s %s %s' % (record['owner'], record['type'].upper(), record['value'].replace('"', "'"))


def _untrack(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1]
    parts = text.split(' ', 2)
    if len(parts) != 3:
        return None
    return {'owner': parts[0], 'type': parts[1].upper(), 'value': parts[2].replace("'", '"')}


def nsupdate_plan(desired, current, domain, tracking_owner='_rtcstack'):
    """The RFC 2136 updates that make a zone hold exactly the stack's records, next to the admin's own.

    ``desired`` is the list of records (owner relative to ``domain``, ``@`` for the apex). ``current``
    maps ``'<owner> <TYPE>'`` to the values the server answers now, for every RRset of ``desired``,
    for every RRset the tracking record names and for the tracking record itself
    (``'<tracking_owner> TXT'``). The tracking record lists what the previous run managed, so that a
    record the stack no longer has is removed, and a value someone else put into the same RRset stays.

    Returns the updates in order, each ``{record, type, state, value}`` with an absolute ``record``:
    removals and replacements of the stack's RRsets first, then the tracking record.
    """
    check_string(domain, 'domain')
    domain = domain.rstrip('.').lower()
    check_string(tracking_owner, 'tracking_owner')
    if not is_list(desired):
        raise RtcTypeError('desired', 'expected a list of records, got %s' % type_name(desired))
    if not isinstance(current, Mapping):
        raise RtcTypeError('current', 'expected a mapping of "<owner> <TYPE>" to lists of values, got %s' % type_name(current))

    def values(key):
        found = current.get('%s %s' % key, [])
        if found is None:
            return []
        if not is_list(found):
            raise RtcTypeError('current[%r]' % ('%s %s' % key), 'expected a list of values, got %s' % type_name(found))
        return [str(value) for value in found]

    tracking_key = (tracking_owner.lower(), 'TXT')
    order = []
    wanted = {}
    for index, record in enumerate(desired):
        key = _rrset_key(record, 'desired[%d]' % index)
        if key == tracking_key:
            raise RtcInputError('desired[%d]' % index, 'the owner %r is the tracking record; choose another tracking owner' % tracking_owner)
        if key not in wanted:
            wanted[key] = []
            order.append(key)
        if record['value'] not in wanted[key]:
            wanted[key].append(record['value'])

    previous = {}
    for text in values(tracking_key):
        record = _untrack(text)
        if record is None:
            continue
        key = (record['owner'].lower(), record['type'])
        previous.setdefault(key, []).append(record['value'])
        if key not in wanted and key not in order:
            order.append(key)

    plan = []
    for key in order:
        now = values(key)
        ours_before = previous.get(key, [])
        ours = wanted.get(key, [])
        # what stays: the others' values, then ours
        target = [value for value in now if value not in ours_before and value not in ours] + ours
        if sorted(set(target)) == sorted(set(now)):
            continue
        record = _absolute(key[0], domain)
        if not target:
            plan.append({'record': record, 'type': key[1], 'state': 'absent', 'value': []})
            continue
        if set(now) - set(target):
            # nsupdate's state=present only adds what is missing: drop the RRset first, then write it whole
            plan.append({'record': record, 'type': key[1], 'state': 'absent', 'value': []})
        plan.append({'record': record, 'type': key[1], 'state': 'present', 'value': target})

    tracking = []
    for record in desired:
        text = tracking_text({'owner': record['owner'].lower(), 'type': record['type'], 'value': record['value']})
        if len(text) > 255:
            raise RtcInputError('desired', 'the record %r is too long to be remembered in one TXT string' % (text, ))
        if text not in tracking:
            tracking.append(text)
    now = [text.strip().strip('"') for text in values(tracking_key)]
    if sorted(now) != sorted(tracking):
        record = _absolute(tracking_key[0], domain)
        if not tracking:
            plan.append({'record': record, 'type': 'TXT', 'state': 'absent', 'value': []})
        else:
            if set(now) - set(tracking):
                plan.append({'record': record, 'type': 'TXT', 'state': 'absent', 'value': []})
            plan.append({'record': record, 'type': 'TXT', 'state': 'present', 'value': tracking})
    return plan


def nsupdate_queries(desired, tracked, tracking_owner='_rtcstack'):
    """The RRsets whose current values nsupdate_plan needs: each ``'<owner> <TYPE>'`` of ``desired``
    and of the tracking record's values ``tracked``, in order, without repeats."""
    if not is_list(desired):
        raise RtcTypeError('desired', 'expected a list of records, got %s' % type_name(desired))
    if tracked is None:
        tracked = []
    if not is_list(tracked):
        raise RtcTypeError('tracked', 'expected a list of TXT strings, got %s' % type_name(tracked))
    keys = []
    for index, record in enumerate(desired):
        key = '%s %s' % _rrset_key(record, 'desired[%d]' % index)
        if key not in keys:
            keys.append(key)
    for text in tracked:
        record = _untrack(str(text))
        if record is not None:
            key = '%s %s' % (record['owner'].lower(), record['type'])
            if key not in keys:
                keys.append(key)
    return keys
