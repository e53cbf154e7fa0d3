import { execFileSync } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import { exportChunks } from "@/lib/data-io/export";
import { importFile, type ImportReport } from "@/lib/data-io/import";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { backupDatabase } from "@/lib/sqlite/backup";
import { BENCH_DATABASE_URL, BENCH_DB_FILE, prepareBenchDatabase } from "./bench-db";

// `npm run bench:data`: moving 100,000 claims in and out, as an admin would with db:export, db:import and db:backup,
// against the benchmarks' database (tmp/bench/bench.db). Steps, each timed, with the process's peak memory:
//   export → import into a fresh, migrated database → import the same file again (nothing changes) → export the
//   new database (must be byte-identical) → online backup. Target (docs/performance.md): the import well under a
//   minute.

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);
const DIR = "tmp/bench";
const FRESH_FILE = `${DIR}/import-target.db`;

async function exportTo(db: Db, file: string): Promise<void> {
  const out = fs.createWriteStream(file);
  for await (const chunk of exportChunks(db)) if (!out.write(chunk)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

async function timed<T>(
  label: string,
  rows: Record<string, unknown>[],
  work: () => Promise<T>,
  note: (result: T) => string = () => "",
): Promise<T> {
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  rows.push({ step: label, seconds: Number(seconds.toFixed(1)), note: note(result) });
  console.error(`${label}: ${seconds.toFixed(1)} s ${note(result)}`);
  return result;
}

function counts(report: ImportReport): string {
  if (!report.ok)
    throw new Error(
      `import refused: ${report.issues
        .slice(0, 5)
        .map((i) => i.message)
        .join("; ")}`,
    );
  const c = report.counts.claims;
  return `claims created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}`;
}

async function main(): Promise<void> {
  await prepareBenchDatabase(CLAIMS);
  const loadBefore = os.loadavg().map((n) => n.toFixed(2));
  const rows: Record<string, unknown>[] = [];
  const source = await createPrismaClient(BENCH_DATABASE_URL);
  const firstExport = `${DIR}/export-1.json`;
  await timed(
    "export (db:export)",
    rows,
    () => exportTo(source, firstExport),
    () => `${(fs.statSync(firstExport).size / 1024 / 1024).toFixed(0)} MB`,
  );
  await source.$disconnect();

  for (const s of ["", "-wal", "-shm"]) fs.rmSync(FRESH_FILE + s, { force: true });
  const freshUrl = `file:${FRESH_FILE}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: freshUrl },
  });
  const fresh = await createPrismaClient(freshUrl);
  const bytes = fs.readFileSync(firstExport);
  const options = { fileName: "export-1.json", maxBytes: 1024 * 1024 * 1024 };
  await timed(
    "import into a fresh database (db:import)",
    rows,
    () => importFile({ db: fresh, url: freshUrl }, bytes, options),
    counts,
  );
  await timed(
    "import the same file again",
    rows,
    () => importFile({ db: fresh, url: freshUrl }, bytes, options),
    counts,
  );
  const secondExport = `${DIR}/export-2.json`;
  await timed("export the imported database", rows, () => exportTo(fresh, secondExport));
  await fresh.$disconnect();
  const identical = fs.readFileSync(secondExport).equals(bytes);
  if (!identical) throw new Error(`${firstExport} and ${secondExport} differ: the round trip lost something`);

  const backup = `${DIR}/backup-${Date.now()}.db`;
  await timed(
    "online backup (db:backup)",
    rows,
    () => backupDatabase(BENCH_DB_FILE, backup),
    (r) => `${(r.bytes / 1024 / 1024).toFixed(0)} MB`,
  );
  fs.rmSync(backup, { force: true });

  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const loadAfter = os.loadavg().map((n) => n.toFixed(2));
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(
    "bench-results/data.json",
    JSON.stringify(
      {
        at: new Date().toISOString(),
        claims: CLAIMS,
        peakRssMb: peakMb,
        roundTripIdentical: identical,
        loadAverage: { before: loadBefore, after: loadAfter },
        rows,
      },
      null,
      2,
    ),
  );
  console.table(rows);
  console.log(
    `round trip byte-identical: ${identical}; peak memory ${peakMb} MB; load average ${loadBefore.join(" ")} → ${loadAfter.join(" ")} on ${os.cpus().length} cores`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
