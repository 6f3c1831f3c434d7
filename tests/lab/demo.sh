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
