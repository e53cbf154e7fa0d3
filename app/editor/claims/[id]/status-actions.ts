"use server";

import type { z } from "zod";
import { runEditorAction } from "@/lib/actions/editor-action";
import { changeStatus } from "@/lib/data/writes/status";
import { StatusChangeSchema } from "@/lib/validation/status-change";

export async function changeStatusAction(input: z.input<typeof StatusChangeSchema>) {
  return runEditorAction(StatusChangeSchema, input, changeStatus);
}
