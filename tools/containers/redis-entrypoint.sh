#!/bin/bash
# Like the official image: `redis-server [args]` runs as the redis user, listening on every
# interface (the container's network is the boundary), no persistence unless asked for.
set -euo pipefail
if [ "${1#-}" != "$1" ]; then set -- redis-server "$@"; fi
if [ "$1" = redis-server ]; then
  shift
  exec gosu redis redis-server --bind 0.0.0.0 --protected-mode no --save '' --appendonly no --daemonize no "$@"
fi
exec "$@"
