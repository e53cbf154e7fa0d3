"use server";

import type { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { attachSource, detachSource } from "@/lib/data/writes/sources";
import { AttachSourceSchema, DetachSourceSchema } from "@/lib/validation/source";

export async function attachSourceAction(input: z.input<typeof AttachSourceSchema>) {
  return runAction({ role: "EDITOR", schema: AttachSourceSchema, write: attachSource, invalidate: "readers" }, input);
}

export async function detachSourceAction(input: z.input<typeof DetachSourceSchema>) {
  return runAction({ role: "EDITOR", schema: DetachSourceSchema, write: detachSource, invalidate: "readers" }, input);
}
