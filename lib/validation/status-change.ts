import { z } from "zod";
import { ClaimStatus, STATUS_INFO } from "@/lib/domain/vocabulary";
import { recordId, versionField } from "@/lib/validation/fields";

// The status form on a claim's editor page. Client-safe. Rules that need the database (POSITION claims are not
// rated; a final verdict needs a linked source) are checked by the write, lib/data/writes/status.ts.

export const FINAL_RATIONALE_MIN = 20;
export const RATIONALE_MAX = 2000;

export const StatusChangeSchema = z
  .object({
    claimId: recordId("a claim"),
    version: versionField,
    status: z.enum(ClaimStatus, { error: "Choose a status." }),
    rationale: z
      .string({ error: "Explain the change: readers see this rationale." })
      .trim()
      .min(1, { error: "Explain the change: readers see this rationale." })
      .max(RATIONALE_MAX, { error: `The rationale is limited to ${RATIONALE_MAX} characters.` }),
  })
  .superRefine((value, ctx) => {
    const length = value.rationale.length;
    // Defensive `?.`: zod skips this refinement when the status is invalid, but a crafted value must never throw.
    if (STATUS_INFO[value.status]?.final && length > 0 && length < FINAL_RATIONALE_MIN) {
      ctx.addIssue({
        code: "custom",
        path: ["rationale"],
        message: `A final verdict (${STATUS_INFO[value.status].label}) needs a rationale of at least ${FINAL_RATIONALE_MIN} characters; this one has ${length}.`,
      });
    }
  });
export type StatusChangeInput = z.output<typeof StatusChangeSchema>;
