#!/usr/bin/env bash
# One converge of site.yml with Debian 12's own ansible-core 2.14 (/usr/bin/ansible-playbook, Debian's
# python3) as the controller: the oldest controller the collection supports. The collection is what a
# user installs: the built tarball, and only the collections galaxy.yml declares, each taken from
# Debian's `ansible` package (no Galaxy server is reachable here), in an empty collections path; the
# package's other collections are not searched. So a collection the roles use but galaxy.yml does not
# declare fails this job. The lab containers come from the falcot Molecule scenario; the inventory is
# inventories/falcot plus the connection to the containers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export RTC_DEBIAN=12
work=$(mktemp -d)
cleanup() { molecule destroy -s falcot >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

molecule destroy -s falcot >/dev/null 2>&1 || true
molecule create -s falcot

# The same path as the scenarios and as users: SSH as the lab's unprivileged admin, become from the
# playbooks, pipelining and a persistent connection.
tests/lab/lab.sh inventory server1=198.51.100.19 >"$work/lab.yml"

collections="$work/collections"
debian_collections=/usr/lib/python3/dist-packages/ansible_collections
/usr/bin/ansible-galaxy collection build --output-path "$work" . >/dev/null
/usr/bin/ansible-galaxy collection install --no-deps -p "$collections" "$work"/rtcstack-debian-*.tar.gz >/dev/null
for dependency in $(/usr/bin/python3 -c 'import yaml; print(" ".join(yaml.safe_load(open("galaxy.yml"))["dependencies"]))'); do
  mkdir -p "$collections/ansible_collections/${dependency%%.*}"
  cp -a "$debian_collections/${dependency%%.*}/${dependency#*.}" "$collections/ansible_collections/${dependency%%.*}/"
done
names=()
for path in "$collections"/ansible_collections/*/*; do
  name=${path#"$collections"/ansible_collections/}
  names+=("${name/\//.}")
done
echo "controller 2.14: collections ${names[*]}"

# The collection's playbook by its name, from a directory without a collections/ of its own.
run214() {
  local root=$PWD
  (cd "$work" && env -u VIRTUAL_ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    ANSIBLE_COLLECTIONS_PATH="$collections" ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=false ANSIBLE_GATHERING=explicit \
    /usr/bin/ansible-playbook -i "$root/inventories/falcot" -i "$work/lab.yml" rtcstack.debian.site)
}

/usr/bin/ansible-playbook --version | sed -n 1p
run214 | tee "$work/first.log"
run214 | tee "$work/second.log"
if ! grep -Eq '^server1 +: ok=[0-9]+ +changed=0 +unreachable=0 +failed=0' "$work/second.log"; then
  echo "controller 2.14: the second run of site.yml changed something" >&2
  exit 1
fi
echo "controller 2.14: site.yml converged, second run changed nothing"
