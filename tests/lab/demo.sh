#!/usr/bin/env bash
# ./run demo / ./run demo-down: the falcot.com stack in the lab, through the Molecule scenario
# molecule/falcot (created and converged, then left running).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export RTC_DEBIAN=${RTC_DEBIAN:-12}
RUN_DIR=.cache/demo
mkdir -p "$RUN_DIR"

case "${1:-up}" in
  up)
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
    for r in 12 13; do RTC_DEBIAN=$r molecule destroy -s falcot >/dev/null 2>&1 || true; done
    ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
