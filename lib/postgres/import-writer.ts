import pg from "pg";
import type { ImportWriter } from "@/lib/data-io/write";

// PostgreSQL-only: the counterpart of lib/sqlite/import-writer.ts, chosen in lib/data-io/import.ts. The import's
// writes run on a connection of their own, in one transaction: a failure anywhere (including a row the database
// refuses after thousands were written) rolls back every row. Each batch is one statement whatever its size: the
// columns go as one array parameter each and `unnest` turns them back into rows, so 2,000 rows cost one round trip
// and PostgreSQL's limit of 65,535 bind values never applies. Per-row Prisma calls would cost a round trip and a
// query compilation per row.

type Row = Record<string, unknown>;

/** Every table the import writes. Locked while it plans and writes, so nothing it decided on changes underneath. */
const TABLES = [
  "Actor",
  "Incident",
  "Source",
  "Claim",
  "ClaimSource",
  "CasualtyFigure",
  "ClaimLink",
  "ClaimAbout",
  "StatusChange",
  "ClaimNote",
];

/**
 * The import's own settings: 10 minutes for a statement and for the pauses between them (the app's pool allows 15 s
 * and 30 s, lib/postgres/connection.ts, far too little for 100,000 claims), and a minute to get the table locks.
 */
const SETTINGS = { statementMs: 10 * 60_000, lockMs: 60_000, connectMs: 5_000 };

/** Deadlock (40P01) while taking the locks: another transaction held one table and wanted another. Tried again. */
const LOCK_ATTEMPTS = 3;

export async function openPostgresImportWriter(databaseUrl: string): Promise<ImportWriter> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    application_name: "claimwatch-import",
    statement_timeout: SETTINGS.statementMs,
    idle_in_transaction_session_timeout: SETTINGS.statementMs,
    lock_timeout: SETTINGS.lockMs,
    connectionTimeoutMillis: SETTINGS.connectMs,
  });
  // A connection lost between queries surfaces as the next query's error; unhandled, it would end the process.
  client.on("error", () => {});
  await client.connect();
  // Column types, read once per table: every array parameter is cast to its column's type.
  const types = new Map<string, Map<string, string>>();
  const typesOf = async (table: string) => {
    let columns = types.get(table);
    if (!columns) {
      const result = await client.query<{ name: string; type: string }>(
        `SELECT attname AS name, format_type(atttypid, NULL) AS type FROM pg_attribute
         WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
        [`"${table}"`],
      );
      types.set(table, (columns = new Map(result.rows.map((r) => [r.name, r.type]))));
    }
    return columns;
  };
  /** `unnest($1::integer[], $2::text[], …) AS v("id", "slug", …)` with the columns' values as arrays. */
  const unnest = async (table: string, rows: readonly Row[]) => {
    const columns = Object.keys(rows[0] ?? {});
    const known = await typesOf(table);
    const casts = columns.map((c, i) => {
      const type = known.get(c);
      if (!type) throw new Error(`${table} has no column ${c}`);
      return `$${i + 1}::${type}[]`;
    });
    const values = columns.map((c) =>
      rows.map((row) => {
        if (Object.keys(row).length !== columns.length)
          throw new Error(`${table}: every row needs the columns ${columns.join(", ")}`);
        return postgresValue(row[c]);
      }),
    );
    return { columns, sql: `unnest(${casts.join(", ")}) AS v(${quoted(columns)})`, values };
  };
  /** Tables given rows with their own ids: their id sequences are moved past them before the commit. */
  const withIds = new Set<string>();
  let locked = false;

  return {
    async dataVersion() {
      // Any transaction that starts writing or ends anywhere on the server changes the snapshot: a different text
      // means the plan may be out of date (and is made again under the locks); the same text means it is not.
      const result = await client.query<{ snapshot: string }>("SELECT pg_current_snapshot()::text AS snapshot");
      return result.rows[0]!.snapshot;
    },
    async begin() {
      for (let attempt = 1; ; attempt++) {
        await client.query("BEGIN");
        try {
          // EXCLUSIVE: readers carry on, other writers of these tables wait until the import commits.
          await client.query(`LOCK TABLE ${quoted(TABLES)} IN EXCLUSIVE MODE`);
          locked = true;
          return;
        } catch (error) {
          await client.query("ROLLBACK");
          if (attempt >= LOCK_ATTEMPTS || (error as { code?: string }).code !== "40P01") throw error;
        }
      }
    },
    async insert(table, rows) {
      if (!rows.length) return;
      const { columns, sql, values } = await unnest(table, rows);
      await client.query(`INSERT INTO "${table}" (${quoted(columns)}) SELECT * FROM ${sql}`, values);
      if (columns.includes("id")) withIds.add(table);
    },
    async update(table, rows) {
      if (!rows.length) return;
      const { columns, sql, values } = await unnest(table, rows);
      const set = columns.filter((c) => c !== "id").map((c) => `"${c}" = v."${c}"`);
      await client.query(`UPDATE "${table}" AS t SET ${set.join(", ")} FROM ${sql} WHERE t."id" = v."id"`, values);
    },
    async deleteWhere(table, column, values) {
      if (!values.length) return;
      await client.query(`DELETE FROM "${table}" WHERE "${column}" = ANY($1::integer[])`, [values]);
    },
    async commit() {
      // The plan numbers new rows from the largest id (lib/data-io/plan.ts); the sequences must not hand those
      // ids out again. They only move forward: a sequence already past the largest id stays where it is.
      for (const table of withIds)
        await client.query(
          `SELECT setval(seq, top) FROM (SELECT pg_get_serial_sequence($1, 'id') AS seq, MAX("id") AS top FROM "${table}") m
           WHERE top IS NOT NULL AND top > (SELECT COALESCE(last_value, 0) FROM pg_sequences
             WHERE format('%I.%I', schemaname, sequencename) = seq)`,
          [`"${table}"`],
        );
      await client.query("COMMIT");
      locked = false;
    },
    async rollback() {
      if (!locked) return;
      locked = false;
      try {
        await client.query("ROLLBACK");
      } catch {
        // The connection is gone, and with it the transaction: the server has rolled it back. The error that
        // brought the import here is the one to report.
      }
    },
    close: () => client.end().catch(() => {}),
  };
}

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(", ");

/**
 * A Date as UTC text without a zone, as Prisma stores DateTime in `timestamp(3)` columns (the pg driver would send
 * the process's local time instead).
 */
function postgresValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "");
  return value ?? null;
}
