#!/bin/sh
# What a refused run must leave alone: coturn's processes, its files and its users.
set -e
systemctl show --property MainPID --value coturn coturn-rest
sha256sum /etc/turnserver.conf /etc/turnserver-rest.conf /etc/systemd/system/coturn-rest.service \
  /etc/systemd/system/coturn.service.d/rtcstack.conf /var/lib/rtcstack/served/turn.pem
sqlite3 /var/lib/turn/turndb 'SELECT realm, name, hmackey FROM turnusers_lt ORDER BY name' | sha256sum
