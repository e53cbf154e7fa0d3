"use server";

import { redirect } from "next/navigation";
import type { z } from "zod";
import { runEditorAction } from "@/lib/actions/editor-action";
import { createClaim } from "@/lib/data/writes/claims";
import type { WriteFailure } from "@/lib/actions/write-result";
import { ClaimCreateSchema } from "@/lib/validation/claim";

export async function createClaimAction(input: z.input<typeof ClaimCreateSchema>): Promise<WriteFailure> {
  const result = await runEditorAction(ClaimCreateSchema, input, createClaim);
  if (!result.ok) return result;
  // Outside any try/catch: redirect() works by throwing.
  redirect(`/editor/claims/${result.data.id}?created=1`);
}
