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
cat >"$work/lab.yml" <<EOT
all:
  vars:
    ansible_connection: ssh
    ansible_user: rtcadmin
    ansible_ssh_private_key_file: $PWD/.cache/lab/ssh/id_ed25519
    ansible_python_interpreter: /usr/bin/python3
  hosts:
    server1:
      ansible_host: 198.51.100.19
EOT

run214() {
  env -u VIRTUAL_ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    ANSIBLE_COLLECTIONS_PATH="$PWD/collections" ANSIBLE_GATHERING=explicit \
    ANSIBLE_PIPELINING=true ANSIBLE_HOST_KEY_CHECKING=false \
    ANSIBLE_SSH_ARGS="-o ControlMaster=auto -o ControlPersist=300s -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR" \
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
