#!/usr/bin/env bash
# ./run bench: what a converge of falcot.com's site.yml costs against what the same result costs by
# hand, and what a rerun with nothing to change costs. Side by side on this machine:
#   P1  site.yml on a fresh server1 (the bench's own addresses, .161-.169, so a demo may run beside it);
#       the floor: in a fresh container of the same image, a plain script installs the same packages
#       through the same proxy, copies in the final files taken from the converged server1 and starts
#       the same services;
#   P2  site.yml again on the converged server1 (changed=0 expected).
# Both runs reach server1 as the scenarios do: SSH as the lab's admin, become, pipelining, ControlPersist.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export RTC_DEBIAN=${RTC_DEBIAN:-12}
work=.cache/bench
key=$PWD/.cache/lab/ssh/id_ed25519
server=198.51.100.161
floor=198.51.100.163
ssh_opts=(-i "$key" -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null
  -o LogLevel=ERROR)

cleanup() { molecule destroy -s bench >/dev/null 2>&1 || true; }
trap cleanup EXIT

rm -rf "$work"
mkdir -p "$work/inventory/host_vars" "$work/inventory/group_vars"
molecule destroy -s bench >/dev/null 2>&1 || true
molecule create -s bench >"$work/create.log" 2>&1 || { tail -n 40 "$work/create.log" >&2; exit 1; }

# falcot.com's inventory, server1 at the bench's addresses.
ln -s "$PWD/inventories/falcot/group_vars/all.yml" "$work/inventory/group_vars/all.yml"
cat >"$work/inventory/hosts.yml" <<EOT
all:
  vars:
    ansible_connection: ssh
    ansible_user: rtcadmin
    ansible_ssh_private_key_file: $key
    ansible_python_interpreter: /usr/bin/python3
  children:
    rtc_dns: {hosts: {server1: {ansible_host: $server}}}
    rtc_turn: {hosts: {server1: }}
    rtc_sip_proxy: {hosts: {server1: }}
    rtc_xmpp: {hosts: {server1: }}
    rtc_web_phone: {hosts: {server1: }}
EOT
cat >"$work/inventory/host_vars/server1.yml" <<EOT
rtc_label: server1
rtc_ipv4: $server
rtc_ipv6: 2001:db8:1000:2000::161
rtc_ipv4_alt: 198.51.100.162
sip_proxy_internal_address: $server
EOT

# The settings docs/connection.md recommends; the JSON callback records each task's time.
site() {
  ANSIBLE_STDOUT_CALLBACK=ansible.posix.json ANSIBLE_GATHERING=explicit ANSIBLE_PIPELINING=true \
    ANSIBLE_HOST_KEY_CHECKING=false ANSIBLE_SSH_ARGS="-o ControlMaster=auto -o ControlPersist=300s -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR" \
    ANSIBLE_SSH_CONTROL_PATH_DIR="$PWD/$work/cp" ANSIBLE_RETRY_FILES_ENABLED=false \
    ansible-playbook -i "$work/inventory" site.yml >"$work/$1.json"
}
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.1f}')"; }

echo "bench: P1, site.yml on a fresh server1 (Debian $RTC_DEBIAN)" >&2
t0=$(now); site converge || { echo "bench: the converge failed ($work/converge.json)" >&2; exit 1; }; t1=$(now)

echo "bench: the floor, by hand on a fresh container" >&2
# shellcheck disable=SC2029  # the commands are meant to be expanded here
on() { local host=$1; shift; ssh "${ssh_opts[@]}" "rtcadmin@$host" "$@"; }
# What the converge added: the packages asked for by name, the running services, and the files of those
# services (configuration, keys, accounts, the site).
on "$floor" apt-mark showmanual | sort >"$work/floor-manual.txt"
on "$server" apt-mark showmanual | sort >"$work/server-manual.txt"
comm -13 "$work/floor-manual.txt" "$work/server-manual.txt" >"$work/packages.txt"
list_services() { on "$1" systemctl list-units --type=service --state=running --no-legend --plain | awk '{print $1}' | sort; }
list_services "$floor" >"$work/floor-services.txt"
list_services "$server" >"$work/server-services.txt"
comm -13 "$work/floor-services.txt" "$work/server-services.txt" >"$work/services.txt"
paths=(/etc/bind /var/cache/bind /etc/turnserver.conf /etc/coturn /var/lib/turn /etc/kamailio /etc/prosody /var/lib/prosody
  /etc/apache2 /var/www /etc/ssl /etc/systemd/system /etc/default)
on "$server" "sudo tar -C / --ignore-failed-read -czf - ${paths[*]#/} 2>/dev/null" >"$work/files.tar.gz"
cat >"$work/floor.sh" <<EOT
#!/bin/sh
set -e
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends $(tr '\n' ' ' <"$work/packages.txt") >/dev/null
tar -C / -xzf /tmp/files.tar.gz
systemctl daemon-reload
systemctl restart $(tr '\n' ' ' <"$work/services.txt")
EOT
t2=$(now)
on "$floor" "cat > /tmp/files.tar.gz" <"$work/files.tar.gz"
on "$floor" sudo sh -s <"$work/floor.sh"
t3=$(now)
list_services "$floor" | comm -13 - "$work/server-services.txt" >"$work/floor-missing.txt"
[ ! -s "$work/floor-missing.txt" ] || { echo "bench: the floor did not start: $(cat "$work/floor-missing.txt")" >&2; exit 1; }

echo "bench: P2, site.yml again on the converged server1" >&2
t4=$(now); site rerun || { echo "bench: the rerun failed ($work/rerun.json)" >&2; exit 1; }; t5=$(now)

converge=$(elapsed "$t0" "$t1"); floor_s=$(elapsed "$t2" "$t3"); rerun=$(elapsed "$t4" "$t5")
python3 tests/bench_report.py "$converge" "$floor_s" "$rerun" "$work/converge.json" "$work/rerun.json"
