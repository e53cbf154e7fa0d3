import type { PoolConfig } from "pg";

// The PostgreSQL counterpart of lib/sqlite/connection.ts: where SQLite gets pragmas on its one connection, PostgreSQL
// gets pool settings (docs/operations.md, PostgreSQL). One pool per process (lib/db/client.ts); several app instances
// each have their own, so POSTGRES_POOL_SIZE × instances must stay below the server's max_connections (100 by
// default) with room for migrations, backups and psql.

/** postgres:// or postgresql:// — the scheme that makes DATABASE_URL choose PostgreSQL. */
export const POSTGRES_URL = /^postgres(ql)?:\/\//;

export function isPostgresUrl(url: string): boolean {
  return POSTGRES_URL.test(url);
}

export const POOL_DEFAULTS = {
  /** Connections per process: one request holds one for a read or for a whole write transaction. */
  size: 10,
  /** A statement running longer is cancelled by the server (an error, never a page that hangs): the busy_timeout's
   * counterpart, as a bound on the work instead of on the wait. */
  statementTimeoutMs: 15_000,
  /** A transaction left open longer is ended by the server, so a stuck request cannot hold row locks forever. */
  idleInTransactionTimeoutMs: 30_000,
  /** How long getting a connection may take before the query fails (an unreachable server, a full pool). */
  connectTimeoutMs: 5_000,
  /** Idle connections are closed after this, so a quiet instance gives its connections back. */
  idleTimeoutMs: 30_000,
} as const;

/**
 * Raises the pool's timeouts for one long transaction only (SET LOCAL ends with it): an import's read-only planning
 * of 100,000 claims (lib/data-io/import.ts) reads for a while, then works in JavaScript with the transaction open,
 * which the 30 s idle-in-transaction limit would end.
 */
export const LONG_TRANSACTION_SQL = [
  "SET LOCAL statement_timeout = 600000",
  "SET LOCAL idle_in_transaction_session_timeout = 600000",
];

/** The pool settings for `url`: the defaults, or POSTGRES_POOL_SIZE / POSTGRES_STATEMENT_TIMEOUT_MS when set. */
export function poolConfig(url: string, source: Record<string, string | undefined> = process.env): PoolConfig {
  const size = Number(source.POSTGRES_POOL_SIZE) || POOL_DEFAULTS.size;
  const statementTimeout = Number(source.POSTGRES_STATEMENT_TIMEOUT_MS) || POOL_DEFAULTS.statementTimeoutMs;
  return {
    connectionString: url,
    max: size,
    statement_timeout: statementTimeout,
    idle_in_transaction_session_timeout: POOL_DEFAULTS.idleInTransactionTimeoutMs,
    connectionTimeoutMillis: POOL_DEFAULTS.connectTimeoutMs,
    idleTimeoutMillis: POOL_DEFAULTS.idleTimeoutMs,
    application_name: "claimwatch",
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
