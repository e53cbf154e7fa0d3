import { z } from "zod";
import { FUTURE_DATE_MESSAGE, DatePrecision, isFutureDay } from "@/lib/domain/claim-date";
import type { ClaimField } from "@/lib/domain/claim-fields";
import { SLUG_MAX } from "@/lib/domain/slug";
import { ClaimCategory, ClaimKind } from "@/lib/domain/vocabulary";
import { ActorSchema } from "@/lib/validation/actor";
import { slugPattern } from "@/lib/validation/claim-filters";
import { day, optionalRecordId, optionalText, recordId, requiredText, versionField } from "@/lib/validation/fields";

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

export const ClaimUpdateSchema = z
  .object({ ...fields, claimId: recordId("a claim"), version: versionField })
  .superRefine(originalNeedsLanguage);
export type ClaimUpdateInput = z.output<typeof ClaimUpdateSchema>;

export const PublishSchema = z.object({
  claimId: recordId("a claim"),
  version: versionField,
  publish: z.boolean({ error: "Say whether to publish or unpublish." }),
});
export type PublishInput = z.output<typeof PublishSchema>;
