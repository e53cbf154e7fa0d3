#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback for tests and local runs (CI can call it too).
#   bash scripts/postgres-local.sh start [PORT]   → prints the DATABASE_URL to use (user/password claimwatch)
#   bash scripts/postgres-local.sh stop  [PORT]   → stops the cluster and deletes its data directory
#   bash scripts/postgres-local.sh restart PORT [MODE] → pg_ctl restart -m MODE (immediate: as after a crash, the
#                                                       server replays its WAL; fast: a clean shutdown). For fault tests.
# PostgreSQL refuses to run as root; as root the server runs as the `postgres` user (runuser). Its data directory is
# /tmp/claimwatch-pg-PORT; it listens on 127.0.0.1 only.
set -euo pipefail
action="${1:-}"
port="${2:-5451}"
dir="/tmp/claimwatch-pg-$port"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[ -x "$bin/pg_ctl" ] || {
  echo "PostgreSQL not found (Debian: apt-get install -y postgresql)" >&2
  exit 1
}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$action" in
start)
  if [ ! -f "$dir/PG_VERSION" ]; then
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    pwfile="$(mktemp)"
    echo claimwatch >"$pwfile"
    chmod 644 "$pwfile"
    as_pg "$bin/initdb" -D "$dir" -U claimwatch --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off" start >/dev/null
  echo "postgresql://claimwatch:claimwatch@127.0.0.1:$port/claimwatch"
  # The cluster's only database is `postgres`; create the app's.
  PGPASSWORD=claimwatch "$bin/psql" -h 127.0.0.1 -p "$port" -U claimwatch -d postgres -qAtc \
    "SELECT 1 FROM pg_database WHERE datname = 'claimwatch'" | grep -q 1 ||
    PGPASSWORD=claimwatch "$bin/createdb" -h 127.0.0.1 -p "$port" -U claimwatch claimwatch
  ;;
restart)
  as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -m "${3:-immediate}" restart >/dev/null
  ;;
stop)
  [ -f "$dir/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop|restart [port] [mode]" >&2
  exit 2
  ;;
esac
