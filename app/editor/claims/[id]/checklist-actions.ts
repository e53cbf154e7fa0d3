"use server";

import { runAction } from "@/lib/actions/run-action";
import { tickStep } from "@/lib/data/writes/checklist";
import { TickStepSchema, type TickStepInput } from "@/lib/validation/checklist";

// Ticking a verification step: editor-only data (docs/editing.md), so readers' cache is left alone; the claim's
// page refreshes itself (components/editor/claim-checklist.tsx).
export async function tickStepAction(input: TickStepInput) {
  return runAction({ role: "EDITOR", schema: TickStepSchema, write: tickStep, invalidate: "nothing" }, input);
}
