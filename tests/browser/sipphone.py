# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""baresip from Debian as a desk phone that speaks plain RTP, in a lab container, reached by a command.

The phone runs in the host that RTC_SIP_PHONE_EXEC reaches (an ssh command line whose remote side runs
what it is given as root, e.g. `ssh rtcadmin@198.51.100.90 sudo -n`): a transient systemd unit runs
baresip with a SIP trace (-s). It registers over TLS at the domain (NAPTR and SRV through the host's
resolver), sends G.711 from a 440 Hz sine (ausine), answers calls by itself, and without a media
encryption (start()'s mediaenc) offers RTP/AVP without ICE, as desk phones and providers do.
What reaches its media port is counted by a capture in that host (a raw socket, Python's standard
library: the client has no tcpdump). Its password goes to its account file over the command's standard
input, never on a command line.
"""
from __future__ import annotations

import re
import shlex
import subprocess

UNIT = 'rtc-sip-phone'
# Counts the UDP datagrams that arrive for one port during some seconds, IPv4 and IPv6, on every
# interface: python3 - PORT SECONDS.
CAPTURE = r'''
import socket, struct, sys, time
port, seconds = int(sys.argv[1]), float(sys.argv[2])
capture = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.ntohs(3))
capture.settimeout(0.1)
count, end = 0, time.monotonic() + seconds
while time.monotonic() < end:
    try:
        frame, address = capture.recvfrom(65535)
    except socket.timeout:
        continue
    if address[2] == socket.PACKET_OUTGOING:
        continue
    kind = struct.unpack('!H', frame[12:14])[0]
    if kind == 0x0800 and frame[23] == 17:
        udp = 14 + (frame[14] & 15) * 4
    elif kind == 0x86dd and frame[20] == 17:
        udp = 54
    else:
        continue
    if struct.unpack('!H', frame[udp + 2:udp + 4])[0] == port:
        count += 1
print(count)
'''
DIRECTORY = '/root/rtc-sip-phone'


class SipPhone:
    """One baresip account in the lab's client container."""

    def __init__(self, exec_command, user, password, domain, ca_file, dns_server, timeout=30):
        self.exec_command = shlex.split(exec_command)
        self.user, self.domain = user, domain
        self.password, self.ca_file, self.dns_server = password, ca_file, dns_server
        self.timeout = timeout

    def run(self, script, stdin='', check=True):
        """A shell script on the phone's host, as root; its standard output."""
        done = subprocess.run(self.exec_command + ['sh -c %s' % shlex.quote(script)], input=stdin, text=True,
                              capture_output=True, timeout=self.timeout + 30, check=False)
        if check and done.returncode != 0:
            raise AssertionError('the phone host said %s: %s' % (done.returncode, (done.stdout + done.stderr)[-2000:]))
        return done.stdout

    def start(self, mediaenc='', dial=None, answer=True, provider=None, number=None):
        """baresip with a fresh log, registering (and dialling `dial` at once), answering calls by itself or
        letting them ring; returns once it runs. With `provider` (an address:port), a provider's gateway
        for `number` instead: no registration, SIP over TCP on that socket, the number's calls answered
        (baresip takes a request for the user part of an account's address)."""
        params = ';answermode=%s;regint=600' % ('auto' if answer else 'manual') + (';mediaenc=%s' % mediaenc if mediaenc else '')
        account = '<sip:%s@%s;transport=tls>;auth_pass=%s%s\n' % (self.user, self.domain, self.password, params)
        listen = []
        if provider:
            account = '<sip:%s@%s;transport=tcp>;regint=0;answermode=auto\n' % (number, provider)
            listen = ['sip_listen %s' % provider]
        config = '\n'.join(listen + [
            'poll_method epoll',
            'sip_cafile %s' % self.ca_file,
            'sip_trans_def tls',
            'dns_server %s' % self.dns_server,
            # ausine makes 48 kHz stereo only; baresip resamples it for G.711. No sound card: no player.
            'audio_player nullplay,nodev',
            'audio_source ausine,440',
            'ausrc_srate 48000',
            'ausrc_channels 2',
            'module_path /usr/lib/baresip/modules',
            'module g711.so',
            'module ausine.so',
            'module srtp.so',
            # Commands (/hold, /resume) as UDP datagrams on loopback (command()).
            'module cons.so',
            'cons_listen 127.0.0.1:5555',
            'module_app account.so',
            'module_app menu.so',
            '',
        ])
        command = ['baresip', '-s', '-f', DIRECTORY] + (['-e', '/dial %s' % dial] if dial else [])
        self.run('set -e; systemctl stop %(unit)s 2>/dev/null || true; systemctl reset-failed %(unit)s 2>/dev/null || true\n'
                 'umask 077; mkdir -p %(dir)s; cat > %(dir)s/accounts; printf %%s %(config)s > %(dir)s/config\n'
                 'systemd-run --quiet --unit %(unit)s --collect --property=RuntimeMaxSec=180 %(command)s'
                 % {'unit': UNIT, 'dir': DIRECTORY, 'config': shlex.quote(config),
                    'command': ' '.join(shlex.quote(part) for part in command)}, stdin=account)

    def command(self, text):
        """One of baresip's commands (/hold, /resume) through its console module."""
        self.run('python3 -c %s' % shlex.quote(
            'import socket, sys; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(sys.argv[1].encode() + b"\\n",'
            ' ("127.0.0.1", 5555))') + ' ' + shlex.quote(text))

    def log(self):
        """What baresip printed since it started, without its terminal colours."""
        text = self.run('journalctl --unit %s --output cat --no-pager _SYSTEMD_INVOCATION_ID=$(systemctl show '
                        '--property InvocationID --value %s)' % (UNIT, UNIT), check=False)
        return re.sub(r'\x1b\[[0-9;]*m', '', text)

    def stop(self):
        self.run('systemctl stop %s 2>/dev/null || true' % UNIT, check=False)

    def registered(self):
        return re.search(r'\{\d+/TLS/v[46]\} 200 OK', self.log()) is not None

    def media_port(self):
        """The RTP port of baresip's last SDP (its offer or its answer)."""
        ports = [re.search(r'(?m)^m=audio (\d+) ', text) for sent, text in self.messages() if sent]
        ports = [found.group(1) for found in ports if found]
        assert ports, 'baresip sent no SDP'
        return int(ports[-1])

    def received_rtp(self, seconds=1.0):
        """The datagrams that reach baresip's RTP port in that time (a capture in its host)."""
        return int(self.run('python3 - %d %s' % (self.media_port(), seconds), stdin=CAPTURE).strip())

    def messages(self):
        """baresip's SIP trace: (sent, text) for each message, sent True for what baresip sent."""
        log = self.log()
        local = re.search(r'IPv4=\S+\|(\S+)', log)
        found = []
        for chunk in log.split('\n#\n')[1:]:
            head, text = (chunk.split('\n', 1) + [''])[:2]
            route = re.match(r'\S+ (\S+):\d+ -> \S+$', head.strip())
            if route and local:
                found.append((route.group(1) == local.group(1), text))
        return found

    def invites(self, sent):
        """The INVITEs baresip sent (sent=True) or received, as text."""
        return [text for was_sent, text in self.messages() if was_sent == sent and text.startswith('INVITE ')]
