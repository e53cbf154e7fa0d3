#!/usr/bin/env bash
# `npm run test:unit:postgres`: the unit suite on PostgreSQL. Starts nothing: TEST_DATABASE_URL must name a reachable
# server whose user may create databases (each test file gets its own; bash scripts/postgres-local.sh start 5451
# makes such a server). Extra arguments go to vitest (files, -t).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TEST_DATABASE_URL:?set TEST_DATABASE_URL=postgresql://user:password@host:port/database (a server the tests may create databases on)}"
case "$TEST_DATABASE_URL" in
postgres://* | postgresql://*) ;;
*)
  echo "TEST_DATABASE_URL must be a postgresql:// URL" >&2
  exit 2
  ;;
esac
DATABASE_URL="$TEST_DATABASE_URL" npx tsx scripts/check-database.ts
exec npx vitest run "$@"
