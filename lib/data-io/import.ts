import { randomUUID } from "node:crypto";
import { engineOf, type Db } from "@/lib/db/create-client";
import { sortIssues, type ImportIssue } from "@/lib/data-io/issues";
import { planImport } from "@/lib/data-io/plan";
import type { ImportCounts } from "@/lib/data-io/plan-model";
import { readImportFile, type ImportFormat, type RawDocument } from "@/lib/data-io/read-file";
import { validateDocument } from "@/lib/data-io/validate";
import { allowLongTransaction } from "@/lib/db/long-transaction";
import { openPostgresImportWriter } from "@/lib/postgres/import-writer";
import { openImportWriter } from "@/lib/sqlite/import-writer";
import { rowsToWrite, writePlan, type ImportWriter } from "@/lib/data-io/write";

// The import, all or nothing: read the file, check every record with the editor's schemas and every reference
// against the file and the database, and only when nothing at all is wrong write everything in one transaction
// with its audit trail. Used by the CLI (scripts/db-import.ts), /admin/import and the tests; free of Next.

export type ImportProgress =
  | { phase: "validate"; done: number; total: number }
  | { phase: "plan" }
  | { phase: "write"; done: number; total: number };

export type ImportOptions = {
  /** the file's name: .json or .csv decides the format (otherwise its first character does) */
  fileName: string;
  maxBytes: number;
  /** check everything and count what would change, write nothing */
  dryRun?: boolean;
  /** the admin who imports, or null from the command line */
  userId?: number | null;
  now?: Date;
  onProgress?: (progress: ImportProgress) => void;
};

export type ImportReport =
  | { ok: true; dryRun: boolean; format: ImportFormat; records: number; counts: ImportCounts; importId: string | null }
  | { ok: false; dryRun: boolean; format: ImportFormat | null; issues: ImportIssue[] };

export type ImportTarget = {
  /** reads (planning) */
  db: Db;
  /** the same database's URL (a SQLite file or a PostgreSQL server), for the writing connection */
  url: string;
};

/** The read-only planning of a dry run or a refused file: long enough for 100,000 claims. */
const TRANSACTION = { timeout: 10 * 60_000, maxWait: 30_000 };

export async function importFile(
  target: ImportTarget,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const now = options.now ?? new Date();
  const userId = options.userId ?? null;
  const progress = options.onProgress ?? (() => {});

  const read = readImportFile(bytes, options.fileName, options.maxBytes);
  if (!read.ok) return { ok: false, dryRun, format: null, issues: read.issues };
  const doc = read.doc;
  const total = doc.actors.length + doc.incidents.length + doc.sources.length + doc.claims.length;
  let done = 0;
  const { valid, issues: recordIssues } = validateDocument(doc, () => {
    if (++done % 1000 === 0 || done === total) progress({ phase: "validate", done, total });
  });
  const fileIssues = [...read.issues, ...recordIssues];
  const fail = (issues: ImportIssue[]): ImportReport => ({
    ok: false,
    dryRun,
    format: doc.format,
    issues: withLines(issues, doc.lineOf),
  });

  progress({ phase: "plan" });
  const ctx = { userId, now };
  if (dryRun || fileIssues.length) {
    // Read-only: a transaction only for a consistent view of the database while planning.
    const plan = await target.db.$transaction(async (tx) => {
      await allowLongTransaction(tx);
      return planImport(tx, valid, ctx);
    }, TRANSACTION);
    const issues = [...fileIssues, ...plan.issues];
    if (issues.length) return fail(issues);
    return { ok: true, dryRun, format: doc.format, records: total, counts: plan.counts, importId: null };
  }

  // Each engine's writer (lib/sqlite/import-writer.ts, lib/postgres/import-writer.ts) writes on a connection of
  // its own, in one transaction.
  const writer: ImportWriter =
    engineOf(target.db) === "postgresql" ? await openPostgresImportWriter(target.url) : openImportWriter(target.url);
  try {
    // Planned before taking the write lock, so other writers wait only while the rows are written. Should another
    // connection commit meanwhile (the data version moves), the plan is made again under the lock.
    const seen = await writer.dataVersion();
    let plan = await planImport(target.db, valid, ctx);
    await writer.begin();
    if ((await writer.dataVersion()) !== seen) plan = await planImport(target.db, valid, ctx);
    if (plan.issues.length) {
      await writer.rollback();
      return fail(plan.issues);
    }
    const importId = randomUUID();
    const rows = rowsToWrite(plan.writes);
    let written = 0;
    progress({ phase: "write", done: 0, total: rows });
    await writePlan(writer, plan.writes, { userId, importId, now }, (n) =>
      progress({ phase: "write", done: (written += n), total: rows }),
    );
    await writer.insert("AuditEvent", [
      {
        userId,
        entity: "Import",
        entityId: importId,
        action: "import",
        changes: JSON.stringify({ file: options.fileName, format: doc.format, records: total, ...plan.counts }),
        createdAt: now,
      },
    ]);
    await writer.commit();
    return { ok: true, dryRun, format: doc.format, records: total, counts: plan.counts, importId };
  } catch (error) {
    await writer.rollback();
    throw error;
  } finally {
    await writer.close();
  }
}

/** JSON issues get the line their record starts on (found only now that there is something to report), in file order. */
function withLines(issues: ImportIssue[], lineOf: RawDocument["lineOf"]): ImportIssue[] {
  const located = issues.map((issue) => {
    if (issue.line !== undefined) return issue;
    const match = /^(\w+)\[(\d+)\]/.exec(issue.path);
    const line = match ? lineOf([match[1] as string, Number(match[2])]) : undefined;
    return line === undefined ? issue : { ...issue, line };
  });
  return sortIssues(located);
}
