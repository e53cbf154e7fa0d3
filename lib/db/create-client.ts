import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgres/client";
import { RETRY_DEFAULTS, retryInteractiveTransactions } from "@/lib/db/transaction-retry";
import { isPostgresUrl, poolConfig } from "@/lib/postgres/connection";
import { releaseConnectionWhenEndingFails } from "@/lib/postgres/release-on-failure";
import { poolSettings } from "@/lib/postgres/pool-settings";
import { SQLITE_PRAGMAS, sqliteFilePath } from "@/lib/sqlite/connection";
import { oneWriterPerConnection } from "@/lib/sqlite/one-connection";

export type Db = PrismaClient;
/** The client inside `$transaction(async (tx) => …)`: what every write receives. */
export type Tx = Prisma.TransactionClient;
/** Either: reads and the audit record run inside or outside a transaction. */
export type DbOrTx = Db | Tx;

export type Engine = "sqlite" | "postgresql";

/**
 * A client for DATABASE_URL: `file:` → SQLite with the connection pragmas applied, `postgres(ql)://` → PostgreSQL
 * with the pool settings of lib/postgres/connection.ts (docs/decisions/0031-postgresql-by-url.md). The server keeps
 * one (lib/db/client.ts); scripts and tests make their own for the database they work on.
 */
export async function createPrismaClient(databaseUrl: string): Promise<PrismaClient> {
  if (isPostgresUrl(databaseUrl)) {
    const settings = poolSettings();
    const client = new PostgresPrismaClient({
      adapter: releaseConnectionWhenEndingFails(new PrismaPg(poolConfig(databaseUrl, settings))),
      // Isolation stays PostgreSQL's READ COMMITTED: every claim write first updates the claim's row
      // (lib/data/writes/version-check.ts), whose lock orders concurrent writes to one claim as SQLite's one writer
      // did; the losers of a deadlock are run again (lib/db/transaction-retry.ts, decision 0035).
      transactionOptions: { maxWait: settings.connectTimeoutMs, timeout: settings.transactionTimeoutMs },
    });
    retryInteractiveTransactions(client, { ...RETRY_DEFAULTS, retries: settings.transactionRetries });
    // Both clients are generated from the same models (scripts/postgres-schema.ts writes the PostgreSQL schema from
    // the SQLite one; its only extra field, Claim.search, is Unsupported and so not in the client's API), so their
    // query API is the same. Typing the PostgreSQL one as the SQLite one here, once, spares every caller a union.
    return client as unknown as PrismaClient;
  }
  const url = `file:${sqliteFilePath(databaseUrl)}`;
  const client = new PrismaClient({ adapter: oneWriterPerConnection(new PrismaBetterSQLite3({ url })) });
  // One transaction at a time never deadlocks; the wrapper is there so that both engines run writes the same way.
  retryInteractiveTransactions(client);
  // The adapter holds a single better-sqlite3 connection, so pragmas set here hold for every later query.
  for (const pragma of SQLITE_PRAGMAS) await client.$queryRawUnsafe(pragma);
  return client;
}

/**
 * Which engine a client (or a transaction client of it) talks to: the raw SQL of lib/sqlite/ and lib/postgres/
 * is chosen by this. The generated clients record their schema's provider.
 */
export function engineOf(db: DbOrTx): Engine {
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  return provider === "postgresql" ? "postgresql" : "sqlite";
}
