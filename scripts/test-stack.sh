#!/usr/bin/env bash
# The e2e subset against the loopback deployment (docs/deploy.md): start the stack (scripts/stack.sh: PostgreSQL,
# Redis, two instances, nginx), run the specs playwright.config.ts lists for E2E_STACK=1, stop the stack. Exit code
# is Playwright's (or the stack's, when it cannot start). STACK_ENGINE / STACK_INSTANCES pass through.
set -uo pipefail
cd "$(dirname "$0")/.."
export STACK_DIR=${STACK_DIR:-$PWD/tmp/test-stack}
# The secret e2e/cli-import-cache.spec.ts and friends use (playwright.config.ts, E2E_REVALIDATE_SECRET).
export REVALIDATE_SECRET=e2e-revalidate-secret-0123456789abcdef
export ADMIN_EMAIL=admin@e2e.test ADMIN_PASSWORD=e2e-admin-password

# Always from an empty STACK_DIR: a database left by an earlier run (STACK_KEEP=1) would hold that run's claims, and
# specs that count the seeded ones would fail. STACK_KEEP=1 keeps only what this run leaves behind (its logs).
STACK_KEEP=0 bash scripts/stack.sh down >/dev/null 2>&1
if ! bash scripts/stack.sh up; then
  echo "test-stack: the stack did not start (logs were in $STACK_DIR)"
  STACK_KEEP=1 bash scripts/stack.sh down >/dev/null 2>&1
  exit 1
fi
database_url=$(grep '^DATABASE_URL=' "$STACK_DIR/env" | cut -d= -f2-)
E2E_STACK=1 E2E_DATABASE_URL="$database_url" npx playwright test "$@"
code=$?
bash scripts/stack.sh down
exit $code
