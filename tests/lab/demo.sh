#!/usr/bin/env bash
# ./run demo / ./run demo-down: the falcot.com stack in the lab, through the Molecule scenario
# molecule/falcot (created and converged, then left running).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export RTC_DEBIAN=${RTC_DEBIAN:-12}

case "${1:-up}" in
  up)
    molecule create -s falcot
    molecule converge -s falcot
    client=rtclab$RTC_DEBIAN-falcot-client
    echo
    echo "The seed's DNS questions, asked from $client (its only resolver is the lab BIND on server1):"
    for q in "_sips._tcp.falcot.com SRV" "falcot.com NAPTR" "_xmpp-client._tcp.falcot.com SRV" \
             "_xmpp-server._tcp.falcot.com SRV" "_stun._udp.falcot.com SRV" "_turn._udp.falcot.com SRV" \
             "server1.falcot.com A" "server1.falcot.com AAAA" "turn-server.falcot.com A"; do
      # shellcheck disable=SC2086
      podman exec "$client" dig +noall +answer +tries=2 +time=2 $q
    done
    cat <<EOT

The falcot.com lab runs on Debian $RTC_DEBIAN (container rtclab$RTC_DEBIAN-falcot-server1 on the internal
podman network rtclab). Open a shell there: podman exec -it rtclab$RTC_DEBIAN-falcot-server1 bash
Remove it: ./run demo-down
EOT
    ;;
  down)
    for r in 12 13; do RTC_DEBIAN=$r molecule destroy -s falcot >/dev/null 2>&1 || true; done
    ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
