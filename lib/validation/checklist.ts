import { z } from "zod";
import { STEP_NAME_MAX } from "@/lib/domain/checklist";
import { recordId, requiredText } from "@/lib/validation/fields";

// The verification checklist: the admin's step forms (app/admin/checklist/) and the editor's tick box on a claim.
// Client-safe.

const stepName = requiredText("The step name", STEP_NAME_MAX);
const stepId = recordId("a checklist step");

export const AddStepSchema = z.object({ name: stepName });
export type AddStepInput = z.output<typeof AddStepSchema>;

export const RenameStepSchema = z.object({ stepId, name: stepName });
export type RenameStepInput = z.output<typeof RenameStepSchema>;

export const MoveStepSchema = z.object({
  stepId,
  direction: z.enum(["up", "down"], { error: "Move the step up or down." }),
});
export type MoveStepInput = z.output<typeof MoveStepSchema>;

export const RetireStepSchema = z.object({ stepId });
export type RetireStepInput = z.output<typeof RetireStepSchema>;

/** Tick (done: true) or untick a step on one claim. */
export const TickStepSchema = z.object({
  claimId: recordId("a claim"),
  stepId,
  done: z.boolean({ error: "Tick the step or untick it." }),
});
export type TickStepInput = z.output<typeof TickStepSchema>;
