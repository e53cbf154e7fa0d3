#!/usr/bin/env bash
# `npm start`: migrate, seed (idempotent), build, serve on http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f .env ]; then set -a; . ./.env; set +a; fi
export DATABASE_URL="${DATABASE_URL:-file:./prisma/dev.db}"
# The scheme picks the engine (file: SQLite, postgresql: PostgreSQL); a wrong one or an unreachable server stops here.
npx tsx scripts/check-database.ts
npx prisma migrate deploy
npx tsx prisma/seed.ts
npx next build
exec node scripts/server.mjs
