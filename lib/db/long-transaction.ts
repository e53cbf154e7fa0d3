import { engineOf, type Tx } from "@/lib/db/create-client";
import { LONG_TRANSACTION_SQL } from "@/lib/postgres/connection";

/**
 * For the few transactions that are long on purpose — an import's planning, the synthetic loader's batches — which
 * read, then build rows in JavaScript with the transaction open: on PostgreSQL the pool's statement and
 * idle-in-transaction limits (lib/postgres/pool-settings.ts) would end them, so they are raised for this transaction
 * only. SQLite has no such limits.
 */
export async function allowLongTransaction(tx: Tx): Promise<void> {
  if (engineOf(tx) !== "postgresql") return;
  for (const sql of LONG_TRANSACTION_SQL) await tx.$executeRawUnsafe(sql);
}
