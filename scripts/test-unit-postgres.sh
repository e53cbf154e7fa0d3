#!/usr/bin/env bash
# `npm run test:unit:postgres`: the unit suite on PostgreSQL. With TEST_DATABASE_URL it uses that server (its user
# must be allowed to create databases: each test file gets its own, copied from a migrated template). Without it, it
# starts a throw-away cluster on loopback (scripts/postgres-local.sh, port TEST_PG_PORT, 5490 by default) and removes
# it afterwards. Extra arguments go to vitest (files, -t, reporters).
set -euo pipefail
cd "$(dirname "$0")/.."
started=""
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  port=${TEST_PG_PORT:-5490}
  bash scripts/postgres-local.sh stop "$port"
  TEST_DATABASE_URL=$(bash scripts/postgres-local.sh start "$port")
  started=$port
  trap 'bash scripts/postgres-local.sh stop "$started"' EXIT
fi
case "$TEST_DATABASE_URL" in
postgres://* | postgresql://*) ;;
*)
  echo "TEST_DATABASE_URL must be a postgresql:// URL" >&2
  exit 2
  ;;
esac
export TEST_DATABASE_URL
DATABASE_URL="$TEST_DATABASE_URL" npx tsx scripts/check-database.ts
npx vitest run "$@"
