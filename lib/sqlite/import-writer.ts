import Database from "better-sqlite3";
import { SQLITE_PRAGMAS, sqliteFilePath } from "@/lib/sqlite/connection";
import { sqliteValue } from "@/lib/sqlite/bulk-insert";
import type { ImportWriter } from "@/lib/data-io/write";

// SQLite-only: the import's writes, on a connection of its own with prepared statements. Measured here on 100,000
// synthetic claims (about 800,000 rows), Prisma's raw queries spent 5–7 times longer per row than better-sqlite3's
// prepared statements, which kept the import well over a minute. PostgreSQL has its own writer
// (lib/postgres/import-writer.ts); the planning (lib/data-io/plan.ts) is the same for both.

type Row = Record<string, unknown>;

export function openImportWriter(databaseUrl: string): ImportWriter & { dataVersion(): number } {
  const db = new Database(sqliteFilePath(databaseUrl), { fileMustExist: true });
  for (const pragma of SQLITE_PRAGMAS) db.exec(pragma);
  // A page cache big enough to hold a large import until it commits (2,000 pages by default): the pages are
  // allocated only as the transaction grows, and measured a third less CPU for 100,000 claims than the default.
  db.exec("PRAGMA cache_size = -262144");
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(",");
  const columnsOf = (table: string, rows: readonly Row[]) => {
    const columns = Object.keys(rows[0] ?? {});
    for (const row of rows) {
      if (Object.keys(row).length !== columns.length)
        throw new Error(`${table}: every row needs the columns ${columns.join(", ")}`);
    }
    return columns;
  };

  return {
    dataVersion: () => Number(db.pragma("data_version", { simple: true })),
    begin: () => void db.exec("BEGIN IMMEDIATE"),
    insert(table, rows) {
      if (!rows.length) return;
      const columns = columnsOf(table, rows);
      const statement = prepare(
        `INSERT INTO "${table}" (${quoted(columns)}) VALUES (${columns.map(() => "?").join(",")})`,
      );
      for (const row of rows) statement.run(columns.map((c) => sqliteValue(row[c])));
    },
    update(table, rows) {
      if (!rows.length) return;
      const columns = columnsOf(table, rows).filter((c) => c !== "id");
      const statement = prepare(`UPDATE "${table}" SET ${columns.map((c) => `"${c}" = ?`).join(", ")} WHERE "id" = ?`);
      for (const row of rows) statement.run([...columns.map((c) => sqliteValue(row[c])), row.id]);
    },
    deleteWhere(table, column, values) {
      const statement = prepare(`DELETE FROM "${table}" WHERE "${column}" = ?`);
      for (const value of values) statement.run(value);
    },
    commit: () => void db.exec("COMMIT"),
    rollback: () => {
      if (db.inTransaction) void db.exec("ROLLBACK");
    },
    close: () => void db.close(),
  };
}
