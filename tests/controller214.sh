#!/usr/bin/env bash
# One converge of site.yml with Debian 12's own ansible-core 2.14 (/usr/bin/ansible-playbook, Debian's
# python3 and Debian's collections) as the controller: the oldest controller the collection supports.
# The lab containers come from the falcot Molecule scenario; the inventory is inventories/falcot plus
# the connection to the containers.
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

run214() {
  env -u VIRTUAL_ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    ANSIBLE_COLLECTIONS_PATH="$PWD/collections" ANSIBLE_GATHERING=explicit \
    /usr/bin/ansible-playbook -i inventories/falcot -i "$work/lab.yml" site.yml
}

/usr/bin/ansible-playbook --version | sed -n 1p
run214 | tee "$work/first.log"
run214 | tee "$work/second.log"
if ! grep -Eq '^server1 +: ok=[0-9]+ +changed=0 +unreachable=0 +failed=0' "$work/second.log"; then
  echo "controller 2.14: the second run of site.yml changed something" >&2
  exit 1
fi
echo "controller 2.14: site.yml converged, second run changed nothing"
