import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { SQLITE_PRAGMAS, sqliteFilePath } from "@/lib/sqlite/connection";
import { oneWriterPerConnection } from "@/lib/sqlite/one-connection";

export type Db = PrismaClient;
/** The client inside `$transaction(async (tx) => …)`: what every write receives. */
export type Tx = Prisma.TransactionClient;
/** Either: reads and the audit record run inside or outside a transaction. */
export type DbOrTx = Db | Tx;

/**
 * A client with the connection pragmas applied before it is handed out. The server keeps one (lib/db/client.ts);
 * scripts and tests make their own for the file they work on.
 */
export async function createPrismaClient(databaseUrl: string): Promise<PrismaClient> {
  const url = `file:${sqliteFilePath(databaseUrl)}`;
  const client = new PrismaClient({ adapter: oneWriterPerConnection(new PrismaBetterSQLite3({ url })) });
  // The adapter holds a single better-sqlite3 connection, so pragmas set here hold for every later query.
  for (const pragma of SQLITE_PRAGMAS) await client.$queryRawUnsafe(pragma);
  return client;
}
