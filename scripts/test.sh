#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit and e2e tests. Every step runs even when an earlier one fails, so the closing
# line counts everything; the exit code is non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-reports
rm -f test-reports/unit.json test-reports/e2e.json test-reports/checks.txt

step() { # name, command...
  local name=$1; shift
  echo; echo "=== $name"
  if "$@"; then echo "$name passed" >> test-reports/checks.txt; else echo "$name failed" >> test-reports/checks.txt; fi
}

step typecheck npm run -s typecheck
step lint npm run -s lint
step unit npx vitest run --reporter=default --reporter=json --outputFile.json=test-reports/unit.json
step e2e npx playwright test

node scripts/test-summary.mjs
