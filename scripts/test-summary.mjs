// Reads what scripts/test.sh left in test-reports/ and prints the one closing line CI reads:
// "N passed, N failed" — every unit and e2e test (both engines, and the stack) one each, typecheck and lint one each.
// Exits 1 on any failure.
import fs from "node:fs";

const read = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")) : null);
const checks = fs.existsSync("test-reports/checks.txt")
  ? fs
      .readFileSync("test-reports/checks.txt", "utf8")
      .trim()
      .split("\n")
      .map((l) => l.split(" "))
  : [];
let passed = 0;
let failed = 0;
let skipped = 0;
const notes = [];

for (const [name, result] of checks) {
  if (name !== "typecheck" && name !== "lint") continue;
  if (result === "passed") passed++;
  else failed++;
}

// Each test step's report: the unit suite on SQLite and on PostgreSQL (vitest), the e2e suite and its subset
// against the deployed stack (Playwright).
for (const step of ["unit", "unit-postgres"]) {
  const unit = read(`test-reports/${step}.json`);
  if (unit) {
    passed += unit.numPassedTests;
    failed += unit.numFailedTests;
    skipped += unit.numPendingTests + unit.numTodoTests;
    // A file that fails to load has no tests but is still a failure.
    failed += unit.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
  } else if (checks.some(([n]) => n === step)) {
    failed++;
    notes.push(`${step}: no report written`);
  }
}

for (const step of ["e2e", "e2e-stack"]) {
  const e2e = read(`test-reports/${step}.json`);
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
    skipped += e2e.stats.skipped;
    if (e2e.errors?.length) {
      failed += e2e.errors.length;
      notes.push(`${step}: ${e2e.errors.length} run error(s)`);
    }
  } else if (checks.some(([n]) => n === step)) {
    failed++;
    notes.push(`${step}: no report written`);
  }
}

// A step that failed without any failing test behind it (e.g. a crash) still fails the run.
const stepFailed = checks.some(([, r]) => r === "failed");
if (stepFailed && failed === 0) failed = 1;

console.log("");
for (const [name, result, took] of checks) console.log(`${name}: ${result}${took ? ` (${took})` : ""}`);
for (const n of notes) console.log(n);
if (passed + failed === 0) failed = 1; // running nothing is a failure, not a pass
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
