import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/create-client";

// The PostgreSQL counterpart of lib/sqlite/bulk-insert.ts (the synthetic loader): createMany, which on PostgreSQL
// sends multi-row INSERTs of up to 32,766 bind values itself, so no hand-built SQL is needed. Rows that bring their
// own ids (the loader numbers them to link rows before inserting) leave the table's id sequence behind: it is moved
// past the largest id, or the next ordinary insert would collide.

type Row = Record<string, unknown>;
type Delegate = { createMany: (args: { data: readonly Row[] }) => Promise<{ count: number }> };

export async function bulkInsert(tx: Tx, table: Prisma.ModelName, rows: readonly Row[]): Promise<number> {
  if (rows.length === 0) return 0;
  const delegate = (tx as unknown as Record<string, Delegate>)[table.charAt(0).toLowerCase() + table.slice(1)];
  if (!delegate) throw new Error(`bulkInsert: no model ${table}`);
  const { count } = await delegate.createMany({ data: rows });
  if ("id" in rows[0]!)
    await tx.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX("id") FROM "${table}"))`,
    );
  return count;
}
