"use server";

import { redirect } from "next/navigation";
import { fromForeignOrigin } from "@/lib/actions/run-action";
import { destroySession } from "@/lib/auth/session";

/**
 * Sign-out, posted by the form in the editor chrome (works without JavaScript). Without a session it simply
 * redirects: there is nothing to end, and refusing would only strand the visitor. A post from another origin
 * (another scheme included) ends nothing: another site must not sign editors out.
 */
export async function signOutAction(): Promise<void> {
  if (!(await fromForeignOrigin())) await destroySession();
  redirect("/");
}
