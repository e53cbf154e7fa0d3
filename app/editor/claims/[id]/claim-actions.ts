"use server";

import type { z } from "zod";
import { runEditorAction } from "@/lib/actions/editor-action";
import { setPublished, updateClaim } from "@/lib/data/writes/claims";
import { ClaimUpdateSchema, PublishSchema } from "@/lib/validation/claim";

export async function updateClaimAction(input: z.input<typeof ClaimUpdateSchema>) {
  return runEditorAction(ClaimUpdateSchema, input, updateClaim);
}

export async function setPublishedAction(input: z.input<typeof PublishSchema>) {
  return runEditorAction(PublishSchema, input, (db, editor, data) => setPublished(db, editor, data));
}
