"use server";

import type { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { addLink, removeLink } from "@/lib/data/writes/links";
import { LinkSchema, RemoveLinkSchema } from "@/lib/validation/link";

export async function addLinkAction(input: z.input<typeof LinkSchema>) {
  return runAction({ role: "EDITOR", schema: LinkSchema, write: addLink, invalidate: "readers" }, input);
}

export async function removeLinkAction(input: z.input<typeof RemoveLinkSchema>) {
  return runAction({ role: "EDITOR", schema: RemoveLinkSchema, write: removeLink, invalidate: "readers" }, input);
}
