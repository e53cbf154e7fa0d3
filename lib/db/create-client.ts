import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgres/client";
import { isPostgresUrl, poolConfig } from "@/lib/postgres/connection";
import { releaseConnectionWhenEndingFails } from "@/lib/postgres/release-on-failure";
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
    const client = new PostgresPrismaClient({
      adapter: releaseConnectionWhenEndingFails(new PrismaPg(poolConfig(databaseUrl))),
    });
    // Both clients are generated from the same models (scripts/postgres-schema.ts writes the PostgreSQL schema from
    // the SQLite one; its only extra field, Claim.search, is Unsupported and so not in the client's API), so their
    // query API is the same. Typing the PostgreSQL one as the SQLite one here, once, spares every caller a union.
    return client as unknown as PrismaClient;
  }
  const url = `file:${sqliteFilePath(databaseUrl)}`;
  const client = new PrismaClient({ adapter: oneWriterPerConnection(new PrismaBetterSQLite3({ url })) });
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
