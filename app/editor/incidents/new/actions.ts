"use server";

import { redirect } from "next/navigation";
import type { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import type { ActionFailure } from "@/lib/actions/result";
import { createIncident } from "@/lib/data/writes/incidents";
import { IncidentCreateSchema } from "@/lib/validation/incident";

export async function createIncidentAction(input: z.input<typeof IncidentCreateSchema>): Promise<ActionFailure> {
  const result = await runAction(
    { role: "EDITOR", schema: IncidentCreateSchema, write: createIncident, invalidate: "readers" },
    input,
  );
  if (!result.ok) return result;
  // Outside any try/catch: redirect() works by throwing.
  redirect(`/editor/incidents/${result.data.id}?created=1`);
}
