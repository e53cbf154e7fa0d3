import fs from "node:fs";
import path from "node:path";
import { countOf } from "@/lib/domain/format";
import { formatSize } from "@/lib/data-io/decode";
import { backupPostgres } from "@/lib/postgres/backup";
import { isPostgresUrl, printableDatabaseUrl } from "@/lib/postgres/connection";
import { backupDatabase, knownMigrations, timestamp } from "@/lib/sqlite/backup";
import { sqliteFilePath } from "@/lib/sqlite/connection";
import { cliFailed, cliSetup } from "./cli-env";

// `npm run db:backup [-- <file>]`: a consistent copy of the database while the server runs, checked before it gets
// its name. SQLite: the online backup API and PRAGMA integrity_check, default backups/claimwatch-<UTC time>.db.
// PostgreSQL: pg_dump's custom format, read back whole (lib/postgres/backup.ts), default …-<UTC time>.dump.

async function main(): Promise<void> {
  const { env, userPath } = cliSetup();
  const postgres = isPostgresUrl(env.DATABASE_URL);
  const arg = process.argv.slice(2).find((a) => !a.startsWith("--"));
  const target = arg ? userPath(arg) : path.resolve("backups", `claimwatch-${timestamp()}.${postgres ? "dump" : "db"}`);
  // The folder is the owner's only, like the files in it (created 0600).
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  if (postgres) {
    const result = await backupPostgres(
      env.DATABASE_URL,
      target,
      knownMigrations(path.resolve("prisma/postgres/migrations")),
    );
    console.log(
      `Backed up ${printableDatabaseUrl(env.DATABASE_URL)} to ${result.file}: ${formatSize(result.bytes)} (pg_dump custom format, ${countOf(result.claims, "claim")}) in ${(result.ms / 1000).toFixed(2)} s; read back whole: ok.`,
    );
    return;
  }
  const source = sqliteFilePath(env.DATABASE_URL);
  const result = await backupDatabase(source, target);
  console.log(
    `Backed up ${source} to ${result.file}: ${formatSize(result.bytes)} (${result.pages.toLocaleString("en")} pages) in ${(result.ms / 1000).toFixed(2)} s; integrity check ok.`,
  );
}

main().catch((error: unknown) => cliFailed("Backup", error));
