"use server";

import type { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { setPublished, updateClaim } from "@/lib/data/writes/claims";
import { ClaimUpdateSchema, PublishSchema } from "@/lib/validation/claim";

export async function updateClaimAction(input: z.input<typeof ClaimUpdateSchema>) {
  return runAction({ role: "EDITOR", schema: ClaimUpdateSchema, write: updateClaim, invalidate: "readers" }, input);
}

export async function setPublishedAction(input: z.input<typeof PublishSchema>) {
  return runAction(
    {
      role: "EDITOR",
      schema: PublishSchema,
      write: (db, editor, data) => setPublished(db, editor, data),
      // A proposal changes nothing readers see until it is approved.
      invalidate: (data) => (data.proposalId === null ? "readers" : "nothing"),
    },
    input,
  );
}
