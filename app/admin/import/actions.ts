"use server";

import { updateTag } from "next/cache";
import { authorize } from "@/lib/auth/session";
import { READER_TAG } from "@/lib/data/cache-tags";
import { invalid, type FieldErrors } from "@/lib/actions/result";
import { importFile } from "@/lib/data-io/import";
import type { ImportIssue } from "@/lib/data-io/issues";
import type { ImportCounts } from "@/lib/data-io/plan-model";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { IMPORT_UPLOAD_MAX_BYTES, ImportUploadSchema, type ImportUploadInput } from "@/lib/validation/import";

// The upload on /admin/import: authorize("ADMIN") → the form's schema (a file of at most 50 MB, the dry-run box)
// → the same import as `npm run db:import` (lib/data-io/import.ts), all or nothing, with the admin in the audit.

/** The page lists this many problems; the CLI's --dry-run prints all of them. */
const SHOWN_ISSUES = 1000;

export type ImportOutcome =
  | { ok: true; data: { dryRun: boolean; fileName: string; format: string; records: number; counts: ImportCounts } }
  | { ok: false; fieldErrors: FieldErrors; formError?: string; issues?: ImportIssue[]; totalIssues?: number };

export async function importAction(input: ImportUploadInput): Promise<ImportOutcome> {
  const auth = await authorize("ADMIN");
  if (!auth.ok) return { ok: false, fieldErrors: auth.fieldErrors, formError: auth.formError };
  const parsed = ImportUploadSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { file, dryRun } = parsed.data;

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
    // Another write held the database for longer than SQLite waits (busy_timeout): nothing was written.
    if (error instanceof Error && "code" in error && String(error.code).startsWith("SQLITE_BUSY")) {
      return { ok: false, fieldErrors: {}, formError: "The database was busy with another write, so nothing was imported. Try again in a moment." };
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
  // Readers see imported claims on their next request.
  if (!report.dryRun) updateTag(READER_TAG);
  return { ok: true, data: { dryRun: report.dryRun, fileName: file.name, format: report.format, records: report.records, counts: report.counts } };
}
