"use server";

import type { z } from "zod";
import { runEditorAction } from "@/lib/actions/editor-action";
import { attachSource, detachSource } from "@/lib/data/writes/sources";
import { AttachSourceSchema, DetachSourceSchema } from "@/lib/validation/source";

export async function attachSourceAction(input: z.input<typeof AttachSourceSchema>) {
  return runEditorAction(AttachSourceSchema, input, attachSource);
}

export async function detachSourceAction(input: z.input<typeof DetachSourceSchema>) {
  return runEditorAction(DetachSourceSchema, input, detachSource);
}
