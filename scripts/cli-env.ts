import fs from "node:fs";
import path from "node:path";
import { parseEnv, type Env } from "@/lib/env";
import { isPostgresUrl } from "@/lib/postgres/connection";

// The start of every data CLI (db:import, db:export, db:backup, db:restore): file arguments are taken relative to
// where the operator typed the command (npm runs scripts from the project root and keeps that in INIT_CWD), then
// the process moves to the project root, where relative DATABASE_URLs are resolved, and reads .env like the seed.

export function cliSetup(): { env: Env; userPath: (arg: string) => string } {
  const typedFrom = process.env.INIT_CWD ?? process.cwd();
  process.chdir(path.resolve(import.meta.dirname, ".."));
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  return { env: parseEnv(process.env), userPath: (arg) => path.resolve(typedFrom, arg) };
}

/**
 * The tools that still work on the SQLite file only (db:import, db:backup, db:restore; docs/decisions/0031) stop
 * here with a message naming DATABASE_URL, instead of looking for a file named after a PostgreSQL URL.
 */
export function requireSqlite(env: Env, what: string, instead: string): void {
  if (!isPostgresUrl(env.DATABASE_URL)) return;
  console.error(`${what}: DATABASE_URL is a PostgreSQL URL; ${what} works on SQLite only so far. ${instead}`);
  process.exit(2);
}

/** Ends a CLI with its message on stderr and exit code 1, keeping the database hint the seed gives. */
export function cliFailed(what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /does not exist in the current database/.test(message)
    ? "\nIs the database migrated? Run: npm run db:migrate"
    : "";
  console.error(`${what} failed: ${message}${hint}`);
  process.exitCode = 1;
}
