#!/usr/bin/env bash
# ./run bench: what a converge of falcot.com's site.yml costs against what the same result costs by
# hand, and what a rerun with nothing to change costs. Side by side on this machine:
#   P1  site.yml on a fresh server1 (the bench's own addresses, .161-.169, so a demo may run beside it),
#       against the floor: in a fresh container of the same image at the same addresses (made once
#       server1 is gone), a plain script installs the same packages through the same proxy, copies in
#       the final files taken from the converged server1 and starts the same services;
#   P2  site.yml again on the converged server1 (changed=0 expected);
#   P3  a repair: on the converged server1 a configuration file is edited (the phone's config.js),
#       a daemon is stopped (kamailio) and a user is removed (joe, from Prosody); site.yml runs again,
#       timed, and real clients show all three back: curl gets the same config.js as before, openssl
#       completes a verified TLS handshake with kamailio, and slixmpp logs in as joe.
# Both runs reach server1 as the scenarios do: SSH as the lab's admin, become, pipelining, ControlPersist.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export RTC_DEBIAN=${RTC_DEBIAN:-12}
work=.cache/bench
key=$PWD/.cache/lab/ssh/id_ed25519
server=198.51.100.161
ssh_opts=(-i "$key" -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null
  -o LogLevel=ERROR)

cleanup() {
  molecule destroy -s bench >/dev/null 2>&1 || true
  RTC_BENCH_HOST=floor molecule destroy -s bench >/dev/null 2>&1 || true
}
trap cleanup EXIT

rm -rf "$work"
mkdir -p "$work/inventory/host_vars" "$work/inventory/group_vars"
cleanup
molecule create -s bench >"$work/create.log" 2>&1 || { tail -n 40 "$work/create.log" >&2; exit 1; }

# falcot.com's inventory, server1 at the bench's addresses.
ln -s "$PWD/inventories/falcot/group_vars/all.yml" "$work/inventory/group_vars/all.yml"
tests/lab/lab.sh inventory "server1=$server" >"$work/inventory/lab.yml"
cat >"$work/inventory/hosts.yml" <<EOT
all:
  children:
    rtc_dns: {hosts: {server1: }}
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

# The connection settings docs/connection.md recommends come from lab.yml; the JSON callback records
# each task's time.
site() {
  ANSIBLE_STDOUT_CALLBACK=ansible.posix.json ANSIBLE_GATHERING=explicit \
    ANSIBLE_SSH_CONTROL_PATH_DIR="$PWD/$work/cp" ANSIBLE_RETRY_FILES_ENABLED=false \
    ansible-playbook -i "$work/inventory" site.yml >"$work/$1.json"
}
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.1f}')"; }

echo "bench: P1, site.yml on a fresh server1 (Debian $RTC_DEBIAN)" >&2
t0=$(now); site converge || { echo "bench: the converge failed ($work/converge.json)" >&2; exit 1; }; t1=$(now)

echo "bench: P2, site.yml again on the converged server1" >&2
t2=$(now); site rerun || { echo "bench: the rerun failed ($work/rerun.json)" >&2; exit 1; }; t3=$(now)

# What the converge left, for the floor: every package it installed (those asked for by name and what
# apt brought with them, recommends included, so that the floor installs exactly the same set), the
# running services, and those services' files (configuration, keys, accounts, the site).
# shellcheck disable=SC2029  # the commands are meant to be expanded here
on() { ssh "${ssh_opts[@]}" "rtcadmin@$server" "$@"; }
list_services() { on systemctl list-units --type=service --state=running --no-legend --plain | awk '{print $1}' | sort; }
installed() { on dpkg-query --show --showformat "'\${db:Status-Status} \${Package}\n'" | awk '$1 == "installed" {print $2}' | sort; }
installed >"$work/server-packages.txt"
on getent group >"$work/server-group.txt"
list_services >"$work/server-services.txt"
paths=(/etc/bind /var/cache/bind /var/lib/bind /etc/turnserver.conf /etc/coturn /var/lib/turn /etc/kamailio /etc/prosody
  /var/lib/prosody /etc/apache2 /var/www /etc/ssl /etc/systemd/system /etc/default /var/lib/rtcstack)
on "sudo tar -C / --ignore-failed-read -czf - ${paths[*]#/} 2>/dev/null" >"$work/files.tar.gz"

echo "bench: P3, a repair run after a config edit, a stopped daemon and a removed user" >&2
ca="$HOME/.local/share/rtcstack/pki/falcot.com/ca.pem"
config_js() { curl -sS --fail --cacert "$ca" --resolve "falcot.com:443:$server" https://falcot.com/config.js; }
config_js >"$work/config-before.js"
on "sudo sh -ec 'echo \"// drift\" >>/etc/rtcstack-web-phone/config.js; systemctl stop kamailio; prosodyctl deluser joe@falcot.com'"
config_js | cmp -s - "$work/config-before.js" && { echo "bench: the drift did not reach config.js" >&2; exit 1; }
t6=$(now); site repair || { echo "bench: the repair run failed ($work/repair.json)" >&2; exit 1; }; t7=$(now)
config_js | cmp -s - "$work/config-before.js" || { echo "bench: config.js is not as before the drift" >&2; exit 1; }
openssl s_client -connect "$server:5061" -servername falcot.com -CAfile "$ca" -verify_return_error </dev/null >"$work/s_client.txt" 2>&1 ||
  { echo "bench: kamailio does not answer TLS on 5061: $(tail -n 3 "$work/s_client.txt")" >&2; exit 1; }
password=$(python3 -c "import yaml; print(next(u['password'] for u in yaml.safe_load(open('inventories/falcot/group_vars/all.yml'))['rtc_users'] if u['name'] == 'joe'))")
printf '%s\n' "$password" | python3 tests/clients/xmpp_client.py login joe@falcot.com - --address "$server:5222" --dns "$server" --cafile "$ca" \
  >"$work/xmpp-login.json" || { echo "bench: joe cannot log in to Prosody: $(cat "$work/xmpp-login.json")" >&2; exit 1; }

echo "bench: the floor, by hand on a fresh container of the same image at the same addresses" >&2
molecule destroy -s bench >/dev/null 2>&1
RTC_BENCH_HOST=floor molecule create -s bench >"$work/create-floor.log" 2>&1 || { tail -n 40 "$work/create-floor.log" >&2; exit 1; }
installed >"$work/floor-packages.txt"
list_services >"$work/floor-services.txt"
comm -13 "$work/floor-packages.txt" "$work/server-packages.txt" >"$work/packages.txt"
comm -13 "$work/floor-services.txt" "$work/server-services.txt" >"$work/services.txt"
cat >"$work/floor.sh" <<EOT
#!/bin/sh
set -e
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends $(tr '\n' ' ' <"$work/packages.txt") >/dev/null
tar -C / -xzf /tmp/files.tar.gz
# The supplementary groups the roles gave the daemons' users (ssl-cert for the key).
while IFS=: read -r group _ _ members; do
  getent group "\$group" >/dev/null || continue
  for member in \$(echo "\$members" | tr , ' '); do
    if id "\$member" >/dev/null 2>&1; then usermod -a -G "\$group" "\$member"; fi
  done
done </tmp/server-group.txt
systemctl daemon-reload
systemctl restart $(tr '\n' ' ' <"$work/services.txt") || {
  for unit in \$(systemctl list-units --failed --plain --no-legend | awk '{print \$1}'); do
    journalctl --unit "\$unit" --lines 15 --no-pager --output cat; done; exit 1; }
EOT
t4=$(now)
on "cat > /tmp/files.tar.gz" <"$work/files.tar.gz"
on "cat > /tmp/server-group.txt" <"$work/server-group.txt"
on sudo sh -s <"$work/floor.sh"
t5=$(now)
list_services | comm -13 - "$work/server-services.txt" >"$work/floor-missing.txt"
[ ! -s "$work/floor-missing.txt" ] || { echo "bench: the floor did not start: $(cat "$work/floor-missing.txt")" >&2; exit 1; }

converge=$(elapsed "$t0" "$t1"); rerun=$(elapsed "$t2" "$t3"); floor_s=$(elapsed "$t4" "$t5"); repair=$(elapsed "$t6" "$t7")
python3 tests/bench_report.py "$converge" "$floor_s" "$rerun" "$work/converge.json" "$work/rerun.json" "$repair" "$work/repair.json"
