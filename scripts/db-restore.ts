import { countOf } from "@/lib/domain/format";
import { formatSize } from "@/lib/data-io/decode";
import { refreshServerCache } from "@/lib/data/refresh-server-cache";
import { checkBackup, knownMigrations, processesUsing, restoreDatabase } from "@/lib/sqlite/backup";
import { sqliteFilePath } from "@/lib/sqlite/connection";
import { cliFailed, cliSetup, requireSqlite } from "./cli-env";

// `npm run db:restore -- <file> [--force]`: replaces the database with a backup, after checking it (opens read-only,
// PRAGMA integrity_check, Claimwatch's tables and migrations). Stop the server first: restoring refuses while any
// process has the database open (checked on Linux; --force skips that check). The database it replaces is kept as
// <database>.before-restore-<UTC time>.

async function main(): Promise<void> {
  const { env, userPath } = cliSetup();
  requireSqlite(env, "db:restore", "Use pg_restore meanwhile.");
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const arg = args.find((a) => !a.startsWith("--"));
  if (!arg)
    throw new Error("give the backup to restore, e.g. npm run db:restore -- backups/claimwatch-20261125T183005Z.db");
  const file = userPath(arg);
  const target = sqliteFilePath(env.DATABASE_URL);

  const check = checkBackup(file, knownMigrations());
  if (!check.ok) throw new Error(`${check.message}\nNothing was changed.`);
  console.log(
    `${file}: integrity check ok; a Claimwatch database with ${countOf(check.claims, "claim")} and ${countOf(check.users, "account")}.`,
  );

  const users = processesUsing(target);
  if (users === null) {
    console.warn("Could not check whether the database is in use (no /proc here): make sure the server is stopped.");
  } else if (users.length && !force) {
    throw new Error(
      `${target} is open in process ${users.join(", ")} — the server is probably running. Stop it first, then restore. ` +
        "(Replacing a database under a running server loses what it writes and can corrupt what it reads.) Nothing was changed.",
    );
  }

  const result = await restoreDatabase(file, target);
  console.log(`Restored ${target} (${formatSize(result.bytes)}) in ${(result.ms / 1000).toFixed(2)} s.`);
  if (result.previous)
    console.log(`The database it replaced is kept as ${result.previous}; restore that file to undo.`);
  console.log(await refreshServerCache(env));
  if (check.pendingMigrations.length) {
    console.log(
      `The backup predates migrations ${check.pendingMigrations.join(", ")}: run npm run db:migrate (npm start does) before serving.`,
    );
  }
}

main().catch((error: unknown) => cliFailed("Restore", error));
