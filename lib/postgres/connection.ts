import type { PoolConfig } from "pg";
import { poolSettings, type PoolSettings } from "@/lib/postgres/pool-settings";

// The PostgreSQL counterpart of lib/sqlite/connection.ts: where SQLite gets pragmas on its one connection, PostgreSQL
// gets pool settings (docs/operations.md, PostgreSQL). One pool per process (lib/db/client.ts); several app instances
// each have their own, so POSTGRES_POOL_SIZE × instances must stay below the server's max_connections (100 by
// default) with room for migrations, backups and psql.

/** postgres:// or postgresql:// — the scheme that makes DATABASE_URL choose PostgreSQL. */
export const POSTGRES_URL = /^postgres(ql)?:\/\//;

export function isPostgresUrl(url: string): boolean {
  return POSTGRES_URL.test(url);
}

/**
 * Raises the pool's timeouts for one long transaction only (SET LOCAL ends with it): an import's read-only planning
 * of 100,000 claims (lib/data-io/import.ts) reads for a while, then works in JavaScript with the transaction open,
 * which the 30 s idle-in-transaction limit would end.
 */
export const LONG_TRANSACTION_SQL = [
  "SET LOCAL statement_timeout = 600000",
  "SET LOCAL idle_in_transaction_session_timeout = 600000",
];

/** The pool settings for `url` from the environment's POSTGRES_* keys (lib/postgres/pool-settings.ts). */
export function poolConfig(url: string, settings: PoolSettings = poolSettings()): PoolConfig {
  return {
    connectionString: url,
    max: settings.size,
    statement_timeout: settings.statementTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    idleTimeoutMillis: settings.idleTimeoutMs,
    application_name: settings.applicationName,
  };
}

/** DATABASE_URL as it may be printed: a PostgreSQL password is replaced by ***. */
export function printableDatabaseUrl(url: string): string {
  if (!isPostgresUrl(url)) return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgresql://…";
  }
}
