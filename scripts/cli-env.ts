import fs from "node:fs";
import path from "node:path";
import { parseEnv, type Env } from "@/lib/env";

// The start of every data CLI (db:import, db:export, db:backup, db:restore): file arguments are taken relative to
// where the operator typed the command (npm runs scripts from the project root and keeps that in INIT_CWD), then
// the process moves to the project root, where relative DATABASE_URLs are resolved, and reads .env like the seed.

export function cliSetup(): { env: Env; userPath: (arg: string) => string } {
  const typedFrom = process.env.INIT_CWD ?? process.cwd();
  process.chdir(path.resolve(import.meta.dirname, ".."));
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  return { env: parseEnv(process.env), userPath: (arg) => path.resolve(typedFrom, arg) };
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
