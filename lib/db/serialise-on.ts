import { engineOf, type Tx } from "@/lib/db/create-client";
import { advisoryLocks } from "@/lib/postgres/advisory-lock";

/**
 * Makes transactions that name a common key run one after the other from here to their end, as SQLite runs every
 * transaction (lib/sqlite/one-connection.ts: BEGIN IMMEDIATE on one connection), so a check-then-insert stays true.
 * Call it first in the transaction. On PostgreSQL: advisory locks (lib/postgres/advisory-lock.ts).
 */
export async function serialiseOn(tx: Tx, keys: string[]): Promise<void> {
  if (engineOf(tx) === "postgresql") await advisoryLocks(tx, keys);
}
