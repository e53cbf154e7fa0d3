import "server-only";
import type { ActionResult } from "@/lib/actions/result";
import { authorize } from "@/lib/auth/session";
import { importFile } from "@/lib/data-io/import";
import type { ImportCounts } from "@/lib/data-io/plan-model";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { IMPORT_UPLOAD_MAX_BYTES } from "@/lib/validation/import";

// The upload of /admin/import (app/admin/import/upload/route.ts): the same import as `npm run db:import`
// (lib/data-io/import.ts), all or nothing, with the admin in the audit. Checks the role itself, like every entry point.

/** The page lists this many problems; the CLI's --dry-run prints all of them. */
const SHOWN_ISSUES = 1000;

export type ImportDone = { dryRun: boolean; fileName: string; format: string; records: number; counts: ImportCounts };

export async function importUpload(file: File, dryRun: boolean): Promise<ActionResult<ImportDone>> {
  const auth = await authorize("ADMIN");
  if (!auth.ok) return { ok: false, fieldErrors: auth.fieldErrors, formError: auth.formError };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let report;
  try {
    report = await importFile({ db: await db(), url: env().DATABASE_URL }, bytes, {
      fileName: file.name,
      maxBytes: IMPORT_UPLOAD_MAX_BYTES,
      dryRun,
      userId: auth.user.id,
    });
  } catch (error) {
    // Another write held the database for longer than SQLite waits (busy_timeout), or on PostgreSQL the import could
    // not get its table locks (lock_timeout 55P03, a deadlock 40P01; lib/postgres/import-writer.ts): nothing was written.
    const code = error instanceof Error && "code" in error ? String(error.code) : "";
    if (code.startsWith("SQLITE_BUSY") || code === "55P03" || code === "40P01") {
      return {
        ok: false,
        fieldErrors: {},
        formError: "The database was busy with another write, so nothing was imported. Try again in a moment.",
      };
    }
    throw error;
  }
  if (!report.ok) {
    const total = report.issues.length;
    return {
      ok: false,
      fieldErrors: {},
      formError: `${total === 1 ? "1 problem" : `${total.toLocaleString("en")} problems`} in ${file.name}: nothing was imported.${total > SHOWN_ISSUES ? ` The first ${SHOWN_ISSUES.toLocaleString("en")} are listed; npm run db:import -- <file> --dry-run lists them all.` : ""}`,
      issues: report.issues.slice(0, SHOWN_ISSUES),
      totalIssues: total,
    };
  }
  return {
    ok: true,
    data: {
      dryRun: report.dryRun,
      fileName: file.name,
      format: report.format,
      records: report.records,
      counts: report.counts,
    },
  };
}
