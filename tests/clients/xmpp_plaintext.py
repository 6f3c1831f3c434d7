# Copyright: (c) 2026, rtcstack.debian contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Try to authenticate on an unencrypted XMPP client stream, as a careless client would.

    python3 tests/clients/xmpp_plaintext.py ADDRESS PORT DOMAIN USER   (the password is read from stdin)

Opens a plain TCP stream (no STARTTLS), reads the stream features, then sends SASL PLAIN with the
credentials anyway. Prints what the server offered and answered as JSON. Exits 0 when the server
refused (what c2s_require_encryption must do), 1 when it accepted the credentials in clear text,
2 when the exchange made no sense.
"""

from __future__ import annotations

import base64
import json
import re
import socket
import sys

SASL = 'urn:ietf:params:xml:ns:xmpp-sasl'


def read_until(sock, pattern, limit=65536):
    data = b''
    while not re.search(pattern, data) and len(data) < limit:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.decode('utf-8', 'replace')


def main():
    address, port, domain, user = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    password = sys.stdin.readline().rstrip('\n')
    result = {}
    with socket.create_connection((address, port), timeout=10) as sock:
        sock.sendall(("<?xml version='1.0'?><stream:stream to='%s' version='1.0' xmlns='jabber:client' "
                      "xmlns:stream='http://etherx.jabber.org/streams'>" % domain).encode())
        features = read_until(sock, rb'</stream:features>|<stream:error')
        result['features'] = features[features.find('<stream:features'):]
        result['starttls_required'] = bool(re.search(r'<starttls[^>]*>\s*<required\s*/>', features))
        result['mechanisms_offered'] = re.findall(r'<mechanism>([^<]+)</mechanism>', features)
        token = base64.b64encode(('\0%s\0%s' % (user, password)).encode()).decode()
        sock.sendall(("<auth xmlns='%s' mechanism='PLAIN'>%s</auth>" % (SASL, token)).encode())
        answer = read_until(sock, rb'</failure>|<success|</stream:error>|</stream:stream>')
        result['answer'] = answer
    if '<success' in answer:
        result['verdict'] = 'ACCEPTED plaintext credentials'
        print(json.dumps(result))
        return 1
    if '<failure' in answer or 'stream:error' in answer:
        result['verdict'] = 'refused'
        print(json.dumps(result))
        return 0
    result['verdict'] = 'no answer'
    print(json.dumps(result))
    return 2


if __name__ == '__main__':
    sys.exit(main())
