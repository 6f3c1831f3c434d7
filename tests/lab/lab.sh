#!/usr/bin/env bash
# The hermetic Debian lab: locally built Debian 12/13 images, an --internal podman network with the
# seed's documentation addresses, and an apt caching proxy container that is the lab's only way out.
#
#   tests/lab/lab.sh images [12|13 ...]   build the images that are missing (debootstrap + podman import,
#                                         then each release's fixture image)
#   tests/lab/lab.sh up                   images + network + apt proxy (idempotent)
#   tests/lab/lab.sh down                 remove the lab's containers and network (keeps images and cache)
#   tests/lab/lab.sh down-if-idle         the same, only when no container but the apt proxy is left
#   tests/lab/lab.sh purge                down, then remove images and the package cache too
#   tests/lab/lab.sh status
#   tests/lab/lab.sh inventory NAME=ADDR ...   the lab's connection settings as an inventory
#
# Everything here runs as root on the host. Nothing is pulled from an image registry.
set -euo pipefail

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export CONTAINERS_CONF="${CONTAINERS_CONF:-$LAB_DIR/containers.conf}"

# The names and addresses every scenario and the demo share (molecule/shared/vars/lab.yml holds the
# same values for the scenarios; keep the two in step).
LAB_NETWORK=${LAB_NETWORK:-rtclab}
LAB_SUBNET4=198.51.100.0/24
LAB_GATEWAY4=198.51.100.1
LAB_SUBNET6=2001:db8:1000:2000::/64
LAB_PROXY_NAME=rtclab-aptproxy
LAB_PROXY_IP4=198.51.100.2
# Fixed too: left to podman's IPAM, the proxy took the next free IPv6 after the last one handed out,
# once 2001:db8:1000:2000::19, and every falcot run after it failed to start ("already allocated").
# Every scenario container has both addresses fixed, its IPv6 ending like its IPv4.
LAB_PROXY_IP6=2001:db8:1000:2000::2
LAB_PROXY_IMAGE=localhost/rtcstack-aptproxy:12
LAB_CACHE_VOLUME=rtclab-apt-cache
LAB_IMAGE_PREFIX=localhost/rtcstack-debian
# The unprivileged account Ansible logs in as over SSH (sudo without a password, as on a cloud image),
# and the lab's SSH key: made on the first `up` of a checkout, kept in its .cache, never committed.
LAB_ADMIN=rtcadmin
LAB_SSH_KEY=${LAB_SSH_KEY:-$(cd "$LAB_DIR/../.." && pwd)/.cache/lab/ssh/id_ed25519}

declare -A SUITE=([12]=bookworm [13]=trixie)

log() { printf '[lab] %s\n' "$*" >&2; }

# The lab lock is fd 9 (see the end of this file). A podman call that starts a container leaves conmon
# running with the fds it was given: closing fd 9 for every podman call keeps the lock from living on
# in the apt proxy's conmon, where it would stop every later lab change until the proxy stops.
podman() { command podman "$@" 9>&-; }

image_exists() { podman image exists "$1"; }

# Remove a debootstrap target, unmounting first what debootstrap may have left mounted in it.
remove_root() {
  local root=$1
  grep -F " $root/" /proc/mounts | awk '{print $2}' | sort -r | xargs -r -n1 umount -l || true
  rm -rf "$root" "$root.log"
}

# Build localhost/rtcstack-debian:<release> with debootstrap's default mirror, systemd as init, and
# sshd for Ansible. The image is built under a tag that carries a digest of this recipe, then tagged
# <release>: a changed recipe makes a new image on machines that kept an old one.
build_image() {
  local release=$1 suite=${SUITE[$1]:?unknown Debian release $1} root tag recipe
  recipe=$(declare -f build_image | sha256sum | cut -c1-10)
  tag="$LAB_IMAGE_PREFIX:$release-$recipe"
  if image_exists "$tag"; then
    podman tag "$tag" "$LAB_IMAGE_PREFIX:$release"
    log "image $tag present"
    return 0
  fi
  root=$(mktemp -d /var/tmp/rtclab-rootfs.XXXXXX)
  log "debootstrap $suite into $root"
  debootstrap --variant=minbase \
    --include=python3,python3-apt,systemd,systemd-sysv,dbus,iproute2,procps,ca-certificates,openssh-server,sudo \
    "$suite" "$root" >"$root.log" 2>&1 || { tail -20 "$root.log" >&2; remove_root "$root"; return 1; }
  # debootstrap writes only the release suite: add its updates and security suites, derived from the
  # mirror line it chose, so the lab tests the packages a real host gets.
  local main_line
  main_line=$(grep -m1 '^deb ' "$root/etc/apt/sources.list")
  {
    echo "$main_line"
    echo "${main_line/ $suite / $suite-updates }"
    echo "${main_line/\/debian $suite //debian-security $suite-security }"
  } >"$root/etc/apt/sources.list"
  # A container gets its identity and DNS from podman; start with none baked in.
  : >"$root/etc/machine-id"
  rm -f "$root/etc/hostname" "$root/var/lib/dbus/machine-id"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  # Ansible comes in over SSH as an unprivileged admin with passwordless sudo; root may not log in, and
  # nobody logs in with a password. (The lab's key is added when a container starts.)
  chroot "$root" useradd --create-home --shell /bin/bash "$LAB_ADMIN"
  echo "$LAB_ADMIN ALL=(ALL:ALL) NOPASSWD: ALL" >"$root/etc/sudoers.d/$LAB_ADMIN"
  chmod 0440 "$root/etc/sudoers.d/$LAB_ADMIN"
  printf '%s\n' 'PermitRootLogin no' 'PasswordAuthentication no' 'KbdInteractiveAuthentication no' \
    >"$root/etc/ssh/sshd_config.d/rtclab.conf"
  # Units that make no sense in a container and only slow boot or fail.
  for unit in systemd-timesyncd.service getty@tty1.service apt-daily.timer apt-daily-upgrade.timer; do
    ln -sf /dev/null "$root/etc/systemd/system/$unit"
  done
  tar -C "$root" -c . | podman import --change 'CMD ["/sbin/init"]' - "$tag" >/dev/null
  podman tag "$tag" "$LAB_IMAGE_PREFIX:$release"
  remove_root "$root"
  log "built $tag"
}

images() {
  local releases=("$@")
  [ ${#releases[@]} -gt 0 ] || releases=(12 13)
  for r in "${releases[@]}"; do build_image "$r"; build_fixture "$r"; done
}

# The scenarios' fixture containers (platforms with `fixture: true`: the clients and the helpers that
# are not under test) start from localhost/rtcstack-debian:<release>-fixture, the release's image with
# their Debian packages already installed, so no scenario pays for installing them. Subject hosts stay
# on the bare image: their installs, check mode on a fresh host and package postinsts are proven there.
# The servers among these packages are masked, so nothing listens in a client; a helper that runs one
# unmasks it (molecule/sip_proxy/prepare.yml). Built once per machine, from Debian's default mirror
# like the apt proxy's image; its tag carries a digest of this recipe and of the base image.
FIXTURE_PACKAGES=(bind9-dnsutils coturn sipsak baresip-core openssl sslscan ca-certificates python3-slixmpp
  python3-websockets python3-aioice bind9 kamailio pebble)
FIXTURE_MASKED=(coturn.service named.service kamailio.service)

build_fixture() {
  local release=$1 base tag recipe
  base=$(podman image inspect --format '{{.Id}}' "$LAB_IMAGE_PREFIX:$release")
  recipe=$({ declare -f build_fixture; echo "${FIXTURE_PACKAGES[*]} ${FIXTURE_MASKED[*]} $base"; } | sha256sum | cut -c1-10)
  tag="$LAB_IMAGE_PREFIX:$release-fixture-$recipe"
  if image_exists "$tag"; then
    podman tag "$tag" "$LAB_IMAGE_PREFIX:$release-fixture"
    log "image $tag present"
    return 0
  fi
  log "building $tag: ${FIXTURE_PACKAGES[*]}"
  # The masks keep the packages' services from starting when a container boots; policy-rc.d keeps
  # them from starting during the install.
  apt_image "$LAB_IMAGE_PREFIX:$release" "$tag" '["/sbin/init"]' "${FIXTURE_PACKAGES[*]}" "
    for unit in ${FIXTURE_MASKED[*]}; do ln -sf /dev/null /etc/systemd/system/\$unit; done
    printf '#!/bin/sh\\nexit 101\\n' >/usr/sbin/policy-rc.d
    chmod 0755 /usr/sbin/policy-rc.d" "rm -f /usr/sbin/policy-rc.d"
  podman tag "$tag" "$LAB_IMAGE_PREFIX:$release-fixture"
  log "built $tag"
}

network_up() {
  if podman network exists "$LAB_NETWORK"; then return 0; fi
  log "creating internal network $LAB_NETWORK ($LAB_SUBNET4, $LAB_SUBNET6)"
  podman network create --internal --subnet "$LAB_SUBNET4" --gateway "$LAB_GATEWAY4" \
    --ipv6 --subnet "$LAB_SUBNET6" "$LAB_NETWORK" >/dev/null
}

# An image made from BASE by installing PACKAGES (one string) in a container on podman's NAT network,
# from Debian's default mirror as debootstrap does, committed as TAG with the command CMD (JSON). The
# optional BEFORE and AFTER shell lines run around the install; apt's lists are not kept.
apt_image() {
  local base=$1 tag=$2 cmd=$3 packages=$4 before=${5:-} after=${6:-} c
  c="rtclab-build-${tag//[^a-zA-Z0-9]/-}"
  podman rm -f "$c" >/dev/null 2>&1 || true
  podman run --name "$c" --network podman "$base" sh -ec "$before
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages >/dev/null
    $after
    apt-get clean
    rm -rf /var/lib/apt/lists/*" >&2 || { podman rm -f "$c" >/dev/null; return 1; }
  podman commit -q --change "CMD $cmd" "$c" "$tag" >/dev/null
  podman rm -f "$c" >/dev/null
}

# The apt proxy: apt-cacher-ng in a container on podman's default (NAT) network and on the lab
# network. Lab containers have no route out; they reach Debian's archive only through it.
proxy_image() {
  if image_exists "$LAB_PROXY_IMAGE"; then return 0; fi
  build_image 12
  log "building $LAB_PROXY_IMAGE"
  apt_image "$LAB_IMAGE_PREFIX:12" "$LAB_PROXY_IMAGE" '["/usr/sbin/apt-cacher-ng", "-c", "/etc/rtclab-acng", "ForeGround=1"]' \
    apt-cacher-ng
}

# True when the proxy container really answers on its port. podman's own "running" is not enough: a
# machine restored from a snapshot keeps podman's state while the container's processes are gone.
proxy_answers() {
  podman exec "$LAB_PROXY_NAME" bash -c 'exec 3<>/dev/tcp/127.0.0.1/3142' >/dev/null 2>&1
}

proxy_up() {
  proxy_image
  if proxy_answers; then return 0; fi
  if podman container exists "$LAB_PROXY_NAME"; then
    log "apt proxy $LAB_PROXY_NAME does not answer: recreating it"
  fi
  podman rm -f "$LAB_PROXY_NAME" >/dev/null 2>&1 || true
  podman volume exists "$LAB_CACHE_VOLUME" || podman volume create "$LAB_CACHE_VOLUME" >/dev/null
  log "starting apt proxy $LAB_PROXY_NAME at $LAB_PROXY_IP4:3142"
  podman run -d --name "$LAB_PROXY_NAME" \
    --network podman --network "$LAB_NETWORK:ip=$LAB_PROXY_IP4,ip=$LAB_PROXY_IP6" \
    -v "$LAB_CACHE_VOLUME:/var/cache/apt-cacher-ng" \
    -v "$LAB_DIR/acng.conf:/etc/rtclab-acng/acng.conf:ro" \
    "$LAB_PROXY_IMAGE" >/dev/null
  for _ in $(seq 1 50); do
    if proxy_answers; then return 0; fi
    sleep 0.2
  done
  podman logs "$LAB_PROXY_NAME" >&2 || true
  log "apt proxy did not start"
  return 1
}

# The key Ansible logs in with, one per checkout; the containers get its public half at creation.
ssh_key() {
  [ -e "$LAB_SSH_KEY" ] && return 0
  mkdir -p "$(dirname "$LAB_SSH_KEY")"
  chmod 0700 "$(dirname "$LAB_SSH_KEY")"
  ssh-keygen -q -t ed25519 -N '' -C rtclab -f "$LAB_SSH_KEY"
  log "made the lab's SSH key $LAB_SSH_KEY"
}

# The lab's connection settings as an inventory, for hosts given as NAME=ADDRESS: what the scenarios'
# Ansible configuration says, for a playbook run by hand (the demo) or by another Ansible (2.14).
inventory() {
  cat <<EOT
# The lab's containers get new host keys when they are made, so host-key checking is off here; keep it
# on for real hosts (docs/connection.md).
all:
  vars:
    ansible_connection: ssh
    ansible_user: $LAB_ADMIN
    ansible_ssh_private_key_file: $LAB_SSH_KEY
    ansible_python_interpreter: /usr/bin/python3
    ansible_pipelining: true
    ansible_ssh_args: -o ControlMaster=auto -o ControlPersist=300s -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR
    ansible_host_key_checking: false
  hosts:
EOT
  local host
  for host in "$@"; do printf '    %s:\n      ansible_host: %s\n' "${host%%=*}" "${host#*=}"; done
}

# The lab bridge's MAC address, set once so that it stays. A Linux bridge whose address nobody set
# takes the lowest of its ports' addresses, and podman gives each container's host side a random one:
# each container another scenario started or removed could change the gateway's address (the
# controller's end of every SSH connection), and a container's packets to the old one were lost until
# its neighbour entry expired, 5-10 s (CI: an xmpp converge ended UNREACHABLE right after a parallel
# scenario removed its containers). The bridge lives as long as the proxy is on it; an address set by
# hand is never recalculated. 02:00 and the gateway's four octets, as the containers' (create.yml).
bridge_pinned() {
  local bridge want octets
  bridge=$(podman network inspect "$LAB_NETWORK" --format '{{.NetworkInterface}}')
  IFS=. read -r -a octets <<<"$LAB_GATEWAY4"
  want=$(printf '02:00:%02x:%02x:%02x:%02x' "${octets[@]}")
  if [ "$(cat "/sys/class/net/$bridge/addr_assign_type")" = 3 ] \
    && [ "$(cat "/sys/class/net/$bridge/address")" = "$want" ]; then
    return 0
  fi
  ip link set dev "$bridge" address "$want"
  log "bridge $bridge of $LAB_NETWORK: MAC address fixed at $want"
}

up() {
  ssh_key
  # shellcheck disable=SC2086
  images ${LAB_RELEASES:-12 13}
  network_up
  proxy_up
  bridge_pinned
}

down() {
  local ids
  ids=$(podman ps -aq --filter "network=$LAB_NETWORK" 2>/dev/null || true)
  if [ -n "$ids" ]; then
    # shellcheck disable=SC2086
    podman rm -f -t 2 $ids >/dev/null
  fi
  if podman network exists "$LAB_NETWORK"; then podman network rm "$LAB_NETWORK" >/dev/null; fi
  log "lab network $LAB_NETWORK removed"
}

# Remove the network and stop the proxy only when no lab container but the proxy is left.
down_if_idle() {
  local others
  others=$(podman ps -a --filter "network=$LAB_NETWORK" --format '{{.Names}}' 2>/dev/null | grep -vx "$LAB_PROXY_NAME" || true)
  if [ -n "$others" ]; then log "lab network kept: still used by ${others//$'\n'/ }"; return 0; fi
  down
}

purge() {
  down
  # shellcheck disable=SC2046
  podman rmi -f "$LAB_PROXY_IMAGE" $(podman images -q --filter "reference=$LAB_IMAGE_PREFIX") >/dev/null 2>&1 || true
  podman volume rm -f "$LAB_CACHE_VOLUME" >/dev/null 2>&1 || true
}

status() {
  podman images --filter "reference=localhost/rtcstack-*" --format '{{.Repository}}:{{.Tag}} {{.Size}}'
  podman network exists "$LAB_NETWORK" && echo "network $LAB_NETWORK: up" || echo "network $LAB_NETWORK: down"
  podman ps -a --filter "network=$LAB_NETWORK" --format '{{.Names}} {{.Status}} {{.Networks}}'
}

# Run a command on a lab address from the host only when the address is directly on a lab bridge
# (no "via"): if the lab is down, a probe must not leave the machine.
assert_lab_route() {
  local addr=$1 route
  route=$(ip route get "$addr" 2>/dev/null || true)
  case "$route" in
    *" via "*|"") log "refusing to probe $addr: not directly on a lab network ($route)"; return 1 ;;
  esac
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  cmd=${1:-status}; shift || true
  # One change to the lab at a time, machine-wide: two runs starting together (two checkouts, or the
  # test lanes) would otherwise both find the proxy starting and both recreate it.
  case "$cmd" in
    images|up|down|down-if-idle|purge)
      exec 9>/run/lock/rtclab.lock
      flock -w "${LAB_LOCK_WAIT:-900}" 9 || { log "gave up after ${LAB_LOCK_WAIT:-900}s waiting for /run/lock/rtclab.lock: another lab change holds it (fuser -v shows who)"; exit 1; }
      ;;
  esac
  case "$cmd" in
    images) images "$@" ;;
    up) up ;;
    down) down ;;
    down-if-idle) down_if_idle ;;
    purge) purge ;;
    status) status ;;
    route-ok) assert_lab_route "$@" ;;
    inventory) inventory "$@" ;;
    *) echo "usage: $0 images|up|down|purge|status|route-ok ADDR|inventory NAME=ADDR..." >&2; exit 2 ;;
  esac
fi
