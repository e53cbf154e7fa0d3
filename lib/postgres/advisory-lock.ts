import type { Tx } from "@/lib/db/create-client";

/**
 * Takes PostgreSQL transaction-scoped advisory locks on `keys` (released at commit or rollback). A transaction that
 * counts rows and then inserts one (the sign-in throttle) has no row to lock: without this, parallel ones at READ
 * COMMITTED all count the same rows. Keys are taken in sorted order so that two such transactions never deadlock.
 */
export async function advisoryLocks(tx: Tx, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  }
}
