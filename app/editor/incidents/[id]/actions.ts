"use server";

import type { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { attachClaim, detachClaim, updateIncident } from "@/lib/data/writes/incidents";
import { AttachClaimSchema, DetachClaimSchema, IncidentUpdateSchema } from "@/lib/validation/incident";

export async function updateIncidentAction(input: z.input<typeof IncidentUpdateSchema>) {
  return runAction(
    { role: "EDITOR", schema: IncidentUpdateSchema, write: updateIncident, invalidate: "readers" },
    input,
  );
}

export async function attachClaimAction(input: z.input<typeof AttachClaimSchema>) {
  return runAction({ role: "EDITOR", schema: AttachClaimSchema, write: attachClaim, invalidate: "readers" }, input);
}

export async function detachClaimAction(input: z.input<typeof DetachClaimSchema>) {
  return runAction({ role: "EDITOR", schema: DetachClaimSchema, write: detachClaim, invalidate: "readers" }, input);
}
