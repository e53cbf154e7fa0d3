import { z } from "zod";
import { LinkType } from "@/lib/domain/vocabulary";
import { optionalText, recordId, versionField } from "@/lib/validation/fields";

// A typed edge from this claim to another (a denial, a contradiction…). Client-safe.

export const LinkSchema = z
  .object({
    claimId: recordId("a claim"),
    version: versionField,
    type: z.enum(LinkType, { error: "Choose how the claims relate." }),
    targetId: recordId("the claim to link to"),
    note: optionalText("The note", 1000),
  })
  .superRefine((value, ctx) => {
    if (value.targetId === value.claimId) {
      ctx.addIssue({
        code: "custom",
        path: ["targetId"],
        message: "A claim cannot be linked to itself: choose another claim.",
      });
    }
  });
export type LinkInput = z.output<typeof LinkSchema>;

export const RemoveLinkSchema = z.object({
  claimId: recordId("a claim"),
  version: versionField,
  linkId: recordId("a link"),
});
export type RemoveLinkInput = z.output<typeof RemoveLinkSchema>;
