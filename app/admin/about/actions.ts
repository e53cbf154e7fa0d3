"use server";

import { runAction } from "@/lib/actions/run-action";
import { saveAboutText } from "@/lib/data/writes/about";
import { AboutPageSchema, type AboutPageInput } from "@/lib/validation/about";

// The /about text, admins only. "readers": /about is a cached reader page.
export async function saveAboutAction(input: AboutPageInput) {
  return runAction({ role: "ADMIN", schema: AboutPageSchema, write: saveAboutText, invalidate: "readers" }, input);
}
