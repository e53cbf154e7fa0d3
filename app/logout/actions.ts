"use server";

import { redirect } from "next/navigation";
import { destroySession } from "@/lib/auth/session";

/**
 * Sign-out, posted by the form in the editor chrome (works without JavaScript). Without a session it simply
 * redirects: there is nothing to end, and refusing would only strand the visitor.
 */
export async function signOutAction(): Promise<void> {
  await destroySession();
  redirect("/");
}
