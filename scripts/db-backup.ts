import fs from "node:fs";
import path from "node:path";
import { formatSize } from "@/lib/data-io/decode";
import { backupDatabase, timestamp } from "@/lib/sqlite/backup";
import { sqliteFilePath } from "@/lib/sqlite/connection";
import { cliFailed, cliSetup, requireSqlite } from "./cli-env";

// `npm run db:backup [-- <file>]`: a consistent copy of the database while the server runs (SQLite's online backup
// API), checked with PRAGMA integrity_check before it gets its name. Without a file: backups/claimwatch-<UTC time>.db.

async function main(): Promise<void> {
  const { env, userPath } = cliSetup();
  requireSqlite(env, "db:backup", "Use pg_dump -Fc meanwhile.");
  const arg = process.argv.slice(2).find((a) => !a.startsWith("--"));
  const target = arg ? userPath(arg) : path.resolve("backups", `claimwatch-${timestamp()}.db`);
  // The folder is the owner's only, like the files in it (lib/sqlite/backup.ts creates them 0600).
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const source = sqliteFilePath(env.DATABASE_URL);
  const result = await backupDatabase(source, target);
  console.log(
    `Backed up ${source} to ${result.file}: ${formatSize(result.bytes)} (${result.pages.toLocaleString("en")} pages) in ${(result.ms / 1000).toFixed(2)} s; integrity check ok.`,
  );
}

main().catch((error: unknown) => cliFailed("Backup", error));
