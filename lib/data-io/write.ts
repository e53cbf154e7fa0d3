import type { ImportWrites } from "@/lib/data-io/plan-model";

// Carries out a plan inside the import's transaction. Parents before children: foreign keys are checked per
// statement.

type Row = Record<string, unknown>;

/**
 * One engine's writes of an import, on a connection of its own: lib/sqlite/import-writer.ts (synchronous,
 * better-sqlite3) or lib/postgres/import-writer.ts (pg), chosen in lib/data-io/import.ts.
 */
export type ImportWriter = {
  /** changes when another connection commits (or, on PostgreSQL, starts writing) */
  dataVersion(): number | string | Promise<number | string>;
  /** starts the transaction and takes the locks that keep other writers out until commit or rollback */
  begin(): void | Promise<void>;
  insert(table: string, rows: readonly Row[]): void | Promise<void>;
  /** sets the given columns on the rows with the given ids; every row has `id` and the same keys */
  update(table: string, rows: readonly Row[]): void | Promise<void>;
  deleteWhere(table: string, column: string, values: readonly number[]): void | Promise<void>;
  commit(): void | Promise<void>;
  /** ends the transaction if one is open; nothing otherwise */
  rollback(): void | Promise<void>;
  close(): void | Promise<void>;
};

/** Rows per call, so progress moves while a big table is written. */
const BATCH = 2_000;

/** Every row the plan writes or deletes: the total for a progress bar. */
export function rowsToWrite(w: ImportWrites): number {
  return (
    w.actors.insert.length +
    w.actors.update.length +
    w.incidents.insert.length +
    w.incidents.update.length +
    w.sources.insert.length +
    w.sources.update.length +
    w.sources.derive.length +
    w.claims.insert.length +
    w.claims.update.length +
    w.claimSources.remove.length +
    w.claimSources.insert.length +
    w.figures.replaceFor.length +
    w.figures.insert.length +
    w.links.remove.length +
    w.links.insert.length +
    w.about.replaceFor.length +
    w.about.insert.length +
    w.statusChanges.insert.length +
    w.notes.insert.length +
    w.claimAudit.length
  );
}

export async function writePlan(
  writer: ImportWriter,
  w: ImportWrites,
  audit: { userId: number | null; importId: string; now: Date },
  onRows: (rows: number) => void = () => {},
): Promise<void> {
  const batches = async <T>(items: T[], run: (batch: T[]) => void | Promise<void>) => {
    for (let i = 0; i < items.length; i += BATCH) {
      const batch = items.slice(i, i + BATCH);
      await run(batch);
      onRows(batch.length);
      // better-sqlite3 is synchronous: let the server answer other requests between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const insert = (table: string, rows: Row[]) => batches(rows, (b) => writer.insert(table, b));
  const update = (table: string, rows: Row[]) => batches(rows, (b) => writer.update(table, b));

  await insert("Actor", w.actors.insert);
  await update("Actor", w.actors.update);
  await insert("Incident", w.incidents.insert);
  await update("Incident", w.incidents.update);
  await insert("Source", w.sources.insert);
  await update("Source", w.sources.update);
  await update("Source", w.sources.derive);
  await insert("Claim", w.claims.insert);
  await update("Claim", w.claims.update);
  await batches(w.claimSources.remove, (ids) => writer.deleteWhere("ClaimSource", "id", ids));
  await insert("ClaimSource", w.claimSources.insert);
  await batches(w.figures.replaceFor, (claimIds) => writer.deleteWhere("CasualtyFigure", "claimId", claimIds));
  await insert("CasualtyFigure", w.figures.insert);
  await batches(w.links.remove, (ids) => writer.deleteWhere("ClaimLink", "id", ids));
  await insert("ClaimLink", w.links.insert);
  await batches(w.about.replaceFor, (claimIds) => writer.deleteWhere("ClaimAbout", "claimId", claimIds));
  await insert("ClaimAbout", w.about.insert);
  await insert("StatusChange", w.statusChanges.insert);
  await insert("ClaimNote", w.notes.insert);
  await insert(
    "AuditEvent",
    w.claimAudit.map((a) => ({
      userId: audit.userId,
      entity: "Claim",
      entityId: String(a.claimId),
      action: a.action,
      changes: JSON.stringify({ import: audit.importId, ...a.changes }),
      createdAt: audit.now,
    })),
  );
}
