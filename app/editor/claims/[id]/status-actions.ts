"use server";

import type { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { changeStatus } from "@/lib/data/writes/status";
import { StatusChangeSchema } from "@/lib/validation/status-change";

export async function changeStatusAction(input: z.input<typeof StatusChangeSchema>) {
  return runAction(
    {
      role: "EDITOR",
      schema: StatusChangeSchema,
      write: changeStatus,
      // A proposal changes nothing readers see until it is approved.
      invalidate: (data) => (data.proposalId === null ? "readers" : "nothing"),
    },
    input,
  );
}
