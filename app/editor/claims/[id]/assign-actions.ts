"use server";

import type { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { assignClaim } from "@/lib/data/writes/assignment";
import { AssignSchema } from "@/lib/validation/assignment";

// Assignment is editor-only data: no reader page shows it, so readers' cache is left alone ("nothing"); the form
// refreshes its own page (components/editor/assign-form.tsx).
export async function assignClaimAction(input: z.input<typeof AssignSchema>) {
  return runAction({ role: "EDITOR", schema: AssignSchema, write: assignClaim, invalidate: "nothing" }, input);
}
