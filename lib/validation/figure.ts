import { z } from "zod";
import { Outcome, Population } from "@/lib/domain/vocabulary";
import { optionalDay, optionalRecordId, optionalText, recordId, versionField, wholeNumber } from "@/lib/validation/fields";

// A casualty figure as one reporter gave it. A single number has min = max. Client-safe.

export const FigureSchema = z
  .object({
    claimId: recordId("a claim"),
    version: versionField,
    reportedById: recordId("who reported the figure"),
    population: z.enum(Population, { error: "Choose who was affected." }),
    outcome: z.enum(Outcome, { error: "Choose killed or injured." }),
    min: wholeNumber("The lowest figure"),
    max: wholeNumber("The highest figure"),
    sourceId: optionalRecordId("one of this claim's sources"),
    reportedAt: optionalDay("Date reported"),
    note: optionalText("The note", 1000),
  })
  .superRefine((value, ctx) => {
    if (value.min > value.max) {
      ctx.addIssue({
        code: "custom",
        path: ["max"],
        message: `The highest figure cannot be below the lowest (${value.min}). For a single number, enter it in both.`,
      });
    }
  });
export type FigureInput = z.output<typeof FigureSchema>;

export const RemoveFigureSchema = z.object({
  claimId: recordId("a claim"),
  version: versionField,
  figureId: recordId("a figure"),
});
export type RemoveFigureInput = z.output<typeof RemoveFigureSchema>;
