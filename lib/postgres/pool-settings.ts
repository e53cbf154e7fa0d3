import { z } from "zod";

// The PostgreSQL settings an operator may change, read from the environment (docs/operations.md, PostgreSQL;
// deploy/claimwatch.env.example). One schema for both readers: lib/env.ts (the server's start-up check names every
// bad key) and lib/postgres/connection.ts (scripts and tests that make their own client, and do not call env()).

const whole = (unit: string, min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number of ${unit}` })
    .int({ error: `must be a whole number of ${unit}` })
    .min(min, { error: `must be ${min} to ${max}` })
    .max(max, { error: `must be ${min} to ${max}` });

export const POOL_DEFAULTS = {
  /** Connections per process: one request holds one for a read or for a whole write transaction. */
  size: 10,
  /** A statement running longer is cancelled by the server (an error, never a page that hangs): the busy_timeout's
   * counterpart, as a bound on the work instead of on the wait. */
  statementTimeoutMs: 15_000,
  /** A transaction left open longer is ended by the server, so a stuck request cannot hold row locks forever. */
  idleInTransactionTimeoutMs: 30_000,
  /** How long getting a connection may take before the query fails (an unreachable server, a full pool). Also how
   * long a transaction waits for a pooled connection (Prisma's maxWait). */
  connectTimeoutMs: 5_000,
  /** Idle connections are closed after this, so a quiet instance gives its connections back. */
  idleTimeoutMs: 30_000,
  /** Shown in pg_stat_activity, so a DBA can tell the app's connections from psql's and pg_dump's. */
  applicationName: "claimwatch",
  /** The longest an interactive transaction may stay open before Prisma rolls it back. Prisma's 5 s default was
   * too short on a loaded PostgreSQL (the seed's transactions, tests running side by side); a write waits on row
   * locks here where SQLite waited before BEGIN IMMEDIATE. */
  transactionTimeoutMs: 20_000,
  /** Runs after the first of a transaction that lost a deadlock or serialisation race (lib/db/transaction-retry.ts). */
  transactionRetries: 4,
} as const;

/** The keys, each with its rule; lib/env.ts spreads these into its schema. */
export const POSTGRES_ENV_FIELDS = {
  POSTGRES_POOL_SIZE: whole("connections", 1, 200).optional(),
  POSTGRES_STATEMENT_TIMEOUT_MS: whole("milliseconds", 100, 600_000).optional(),
  POSTGRES_IDLE_IN_TRANSACTION_TIMEOUT_MS: whole("milliseconds", 1_000, 3_600_000).optional(),
  POSTGRES_CONNECT_TIMEOUT_MS: whole("milliseconds", 100, 120_000).optional(),
  POSTGRES_IDLE_TIMEOUT_MS: whole("milliseconds", 1_000, 3_600_000).optional(),
  POSTGRES_APPLICATION_NAME: z
    .string()
    .regex(/^[\x20-\x7e]{1,63}$/, { error: "must be 1 to 63 printable ASCII characters" })
    .optional(),
  POSTGRES_TRANSACTION_TIMEOUT_MS: whole("milliseconds", 1_000, 600_000).optional(),
  POSTGRES_TRANSACTION_RETRIES: whole("retries", 0, 10).optional(),
};

const PoolEnvSchema = z.object(POSTGRES_ENV_FIELDS);

export type PoolSettings = {
  size: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  applicationName: string;
  transactionTimeoutMs: number;
  transactionRetries: number;
};

/**
 * The settings from `source` (process.env), each unset or empty key at its default. A bad value throws one error
 * naming every bad key, as lib/env.ts does, so a typo stops start-up instead of running with a default.
 */
export function poolSettings(source: Record<string, string | undefined> = process.env): PoolSettings {
  const keys = Object.keys(POSTGRES_ENV_FIELDS);
  const given = Object.fromEntries(keys.flatMap((k) => (source[k] ? [[k, source[k]]] : [])));
  const result = PoolEnvSchema.safeParse(given);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = result.data;
  const d = POOL_DEFAULTS;
  return {
    size: e.POSTGRES_POOL_SIZE ?? d.size,
    statementTimeoutMs: e.POSTGRES_STATEMENT_TIMEOUT_MS ?? d.statementTimeoutMs,
    idleInTransactionTimeoutMs: e.POSTGRES_IDLE_IN_TRANSACTION_TIMEOUT_MS ?? d.idleInTransactionTimeoutMs,
    connectTimeoutMs: e.POSTGRES_CONNECT_TIMEOUT_MS ?? d.connectTimeoutMs,
    idleTimeoutMs: e.POSTGRES_IDLE_TIMEOUT_MS ?? d.idleTimeoutMs,
    applicationName: e.POSTGRES_APPLICATION_NAME ?? d.applicationName,
    transactionTimeoutMs: e.POSTGRES_TRANSACTION_TIMEOUT_MS ?? d.transactionTimeoutMs,
    transactionRetries: e.POSTGRES_TRANSACTION_RETRIES ?? d.transactionRetries,
  };
}
