# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every file the service roles template, rendered on the controller and compared with the expected text.

Each case is an inventory: inventories/falcot as users get it, or a Molecule scenario's inventory built as
Molecule builds it (its platforms' groups and its linked group_vars, host_vars and hosts file), plus the
variables files its converge playbook adds. render.yml renders each host's files with the roles'
own templates, defaults and variables, for Debian 12 and 13, in one ansible-playbook per case.

The expected files live in expected/<case>/<host>/<path on the host>; where the two releases differ,
<path>@12 and <path>@13. They are read and written by people: no mode of this test writes them. A
difference fails with a unified diff; a file rendered without an expected one, or an expected file
nothing rendered, fails too. The container scenarios prove what the daemons do with these files; this
proves their text, in seconds.
"""
from __future__ import annotations

import difflib
import functools
import json
import os
import pathlib
import re
import subprocess
import tempfile

import pytest
import yaml

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXPECTED = HERE / 'expected'
RELEASES = ('12', '13')
ROLES = ('dns', 'turn', 'sip_proxy', 'xmpp', 'web_phone')
DATE = '20260101'
ENV = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(ROOT / 'collections'), ANSIBLE_NOCOLOR='1',
           ANSIBLE_RETRY_FILES_ENABLED='0', ANSIBLE_STDOUT_CALLBACK='ansible.builtin.default')

# name: (inventory directory, or the Molecule scenario whose inventory it is; variables its converge
# adds, as files or as a dictionary; the roles it converges)
CASES = {
    'falcot': ('inventories/falcot', [], ROLES),
    'seed_daemons': ('molecule/seed_daemons', ['molecule/seed_daemons/vars/scenario.yml'], ('turn', 'sip_proxy')),
    # inventories/falcot with its one documented switch per daemon (docs/inventory.md), nothing else
    'falcot_return': ('inventories/falcot', [{'turn_implementation': 'reTurn'}], ('turn', 'xmpp')),
    'falcot_repro': ('inventories/falcot', [{'sip_proxy_implementation': 'repro'}], ('sip_proxy',)),
    # the seed's port-443 mode (11.8.5, docs/port443.md): every service of server1 on 443 at its own address
    'falcot443': ('inventories/falcot443', [], ROLES),
    # the transfer key's secret given, as a real inventory gives it from Vault (not a key of the scenario's)
    'dns': ('molecule/dns', [{'dns_transfer_key_secret': 'cmVuZGVyIHRlc3Qgb25seSwgbm90IGEga2V5IG9mIGFueW9uZSdz'}], ('dns',)),
    # ACME DNS-01 through the stack's BIND: the _acme-challenge zones on the primary and its secondary
    'dns_acme': ('molecule/dns', [{'dns_transfer_key_secret': 'cmVuZGVyIHRlc3Qgb25seSwgbm90IGEga2V5IG9mIGFueW9uZSdz',
                                   'rtc_acme_dns_key_secret': 'cmVuZGVyIHRlc3Qgb25seSwgYW4gQUNNRSBrZXkgb2Ygbm9ib2R5'}],
                 ('dns',)),
    # molecule/dns/other-modes.yml's records file (dns_mode: records_only), written on the controller
    'dns_records_only': ('molecule/dns', [{'dns_mode': 'records_only', 'dns_records_file': '/records/falcot.com.zone'}],
                         ('dns',)),
    'sip_proxy': ('molecule/sip_proxy', [], ('sip_proxy',)),
    # two SIP proxies sharing their registrations (DMQ on the second addresses)
    'falcot_scale': ('molecule/falcot-scale', [], ('sip_proxy', 'web_phone')),
    'turn': ('molecule/turn', ['molecule/turn/vars/scenario.yml'], ('turn',)),
    'web_phone': ('molecule/web_phone', [], ('turn', 'sip_proxy', 'web_phone')),
    'xmpp': ('molecule/xmpp', [], ('xmpp', 'dns')),
}
# A file a case's server1 renders as falcot's server1 does is expected once, under falcot.
BASE = ('falcot', 'server1')


def _molecule_inventory(scenario: pathlib.Path, into: pathlib.Path) -> pathlib.Path:
    """The inventory Molecule gives the scenario's playbooks, without its connection settings."""
    config = yaml.safe_load((scenario / 'molecule.yml').read_text())
    children: dict = {}
    for platform in config['platforms']:
        for group in platform.get('groups', []):
            children.setdefault(group, {'hosts': {}})['hosts'][platform['name']] = None
    into.mkdir(parents=True)
    (into / 'molecule.yml').write_text(yaml.safe_dump({'all': {'children': children}}))
    links = config.get('provisioner', {}).get('inventory', {}).get('links', {})
    for name in ('group_vars', 'host_vars'):
        if name in links:
            (into / name).symlink_to((scenario / links[name]).resolve())
    if 'hosts' in links:
        (into / 'hosts.yml').symlink_to((scenario / links['hosts']).resolve())
    return into


def _templates(into: pathlib.Path) -> None:
    """One templates/ tree with every role's templates at their own names, as each role sees them."""
    for role in ROLES + ('rtc',):
        base = ROOT / 'roles' / role / 'templates'
        for source in base.rglob('*'):
            if source.is_file():
                target = into / 'templates' / source.relative_to(base)
                assert not target.exists(), '%s is in two roles' % source.relative_to(base)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.symlink_to(source)


@functools.lru_cache(maxsize=None)
def render(case: str) -> dict:
    """{release: {host: {path: text}}} for a case, from one ansible-playbook."""
    inventory, vars_files, roles = CASES[case]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        _templates(tmp)
        (tmp / 'render.yml').symlink_to(HERE / 'render.yml')
        plays = [{'name': 'Debian %s' % release, 'ansible.builtin.import_playbook': 'render.yml',
                  'vars': {'render_release': release}} for release in RELEASES]
        (tmp / 'releases.yml').write_text(yaml.safe_dump(plays, sort_keys=False))
        source = ROOT / inventory
        inventory_path = _molecule_inventory(source, tmp / 'inventory') if (source / 'molecule.yml').exists() else source
        command = ['ansible-playbook', '-i', str(inventory_path), str(tmp / 'releases.yml'),
                   '-e', 'render_roles=%s' % (ROOT / 'roles'), '-e', 'render_date=%s' % DATE,
                   '-e', json.dumps({'render_groups': ['rtc_' + role for role in roles]})]
        for extra in vars_files:
            command += ['-e', json.dumps(extra) if isinstance(extra, dict) else '@' + str(ROOT / extra)]
        result = subprocess.run(command, capture_output=True, text=True, env=dict(ENV, ANSIBLE_STDOUT_CALLBACK='ansible.posix.json'),
                                timeout=300, check=False)
    assert result.returncode == 0, 'render.yml failed for %s:\n%s%s' % (case, result.stdout[-6000:], result.stderr[-3000:])
    # The last task of each release's play shows each host's files.
    plays = json.loads(result.stdout)['plays']
    assert len(plays) == len(RELEASES)
    return {release: {host: shown['__render_files | default({})'] for host, shown in play['tasks'][-1]['hosts'].items()}
            for release, play in zip(RELEASES, plays)}


def _expected(case: str, host: str, path: str, release: str) -> pathlib.Path:
    """The case's own expected file for the release, else its file for both, else falcot's server1's."""
    places = [(case, host)] + ([BASE] if host == BASE[1] and case != BASE[0] else [])
    for owner, owner_host in places:
        base = EXPECTED / owner / owner_host / path.lstrip('/')
        for candidate in (base.with_name(base.name + '@' + release), base):
            if candidate.exists():
                return candidate
    return EXPECTED / case / host / path.lstrip('/')


def _on(case):
    """Tests of one case run in one pytest worker, which renders the case once."""
    return pytest.mark.xdist_group('render-' + case)


@pytest.mark.parametrize('case', [pytest.param(case, marks=_on(case)) for case in sorted(CASES)])
def test_rendered_files_are_the_expected_ones(case):
    rendered = render(case)
    problems = []
    seen = set()
    for release, hosts in rendered.items():
        for host, files in hosts.items():
            for path, text in sorted(files.items()):
                expected = _expected(case, host, path, release)
                seen.add(expected)
                if not expected.exists():
                    problems.append('Debian %s, %s: %s has no expected file %s' % (release, host, path, expected.relative_to(ROOT)))
                    continue
                want = expected.read_text()
                if text != want:
                    diff = difflib.unified_diff(want.splitlines(True), text.splitlines(True),
                                                str(expected.relative_to(ROOT)), 'rendered for Debian %s' % release)
                    problems.append(''.join(diff))
    stale = sorted(p for p in (EXPECTED / case).glob('*/**/*') if p.is_file() and p not in seen)
    problems += ['%s: nothing renders it any more' % p.relative_to(ROOT) for p in stale]
    assert not problems, '\n'.join(problems)


# --- The seed's own text (Debian Administrator's Handbook, section 11.8), against what the roles render ---

# The seed's records (11.8.1), as the handbook prints them in its zone.
SEED_RECORDS = '''
_stun._udp IN SRV 0 1 3467 turn-server
_turn._udp IN SRV 0 1 3467 turn-server
@ IN NAPTR 10 0 "s" "RELAY:turn.udp" "" _turn._udp
_sips._tcp IN SRV 0 1 5061 sip-proxy
@ IN NAPTR 10 0 "s" "SIPS+D2T" "" _sips._tcp
_xmpp-client._tcp IN SRV 5 0 5222 xmpp-gw
_xmpp-server._tcp IN SRV 5 0 5269 xmpp-gw
'''

# The seed's /etc/reTurn/reTurnServer.config lines (11.8.2).
SEED_RETURN = '''
TurnAddress = 198.51.100.19
TurnV6Address = 2001:DB8:1000:2000::19
AltStunAddress = 198.51.100.20
AuthenticationRealm = myrealm
UserDatabaseFile = /etc/reTurn/users.txt
UserDatabaseHashedPasswords = true
'''

# The seed's /etc/repro/repro.config (11.8.3.1), comments and blank lines as printed.
SEED_REPRO = '''
# Transport1 will be for SIP over TLS connections
# We use port 5061 here but if you have clients connecting from
# locations with firewalls you could change this to listen on port 443
Transport1Interface = 198.51.100.19:5061
Transport1Type = TLS
Transport1TlsDomain = falcot.com
Transport1TlsClientVerification = Optional
Transport1RecordRouteUri = sip:falcot.com;transport=TLS
Transport1TlsPrivateKey = /etc/ssl/private/falcot.com-key.pem
Transport1TlsCertificate = /etc/ssl/public/falcot.com.pem

# Transport2 is the IPv6 version of Transport1
Transport2Interface = 2001:DB8:1000:2000::19:5061
Transport2Type = TLS
Transport2TlsDomain = falcot.com
Transport2TlsClientVerification = Optional
Transport2RecordRouteUri = sip:falcot.com;transport=TLS
Transport2TlsPrivateKey = /etc/ssl/private/falcot.com-key.pem
Transport2TlsCertificate = /etc/ssl/public/falcot.com.pem

# Transport3 will be for SIP over WebSocket (WebRTC) connections
# We use port 8443 here but you could use 443 instead
Transport3Interface = 198.51.100.19:8443
Transport3Type = WSS
Transport3TlsDomain = falcot.com
# This would require the browser to send a certificate, but browsers
# don't currently appear to be able to, so leave it as None:
Transport3TlsClientVerification = None
Transport3RecordRouteUri = sip:falcot.com;transport=WSS
Transport3TlsPrivateKey = /etc/ssl/private/falcot.com-key.pem
Transport3TlsCertificate = /etc/ssl/public/falcot.com.pem

# Transport4 is the IPv6 version of Transport3
Transport4Interface = 2001:DB8:1000:2000::19:8443
Transport4Type = WSS
Transport4TlsDomain = falcot.com
Transport4TlsClientVerification = None
Transport4RecordRouteUri = sip:falcot.com;transport=WSS
Transport4TlsPrivateKey = /etc/ssl/private/falcot.com-key.pem
Transport4TlsCertificate = /etc/ssl/public/falcot.com.pem

# Transport5: this could be for TCP connections to an Asterisk server
# in your internal network.  Don't allow port 5060 through the external
# firewall.
Transport5Interface = 198.51.100.19:5060
Transport5Type = TCP
Transport5RecordRouteUri = sip:198.51.100.19:5060;transport=TCP

HttpBindAddress = 198.51.100.19, 2001:DB8:1000:2000::19
HttpAdminUserFile = /etc/repro/users.txt

RecordRouteUri = sip:falcot.com;transport=tls
ForceRecordRouting = true
EnumSuffixes = e164.arpa, sip5060.net, e164.org
DisableOutbound = false
EnableFlowTokens = true
EnableCertificateAuthenticator = True
'''


def _settings(text: str) -> list:
    """The `Key = value` lines of a reSIProcate configuration, comments and blank lines left out."""
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith('#')]


def _repro_setting(line: str) -> tuple:
    """(key in lower case, value) of a repro.config line, as repro reads it."""
    return re.sub(r'^\s*([^=\s]+)\s*=.*$', r'\1', line).lower(), re.sub(r'^[^=]*=\s*', '', line)


def _md5sum(text: str) -> str:
    """HA1 as coreutils computes it, not as the filters do."""
    return subprocess.run(['md5sum'], input=text, capture_output=True, text=True, check=True).stdout.split()[0]


@_on('falcot')
@pytest.mark.parametrize('release', RELEASES)
def test_zone_has_the_seed_records(release):
    zone = render('falcot')[release]['server1']['/var/lib/bind/db.falcot.com']
    records = {' '.join(line.split()) for line in zone.splitlines()}
    missing = [line for line in SEED_RECORDS.strip().splitlines()
               if ' '.join(line.split()[:-1] + [line.split()[-1] + '.falcot.com.']) not in records]
    assert not missing, 'the seed records missing from the zone: %s' % missing


# The Molecule scenario that runs the seed's daemons, and inventories/falcot with the daemon's switch.
def _seed_cases(*cases):
    return pytest.mark.parametrize('case', [pytest.param(case, marks=_on(case)) for case in cases])


@_seed_cases('seed_daemons', 'falcot_return')
@pytest.mark.parametrize('release', RELEASES)
def test_return_config_is_the_seed_s(case, release):
    """reTurnServer.config: the seed's lines, the records' port, reTurn's own rules (docs/turn.md)."""
    text = render(case)[release]['server1']['/etc/reTurn/reTurnServer.config']
    lines = _settings(text)
    # every setting is "Key = value", each key once (reTurn's parser takes no inline comment)
    pairs = [re.fullmatch(r'(\S+) =(?: (\S.*))?', line) for line in lines]
    assert all(pairs), [line for line, pair in zip(lines, pairs) if not pair]
    settings = dict((pair.group(1), pair.group(2) or '') for pair in pairs)
    assert len(settings) == len(lines), 'a key is set twice'
    assert not [line for line in lines if line != line.rstrip()], 'trailing blanks'
    assert '\r' not in text
    # the seed's six lines, IPv6 compared without case
    for line in _settings(SEED_RETURN):
        key, value = line.split(' = ')
        assert settings.get(key, '').lower() == value.lower(), '%s: seed %r, rendered %r' % (key, value, settings.get(key))
    # TurnPort is the port of _turn._udp in the seed's records (reTurn's default is 3478)
    assert settings['TurnPort'] == '3467'
    # RFC 3489 discovery only works with a non-zero alternate port
    assert int(settings['AltStunPort']) > 0 and settings['AltStunPort'] != settings['TurnPort']
    assert settings['TlsTurnPort'] == '0'
    assert int(settings['AllocationPortRangeMin']) % 2 == 0 and int(settings['AllocationPortRangeMax']) % 2 == 1
    assert settings['RunAsUser'] == 'return'


@_seed_cases('seed_daemons', 'falcot_return')
@pytest.mark.parametrize('release', RELEASES)
def test_return_users_are_login_ha1_realm_state(case, release):
    """reTurn's login:HA1:realm:state, not htdigest's user:realm:HA1, with md5sum's HA1s."""
    text = render(case)[release]['server1']['/etc/reTurn/users.txt']
    users = yaml.safe_load((ROOT / 'inventories/falcot/group_vars/all.yml').read_text())['rtc_users']
    wanted = ['%s:%s:myrealm:authorized' % (user['name'], _md5sum('%s:myrealm:%s' % (user['name'], user['password'])))
              for user in users if 'turn' in user['services']]
    assert len(wanted) == 2
    assert _settings(text) == wanted, 'the users file is not reTurn login:HA1:realm:authorized with md5sum HA1s'


@_seed_cases('seed_daemons', 'falcot_repro')
@pytest.mark.parametrize('release', RELEASES)
def test_repro_config_is_the_seed_s(case, release):
    """repro.config: every seed line with the seed's value (repro reads keys, IPv6 and booleans without case).

    One difference, which docs/sip_proxy.md justifies: the seed serves repro's web admin (plain HTTP with
    the admin's password) on the public addresses; the role's default is loopback, which the scenario
    overrides to show the seed's line and inventories/falcot keeps.
    """
    files = render(case)[release]['server1']
    lines = _settings(files['/etc/repro/repro.config'])
    keys, values = zip(*map(_repro_setting, lines))
    config = dict(zip(keys, values))
    differences = {'httpbindaddress': '127.0.0.1, ::1'} if case == 'falcot_repro' else {}
    for key, value in map(_repro_setting, _settings(SEED_REPRO)):
        value = differences.get(key, value)
        assert config.get(key, '(missing)').lower() == value.lower(), '%s: seed %r, rendered %r' % (key, value, config.get(key))
    assert len(keys) == len(set(keys)), 'a key is set twice'
    assert not [line for line in lines if line != line.rstrip()], 'trailing blanks'
    assert not [value for value in values if '#' in value], 'a value carries a comment'
    assert config['httpadminrealm'] == 'repro'
    assert config['domains'] == 'falcot.com'
    assert config['httpadminuserfile'] == '/etc/repro/users.txt'
    # htdigest's line for repro's realm, with the HA1 md5sum computes
    admin = yaml.safe_load((ROOT / ('molecule/seed_daemons/host_vars/server1.yml' if case == 'seed_daemons'
                                    else 'inventories/falcot/group_vars/all.yml')).read_text())['sip_proxy_repro_admin_password']
    assert _settings(files['/etc/repro/users.txt']) == ['admin:repro:' + _md5sum('admin:repro:' + admin)]
