import path from "node:path";
import { countOf } from "@/lib/domain/format";
import { formatSize } from "@/lib/data-io/decode";
import { refreshServerCache } from "@/lib/data/refresh-server-cache";
import { checkPostgresBackup, restorePostgres, sessionsOn } from "@/lib/postgres/backup";
import { isPostgresUrl, printableDatabaseUrl } from "@/lib/postgres/connection";
import { checkBackup, knownMigrations, processesUsing, restoreDatabase, type BackupCheck } from "@/lib/sqlite/backup";
import { sqliteFilePath } from "@/lib/sqlite/connection";
import { cliFailed, cliSetup } from "./cli-env";

// `npm run db:restore -- <file> [--force]`: replaces the database with a backup, after checking it. SQLite: opens
// read-only, PRAGMA integrity_check, Claimwatch's tables and migrations; PostgreSQL: the archive read back whole,
// the same tables and migrations (lib/postgres/backup.ts). Stop the server first: restoring refuses while any
// process has the database open (SQLite: checked on Linux) or any session is connected to it (PostgreSQL); --force
// skips that check (PostgreSQL: ends those sessions). The replaced database is kept: SQLite as
// <database>.before-restore-<UTC time>, PostgreSQL as <database>_before_restore_<utc time>.

async function main(): Promise<void> {
  const { env, userPath } = cliSetup();
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const arg = args.find((a) => !a.startsWith("--"));
  if (!arg)
    throw new Error("give the backup to restore, e.g. npm run db:restore -- backups/claimwatch-20261125T183005Z.db");
  const file = userPath(arg);
  const postgres = isPostgresUrl(env.DATABASE_URL);

  const check: BackupCheck = postgres
    ? await checkPostgresBackup(file, knownMigrations(path.resolve("prisma/postgres/migrations")))
    : checkBackup(file, knownMigrations());
  if (!check.ok) throw new Error(`${check.message}\nNothing was changed.`);
  console.log(
    `${file}: ${postgres ? "read back whole" : "integrity check"} ok; a Claimwatch database with ${countOf(check.claims, "claim")} and ${countOf(check.users, "account")}.`,
  );

  const inUse = "the server is probably running. Stop it first, then restore.";
  const lost = "(Replacing a database under a running server loses what it writes and can corrupt what it reads.)";
  if (postgres) {
    const sessions = await sessionsOn(env.DATABASE_URL);
    if (sessions.length && !force)
      throw new Error(
        `${printableDatabaseUrl(env.DATABASE_URL)} has ${countOf(sessions.length, "session")} connected (${[...new Set(sessions.map((s) => s.application || "unnamed"))].join(", ")}) — ${inUse} ` +
          `${lost} Nothing was changed.`,
      );
    const result = await restorePostgres(file, env.DATABASE_URL, check, { force });
    console.log(`Restored ${printableDatabaseUrl(env.DATABASE_URL)} in ${(result.ms / 1000).toFixed(2)} s.`);
    if (result.previous)
      console.log(
        `The database it replaced is kept as ${result.previous}; to undo, rename it back (ALTER DATABASE … RENAME), or drop it when sure.`,
      );
  } else {
    const target = sqliteFilePath(env.DATABASE_URL);
    const users = processesUsing(target);
    if (users === null) {
      console.warn("Could not check whether the database is in use (no /proc here): make sure the server is stopped.");
    } else if (users.length && !force) {
      throw new Error(`${target} is open in process ${users.join(", ")} — ${inUse} ${lost} Nothing was changed.`);
    }
    const result = await restoreDatabase(file, target);
    console.log(`Restored ${target} (${formatSize(result.bytes)}) in ${(result.ms / 1000).toFixed(2)} s.`);
    if (result.previous)
      console.log(`The database it replaced is kept as ${result.previous}; restore that file to undo.`);
  }
  console.log(await refreshServerCache(env));
  if (check.pendingMigrations.length) {
    console.log(
      `The backup predates migrations ${check.pendingMigrations.join(", ")}: run npm run db:migrate (npm start does) before serving.`,
    );
  }
}

main().catch((error: unknown) => cliFailed("Restore", error));
