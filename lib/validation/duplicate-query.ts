import { z } from "zod";
import { STATEMENT_MAX } from "@/lib/validation/claim";

// The query string of GET /editor/possible-duplicates. Client-safe: the form builds the same parameters.

export const DuplicateQuerySchema = z.object({
  // Longer text is cut rather than refused: the lookup is a hint while typing, and the form reports the length.
  statement: z
    .string()
    .default("")
    .transform((s) => s.slice(0, STATEMENT_MAX)),
  /** The claim being edited, which is not a duplicate of itself. */
  exclude: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, { error: "exclude must be a claim id." })
    .transform(Number)
    .optional(),
});
export type DuplicateQuery = z.output<typeof DuplicateQuerySchema>;
