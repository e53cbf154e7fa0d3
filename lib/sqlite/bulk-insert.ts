import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/create-client";

// SQLite-only: multi-row INSERTs sent through Prisma's raw API, for the synthetic loader's hundreds of thousands
// of rows. Measured on this project's 2-core machine, createMany costs about 1 ms per synthetic claim (the query
// compiler handles every value and splits statements at 999 bind values), so 100,000 claims took well over a
// minute; this path is roughly ten times faster. A PostgreSQL build swaps this module for createMany, which
// batches 32,766 values per statement there.

type Row = Record<string, unknown>;

// SQLite allows 32,766 bind values per statement; staying below keeps one statement under its SQL length limit.
const MAX_VALUES = 30_000;

/**
 * Inserts rows that all have the same keys (the column names). Columns left out get their database default.
 * Values are encoded as the Prisma SQLite adapter stores them, so Prisma reads and compares them as usual.
 */
export async function bulkInsert(tx: Tx, table: Prisma.ModelName, rows: readonly Row[]): Promise<number> {
  const first = rows[0];
  if (!first) return 0;
  const columns = Object.keys(first);
  const perStatement = Math.max(1, Math.floor(MAX_VALUES / columns.length));
  const tuple = `(${columns.map(() => "?").join(",")})`;
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES `;
  let inserted = 0;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    for (const row of chunk) {
      if (Object.keys(row).length !== columns.length)
        throw new Error(`bulkInsert ${table}: every row needs the columns ${columns.join(", ")}`);
      for (const column of columns) values.push(sqliteValue(row[column]));
    }
    inserted += await tx.$executeRawUnsafe(head + Array(chunk.length).fill(tuple).join(","), ...values);
  }
  return inserted;
}

/** The adapter's formats: DateTime as ISO 8601 text with "+00:00", Boolean as 0/1. Shared with the import's bulk update. */
export function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}
