#!/usr/bin/env bash
# `npm run stack:up` / `stack:down`: the deployment of docs/deploy.md on loopback, for tests and benchmarks —
# PostgreSQL, Redis, two app instances (scripts/server.mjs) and nginx (deploy/nginx.conf) in front.
# Everything lives under STACK_DIR and listens on 127.0.0.1 only; nothing is installed here. Settings:
#   STACK_ENGINE     postgres (default) or sqlite (one SQLite file; then no Redis unless STACK_REDIS=1)
#   STACK_INSTANCES  2 (default) or 1
#   STACK_PORT       nginx's port (8080)
#   STACK_APP_PORTS  the instances' ports, space-separated ("3101 3102"; the first one alone with STACK_INSTANCES=1)
#   STACK_PG_PORT    PostgreSQL's port (5433);  STACK_REDIS_PORT  Redis's port (6380)
#   SKIP_BUILD=1     reuse the build in .next (made for the same engine and data)
set -euo pipefail
cd "$(dirname "$0")/.."

STACK_DIR=$(mkdir -p "${STACK_DIR:-tmp/stack}" && cd "${STACK_DIR:-tmp/stack}" && pwd)
ENGINE=${STACK_ENGINE:-postgres}
INSTANCES=${STACK_INSTANCES:-2}
NGINX_PORT=${STACK_PORT:-8080}
read -r -a APP_PORTS <<<"${STACK_APP_PORTS:-3101 3102}"
PG_PORT=${STACK_PG_PORT:-5433}
REDIS_PORT=${STACK_REDIS_PORT:-6380}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ADMIN_EMAIL=${ADMIN_EMAIL:-admin@stack.test}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-stack-admin-password}
REVALIDATE_SECRET=${REVALIDATE_SECRET:-stack-revalidate-secret-0123456789abcdef}

say() { echo "stack: $*"; }
die() { echo "stack: $*" >&2; exit 1; }
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

need() { # binary, Debian package
  command -v "$1" >/dev/null 2>&1 || [ -x "$1" ] ||
    die "$1 is missing: apt-get install $2 (CI does this in .ci/run; docs/deploy.md lists what the stack needs)"
}

wait_for() { # url, what
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$1"; then return 0; fi
    sleep 1
  done
  die "$2 did not answer at $1 within 120 s (logs in $STACK_DIR)"
}

database_url() {
  if [ "$ENGINE" = postgres ]; then
    echo "postgresql://claimwatch:claimwatch@127.0.0.1:$PG_PORT/claimwatch"
  else
    echo "file:$STACK_DIR/claimwatch.db"
  fi
}

uses_redis() { [ "$ENGINE" = postgres ] || [ "${STACK_REDIS:-0}" = 1 ]; }

app_env() { # the settings every instance, the migration and the build share (deploy/claimwatch.env.example)
  echo "DATABASE_URL=$(database_url)"
  if uses_redis; then echo "REDIS_URL=redis://127.0.0.1:$REDIS_PORT"; fi
  echo "SITE_URL=http://127.0.0.1:$NGINX_PORT"
  echo "TRUST_PROXY=1"
  echo "REVALIDATE_SECRET=$REVALIDATE_SECRET"
  echo "REVALIDATE_URL=http://127.0.0.1:$NGINX_PORT"
  echo "ADMIN_EMAIL=$ADMIN_EMAIL"
  echo "ADMIN_PASSWORD=$ADMIN_PASSWORD"
  echo "LISTEN_HOST=127.0.0.1"
  echo "NODE_ENV=production"
}

start_postgres() {
  need "$PG_BIN/initdb" postgresql
  local data="$STACK_DIR/pg"
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres "$STACK_DIR" "$data"
    as_postgres "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$STACK_DIR/initdb.log"
  fi
  if ! as_postgres "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $data -c fsync=on" start >/dev/null
  fi
  local psql=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt)
  if [ -z "$("${psql[@]}" -c "select 1 from pg_roles where rolname = 'claimwatch'")" ]; then
    "${psql[@]}" -c "create role claimwatch login password 'claimwatch' createdb"
  fi
  if [ -z "$("${psql[@]}" -c "select 1 from pg_database where datname = 'claimwatch'")" ]; then
    "${psql[@]}" -c "create database claimwatch owner claimwatch"
  fi
  say "PostgreSQL on 127.0.0.1:$PG_PORT"
}

start_redis() {
  need redis-server redis-server
  if pid_alive "$STACK_DIR/redis.pid"; then return; fi
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
    --pidfile "$STACK_DIR/redis.pid" --logfile "$STACK_DIR/redis.log" --dir "$STACK_DIR"
  for _ in $(seq 1 50); do pid_alive "$STACK_DIR/redis.pid" && break; sleep 0.1; done
  say "Redis on 127.0.0.1:$REDIS_PORT"
}

start_instances() {
  local i port
  for ((i = 0; i < INSTANCES; i++)); do
    port=${APP_PORTS[$i]}
    if pid_alive "$STACK_DIR/app-$port.pid"; then continue; fi
    env $(app_env) PORT="$port" nohup node scripts/server.mjs >"$STACK_DIR/app-$port.log" 2>&1 &
    echo $! >"$STACK_DIR/app-$port.pid"
  done
  for ((i = 0; i < INSTANCES; i++)); do
    wait_for "http://127.0.0.1:${APP_PORTS[$i]}/methodology" "instance ${APP_PORTS[$i]}"
  done
  say "$INSTANCES instance(s) on ${APP_PORTS[*]:0:$INSTANCES}"
}

start_nginx() {
  need nginx nginx
  local conf="$STACK_DIR/nginx.conf" site
  site=$(cat deploy/nginx.conf)
  if [ "$INSTANCES" = 1 ]; then site=$(grep -v "@APP_PORT_2@" <<<"$site"); fi
  site=$(sed -e "s/@LISTEN@/127.0.0.1:$NGINX_PORT/" -e "s/@SERVER_NAME@/127.0.0.1/" \
    -e "s/@APP_PORT_1@/${APP_PORTS[0]}/" -e "s/@APP_PORT_2@/${APP_PORTS[1]:-}/" <<<"$site")
  mkdir -p "$STACK_DIR/nginx-temp"
  cat >"$conf" <<NGINX
worker_processes auto;
pid $STACK_DIR/nginx.pid;
error_log $STACK_DIR/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $STACK_DIR/nginx-temp/body;
  proxy_temp_path $STACK_DIR/nginx-temp/proxy;
  fastcgi_temp_path $STACK_DIR/nginx-temp/fastcgi;
  uwsgi_temp_path $STACK_DIR/nginx-temp/uwsgi;
  scgi_temp_path $STACK_DIR/nginx-temp/scgi;
$site
}
NGINX
  if pid_alive "$STACK_DIR/nginx.pid"; then nginx -c "$conf" -s reload; else nginx -c "$conf"; fi
  wait_for "http://127.0.0.1:$NGINX_PORT/methodology" nginx
  say "nginx on http://127.0.0.1:$NGINX_PORT"
}

up() {
  need curl curl
  [ "$INSTANCES" = 1 ] || [ "$INSTANCES" = 2 ] || die "STACK_INSTANCES must be 1 or 2"
  [ "${#APP_PORTS[@]}" -ge "$INSTANCES" ] || die "STACK_APP_PORTS needs $INSTANCES port(s), got '${APP_PORTS[*]}'"
  [ "$ENGINE" = postgres ] || [ "$ENGINE" = sqlite ] || die "STACK_ENGINE must be postgres or sqlite"
  [ "$ENGINE" = postgres ] && start_postgres
  uses_redis && start_redis
  env $(app_env) npm run -s db:migrate
  env $(app_env) npx tsx prisma/seed.ts
  if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f .next/BUILD_ID ]; then env $(app_env) npx next build >"$STACK_DIR/build.log"; fi
  start_instances
  start_nginx
  app_env | grep -v PASSWORD >"$STACK_DIR/env"
  say "up: $ENGINE, $INSTANCES instance(s), http://127.0.0.1:$NGINX_PORT (admin $ADMIN_EMAIL; settings in $STACK_DIR/env)"
}

stop_pidfile() { # file
  if pid_alive "$1"; then
    local pid
    pid=$(cat "$1")
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$1"
}

down() {
  if pid_alive "$STACK_DIR/nginx.pid"; then nginx -c "$STACK_DIR/nginx.conf" -s quit || true; fi
  for pidfile in "$STACK_DIR"/app-*.pid; do [ -e "$pidfile" ] && stop_pidfile "$pidfile"; done
  stop_pidfile "$STACK_DIR/redis.pid"
  if [ -f "$STACK_DIR/pg/PG_VERSION" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$STACK_DIR/pg" -m fast stop >/dev/null 2>&1 || true; fi
  if [ "${STACK_KEEP:-0}" != 1 ]; then rm -rf "$STACK_DIR"; fi
  say "down"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) die "usage: scripts/stack.sh up|down" ;;
esac
