import { z } from "zod";
import { SourceType, Stance } from "@/lib/domain/vocabulary";
import {
  checkbox,
  optionalDay,
  optionalHttpUrl,
  optionalRecordId,
  optionalText,
  recordId,
  requiredText,
  versionField,
} from "@/lib/validation/fields";

// Linking a source to a claim with a stance: an existing source, or a new one created in the same transaction.
// Client-safe.

export const NewSourceSchema = z
  .object({
    url: optionalHttpUrl("The address"),
    title: requiredText("The title", 300),
    publisher: optionalText("The publisher", 200),
    publishedAt: optionalDay("Date published"),
    type: z.enum(SourceType, { error: "Choose the type of source." }),
    archiveUrl: optionalHttpUrl("The archive address"),
    derivedFromId: optionalRecordId("the source this one repeats"),
    protected: checkbox("Protected"),
    protectedReason: optionalText("The reason", 500),
  })
  .superRefine((value, ctx) => {
    if (value.protected && !value.protectedReason) {
      ctx.addIssue({
        code: "custom",
        path: ["protectedReason"],
        message: "Say why this source must be protected: readers see the reason instead of the source.",
      });
    }
  });
export type NewSourceInput = z.output<typeof NewSourceSchema>;

export const SourcePickSchema = z.discriminatedUnion(
  "mode",
  [
    z.object({ mode: z.literal("existing"), sourceId: recordId("a source") }),
    z.object({ mode: z.literal("new"), fields: NewSourceSchema }),
  ],
  { error: "Choose an existing source or describe a new one." },
);

export const AttachSourceSchema = z.object({
  claimId: recordId("a claim"),
  version: versionField,
  stance: z.enum(Stance, { error: "Choose whether the source supports, refutes or gives context." }),
  note: optionalText("The note", 1000),
  source: SourcePickSchema,
});
export type AttachSourceInput = z.output<typeof AttachSourceSchema>;

export const DetachSourceSchema = z.object({
  claimId: recordId("a claim"),
  version: versionField,
  sourceId: recordId("a source"),
});
export type DetachSourceInput = z.output<typeof DetachSourceSchema>;
