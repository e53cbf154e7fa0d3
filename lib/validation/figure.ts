import { z } from "zod";
import { FIGURE_LABEL, NO_SOURCE_REASON_MAX, figureSourceProblem, rangeProblem } from "@/lib/domain/figure-rules";
import { Outcome, Population } from "@/lib/domain/vocabulary";
import {
  optionalDay,
  optionalRecordId,
  optionalText,
  recordId,
  versionField,
  wholeNumber,
} from "@/lib/validation/fields";

// A casualty figure as one reporter gave it; its rules are lib/domain/figure-rules.ts. Client-safe.

export const FigureSchema = z
  .object({
    claimId: recordId("a claim"),
    version: versionField,
    reportedById: recordId("who reported the figure"),
    population: z.enum(Population, { error: "Choose who was affected." }),
    outcome: z.enum(Outcome, { error: "Choose killed or injured." }),
    min: wholeNumber(FIGURE_LABEL.min),
    max: wholeNumber(FIGURE_LABEL.max),
    sourceId: optionalRecordId("one of this claim's sources"),
    noSourceReason: optionalText("The reason", NO_SOURCE_REASON_MAX),
    reportedAt: optionalDay("Date reported"),
    note: optionalText("The note", 1000),
  })
  .superRefine((value, ctx) => {
    const message = rangeProblem(value.min, value.max);
    if (message) ctx.addIssue({ code: "custom", path: ["max"], message });
    const source = figureSourceProblem(value);
    if (source) ctx.addIssue({ code: "custom", path: [source.field], message: source.message });
  });
export type FigureInput = z.output<typeof FigureSchema>;

export const RemoveFigureSchema = z.object({
  claimId: recordId("a claim"),
  version: versionField,
  figureId: recordId("a figure"),
});
export type RemoveFigureInput = z.output<typeof RemoveFigureSchema>;
