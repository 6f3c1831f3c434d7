#!/bin/sh
# turnutils_uclient with its credential read from standard input: an argument @stdin stands for it.
#   sh turn_uclient.sh -u joe -w @stdin -p 3478 198.51.100.41
# uclient takes a password (-w) or the REST API's shared secret (-W) only in its argument list. A task
# that gives the credential on standard input keeps it out of what Ansible prints of it (a failed
# check shows its command), and the lab's passwords are looked for in every scenario's log.
set -eu
IFS= read -r secret || [ -n "$secret" ]
for arg do
  shift
  if [ "$arg" = @stdin ]; then set -- "$@" "$secret"; else set -- "$@" "$arg"; fi
done
exec turnutils_uclient "$@"
