import { z } from "zod";
import { optionalRecordId, recordId } from "@/lib/validation/fields";

// Assigning a claim to an editor, or to nobody (an empty choice), from the claim's editor page. Client-safe.

export const AssignSchema = z.object({
  claimId: recordId("a claim"),
  assigneeId: optionalRecordId("an editor"),
});
export type AssignInput = z.output<typeof AssignSchema>;
