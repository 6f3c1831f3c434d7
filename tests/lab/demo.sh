#!/usr/bin/env bash
# ./run demo [falcot443|falcot-scale] / ./run demo-down: the falcot.com stack in the lab, through the
# Molecule scenario molecule/falcot (or molecule/falcot443, its port-443 mode, or molecule/falcot-scale,
# falcot.com on two servers), created and converged, then left running. They use different addresses
# and run side by side.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export RTC_DEBIAN=${RTC_DEBIAN:-12}
RUN_DIR=.cache/demo
mkdir -p "$RUN_DIR"

# falcot443: every service on 443, each at its own address (inventories/falcot443, docs/port443.md).
demo_443() {
  molecule create -s falcot443
  molecule converge -s falcot443
  mkdir -p "$RUN_DIR/falcot443"
  {
    echo "# The falcot443 demo lab's connection settings (written by ./run demo falcot443; Debian $RTC_DEBIAN). Use it with"
    echo "# its inventory:  ansible-playbook -i inventories/falcot443 -i $RUN_DIR/falcot443/inventory.yml site.yml"
    tests/lab/lab.sh inventory server1=198.51.100.131
  } >"$RUN_DIR/falcot443/inventory.yml"
  local client=rtclab$RTC_DEBIAN-falcot443-client server=rtclab$RTC_DEBIAN-falcot443-server1
  echo
  echo "Every service on 443, asked from $client (its only resolver is the lab BIND on 198.51.100.131):"
  for q in "_stun._udp.falcot.com SRV" "_turn._udp.falcot.com SRV" "_turn._tcp.falcot.com SRV" "_turns._tcp.falcot.com SRV" \
           "_sips._tcp.falcot.com SRV" "_xmpps-client._tcp.falcot.com SRV" "falcot.com NAPTR" "falcot.com A" \
           "turn-server.falcot.com A" "turn-rest.falcot.com A" "sip-proxy.falcot.com A" "xmpp-gw.falcot.com A"; do
    # shellcheck disable=SC2086
    podman exec "$client" dig +noall +answer +tries=2 +time=2 $q
  done
  podman exec "$server" cat /etc/ssl/public/falcot.com-ca.pem >"$RUN_DIR/falcot443/falcot-ca.pem"
  podman exec -i "$client" tee /etc/ssl/falcot-ca.pem <"$RUN_DIR/falcot443/falcot-ca.pem" >/dev/null
  echo
  echo "TURN: joe relays over UDP and TCP, and allocates over TLS, on turn-server.falcot.com:443 (turnutils_uclient from $client):"
  for flags in "" "-t"; do
    # shellcheck disable=SC2086
    printf '  %-5s %s\n' "$([ -z "$flags" ] && echo UDP || echo TCP)" \
      "$(podman exec "$client" timeout 30 turnutils_uclient -y -c -n 5 -m 1 $flags -u joe -w falcot-joe-lab -p 443 198.51.100.132 \
         | grep -o 'tot_send_msgs=[0-9]*, tot_recv_msgs=[0-9]*' | tail -n 1)"
  done
  # turnutils_uclient 4.6.1 stalls in its TLS handshake in about 6 tries of 10, and always after its
  # relay (molecule/turn): the allocation is shown, after short bounded tries.
  local tls="" try
  for try in $(seq 1 15); do
    tls=$(podman exec "$client" timeout 4 turnutils_uclient -v -c -n 1 -m 1 -t -S -E /etc/ssl/falcot-ca.pem -u joe \
      -w falcot-joe-lab -e 198.51.100.139 -r 3490 -p 443 198.51.100.132 2>&1 | grep -o 'Received relay addr: [0-9.:]*' | head -n 1) || true
    [ -n "$tls" ] && break
  done
  printf '  %-5s %s (try %s)\n' TLS "$tls" "$try"
  echo
  echo "SIP: joe registers over TLS at sip-proxy.falcot.com:443 (sipsak from $client, the stack's CA):"
  # The outbound proxy before -s: sipsak sends to the host of -s otherwise (here Apache on falcot.com:443).
  podman exec "$client" timeout 20 sipsak --transport tls --tls-ca-cert /etc/ssl/falcot-ca.pem -U -i -x 600 -vv \
    --outbound-proxy=sip-proxy.falcot.com:443 -C sip:joe@198.51.100.139 -s sip:joe@falcot.com -u joe -a falcot-joe-lab \
    | grep -E '^(All usrloc tests|SIP/2.0 [1-6])' | tail -n 1
  echo
  echo "XMPP: joe logs in with direct TLS on xmpp-gw.falcot.com:443 and gets TURN credentials (slixmpp, XEP-0215):"
  printf 'falcot-joe-lab\n' | .venv/bin/python tests/clients/xmpp_client.py services joe@falcot.com - --transport directtls \
    --dns 198.51.100.131 --cafile "$RUN_DIR/falcot443/falcot-ca.pem" \
    | .venv/bin/python -c 'import json, sys; r = json.load(sys.stdin); s = r["session"]
print("  %s to %s port %s; TURN: %s" % (s["transport"], s["connected_to"][0], s["connected_to"][1],
      ", ".join(sorted({"%s:%s:%s" % (x["type"], x["host"], x["port"]) for x in r["services"]}))))'
  echo
  echo "Web phone: joe calls alice on https://falcot.com/ (wss://sip-proxy.falcot.com:443), audio relayed by TURN over TLS on 443:"
  mkdir -p .cache/artifacts
  RTC_PHONE_URL=https://falcot.com/ RTC_RELAY_PROTOCOL=tls \
    RTC_BROWSER_RESOLVE="falcot.com=198.51.100.131,sip-proxy.falcot.com=198.51.100.133,turn-server.falcot.com=198.51.100.132" \
    RTC_CA_FILE="$RUN_DIR/falcot443/falcot-ca.pem" RTC_CALLER=joe RTC_CALLER_PASSWORD=falcot-joe-lab RTC_CALLEE=alice \
    RTC_CALLEE_PASSWORD=falcot-alice-lab RTC_SCREENSHOT=.cache/artifacts/demo443-call-connected.png \
    .venv/bin/python -m pytest -q -p no:cacheprovider -k test_relayed_call_between_two_browsers tests/browser/test_call.py \
    | tail -n 1
  cat <<EOT

The falcot443 lab runs on Debian $RTC_DEBIAN (container $server on the internal podman network rtclab),
each service on 443 at its own address: the web phone and DNS on 198.51.100.131, TURN on .132 (RFC 5780:
.135), SIP on .133, XMPP on .134, the TURN REST instance (XEP-0215) on .136. Log in as Ansible does:
  ssh -i .cache/lab/ssh/id_ed25519 -o UserKnownHostsFile=/dev/null rtcadmin@198.51.100.131
Run the collection against it yourself:
  ANSIBLE_COLLECTIONS_PATH=\$PWD/collections .venv/bin/ansible-playbook -i inventories/falcot443 -i $RUN_DIR/falcot443/inventory.yml site.yml
Remove it (and every other demo): ./run demo-down
EOT
}

# falcot-scale: falcot.com on two servers (inventories/falcot-scale): the DNS primary and its secondary,
# two TURN servers in the records, XEP-0215 and the web phone's settings, two SIP proxies sharing their
# registrations (DMQ).
demo_scale() {
  molecule create -s falcot-scale
  molecule converge -s falcot-scale
  mkdir -p "$RUN_DIR/falcot-scale"
  {
    echo "# The falcot-scale demo lab's connection settings (written by ./run demo falcot-scale; Debian $RTC_DEBIAN). Use it with"
    echo "# its inventory:  ansible-playbook -i inventories/falcot-scale -i $RUN_DIR/falcot-scale/inventory.yml site.yml"
    tests/lab/lab.sh inventory node1=198.51.100.141 node2=198.51.100.142
  } >"$RUN_DIR/falcot-scale/inventory.yml"
  local client=rtclab$RTC_DEBIAN-falcot-scale-client node1=rtclab$RTC_DEBIAN-falcot-scale-node1 ns
  echo
  echo "DNS: the primary (node1) and its secondary (node2) answer the same serial and records, asked from $client:"
  for ns in 198.51.100.141 198.51.100.142; do
    printf '  @%s  SOA serial %s; _turn._udp: %s\n' "$ns" \
      "$(podman exec "$client" dig @"$ns" +short +tries=2 +time=2 falcot.com SOA | awk '{print $3}')" \
      "$(podman exec "$client" dig @"$ns" +short +tries=2 +time=2 _turn._udp.falcot.com SRV | sort | awk '{print $4 ":" $3}' | paste -sd ' ')"
  done
  echo "  a transfer without the key, from node2: $(podman exec "$client" dig @198.51.100.142 falcot.com AXFR | grep -o 'Transfer failed.' || echo 'not refused')"
  echo
  echo "TURN: joe relays messages on both TURN servers (turnutils_uclient from $client):"
  for ns in 198.51.100.141 198.51.100.142; do
    printf '  %s  %s\n' "$ns" "$(podman exec "$client" timeout 30 turnutils_uclient -y -c -n 5 -m 1 -u joe -w falcot-joe-lab -p 3467 "$ns" \
      | grep -o 'tot_send_msgs=[0-9]*, tot_recv_msgs=[0-9]*' | tail -n 1)"
  done
  echo
  echo "SIP: both proxies in the records, each with the other as an active DMQ peer on its cluster socket:"
  printf '  _sips._tcp: %s\n' "$(podman exec "$client" dig @198.51.100.142 +short +tries=2 +time=2 _sips._tcp.falcot.com SRV | sort \
    | awk '{print $4 ":" $3 " (priority " $1 ")"}' | paste -sd ' ')"
  for ns in node1 node2; do
    printf '  %s: %s\n' "$ns" "$(podman exec "rtclab$RTC_DEBIAN-falcot-scale-$ns" kamcmd dmq.list_nodes \
      | awk '/host:/ {h = $2} /port:/ {p = $2} /status:/ {s = $2} /local: 0/ {print "peer " h ":" p " " s}' | paste -sd ' ')"
  done
  echo
  echo "XMPP: joe logs in (SRV through node2, the secondary) and gets TURN credentials for both servers (slixmpp, XEP-0215):"
  podman exec "$node1" cat /etc/ssl/public/falcot.com-ca.pem >"$RUN_DIR/falcot-scale/falcot-ca.pem"
  printf 'falcot-joe-lab\n' | .venv/bin/python tests/clients/xmpp_client.py services joe@falcot.com - \
    --dns 198.51.100.142 --cafile "$RUN_DIR/falcot-scale/falcot-ca.pem" \
    | .venv/bin/python -c 'import json, sys; r = json.load(sys.stdin)
print("  " + ", ".join(sorted("%s:%s:%s%s" % (x["type"], x["host"], x["port"], " (with credentials)" if x["password"] else "")
                              for x in r["services"])))'
  cat <<EOT

The falcot-scale lab runs on Debian $RTC_DEBIAN: node1 (198.51.100.141, the DNS primary, a TURN server, a SIP
proxy, Prosody and the web phone) and node2 (198.51.100.142, the DNS secondary, a second TURN server and a
second SIP proxy), on the internal podman network rtclab, beside the other demos. The proxies share
their registrations on .143 and .144. Log in as Ansible does:
  ssh -i .cache/lab/ssh/id_ed25519 -o UserKnownHostsFile=/dev/null rtcadmin@198.51.100.141
Run the collection against it yourself:
  ANSIBLE_COLLECTIONS_PATH=\$PWD/collections .venv/bin/ansible-playbook -i inventories/falcot-scale -i $RUN_DIR/falcot-scale/inventory.yml site.yml
Remove it (and every other demo): ./run demo-down
EOT
}

case "${1:-up}" in
  up)
    if [ "${2:-falcot}" = falcot443 ]; then demo_443; exit 0; fi
    if [ "${2:-falcot}" = falcot-scale ]; then demo_scale; exit 0; fi
    molecule create -s falcot
    molecule converge -s falcot
    # How to reach the lab as the scenario does, for an admin's own ansible-playbook runs.
    mkdir -p "$RUN_DIR/falcot"
    {
      echo "# The falcot.com demo lab's connection settings (written by ./run demo; Debian $RTC_DEBIAN). Use it with"
      echo "# the seed's inventory:  ansible-playbook -i inventories/falcot -i $RUN_DIR/falcot/inventory.yml site.yml"
      tests/lab/lab.sh inventory server1=198.51.100.19
    } >"$RUN_DIR/falcot/inventory.yml"
    client=rtclab$RTC_DEBIAN-falcot-client
    echo
    echo "The seed's DNS questions, asked from $client (its only resolver is the lab BIND on server1):"
    for q in "_sips._tcp.falcot.com SRV" "falcot.com NAPTR" "_xmpp-client._tcp.falcot.com SRV" \
             "_xmpp-server._tcp.falcot.com SRV" "_stun._udp.falcot.com SRV" "_turn._udp.falcot.com SRV" \
             "server1.falcot.com A" "server1.falcot.com AAAA" "turn-server.falcot.com A"; do
      # shellcheck disable=SC2086
      podman exec "$client" dig +noall +answer +tries=2 +time=2 $q
    done
    server=rtclab$RTC_DEBIAN-falcot-server1
    echo
    echo "TURN: joe relays messages between two allocations on turn-server.falcot.com:3467 (turnutils_uclient from $client):"
    podman exec "$client" timeout 30 turnutils_uclient -y -c -n 5 -m 1 -u joe -w falcot-joe-lab -p 3467 198.51.100.19 \
      | grep -o 'tot_send_msgs=[0-9]*, tot_recv_msgs=[0-9]*' | tail -n 1
    echo
    echo "SIP: joe registers over TLS at sip-proxy.falcot.com:5061 (sipsak from $client, the stack's CA):"
    podman exec "$server" cat /etc/ssl/public/falcot.com-ca.pem | podman exec -i "$client" tee /etc/ssl/falcot-ca.pem >/dev/null
    podman exec "$client" timeout 20 sipsak --transport tls --tls-ca-cert /etc/ssl/falcot-ca.pem -U -i -x 600 -vv \
      -C sip:joe@198.51.100.90 -s sip:joe@falcot.com -u joe -a falcot-joe-lab \
      --outbound-proxy=sip-proxy.falcot.com:5061 | grep -E '^(All usrloc tests|SIP/2.0 [1-6])' | tail -n 1
    echo
    echo "XMPP: joe sends alice a message (slixmpp from this machine, SRV through the lab BIND, STARTTLS, SCRAM):"
    podman exec "$server" cat /etc/ssl/public/falcot.com-ca.pem >"$RUN_DIR/falcot-ca.pem"
    printf 'falcot-joe-lab\nfalcot-alice-lab\n' | .venv/bin/python tests/clients/xmpp_client.py chat joe@falcot.com - \
      alice@falcot.com - --dns 198.51.100.19 --cafile "$RUN_DIR/falcot-ca.pem" \
      | .venv/bin/python -c 'import json, sys; m = json.load(sys.stdin)["message"]; print("alice got %r from %s" % (m["body"], m["from"]))'
    echo
    echo "Web phone: joe calls alice between two Chromium tabs on https://falcot.com/ (wss://falcot.com:8443, audio relayed by TURN):"
    mkdir -p .cache/artifacts
    RTC_PHONE_URL=https://falcot.com/ RTC_BROWSER_RESOLVE="falcot.com=198.51.100.19,*.falcot.com=198.51.100.19" \
      RTC_CA_FILE="$RUN_DIR/falcot-ca.pem" RTC_CALLER=joe RTC_CALLER_PASSWORD=falcot-joe-lab RTC_CALLEE=alice \
      RTC_CALLEE_PASSWORD=falcot-alice-lab RTC_SCREENSHOT=.cache/artifacts/demo-call-connected.png \
      .venv/bin/python -m pytest -q -p no:cacheprovider -k test_relayed_call_between_two_browsers tests/browser/test_call.py \
      | tail -n 1
    echo "(the connected call: .cache/artifacts/demo-call-connected.png)"
    echo
    echo "Media bridge: baresip (alice, in $client) and joe's browser call each other in plain RTP and SDES-SRTP through rtpengine:"
    ssh="ssh -i .cache/lab/ssh/id_ed25519 -o BatchMode=yes -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -o LogLevel=ERROR"
    RTC_PHONE_URL=https://falcot.com/ RTC_BROWSER_RESOLVE="falcot.com=198.51.100.19,*.falcot.com=198.51.100.19" \
      RTC_CA_FILE="$RUN_DIR/falcot-ca.pem" RTC_CALLER=joe RTC_CALLER_PASSWORD=falcot-joe-lab RTC_CALLEE=alice \
      RTC_CALLEE_PASSWORD=falcot-alice-lab RTC_SIP_DOMAIN=falcot.com RTC_SIP_PHONE_EXEC="$ssh rtcadmin@198.51.100.90 sudo -n" \
      RTC_SIP_PHONE_CA=/etc/ssl/falcot-ca.pem RTC_SIP_PHONE_DNS=198.51.100.19:53 \
      RTC_SIP_PROVIDER=198.51.100.90:5060,0044123456789,+44123456789 \
      RTC_BRIDGE_METRICS="$ssh rtcadmin@198.51.100.19 \"python3 -c 'import sys, urllib.request as u; sys.stdout.write(u.urlopen(sys.argv[1]).read().decode())' http://127.0.0.1:2225/metrics\"" \
      .venv/bin/python -m pytest -q -p no:cacheprovider -k test_calls_between_the_web_phone_and_a_sip_phone tests/browser/test_call.py \
      | tail -n 1
    cat <<EOT

The falcot.com lab runs on Debian $RTC_DEBIAN (container rtclab$RTC_DEBIAN-falcot-server1 on the internal
podman network rtclab). Log in as Ansible does (root may not):
  ssh -i .cache/lab/ssh/id_ed25519 -o UserKnownHostsFile=/dev/null rtcadmin@198.51.100.19
Run the collection against it yourself, as the demo did (the venv's Ansible, or Debian's):
  ANSIBLE_COLLECTIONS_PATH=\$PWD/collections .venv/bin/ansible-playbook -i inventories/falcot -i $RUN_DIR/falcot/inventory.yml site.yml
Open the web phone yourself in a browser on this machine: import $RUN_DIR/falcot-ca.pem as an authority
in its certificate settings, start it with the lab's names, and log in as joe (falcot-joe-lab):
  chromium --host-resolver-rules='MAP falcot.com 198.51.100.19, MAP *.falcot.com 198.51.100.19' https://falcot.com/
Remove it: ./run demo-down
EOT
    ;;
  down)
    for r in 12 13; do
      for s in falcot falcot443 falcot-scale; do RTC_DEBIAN=$r molecule destroy -s "$s" >/dev/null 2>&1 || true; done
    done
    ;;
  *) echo "usage: $0 up [falcot|falcot443|falcot-scale] | down" >&2; exit 2 ;;
esac
