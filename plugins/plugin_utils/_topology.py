# -*- coding: utf-8 -*-
# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This module is PRIVATE to the rtcstack.debian collection. It may change without notice.

"""The stack's topology: which host publishes which service under which name and addresses.

Built once from the inventory (hostvars, groups, settings); the DNS records, and every role's
configuration, are derived from it.
"""

from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

from collections.abc import Mapping

from ansible_collections.rtcstack.debian.plugins.plugin_utils._address import (
    check_ipv4,
    check_ipv6,
)
from ansible_collections.rtcstack.debian.plugins.plugin_utils._common import (
    RtcInputError,
    RtcTypeError,
    check_bool,
    check_dns_label,
    check_domain,
    check_int,
    check_port,
    check_string,
    is_dns_label,
    is_list,
    type_name,
)

SERVICES = ('turn', 'sip', 'xmpp')

# Per service: (key, kind, default). The defaults are those of the matching rtc_* role variables.
SERVICE_SETTINGS = {
    'turn': (
        ('group', 'group', 'rtc_turn'),
        ('label', 'label', 'turn'),
        ('port', 'port', 3478),
        ('tls', 'bool', False),
        ('tls_port', 'port', 5349),
        ('publish_tcp', 'bool', False),
        ('rest_label', 'label', 'turn-rest'),
        ('publish_ipv6', 'bool', True),
        ('priority', 'u16', 0),
        ('weight', 'u16', 1),
    ),
    'sip': (
        ('group', 'group', 'rtc_sip_proxy'),
        ('label', 'label', 'sip'),
        ('tls_port', 'port', 5061),
        ('wss_port', 'port', 8443),
        ('tcp_port', 'port', 5060),
        ('publish_tcp', 'bool', False),
        ('publish_ipv6', 'bool', True),
        ('priority', 'u16', 0),
        ('weight', 'u16', 1),
    ),
    'xmpp': (
        ('group', 'group', 'rtc_xmpp'),
        ('label', 'label', 'xmpp'),
        ('c2s_port', 'port', 5222),
        ('s2s_port', 'port', 5269),
        ('direct_tls', 'bool', False),
        ('c2s_tls_port', 'port', 5223),
        ('publish_ipv6', 'bool', True),
        ('priority', 'u16', 5),
        ('weight', 'u16', 0),
    ),
}

SETTINGS_KEYS = ('domain', 'apex_host', 'services', 'web_phone')

# The web phone: its group's default (rtc's __rtc_groups), and the host variables of rtcstack.debian.web_phone
# that place it, with that role's defaults (a unit test keeps both equal to the roles').
WEB_PHONE_GROUP = 'rtc_web_phone'
WEB_PHONE_HOST_SETTINGS = (('web_phone_vhost', 'own'), ('web_phone_snippet_url_path', '/phone'))
WEB_PHONE_VHOSTS = ('own', 'snippet')

# The SIP proxies' cluster (kamailio's DMQ, and calls one proxy relays to another): the host variables of
# rtcstack.debian.sip_proxy that place a proxy's cluster socket, with that role's defaults. The address
# falls back to sip_proxy_internal_address.
SIP_CLUSTER_HOST_SETTINGS = (('sip_proxy_cluster_address', ''), ('sip_proxy_cluster_port', 5090))


def _reword(exc, where, variable):
    """Re-raise a check's error as ``<where>: <variable> <problem>``."""
    joiner = ' ' if exc.problem.startswith(("'", '"')) else ': '
    return type(exc)(where, '%s%s%s' % (variable, joiner, exc.problem))


def _check_service_settings(service, given):
    prefix = 'settings.services.%s' % service
    if given is None:
        given = {}
    if not isinstance(given, Mapping):
        raise RtcTypeError(prefix, 'expected a mapping, got %s' % type_name(given))
    known = [key for key, _kind, _default in SERVICE_SETTINGS[service]]
    unknown = sorted(str(key) for key in given if key not in known)
    if unknown:
        raise RtcInputError(prefix, 'unknown key %s; known keys are %s' % (', '.join(repr(key) for key in unknown), ', '.join(known)))
    result = {}
    for key, kind, default in SERVICE_SETTINGS[service]:
        value = given.get(key)
        where = '%s.%s' % (prefix, key)
        if value is None:
            value = default
        if kind == 'group':
            value = check_string(value, where)
        elif kind == 'label':
            value = check_dns_label(_lowercase(value, where, 'label'), where)
        elif kind == 'port':
            value = check_port(value, where)
        elif kind == 'bool':
            value = check_bool(value, where)
        else:
            value = check_int(value, where, 0, 65535)
        result[key] = value
    return result


def _lowercase(value, where, what):
    """A DNS name of the model as written: capitals are refused, not folded.

    DNS ignores case, but the SIP realm, the key's file name and every HA1 digest take the name exactly
    as written, so a capital would be applied in some places and not in others.
    """
    if isinstance(value, str) and value != value.lower():
        raise RtcInputError(where, '%r has capitals; write the %s in lowercase (%r): DNS ignores case, but the SIP realm, '
                            'the key\'s file name and every HA1 digest take it as written' % (value, what, value.lower()))
    return value


def _check_settings(settings):
    if not isinstance(settings, Mapping):
        raise RtcTypeError('settings', 'expected a mapping with domain, apex_host and services, got %s' % type_name(settings))
    unknown = sorted(str(key) for key in settings if key not in SETTINGS_KEYS)
    if unknown:
        raise RtcInputError('settings', 'unknown key %s; known keys are %s' % (', '.join(repr(key) for key in unknown), ', '.join(SETTINGS_KEYS)))
    if settings.get('domain') in (None, ''):
        raise RtcInputError('settings.domain', 'is required (the DNS domain of the stack, for example falcot.com)')
    domain = check_domain(_lowercase(settings['domain'], 'settings.domain', 'domain'), 'settings.domain')

    apex_host = settings.get('apex_host')
    if apex_host == '':
        apex_host = None
    if apex_host is not None:
        check_string(apex_host, 'settings.apex_host')

    services = settings.get('services')
    if services is None:
        services = {}
    if not isinstance(services, Mapping):
        raise RtcTypeError('settings.services', 'expected a mapping of %s, got %s' % (', '.join(SERVICES), type_name(services)))
    unknown = sorted(str(key) for key in services if key not in SERVICES)
    if unknown:
        raise RtcInputError('settings.services', 'unknown service %s; known services are %s' % (', '.join(repr(key) for key in unknown), ', '.join(SERVICES)))
    checked = dict((service, _check_service_settings(service, services.get(service))) for service in SERVICES)

    web_phone = settings.get('web_phone')
    if web_phone is None:
        web_phone = {}
    if not isinstance(web_phone, Mapping) or sorted(web_phone) not in ([], ['group']):
        raise RtcInputError('settings.web_phone', 'expected a mapping with group, got %r' % (web_phone, ))
    web_group = check_string(web_phone.get('group') or WEB_PHONE_GROUP, 'settings.web_phone.group')
    return domain, apex_host, checked, web_group


def _group_members(groups, group):
    members = groups.get(group)
    if members is None:
        return []
    if not is_list(members):
        raise RtcTypeError('groups[%r]' % group, 'expected a list of host names, got %s' % type_name(members))
    result = []
    for member in members:
        if not isinstance(member, str):
            raise RtcTypeError('groups[%r]' % group, 'expected a list of host names, got an item of type %s' % type_name(member))
        if member not in result:
            result.append(member)
    return result


class HostReader:
    """Reads and checks the per-host variables, once per host."""

    def __init__(self, hostvars, domain):
        self.hostvars = hostvars
        self.domain = domain
        self.facts = {}

    def vars_of(self, host):
        where = 'host %r' % host
        try:
            present = host in self.hostvars
        except TypeError:
            present = False
        if not present:
            raise RtcInputError(where, 'not found in hostvars')
        host_vars = self.hostvars[host]
        if not isinstance(host_vars, Mapping):
            raise RtcTypeError(where, 'expected the host variables to be a mapping, got %s' % type_name(host_vars))
        return host_vars

    def get(self, host):
        if host not in self.facts:
            self.facts[host] = self._read(host)
        return self.facts[host]

    def _read(self, host):
        where = 'host %r' % host
        host_vars = self.vars_of(host)

        label = host_vars.get('rtc_label')
        if label in (None, ''):
            if not is_dns_label(host.split('.')[0]):
                raise RtcInputError(where, 'rtc_label is not set and the first part of the host name, %r, is not a valid DNS label; set rtc_label in host_vars'
                                    % (host.split('.')[0], ))
            label = host.split('.')[0].lower()
        else:
            try:
                label = check_dns_label(_lowercase(label, 'rtc_label', 'label'), 'rtc_label')
            except RtcInputError as exc:
                raise _reword(exc, where, 'rtc_label')

        ipv4 = host_vars.get('rtc_ipv4')
        if ipv4 in (None, ''):
            raise RtcInputError(where, 'rtc_ipv4 is not set; every host of a service group and the apex host need their public IPv4 address')
        try:
            ipv4 = check_ipv4(ipv4, 'rtc_ipv4')
        except RtcInputError as exc:
            raise _reword(exc, where, 'rtc_ipv4')

        ipv6 = self._address(host, 'rtc_ipv6', check_ipv6)
        ipv4_alt = self._address(host, 'rtc_ipv4_alt', check_ipv4)
        if ipv4_alt is not None and ipv4_alt == ipv4:
            raise RtcInputError(where, 'rtc_ipv4_alt %r is the same as rtc_ipv4; the alternate address must be a second IPv4 address of the host'
                                % (ipv4_alt, ))

        fqdn = _fqdn(label, self.domain, where)
        return {'label': label, 'fqdn': fqdn, 'ipv4': ipv4, 'ipv6': ipv6, 'ipv4_alt': ipv4_alt}

    def _address(self, host, variable, check):
        value = self.vars_of(host).get(variable)
        if value in (None, ''):
            return None
        try:
            return check(value, variable)
        except RtcInputError as exc:
            raise _reword(exc, 'host %r' % host, variable)

    def service_addresses(self, host, service):
        """The addresses a service binds on a host: its own (rtc_<service>_ipv4, rtc_<service>_ipv6 and, for
        TURN, rtc_turn_ipv4_alt) when rtc_<service>_ipv4 is set, otherwise the host's. For the TURN REST
        instance (service turn_rest), None when it has none of its own."""
        where = 'host %r' % host
        prefix = 'rtc_%s_' % service
        if service == 'turn_rest' and self._address(host, prefix + 'ipv4', check_ipv4) is None:
            if self._address(host, prefix + 'ipv6', check_ipv6) is not None:
                raise RtcInputError(where, 'rtc_turn_rest_ipv6 is set but rtc_turn_rest_ipv4 is not; the TURN REST instance with'
                                    ' addresses of its own needs its IPv4 address (without it, it shares the TURN server\'s)')
            return None
        names = [prefix + 'ipv4', prefix + 'ipv6'] + ([prefix + 'ipv4_alt'] if service == 'turn' else [])
        ipv4 = self._address(host, names[0], check_ipv4)
        ipv6 = self._address(host, names[1], check_ipv6)
        ipv4_alt = self._address(host, names[2], check_ipv4) if service == 'turn' else None
        if ipv4 is None:
            given = [name for name, value in zip(names[1:], (ipv6, ipv4_alt)) if value is not None]
            if given:
                raise RtcInputError(where, '%s is set but %s is not; a service with addresses of its own needs its IPv4 address'
                                    ' (without it, the service uses the host\'s rtc_ipv4, rtc_ipv6 and rtc_ipv4_alt)'
                                    % (' and '.join(given), names[0]))
            facts = self.get(host)
            return {'ipv4': facts['ipv4'], 'ipv6': facts['ipv6'], 'ipv4_alt': facts['ipv4_alt'], 'own': False}
        if ipv4_alt is not None and ipv4_alt == ipv4:
            raise RtcInputError(where, 'rtc_turn_ipv4_alt %r is the same as rtc_turn_ipv4; the alternate address must be a second IPv4 address'
                                % (ipv4_alt, ))
        return {'ipv4': ipv4, 'ipv6': ipv6, 'ipv4_alt': ipv4_alt, 'own': True}

    def service_label(self, host, service, default):
        where = 'host %r' % host
        variable = 'rtc_%s_label' % service
        label = self.vars_of(host).get(variable)
        if label in (None, ''):
            return default
        try:
            return check_dns_label(_lowercase(label, variable, 'label'), variable)
        except RtcInputError as exc:
            raise _reword(exc, where, variable)

    def srv_number(self, host, variable, service, default):
        """rtc_host_srv_priority / rtc_host_srv_weight: a number for all services, or a mapping per service."""
        where = 'host %r' % host
        value = self.vars_of(host).get(variable)
        if isinstance(value, Mapping):
            value = value.get(service)
            variable = '%s.%s' % (variable, service)
        if value in (None, ''):
            return default
        try:
            return check_int(value, variable, 0, 65535)
        except RtcInputError as exc:
            raise _reword(exc, where, variable)


def _fqdn(label, domain, where):
    fqdn = '%s.%s' % (label, domain)
    if len(fqdn) > 253:
        raise RtcInputError(where, 'the name %r is longer than 253 characters' % (fqdn, ))
    return fqdn


def _describe(addresses):
    return ' and '.join(address for address in addresses if address)


class LabelClaims:
    """Makes sure a DNS label never stands for two different sets of addresses."""

    def __init__(self):
        self.owners = {}

    def claim(self, label, addresses, host, variable):
        if label not in self.owners:
            self.owners[label] = (addresses, host, variable)
            return
        other_addresses, other_host, other_variable = self.owners[label]
        if other_addresses == addresses:
            return
        variables = [other_variable] if other_variable == variable else [variable, other_variable]
        raise RtcInputError(
            'label %r' % label,
            'used by host %r (%s) for %s and by host %r (%s) for %s; one DNS name cannot point at both,'
            ' give each host its own %s in host_vars'
            % (other_host, other_variable, _describe(other_addresses), host, variable, _describe(addresses), ' or '.join(variables)))


def _web_phone(facts, groups, group, domain):
    """Where each web phone host serves the phone: https://<domain>/, or <domain><path>/ in a vhost of the admin."""
    instances = []
    for host in _group_members(groups, group):
        host_vars = facts.vars_of(host)
        given = dict((name, host_vars.get(name)) for name, _default in WEB_PHONE_HOST_SETTINGS)
        vhost, path = ((given[name] if given[name] not in (None, '') else default) for name, default in WEB_PHONE_HOST_SETTINGS)
        if vhost not in WEB_PHONE_VHOSTS:
            raise RtcInputError('host %r' % host, 'web_phone_vhost: expected own or snippet, got %r' % (vhost, ))
        if vhost == 'own':
            path = '/'
        else:
            path = check_string(path, 'host %r: web_phone_snippet_url_path' % host)
            if not path.startswith('/') or path.strip('/') == '':
                raise RtcInputError('host %r' % host, 'web_phone_snippet_url_path: expected a URL path below /, got %r' % (path, ))
            path = path.rstrip('/') + '/'
        instances.append({'host': host, 'vhost': vhost, 'path': path, 'url': 'https://%s%s' % (domain, path)})
    return {'group': group, 'instances': instances}


def _sip_cluster(facts, group, hosts):
    """Each SIP proxy's cluster socket ({address, port}, or None for a lone proxy without one), by host.

    Several proxies share their location tables through kamailio's DMQ and relay calls to each other on
    these sockets, so each needs one, on an address its peers reach, all of one family and none shared.
    """
    result = {}
    seen = {}
    families = {}
    for host in hosts:
        where = 'host %r' % host
        host_vars = facts.vars_of(host)
        variable = SIP_CLUSTER_HOST_SETTINGS[0][0]
        address = host_vars.get(variable)
        if address in (None, ''):
            variable = 'sip_proxy_internal_address'
            address = host_vars.get(variable)
        port = host_vars.get(SIP_CLUSTER_HOST_SETTINGS[1][0])
        try:
            port = check_port(SIP_CLUSTER_HOST_SETTINGS[1][1] if port in (None, '') else port, SIP_CLUSTER_HOST_SETTINGS[1][0])
        except RtcInputError as exc:
            raise _reword(exc, where, SIP_CLUSTER_HOST_SETTINGS[1][0])
        if address in (None, ''):
            if len(hosts) > 1:
                raise RtcInputError(where, 'sip_proxy_cluster_address is not set (nor sip_proxy_internal_address); with several SIP proxies'
                                    ' (%s in %s) each needs the internal address its peers reach it at, for kamailio\'s DMQ and the calls'
                                    ' one proxy relays to another' % (', '.join(hosts), group))
            result[host] = None
            continue
        try:
            address = (check_ipv6 if ':' in str(address) else check_ipv4)(address, variable)
        except RtcInputError as exc:
            raise _reword(exc, where, variable)
        family = 6 if ':' in address else 4
        families.setdefault(family, host)
        if len(families) > 1:
            raise RtcInputError(where, '%s %r is IPv%d and host %r\'s cluster address is IPv%d; the SIP proxies of one cluster reach'
                                ' each other over one family' % (variable, address, family, families[10 - family], 10 - family))
        if (address, port) in seen:
            raise RtcInputError(where, '%s %r port %d is also host %r\'s cluster socket; give each SIP proxy its own'
                                % (variable, address, port, seen[(address, port)]))
        seen[(address, port)] = host
        result[host] = {'address': address, 'port': port}
    return result


def topology(hostvars, groups, settings):
    """Return the topology mapping described in the rtc_topology filter's documentation."""
    domain, apex_host, services, web_group = _check_settings(settings)
    if not isinstance(hostvars, Mapping):
        raise RtcTypeError('hostvars', 'expected a mapping of host names to variables, got %s' % type_name(hostvars))
    if not isinstance(groups, Mapping):
        raise RtcTypeError('groups', 'expected a mapping of group names to host lists, got %s' % type_name(groups))

    if apex_host is not None:
        known = False
        for group in groups:
            if apex_host in _group_members(groups, group):
                known = True
                break
        if not known:
            raise RtcInputError('settings.apex_host', '%r is not a host of the inventory (it is in no group)' % (apex_host, ))

    members = dict((service, _group_members(groups, services[service]['group'])) for service in SERVICES)

    facts = HostReader(hostvars, domain)
    order = []
    if apex_host is not None:
        order.append(apex_host)
    for service in SERVICES:
        order.extend(host for host in members[service] if host not in order)
    hosts = dict((host, facts.get(host)) for host in order)

    labels = LabelClaims()
    for host in order:
        labels.claim(hosts[host]['label'], (hosts[host]['ipv4'], hosts[host]['ipv6']), host, 'rtc_label')

    result_services = {}
    for service in SERVICES:
        config = services[service]
        instances = []
        for host in members[service]:
            addresses = facts.service_addresses(host, service)
            label = facts.service_label(host, service, config['label'])
            ipv6 = addresses['ipv6'] if config['publish_ipv6'] else None
            labels.claim(label, (addresses['ipv4'], ipv6), host, 'rtc_%s_label' % service)
            rest = None
            if service == 'turn':
                rest = facts.service_addresses(host, 'turn_rest')
                if rest is not None:
                    rest_label = facts.service_label(host, 'turn_rest', config['rest_label'])
                    rest_ipv6 = rest['ipv6'] if config['publish_ipv6'] else None
                    labels.claim(rest_label, (rest['ipv4'], rest_ipv6), host, 'rtc_turn_rest_label')
                    rest = {'label': rest_label, 'fqdn': _fqdn(rest_label, domain, 'host %r' % host),
                            'ipv4': rest['ipv4'], 'ipv6': rest_ipv6, 'addresses': rest}
            instances.append({
                'host': host,
                'label': label,
                'fqdn': _fqdn(label, domain, 'host %r' % host),
                'ipv4': addresses['ipv4'],
                'ipv6': ipv6,
                'ipv4_alt': addresses['ipv4_alt'],
                'addresses': addresses,
                'priority': facts.srv_number(host, 'rtc_host_srv_priority', service, config['priority']),
                'weight': facts.srv_number(host, 'rtc_host_srv_weight', service, config['weight']),
            })
            if service == 'turn':
                instances[-1]['rest'] = rest
        if service == 'sip':
            cluster = _sip_cluster(facts, config['group'], members[service])
            for instance in instances:
                instance['cluster'] = cluster[instance['host']]
        entry = dict(config)
        entry['instances'] = instances
        result_services[service] = entry

    apex = None
    if apex_host is not None:
        apex = {'host': apex_host, 'ipv4': hosts[apex_host]['ipv4'], 'ipv6': hosts[apex_host]['ipv6']}

    # Prosody has no clustering: two servers of one domain would each keep their own sessions, rosters,
    # offline messages and chat rooms behind one set of SRV records.
    if len(members['xmpp']) > 1:
        raise RtcInputError('groups.%s' % services['xmpp']['group'],
                            'lists %s, and Prosody has no clustering: one host serves the XMPP of a domain; keep one of them'
                            ' in %s (a second domain on a second host is a second inventory, docs/xmpp.md)'
                            % (', '.join(repr(host) for host in members['xmpp']), services['xmpp']['group']))

    return {'domain': domain, 'hosts': hosts, 'apex': apex, 'services': result_services,
            'web_phone': _web_phone(facts, groups, web_group, domain)}
