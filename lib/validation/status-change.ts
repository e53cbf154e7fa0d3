import { z } from "zod";
import { RATIONALE_MAX, verdictProblems } from "@/lib/domain/verdict";
import { ClaimStatus } from "@/lib/domain/vocabulary";
import { recordId, text, versionField } from "@/lib/validation/fields";

// The status form on a claim's editor page. Client-safe. The verdict rules are lib/domain/verdict.ts; those that
// need the database (POSITION claims are not rated; a final verdict needs a linked source) are checked by the
// write, lib/data/writes/status.ts, with the claim's kind and source count.

export const StatusChangeSchema = z
  .object({
    claimId: recordId("a claim"),
    version: versionField,
    status: z.enum(ClaimStatus, { error: "Choose a status." }),
    rationale: text("The rationale", "Explain the change: readers see this rationale.")
      .trim()
      .min(1, { error: "Explain the change: readers see this rationale." })
      .max(RATIONALE_MAX, { error: `The rationale is limited to ${RATIONALE_MAX} characters.` }),
  })
  .superRefine((value, ctx) => {
    for (const problem of verdictProblems({ status: value.status, rationale: value.rationale })) {
      // An empty rationale already has the field's own message, which also covers a change back to Unverified.
      if (problem.rule === "rationale-missing") continue;
      ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
    }
  });
/** A status change from the editor's form: one claim, by id, at the version the form was opened at. */
export type StatusFormInput = z.output<typeof StatusChangeSchema>;
