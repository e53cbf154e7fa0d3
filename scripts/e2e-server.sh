#!/usr/bin/env bash
# Started by Playwright (playwright.config.ts → webServer): a throw-away database and a production build.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?}" "${PORT:?}"
case "$DATABASE_URL" in
postgres://* | postgresql://*)
  npx tsx scripts/check-database.ts
  npx tsx scripts/reset-postgres.ts
  ;;
*)
  db_file="${DATABASE_URL#file:}"
  rm -f "$db_file" "$db_file-wal" "$db_file-shm"
  ;;
esac
npx prisma migrate deploy
npx tsx prisma/seed.ts
# The build prerenders / and /actors from this database (docs/decisions/0011-page-cache.md). SKIP_BUILD=1 reuses a
# build made just before; one made against other data shows that data once on those two pages.
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f .next/BUILD_ID ]; then npx next build; fi
LISTEN_HOST=127.0.0.1 exec node scripts/server.mjs
