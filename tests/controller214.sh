#!/usr/bin/env bash
# One converge of site.yml with Debian 12's own ansible-core 2.14 (/usr/bin/ansible-playbook, Debian's
# python3) as the controller: the oldest controller the collection supports. The collection is what a
# user installs: the built tarball, and only the collections galaxy.yml declares, each taken from
# Debian's `ansible` package (no Galaxy server is reachable here), in an empty collections path; the
# package's other collections are not searched. So a collection the roles use but galaxy.yml does not
# declare fails this job. The lab containers come from the falcot Molecule scenario; the inventory is
# inventories/falcot plus the connection to the containers.
#
# The converge is an upgrade: the previous release (its release commit's tree, built and installed the
# same way) converges the host first, then the collection under test runs over it while
# tests/clients/service_probe.py asks every service one real question a second, from the host; no
# service may stay unanswered longer than a restart (5 s). A second run of the new release must then
# change nothing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export RTC_DEBIAN=12
work=$(mktemp -d)
probe=
# The probe stops with the job even when a converge fails first.
cleanup() {
  if [ -n "$probe" ]; then kill "$probe" 2>/dev/null || true; fi
  molecule destroy -s falcot >/dev/null 2>&1 || true; rm -rf "$work"
}
trap cleanup EXIT

molecule destroy -s falcot >/dev/null 2>&1 || true
molecule create -s falcot

# The same path as the scenarios and as users: SSH as the lab's unprivileged admin, become from the
# playbooks, pipelining and a persistent connection.
tests/lab/lab.sh inventory server1=198.51.100.19 >"$work/lab.yml"

previous_release=0.2.0
previous_commit=11e79981434d3ce750a0280ba1956dcd11798f69
debian_collections=/usr/lib/python3/dist-packages/ansible_collections

# A built collection and the collections its galaxy.yml declares (from Debian's package), alone in
# the collections path $2.
install() {
  local tarball=$1 collections=$2 galaxy=$3 label=$4 dependency names=() path name
  /usr/bin/ansible-galaxy collection install --no-deps -p "$collections" "$tarball" >/dev/null
  for dependency in $(/usr/bin/python3 -c 'import sys, yaml; print(" ".join(yaml.safe_load(open(sys.argv[1]))["dependencies"]))' "$galaxy"); do
    mkdir -p "$collections/ansible_collections/${dependency%%.*}"
    cp -a "$debian_collections/${dependency%%.*}/${dependency#*.}" "$collections/ansible_collections/${dependency%%.*}/"
  done
  for path in "$collections"/ansible_collections/*/*; do
    name=${path#"$collections"/ansible_collections/}
    names+=("${name/\//.}")
  done
  echo "controller 2.14: $label ($(basename "$tarball")), with ${names[*]}"
}

# The collection's playbook by its name, from a directory without a collections/ of its own.
run214() {
  local collections=$1 root=$PWD
  (cd "$work" && env -u VIRTUAL_ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    ANSIBLE_COLLECTIONS_PATH="$collections" ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=false ANSIBLE_GATHERING=explicit \
    /usr/bin/ansible-playbook -i "$root/inventories/falcot" -i "$work/lab.yml" rtcstack.debian.site)
}

if ! git cat-file -e "$previous_commit^{commit}" 2>/dev/null; then
  echo "controller 2.14: the upgrade test needs $previous_release's release commit $previous_commit (a full clone)" >&2
  exit 1
fi
mkdir -p "$work/previous" "$work/previous-build" "$work/build"
git archive "$previous_commit" | tar -x -C "$work/previous"
/usr/bin/ansible-galaxy collection build --output-path "$work/previous-build" "$work/previous" >/dev/null
install "$work/previous-build/rtcstack-debian-$previous_release.tar.gz" "$work/collections-previous" "$work/previous/galaxy.yml" \
  "the previous release, $previous_release"
/usr/bin/ansible-galaxy collection build --output-path "$work/build" . >/dev/null
install "$work"/build/rtcstack-debian-*.tar.gz "$work/collections" galaxy.yml "this tree"

/usr/bin/ansible-playbook --version | sed -n 1p
echo "controller 2.14: site.yml of $previous_release"
run214 "$work/collections-previous" >"$work/previous.log" || { tail -n 60 "$work/previous.log"; exit 1; }
tail -n 4 "$work/previous.log"

# Bounded: it stops at the stop file, or by itself after 15 minutes.
/usr/bin/python3 tests/clients/service_probe.py watch 198.51.100.19 "$work/probe.log" --stop "$work/probe.stop" --max-seconds 900 &
probe=$!
for _ in $(seq 1 20); do
  [ -e "$work/probe.log" ] && [ "$(wc -l <"$work/probe.log")" -ge 2 ] && break
  sleep 1
done

echo "controller 2.14: site.yml of this tree over it (the upgrade)"
run214 "$work/collections" | tee "$work/upgrade.log"
touch "$work/probe.stop"
wait "$probe"
probe=
# What the upgrade changed on the host (the release notes say it).
awk '/^TASK \[/ { task = $0 } /^changed: / { print "upgrade changed: " task }' "$work/upgrade.log" | sort -u
/usr/bin/python3 tests/clients/service_probe.py report "$work/probe.log"

run214 "$work/collections" | tee "$work/second.log"
if ! grep -Eq '^server1 +: ok=[0-9]+ +changed=0 +unreachable=0 +failed=0' "$work/second.log"; then
  echo "controller 2.14: the second run of site.yml changed something" >&2
  exit 1
fi
echo "controller 2.14: $previous_release upgraded without an outage past a restart; the second run changed nothing"
