#!/usr/bin/env bash
# ./run bench scale: what the falcot-scale lab's SIP proxies (molecule/falcot-scale, two servers) carry
# on this machine: registrations over TLS with digest authentication per second, at node1's proxy alone
# and spread over both, offered at a ladder of rates (RTC_BENCH_RATES, per second, 8 s each) by
# tests/clients/sip_register_load.py in the client container (198.51.100.149): 8 connections, each
# refreshing one contact of joe or alice (REGISTER, 401, REGISTER with the digest, 200). Every
# registration is also replicated to the other proxy through DMQ. For each run: the rate reached, the
# failures, the CPU seconds per second of each kamailio and of the generator (they share this machine's
# CPUs), and each kamailio's shared memory in use at the end of the run (DMQ's transactions live about
# 5 s after their reply).
# Then the TURN servers (coturn, UDP 3467), with tests/clients/turn_load.py from the same container:
# allocations per second (each from a new port: 401, Allocate with the credentials, freed by a Refresh
# with lifetime 0) at a ladder of rates (RTC_BENCH_TURN_RATES) at node1 alone and spread over both, and
# relayed calls held 8 s (RTC_BENCH_CALLS: two allocations bound to each other, 50 packets of 172 bytes
# per second each way) with the packets lost and their delay, and each coturn's CPU.
# Only for the bench: the client's address is exempt from the proxies' flood ban
# (sip_proxy_trusted_sources) and the TURN allocation quotas are lifted (turn_user_quota and
# turn_total_quota 0: 10 per user would stop the calls at 10, and coturn holds a freed allocation's place
# in the total quota for about a second, so 1000 would stop the allocations at about 1000 per second);
# nothing else differs from the scenario.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export RTC_DEBIAN=${RTC_DEBIAN:-12}
work=.cache/bench/scale
prefix=rtclab$RTC_DEBIAN-falcot-scale
client=$prefix-client
seconds=8
workers=8
rates=${RTC_BENCH_RATES:-1000 2000 3000}
turn_rates=${RTC_BENCH_TURN_RATES:-500 1000 2000}
calls=${RTC_BENCH_CALLS:-100 200 400}

cleanup() { molecule destroy -s falcot-scale >/dev/null 2>&1 || true; }
trap cleanup EXIT
rm -rf "$work"
mkdir -p "$work"
cleanup

echo "bench scale: the falcot-scale lab (Debian $RTC_DEBIAN), with the bench's exceptions (the generator is never banned, no TURN allocation quotas)" >&2
molecule create -s falcot-scale >"$work/create.log" 2>&1 || { tail -n 40 "$work/create.log" >&2; exit 1; }
molecule converge -s falcot-scale -- \
  -e '{"sip_proxy_trusted_sources": ["198.51.100.149"], "turn_user_quota": 0, "turn_total_quota": 0}' >"$work/converge.log" 2>&1 \
  || { tail -n 40 "$work/converge.log" >&2; exit 1; }

podman exec "$prefix-node1" cat /etc/ssl/public/falcot.com-ca.pem >"$work/ca.pem"
podman cp "$work/ca.pem" "$client:/root/falcot-ca.pem"
podman cp tests/clients/sip_register_load.py "$client:/usr/local/bin/sip_register_load"
podman cp tests/clients/turn_load.py "$client:/usr/local/bin/turn_load"
podman cp tests/clients/rtc_pace.py "$client:/usr/local/bin/rtc_pace.py"
# The lab users of a service and their passwords, from the inventory (standard input of the generators,
# not argv).
accounts_of() {
  .venv/bin/python -c 'import yaml, sys
for user in yaml.safe_load(open("inventories/falcot/group_vars/all.yml"))["rtc_users"]:
    if sys.argv[1] in user["services"]: print(user["name"], user["password"])' "$1"
}
accounts=$(accounts_of sip)
turn_accounts=$(accounts_of turn)
# CPU seconds used so far by a daemon's processes in a container.
cpu() {
  podman exec "$1" sh -c 'tck=$(getconf CLK_TCK); for p in $(pgrep -x "$0"); do echo "$(cut -d" " -f14,15 /proc/$p/stat) $tck"; done' "$2" \
    | awk '{s += ($1 + $2) / $3} END {printf "%.2f\n", s}'
}
used() { python3 -c "print(f'{$2 - $1:.2f}')"; }
# A daemon's CPU seconds so far on both nodes ("node1 node2"), and what each used since then, as JSON.
cpus() { echo "$(cpu "$prefix-node1" "$1") $(cpu "$prefix-node2" "$1")"; }
cpu_since() {
  local before
  read -r -a before <<<"$2"
  printf '{"node1": %s, "node2": %s}' "$(used "${before[0]}" "$(cpu "$prefix-node1" "$1")")" \
    "$(used "${before[1]}" "$(cpu "$prefix-node2" "$1")")"
}

shm() { podman exec "$1" kamcmd core.shmmem | awk '/real_used/ {printf "%.1f\n", $2 / 1048576}'; }

sip() {
  local name=$1 rate=$2 before targets=()
  shift 2
  for address in "$@"; do targets+=(--target "$address:5061"); done
  before=$(cpus kamailio)
  printf '%s\n' "$accounts" | podman exec -i "$client" timeout 60 python3 /usr/local/bin/sip_register_load \
    --server-name falcot.com --domain falcot.com --cafile /root/falcot-ca.pem --local-ip 198.51.100.149 \
    --workers "$workers" --seconds "$seconds" --rate "$rate" "${targets[@]}" >"$work/sip-$name-$rate.json" || true
  printf '{"kamailio_cpu_seconds": %s, "kamailio_shm_mb": {"node1": %s, "node2": %s}}\n' \
    "$(cpu_since kamailio "$before")" "$(shm "$prefix-node1")" "$(shm "$prefix-node2")" >"$work/sip-$name-$rate-cpu.json"
  # DMQ's transactions of this run end before the next one starts.
  sleep 7
}

# A TURN run: the generator's arguments after the mode, then the targets; each coturn's CPU seconds.
turn() {
  local name=$1 mode=$2 value=$3 before options targets=()
  shift 3
  for address in "$@"; do targets+=(--target "$address:3467"); done
  if [ "$mode" = allocate ]; then options=(--rate "$value"); else options=(--calls "$value"); fi
  before=$(cpus turnserver)
  printf '%s\n' "$turn_accounts" | podman exec -i "$client" timeout 60 python3 /usr/local/bin/turn_load "$mode" \
    --local-ip 198.51.100.149 --seconds "$seconds" "${options[@]}" "${targets[@]}" >"$work/turn-$mode-$name-$value.json" || true
  printf '{"turnserver_cpu_seconds": %s}\n' "$(cpu_since turnserver "$before")" >"$work/turn-$mode-$name-$value-cpu.json"
}

for rate in $rates; do
  echo "bench scale: $rate registrations per second offered, at one proxy, then at two" >&2
  sip one "$rate" 198.51.100.141
  sip two "$rate" 198.51.100.141 198.51.100.142
done

for rate in $turn_rates; do
  echo "bench scale: $rate TURN allocations per second offered, at one server, then at two" >&2
  turn one allocate "$rate" 198.51.100.141
  turn two allocate "$rate" 198.51.100.141 198.51.100.142
done
for count in $calls; do
  echo "bench scale: $count relayed calls for $seconds s, at one server, then spread over two" >&2
  turn one calls "$count" 198.51.100.141
  turn two calls "$count" 198.51.100.141 198.51.100.142
done

.venv/bin/python tests/bench_scale_report.py "$work" "$RTC_DEBIAN" "$rates" "$turn_rates" "$calls" | tee "$work/report.txt"
