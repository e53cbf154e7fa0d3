#!/usr/bin/env bash
# `npm run bench`: every benchmark. Figures go to the terminal and bench-results/; nothing here is a test.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsx scripts/bench-pages.ts
npx tsx scripts/bench-search.ts
npx tsx scripts/bench-data.ts
