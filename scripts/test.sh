#!/usr/bin/env bash
# `npm test`: typecheck, lint, the unit tests on SQLite and on PostgreSQL, the e2e tests, and the e2e subset against
# the deployed stack (nginx, two instances, PostgreSQL, Redis). Every step runs even when an earlier one fails, so the
# closing line counts everything; the exit code is non-zero when anything failed. Needs Chromium, redis-server,
# PostgreSQL and nginx on the machine (.ci/run installs them); nothing is downloaded at test time.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-reports
rm -f test-reports/*.json test-reports/checks.txt

step() { # name, command...
  local name=$1 start=$SECONDS result; shift
  echo; echo "=== $name"
  if "$@"; then result=passed; else result=failed; fi
  echo "$name $result $((SECONDS - start))s" >> test-reports/checks.txt
}

step typecheck npm run -s typecheck
step lint npm run -s lint
step unit env -u TEST_DATABASE_URL npx vitest run --reporter=default --reporter=json --outputFile.json=test-reports/unit.json
step unit-postgres bash scripts/test-unit-postgres.sh --reporter=default --reporter=json \
  --outputFile.json=test-reports/unit-postgres.json
step e2e npx playwright test
step e2e-stack bash scripts/test-stack.sh

node scripts/test-summary.mjs
