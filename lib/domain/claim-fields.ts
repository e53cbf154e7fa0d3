import { normaliseClaimDate, type DatePrecision } from "@/lib/domain/claim-date";
import { isoDay } from "@/lib/domain/format";
import type { ClaimCategory, ClaimKind } from "@/lib/domain/vocabulary";
import { dayToDate } from "@/lib/validation/fields";

// A claim's own fields: the columns an editor writes through the claim form and the import and export carry under
// the same name. The form's schema, the claim writes, the import (CSV columns, record schema, plan), the export and
// the stored-field selects all go through this list, so a new column is added here and they follow
// (docs/adding-a-claim-field.md). Left out on purpose, each with rules of its own: the slug, the references
// (claimant, incident: ids in the form, slugs in a file), the status (lib/domain/verdict.ts) and publication.
// Client-safe.

/** The claim's own fields as stored (Prisma's Claim columns). */
export type ClaimColumns = {
  statement: string;
  originalText: string | null;
  originalLanguage: string | null;
  category: ClaimCategory;
  kind: ClaimKind;
  claimedAt: Date;
  claimedAtPrecision: DatePrecision;
  location: string | null;
};

/** As the form's schema and an import record give them: a day as YYYY-MM-DD, an empty optional field left out. */
export type ClaimValues = {
  statement: string;
  originalText?: string;
  originalLanguage?: string;
  category: ClaimCategory;
  kind: ClaimKind;
  claimedAt: string;
  claimedAtPrecision: DatePrecision;
  location?: string;
};

/** How each field travels: required text, optional text (null when empty), one of an enum's values, or a calendar day. */
type FieldKind = "text" | "optional" | "choice" | "day";

/** In the order the form, the export and the CSV columns give them. */
export const CLAIM_FIELDS = {
  statement: "text",
  originalText: "optional",
  originalLanguage: "optional",
  category: "choice",
  kind: "choice",
  claimedAt: "day",
  claimedAtPrecision: "choice",
  location: "optional",
} as const satisfies Record<keyof ClaimColumns & keyof ClaimValues, FieldKind>;

export type ClaimField = keyof typeof CLAIM_FIELDS;
export const CLAIM_FIELD_KEYS = Object.keys(CLAIM_FIELDS) as ClaimField[];

const entries = Object.entries(CLAIM_FIELDS) as [ClaimField, FieldKind][];

/** A Prisma `select` of the fields. */
export const claimFieldSelect = Object.fromEntries(CLAIM_FIELD_KEYS.map((f) => [f, true])) as {
  [F in ClaimField]: true;
};

/** The values of the fields only, from a record that holds more (a form's output, an import record). */
export function pickClaimValues(values: ClaimValues): ClaimValues {
  return Object.fromEntries(CLAIM_FIELD_KEYS.map((f) => [f, values[f]])) as ClaimValues;
}

/**
 * Form or file values → the columns to write; an empty optional field clears its column. The date is stored as its
 * precision says (the 1st of the month for MONTH…: lib/domain/claim-date.ts).
 */
export function claimColumns(values: ClaimValues): ClaimColumns {
  const out: Record<string, unknown> = {};
  for (const [field, kind] of entries) {
    const value = values[field];
    out[field] = kind === "day" ? dayToDate(value as string) : kind === "optional" ? (value ?? null) : value;
  }
  const columns = out as ClaimColumns;
  return { ...columns, claimedAt: normaliseClaimDate(columns.claimedAt, columns.claimedAtPrecision) };
}

/** Stored columns → values as a file carries them (a day as YYYY-MM-DD; an empty field stays null). */
export function claimFileValues(columns: ClaimColumns): {
  [F in ClaimField]: ClaimColumns[F] extends Date ? string : ClaimColumns[F];
} {
  const out: Record<string, unknown> = {};
  for (const [field, kind] of entries) out[field] = kind === "day" ? isoDay(columns[field] as Date) : columns[field];
  return out as ReturnType<typeof claimFileValues>;
}

/** Stored columns → what the form's inputs hold: "" for an empty optional field. */
export function claimFormValues(columns: ClaimColumns): {
  [F in ClaimField]: ClaimColumns[F] extends Date ? string : NonNullable<ClaimColumns[F]>;
} {
  const out: Record<string, unknown> = {};
  for (const [field, kind] of entries)
    out[field] =
      kind === "day" ? isoDay(columns[field] as Date) : kind === "optional" ? (columns[field] ?? "") : columns[field];
  return out as ReturnType<typeof claimFormValues>;
}
