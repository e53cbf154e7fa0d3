import { z } from "zod";
import { FUTURE_DATE_MESSAGE, DatePrecision, isFutureDay } from "@/lib/domain/claim-date";
import type { ClaimField } from "@/lib/domain/claim-fields";
import { EDITED_FIELDS, type EditedField } from "@/lib/domain/edit-conflicts";
import { SLUG_MAX } from "@/lib/domain/slug";
import { ClaimCategory, ClaimKind } from "@/lib/domain/vocabulary";
import { ActorSchema } from "@/lib/validation/actor";
import { slugPattern } from "@/lib/validation/claim-filters";
import {
  day,
  INT_MAX,
  optionalRecordId,
  optionalText,
  recordId,
  requiredText,
  versionField,
} from "@/lib/validation/fields";
import { aboutProblem } from "@/lib/domain/claim-about";
import { RETRACTION_REASON_MAX, retractionReasonProblem } from "@/lib/domain/review-rules";

// The claim form, for creating and for editing. Client-safe: the form and the Server Action parse the same schema.

export const STATEMENT_MAX = 1000;
export const ORIGINAL_MAX = 5000;

/**
 * The shape of a BCP 47 tag as editors use it: a language (ps, fa, ur, prs), optionally a script (Arab) and a
 * region (AF, PK, 419), then variants. Case is free, as in the standard.
 */
export const BCP47 = /^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?(-([a-z\d]{5,8}|\d[a-z\d]{3}))*$/i;

function blankTrim(v: unknown) {
  if (typeof v === "string") return v.trim() || undefined;
  return v === null ? undefined : v;
}

/** Pick an actor from the list, or describe a new one that is created in the same transaction as the claim. */
export const ClaimantSchema = z.discriminatedUnion(
  "mode",
  [
    z.object({ mode: z.literal("existing"), actorId: recordId("who made the claim") }),
    z.object({ mode: z.literal("new"), actor: ActorSchema }),
  ],
  { error: "Choose an existing actor or add a new one." },
);

const ABOUT_PICK = "Choose the actors from the list.";

/**
 * The actors the claim is about, as ids (lib/domain/claim-about.ts). The form's checkboxes give a list of strings,
 * one ticked box a lone string, none `false`; the action gets the list of numbers. Absent means "not sent": an edit
 * then leaves the list as stored. Every problem is one message at `about`, not one per item. Whether each actor
 * exists, the write checks (lib/data/writes/claims.ts).
 */
export const aboutField = z.unknown().transform((value, ctx): number[] | undefined => {
  if (value === undefined) return undefined;
  const items = value === null || value === false || value === "" ? [] : Array.isArray(value) ? value : [value];
  const ids: number[] = [];
  for (const item of items) {
    const text = typeof item === "number" ? String(item) : typeof item === "string" ? item.trim() : "";
    const id = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(id) || id < 1 || id > INT_MAX) {
      ctx.addIssue({ code: "custom", message: ABOUT_PICK });
      return z.NEVER;
    }
    ids.push(id);
  }
  const problem = aboutProblem(ids);
  if (problem) {
    ctx.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  }
  return ids;
});

/** The rule of each of the claim's own fields (lib/domain/claim-fields.ts); the import uses the same. */
export const claimFieldRules = {
  statement: requiredText("The statement", STATEMENT_MAX),
  originalText: optionalText("The original text", ORIGINAL_MAX),
  originalLanguage: z.preprocess(
    blankTrim,
    z
      .string({ error: "The language must be a language tag such as ps, fa or ur." })
      .max(35, { error: "The language tag is limited to 35 characters." })
      .regex(BCP47, { error: "Use a BCP 47 language tag such as ps, fa, ur or prs-AF." })
      .optional(),
  ),
  category: z.enum(ClaimCategory, { error: "Choose a category." }),
  kind: z.enum(ClaimKind, { error: "Choose whether this is a factual claim or a position." }),
  // A day later than today (UTC, a day's slack) is refused; how precisely it is known is a field of its own.
  claimedAt: day("Date claimed").refine((d) => !isFutureDay(d), { error: FUTURE_DATE_MESSAGE }),
  // Absent (files written before precision existed, forms of an older page) means the exact day, as before.
  claimedAtPrecision: z.preprocess(
    blankTrim,
    z.enum(DatePrecision, { error: "Choose how precisely the date is known." }).default("DAY"),
  ),
  location: optionalText("The location", 200),
} satisfies Record<ClaimField, z.ZodType>;

const fields = {
  slug: z.preprocess(
    blankTrim,
    z
      .string({ error: "The slug must be text." })
      .max(SLUG_MAX + 20, { error: `The slug is limited to ${SLUG_MAX + 20} characters.` })
      .regex(slugPattern, { error: "Use lower-case letters, digits and single hyphens, e.g. ttp-sanctuaries-denied." })
      .optional(),
  ),
  ...claimFieldRules,
  claimant: ClaimantSchema,
  incidentId: optionalRecordId("an incident"),
  about: aboutField.optional(),
};

type Fields = { originalText?: string; originalLanguage?: string };

/** The original wording is rendered with its language (lang attribute), so the two go together. */
function originalNeedsLanguage(value: Fields, ctx: z.RefinementCtx) {
  if (value.originalText && !value.originalLanguage) {
    ctx.addIssue({
      code: "custom",
      path: ["originalLanguage"],
      message: "Say which language the original text is in, e.g. ps, fa or ur.",
    });
  }
  if (value.originalLanguage && !value.originalText) {
    ctx.addIssue({ code: "custom", path: ["originalText"], message: "Add the original text, or clear its language." });
  }
}

export const ClaimCreateSchema = z.object(fields).superRefine(originalNeedsLanguage);
export type ClaimCreateInput = z.output<typeof ClaimCreateSchema>;

/**
 * A value as the edit form was opened with it, as its input held it ("" for empty). Not held to the field's rules:
 * it is only compared with what is stored (lib/domain/edit-conflicts.ts), never written.
 */
const openedValue = z.preprocess(
  (v) => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : v),
  z
    .string({ error: "This form lost the values it was opened with: reload the page." })
    .max(ORIGINAL_MAX, { error: "This form lost the values it was opened with: reload the page." }),
);

/** What the edit form was opened with, field by field: a save then conflicts only where the same field changed. */
export const OpenedWithSchema = z.object(
  Object.fromEntries(EDITED_FIELDS.map((f) => [f, openedValue])) as Record<EditedField, typeof openedValue>,
  { error: "This form lost the values it was opened with: reload the page." },
);

/**
 * `version` is the claim's version the page holds. With `openedWith`, a save is checked field by field; a request
 * without it (an older client, a script) keeps the whole-claim check: it is refused once the version moved on.
 */
export const ClaimUpdateSchema = z
  .object({ ...fields, claimId: recordId("a claim"), version: versionField, openedWith: OpenedWithSchema.optional() })
  .superRefine(originalNeedsLanguage);
export type ClaimUpdateInput = z.output<typeof ClaimUpdateSchema>;

/**
 * Publishing asks the editor to confirm (a required checkbox, so it holds without the form's script too);
 * unpublishing a published claim is a retraction and needs its reason (lib/domain/review-rules.ts). Whether the
 * claim has a source, and whether the change goes to review, the write decides (lib/data/writes/claims.ts).
 */
export const PublishSchema = z
  .object({
    claimId: recordId("a claim"),
    version: versionField,
    publish: z.boolean({ error: "Say whether to publish or unpublish." }),
    confirm: z.boolean({ error: "Tick the box or leave it empty." }).optional(),
    reason: optionalText("The reason", RETRACTION_REASON_MAX),
  })
  .superRefine((value, ctx) => {
    if (value.publish && value.confirm !== true)
      ctx.addIssue({
        code: "custom",
        path: ["confirm"],
        message: "Confirm that the claim, its status and its sources are ready for readers.",
      });
    const problem = value.publish ? null : retractionReasonProblem(value.reason);
    if (problem) ctx.addIssue({ code: "custom", path: ["reason"], message: problem });
  });
export type PublishInput = z.output<typeof PublishSchema>;
