"use server";

import { redirect } from "next/navigation";
import type { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { createClaim } from "@/lib/data/writes/claims";
import type { ActionFailure } from "@/lib/actions/result";
import { ClaimCreateSchema } from "@/lib/validation/claim";

export async function createClaimAction(input: z.input<typeof ClaimCreateSchema>): Promise<ActionFailure> {
  const result = await runAction(
    { role: "EDITOR", schema: ClaimCreateSchema, write: createClaim, invalidate: "readers" },
    input,
  );
  if (!result.ok) return result;
  // Outside any try/catch: redirect() works by throwing.
  redirect(`/editor/claims/${result.data.id}?created=1`);
}
