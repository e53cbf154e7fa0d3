import { CLAIM_FIELD_KEYS, type ClaimField } from "@/lib/domain/claim-fields";

// The rule of an edit conflict on a claim's form (docs/decisions/0025-conflicts-per-field.md): a save conflicts only
// where the same thing changed. Each value is compared as the form's input holds it (text; "" for empty), three ways:
// what the form was opened with, what the editor submits, and what is stored now. Client-safe, no I/O.

/**
 * What the claim form edits, beyond the claim's own fields: the slug, the two references and the actors it is about
 * (as one text, lib/domain/claim-about.ts: ticking one more box while someone else unticked another is a conflict).
 */
export type EditedField = ClaimField | "slug" | "claimantId" | "incidentId" | "about";
export const EDITED_FIELDS: readonly EditedField[] = [...CLAIM_FIELD_KEYS, "slug", "claimantId", "incidentId", "about"];

/** Each field's value as text, the way the form's input holds it; a field left out is one the editor did not touch. */
export type FieldTexts = Partial<Record<EditedField, string>>;

const LABELS: Partial<Record<EditedField, string>> = {
  statement: "statement",
  originalText: "original wording",
  originalLanguage: "original language",
  category: "category",
  kind: "kind",
  claimedAt: "date claimed",
  claimedAtPrecision: "date precision",
  location: "location",
  slug: "slug",
  claimantId: "claimant",
  incidentId: "incident",
  about: "actors it is about",
};

/** The field's name in a sentence; a field added later without a label is still named. */
export const fieldLabel = (field: EditedField): string => LABELS[field] ?? field;

/** The form's path of a field, where its error is shown. */
export const fieldPath = (field: EditedField): string => (field === "claimantId" ? "claimant.actorId" : field);

const same = (a: string | undefined, b: string | undefined) => (a ?? "").trim() === (b ?? "").trim();

export type FieldConflict = { field: EditedField; theirs: string; yours: string };

/**
 * Splits a save into what it may write and where it collides. A field is the editor's change when the submitted
 * value differs from the one the form was opened with. It conflicts when the stored value moved away from that
 * opening value too, to something else than what the editor submits (two editors making the same change agree).
 * `othersChanged` lists the fields someone else changed that this editor left alone: they are kept as stored.
 */
export function compareEdit(opened: FieldTexts, submitted: FieldTexts, stored: FieldTexts) {
  const changed: EditedField[] = [];
  const conflicts: FieldConflict[] = [];
  const othersChanged: EditedField[] = [];
  for (const field of EDITED_FIELDS) {
    const mine = field in submitted && !same(submitted[field], opened[field]);
    const theirs = !same(stored[field], opened[field]);
    if (mine) changed.push(field);
    if (mine && theirs && !same(stored[field], submitted[field])) {
      conflicts.push({ field, theirs: stored[field] ?? "", yours: submitted[field] ?? "" });
    }
    if (!mine && theirs) othersChanged.push(field);
  }
  return { changed, conflicts, othersChanged };
}

/** A value quoted in a message: long text is cut, an empty value is named as such. */
export function quoteValue(value: string): string {
  const text = value.trim();
  if (!text) return "(empty)";
  return `“${text.length > 160 ? `${text.slice(0, 159)}…` : text}”`;
}
