"use server";

import type { z } from "zod";
import { runEditorAction } from "@/lib/actions/editor-action";
import { addLink, removeLink } from "@/lib/data/writes/links";
import { LinkSchema, RemoveLinkSchema } from "@/lib/validation/link";

export async function addLinkAction(input: z.input<typeof LinkSchema>) {
  return runEditorAction(LinkSchema, input, addLink);
}

export async function removeLinkAction(input: z.input<typeof RemoveLinkSchema>) {
  return runEditorAction(RemoveLinkSchema, input, removeLink);
}
