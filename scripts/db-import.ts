import fs from "node:fs";
import path from "node:path";
import { SingleBar } from "cli-progress";
import { checkSize, formatSize } from "@/lib/data-io/decode";
import { importFile, type ImportProgress } from "@/lib/data-io/import";
import { formatIssue } from "@/lib/data-io/issues";
import { formatCounts } from "@/lib/data-io/report";
import { createPrismaClient } from "@/lib/db/create-client";
import { refreshServerCache } from "@/lib/data/refresh-server-cache";
import { printableDatabaseUrl } from "@/lib/postgres/connection";
import { cliFailed, cliSetup } from "./cli-env";

// `npm run db:import -- <file.json|file.csv> [--dry-run]`: all or nothing (lib/data-io/import.ts). Progress on
// stderr, the report on stdout; exit code 1 with every error when anything is wrong, and then nothing is written.

/** V8 cannot hold a longer string; a file this big should be split anyway. */
const CLI_MAX_BYTES = 500 * 1024 * 1024;

async function main(): Promise<void> {
  const { env, userPath } = cliSetup();
  const args = process.argv.slice(2);
  const dryRun = args.includes("--dry-run");
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--dry-run");
  if (unknown.length) throw new Error(`unknown option ${unknown.join(", ")} (only --dry-run)`);
  const arg = args.find((a) => !a.startsWith("--"));
  if (!arg) throw new Error("give the file to import, e.g. npm run db:import -- claims.json [--dry-run]");
  const file = userPath(arg);
  const size = checkSize(fs.statSync(file).size, CLI_MAX_BYTES);
  if (!size.ok) throw new Error(size.message);

  const started = performance.now();
  const bytes = fs.readFileSync(file);
  const bar = new SingleBar({
    format: "{phase} [{bar}] {percentage}% {value}/{total}",
    hideCursor: true,
    stream: process.stderr,
  });
  let phase: ImportProgress["phase"] | null = null;
  const onProgress = (p: ImportProgress) => {
    if (p.phase !== phase) {
      if (phase) bar.stop();
      phase = p.phase;
      if (p.phase === "plan") process.stderr.write("checking against the database…\n");
      else bar.start(p.total, p.done, { phase: p.phase === "validate" ? "checking records " : "writing rows     " });
    } else if (p.phase !== "plan") bar.update(p.done);
  };

  const db = await createPrismaClient(env.DATABASE_URL);
  try {
    const report = await importFile({ db, url: env.DATABASE_URL }, bytes, {
      fileName: path.basename(file),
      maxBytes: CLI_MAX_BYTES,
      dryRun,
      onProgress,
    });
    bar.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (!report.ok) {
      console.error(
        `\n${report.issues.length} error${report.issues.length === 1 ? "" : "s"} in ${file}; nothing was written:`,
      );
      for (const issue of report.issues) console.error(`  ${formatIssue(issue)}`);
      process.exitCode = 1;
      return;
    }
    console.log(
      `${report.dryRun ? "Dry run, nothing written" : "Imported"}: ${file} (${report.format.toUpperCase()}, ${formatSize(bytes.byteLength)}, ` +
        `${report.records} records) into ${printableDatabaseUrl(env.DATABASE_URL)} in ${seconds} s${report.dryRun ? "; it would make these changes" : ""}:`,
    );
    console.log(formatCounts(report.counts));
    if (!report.dryRun) console.log(await refreshServerCache(env));
  } finally {
    bar.stop();
    await db.$disconnect();
  }
}

main().catch((error: unknown) => cliFailed("Import", error));
