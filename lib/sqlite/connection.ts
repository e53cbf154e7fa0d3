import path from "node:path";

// The SQLite-only pieces of connecting: a PostgreSQL build replaces this module.

/**
 * Pragmas set on every connection (docs/decisions/0002-sqlite-embedded.md): WAL for concurrent readers, a busy wait
 * instead of SQLITE_BUSY.
 */
export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = NORMAL",
  "PRAGMA busy_timeout = 5000",
  "PRAGMA foreign_keys = ON",
  // 64 MiB of page cache instead of SQLite's 2 MiB: a search joined to "Claim" reads thousands of rows scattered
  // over the file; at 100,000 claims this made filtered and date-sorted searches 3-4x faster (bench:search).
  "PRAGMA cache_size = -65536",
] as const;

/** `file:./prisma/dev.db` → an absolute path, resolved from the project root (the process's cwd). */
export function sqliteFilePath(databaseUrl: string): string {
  const file = databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}
