# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Debian's Chromium, driven by Playwright, confined to the lab.

The browser resolves only the names it is given (--host-resolver-rules, every other name fails; its
own /etc/resolv.conf names only loopback), trusts the lab CA through an NSS database in its own
$HOME, and gets fake camera and microphone devices. Playwright never downloads a browser: it drives
/usr/bin/chromium (the Debian package). Runs as root (like ./run): --no-sandbox, and unshare for the
browser's private resolv.conf.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

CHROMIUM_FLAGS = [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    # Two phones share one browser: neither tab may be slowed down as a background tab.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
    '--autoplay-policy=no-user-gesture-required',
]


# Chromium 156 resolves STUN and TURN names for WebRTC outside --host-resolver-rules and fails
# ("TURN host lookup received error", 701) in this confined browser. Before the page's scripts run,
# this puts the lab address of each STUN/TURN name (from the same map) into the ICE server URLs, as
# a resolver would; config.js and the phone keep the names.
ICE_SERVER_NAMES = """(() => {
  const map = %s;
  const lookup = (name) => {
    name = name.toLowerCase();
    if (map[name]) return map[name];
    const labels = name.split('.');
    for (let i = 1; i < labels.length; i++) {
      const wildcard = '*.' + labels.slice(i).join('.');
      if (map[wildcard]) return map[wildcard];
    }
    return null;
  };
  // turns: keeps its name: the TLS handshake checks the certificate against it (the name is in the
  // browser's /etc/hosts when RTC_BROWSER_RESOLVE gives it exactly).
  const resolve = (url) => url.replace(/^(stuns?|turn):([^:?\\[\\]]+)/i, (whole, scheme, name) => {
    const address = lookup(name);
    return address ? scheme + ':' + (address.includes(':') ? '[' + address + ']' : address) : whole;
  });
  const Native = window.RTCPeerConnection;
  function RTCPeerConnection(configuration, ...rest) {
    if (configuration && configuration.iceServers) {
      configuration = Object.assign({}, configuration, {
        iceServers: configuration.iceServers.map((server) =>
          Object.assign({}, server, {urls: [].concat(server.urls).map(resolve)})),
      });
    }
    return new Native(configuration, ...rest);
  }
  RTCPeerConnection.prototype = Native.prototype;
  Object.setPrototypeOf(RTCPeerConnection, Native);
  window.RTCPeerConnection = RTCPeerConnection;
})();"""


class LabError(RuntimeError):
    """The lab is not as the test needs it (a missing route, variable or tool)."""


@dataclass
class Lab:
    """What a browser test needs to know about the lab, read from the environment."""

    url: str
    resolve: dict = field(default_factory=dict)
    ca_file: str = ''
    chromium: str = '/usr/bin/chromium'
    timeout: float = 30.0

    @classmethod
    def from_env(cls, env=None):
        env = os.environ if env is None else env
        url = env.get('RTC_PHONE_URL', '')
        if not url:
            return None
        return cls(
            url=url,
            resolve=parse_resolve(env.get('RTC_BROWSER_RESOLVE', '')),
            ca_file=env.get('RTC_CA_FILE', ''),
            chromium=env.get('RTC_CHROMIUM', '/usr/bin/chromium'),
            timeout=float(env.get('RTC_TIMEOUT', '30')),
        )


def parse_resolve(text):
    """``falcot.com=198.51.100.19,*.falcot.com=198.51.100.19`` as a mapping of name to address."""
    mapping = {}
    for item in text.replace(' ', '').split(','):
        if not item:
            continue
        name, sep, address = item.partition('=')
        if not sep or not name or not address:
            raise LabError('RTC_BROWSER_RESOLVE: %r is not name=address' % item)
        mapping[name] = address
    return mapping


def resolver_rules(resolve):
    """Chromium's --host-resolver-rules: the lab's names, and nothing else resolves."""
    rules = ['MAP %s %s' % (name, '[%s]' % address if ':' in address else address) for name, address in resolve.items()]
    return ', '.join(rules + ['MAP * ~NOTFOUND'])


def check_routes(addresses):
    """Refuse to start when an address would leave the machine (the lab is down or misnamed)."""
    for address in sorted(set(addresses)):
        result = subprocess.run(['ip', 'route', 'get', address], capture_output=True, text=True, check=False, timeout=10)
        if result.returncode != 0 or ' via ' in result.stdout:
            raise LabError('%s is not directly on the lab network (ip route get: %s); is the lab up?'
                           % (address, (result.stdout or result.stderr).strip()))


def trust_ca(home, ca_file):
    """Chromium on Linux trusts what the NSS database in $HOME/.pki/nssdb trusts."""
    certutil = shutil.which('certutil')
    if certutil is None:
        raise LabError('certutil is missing: install the Debian package libnss3-tools')
    nssdb = os.path.join(home, '.pki', 'nssdb')
    os.makedirs(nssdb, mode=0o700)
    subprocess.run([certutil, '-N', '-d', 'sql:' + nssdb, '--empty-password'], check=True, capture_output=True, timeout=30)
    subprocess.run([certutil, '-A', '-d', 'sql:' + nssdb, '-n', 'rtclab-ca', '-t', 'C,,', '-i', ca_file],
                   check=True, capture_output=True, timeout=30)


def lookup(resolve, name):
    """The lab address of a name: an exact entry, else the closest *.suffix entry, else None."""
    name = name.rstrip('.').lower()
    if name in resolve:
        return resolve[name]
    labels = name.split('.')
    for start in range(1, len(labels)):
        wildcard = '*.' + '.'.join(labels[start:])
        if wildcard in resolve:
            return resolve[wildcard]
    return None


def confined_executable(workdir, chromium_path, names=None):
    """A wrapper that starts Chromium in a mount namespace of its own whose /etc/resolv.conf names only
    loopback (where nothing answers) and whose /etc/hosts knows only localhost: whatever resolver a part
    of Chromium uses, no lookup leaves the machine."""
    if os.geteuid() != 0 or shutil.which('unshare') is None:
        raise LabError('the browser needs root and unshare (util-linux) for its private resolv.conf')
    hosts = os.path.join(workdir, 'hosts')
    with open(hosts, 'w', encoding='ascii') as handle:
        handle.write('127.0.0.1 localhost\n::1 localhost\n')
        # The lab's exact names (not its wildcards), for the lookups that do not follow the rules:
        # TURN over TLS keeps its name, which its certificate is checked against.
        for name, address in sorted((names or {}).items()):
            if not name.startswith('*'):
                handle.write('%s %s\n' % (address, name))
    resolv = os.path.join(workdir, 'resolv.conf')
    with open(resolv, 'w', encoding='ascii') as handle:
        handle.write('nameserver 127.0.0.1\noptions timeout:1 attempts:1\n')
    wrapper = os.path.join(workdir, 'chromium')
    with open(wrapper, 'w', encoding='ascii') as handle:
        handle.write('#!/bin/sh\n'
                     'exec unshare --mount --propagation private -- /bin/sh -c \''
                     'mount --bind "$1" /etc/hosts && mount --bind "$2" /etc/resolv.conf && shift 2 && exec "$@"\' '
                     'chromium %s %s %s "$@"\n' % (hosts, resolv, chromium_path))
    os.chmod(wrapper, 0o755)
    return wrapper


@contextmanager
def chromium(lab, extra_flags=()):
    """A headless Chromium with a fresh profile and home, confined to the lab; yields its context."""
    if not os.access(lab.chromium, os.X_OK):
        raise LabError('%s is missing: install the Debian package chromium' % lab.chromium)
    check_routes(lab.resolve.values())
    workdir = tempfile.mkdtemp(prefix='rtc-browser-')
    try:
        home = os.path.join(workdir, 'home')
        os.makedirs(home)
        if lab.ca_file:
            trust_ca(home, lab.ca_file)
        executable = confined_executable(workdir, lab.chromium, lab.resolve)
        env = {key: value for key, value in os.environ.items() if key in ('PATH', 'LANG', 'TZ')}
        env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, '.config'), XDG_CACHE_HOME=os.path.join(home, '.cache'))
        flags = CHROMIUM_FLAGS + ['--host-resolver-rules=%s' % resolver_rules(lab.resolve)] + list(extra_flags)
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                os.path.join(workdir, 'profile'), executable_path=executable, headless=True,
                args=flags, env=env, timeout=lab.timeout * 1000, ignore_https_errors=False,
                viewport={'width': 900, 'height': 900})
            context.set_default_timeout(lab.timeout * 1000)
            context.add_init_script(script=ICE_SERVER_NAMES % json.dumps(lab.resolve))
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


# Wraps RTCPeerConnection (around the name wrapper above) so that only the TURN URLs of one protocol
# reach it: udp, tcp or tls (turns: is TLS, turn: is UDP unless ?transport=tcp). STUN URLs stay.
ONLY_TURN_OVER = """(() => {
  const protocol = %s;
  const of = (url) => /^turns:/i.test(url) ? 'tls' : (/[?&]transport=tcp/i.test(url) ? 'tcp' : 'udp');
  const keep = (url) => !/^turns?:/i.test(url) || of(url) === protocol;
  const Inner = window.RTCPeerConnection;
  function RTCPeerConnection(configuration, ...rest) {
    if (configuration && configuration.iceServers) {
      configuration = Object.assign({}, configuration, {
        iceServers: configuration.iceServers
          .map((server) => Object.assign({}, server, {urls: [].concat(server.urls).filter(keep)}))
          .filter((server) => server.urls.length > 0),
      });
    }
    return new Inner(configuration, ...rest);
  }
  RTCPeerConnection.prototype = Inner.prototype;
  Object.setPrototypeOf(RTCPeerConnection, Inner);
  window.RTCPeerConnection = RTCPeerConnection;
})();"""


def only_turn_over(context, protocol):
    """Leave the browser only the TURN servers of one protocol (udp, tcp or tls), as a network that lets only
    that through would (a hotel's firewall that lets only HTTPS out: tls). config.js, the phone, the
    credentials and the servers are the served ones; the other TURN URLs never reach RTCPeerConnection.
    Call it before the first page opens."""
    if protocol not in ('udp', 'tcp', 'tls'):
        raise LabError('RTC_RELAY_PROTOCOL: expected udp, tcp or tls, got %r' % (protocol, ))
    context.add_init_script(script=ONLY_TURN_OVER % json.dumps(protocol))


class Phone:
    """One tab of the served phone, read and driven through its ids and window.rtcPhone."""

    def __init__(self, context, url, timeout):
        self.page = context.new_page()
        self.timeout = timeout
        # Every phone of one browser, so that a wait that times out can say what each of them saw.
        self.peers = context.__dict__.setdefault('_rtc_phones', [])
        self.peers.append(self)
        self.errors = []
        self.console = []
        self.page.on('pageerror', lambda error: self.errors.append(str(error)))
        self.page.on('console', lambda message: self.console.append('%s: %s' % (message.type, message.text)))
        self.page.on('requestfailed', lambda request: self.errors.append(
            'request failed: %s %s' % (request.url, request.failure)))
        # Chromium aborts the page's requests with ERR_NETWORK_CHANGED when the machine's interfaces
        # change, which the other lane of ./run test does as it creates and removes its containers: such
        # a load is tried again, twice at most. Any other failure to load is the phone's.
        retries = 2
        self._load(url)
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.page.wait_for_selector('body[data-ready="true"]', timeout=1000)
                break
            except PlaywrightTimeoutError as error:
                if retries and any('ERR_NETWORK_CHANGED' in text for text in self.errors):
                    retries -= 1
                    self.errors.clear()
                    self.console.clear()
                    self._load(url)
                    deadline = time.monotonic() + timeout
                elif time.monotonic() > deadline:
                    raise LabError('the phone at %s did not become ready in %ss (HTTP %s); errors: %s; console: %s'
                                   % (url, timeout, self.response.status if self.response else None, self.errors,
                                      self.console)) from error

    def _load(self, url):
        """Navigate to the phone; a navigation the machine's network change aborted counts as an error."""
        try:
            self.response = self.page.goto(url, wait_until='load')
        except PlaywrightError as error:
            if 'ERR_NETWORK_CHANGED' not in str(error):
                raise
            self.response = None
            self.errors.append(str(error))

    def status(self):
        return self.page.inner_text('#status')

    def call_status(self):
        return self.page.get_attribute('#call-status', 'data-state')

    def wait_status(self, status, timeout=None):
        self._wait('status', status, timeout)

    def wait_call_status(self, status, timeout=None):
        self._wait('callStatus', status, timeout)

    def _wait(self, key, value, timeout):
        try:
            self.page.wait_for_function('([k, v]) => window.rtcPhone && window.rtcPhone[k] === v', arg=[key, value],
                                        timeout=(timeout or self.timeout) * 1000)
        except PlaywrightTimeoutError as error:
            raise AssertionError('phone %d: %s did not become %r in %ss; %s' % (
                self.peers.index(self) + 1, key, value, timeout or self.timeout,
                '; '.join(peer.describe() for peer in self.peers))) from error

    def describe(self):
        """What this phone shows and logged, for a failure's message."""
        try:
            state = self.page.evaluate('''() => window.rtcPhone && {status: window.rtcPhone.status,
                callStatus: window.rtcPhone.callStatus, lastFinalResponse: window.rtcPhone.lastFinalResponse,
                ice: window.rtcPhone.peerConnection && [window.rtcPhone.peerConnection.iceGatheringState,
                                                        window.rtcPhone.peerConnection.iceConnectionState]}''')
        except Exception as error:  # pylint: disable=broad-except  # the page may be gone
            state = 'unreadable (%s)' % error
        return 'phone %d: %s, page errors %s, console %s' % (
            self.peers.index(self) + 1, state, self.errors, self.console[-15:])

    def login(self, user, password):
        self.page.fill('#sip-user', user)
        self.page.fill('#sip-password', password)
        self.page.click('#login-button')

    def dial(self, destination):
        self.page.fill('#destination', destination)
        self.page.click('#call-button')

    def answer(self):
        self.page.click('#answer-button')

    def hangup(self):
        self.page.click('#hangup-button')

    def evaluate(self, script, arg=None):
        return self.page.evaluate(script, arg)

    def inbound_audio_bytes(self):
        """bytesReceived of the inbound RTP audio stream of the current call (None without one)."""
        return self.page.evaluate('''async () => {
            const pc = window.rtcPhone.peerConnection;
            if (!pc) return null;
            let bytes = null;
            (await pc.getStats()).forEach((s) => {
                if (s.type === 'inbound-rtp' && s.kind === 'audio') bytes = (bytes || 0) + s.bytesReceived;
            });
            return bytes;
        }''')

    def selected_candidate_pair(self):
        """The candidate types of the selected ICE pair: {local, remote, state}."""
        return self.page.evaluate('''async () => {
            const pc = window.rtcPhone.peerConnection;
            if (!pc) return null;
            const stats = await pc.getStats();
            let pair = null;
            stats.forEach((s) => {
                if (s.type === 'transport' && s.selectedCandidatePairId) pair = stats.get(s.selectedCandidatePairId);
            });
            if (!pair) stats.forEach((s) => { if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') pair = s; });
            if (!pair) return null;
            const local = stats.get(pair.localCandidateId), remote = stats.get(pair.remoteCandidateId);
            return {state: pair.state, local: local && local.candidateType, remote: remote && remote.candidateType,
                    localAddress: local && local.address, remoteAddress: remote && remote.address,
                    relayProtocol: local && local.relayProtocol};
        }''')


def wait_until(predicate, timeout, interval=0.25, what='condition'):
    """Poll predicate until it returns a true value; fail after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError('timed out after %ss waiting for %s' % (timeout, what))
        time.sleep(interval)
